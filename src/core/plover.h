// PLOVER next to CAMEO: the PLOVER event, mode and context of a CAMEO event code, from
// data/cameo/plover.tsv (derived from the PLOVER project's CAMEO2PLOVER table by
// tools/derive_plover_table.py; docs/CAMEO.md says how its irregularities were read).
//
// A code the table does not list takes its base's row, then its root's ("1951" -> "195"); CAMEO
// roots 01 (statements) and 02 (appeals) have no PLOVER event, so their codes get none.
//
// Thread safety: the table is parsed once, on first use; views live for the whole process.
#ifndef ENTENTE_CORE_PLOVER_H_
#define ENTENTE_CORE_PLOVER_H_

#include <string_view>

namespace entente {

struct PloverCoding {
  std::string_view event;    // "ASSAULT"
  std::string_view mode;     // "heavy-weapons"; may be empty
  std::string_view context;  // "military", "legal;military"; may be empty
};

// nullptr when `cameo_code` (nor its base or root) has a PLOVER event.
const PloverCoding* PloverOf(std::string_view cameo_code);

}  // namespace entente

#endif  // ENTENTE_CORE_PLOVER_H_
