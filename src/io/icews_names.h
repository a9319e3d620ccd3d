// ICEWS writes countries and sectors as English names; the event model wants CAMEO codes. These
// lookups read two small authored tables compiled into the binary (data/io/icews_countries.tsv,
// data/io/icews_sectors.tsv), once, on first use (thread-safe static). Matching ignores case.
#ifndef ENTENTE_IO_ICEWS_NAMES_H_
#define ENTENTE_IO_ICEWS_NAMES_H_

#include <string_view>

namespace entente::io {

// "Russian Federation" -> "RUS"; empty when the name is not in the table.
std::string_view CountryCodeForName(std::string_view name);
// "Foreign Ministry" -> "GOV"; empty when the sector has no plain CAMEO type.
std::string_view TypeCodeForSector(std::string_view sector);

}  // namespace entente::io

#endif  // ENTENTE_IO_ICEWS_NAMES_H_
