// The CAMEO codebook, compiled into the binary from data/cameo/*.tsv (authored by us from the
// CAMEO 1.1b3 manual and GDELT's lookup tables; see docs/CAMEO.md for where copies disagree and
// what we chose).
//
// Files (tab-separated, one header line):
//   eventcodes.tsv   code, label, goldstein       every event code, 2-4 digits ("01".."204")
//   countries.tsv    code, name                   CAMEO country codes ("PAK", "RUS"...)
//   actortypes.tsv   code, name                   role codes ("GOV", "MIL", "BUS"...)
//   knowngroups.tsv  code, name                   known groups ("NAT", "UNO", "SCO"...)
// The tables are parsed once, on first use, and never change after (thread-safe by a function
// static).
#ifndef ENTENTE_CORE_CAMEO_H_
#define ENTENTE_CORE_CAMEO_H_

#include <string_view>
#include <vector>

namespace entente {

struct EventCodeInfo {
  std::string_view code;   // "0314"
  std::string_view label;  // "Express intent to meet or negotiate"? (per the codebook)
  std::string_view base;   // "031"
  std::string_view root;   // "03"
  int quad = 0;            // 1..4
  float goldstein = 0;     // -10..+10
};

struct CodeName {
  std::string_view code;
  std::string_view name;
};

// nullptr when `code` is not a CAMEO event code.
const EventCodeInfo* LookupEventCode(std::string_view code);
const std::vector<EventCodeInfo>& AllEventCodes();

bool IsCountryCode(std::string_view code);
std::string_view CountryName(std::string_view code);  // empty when unknown
const std::vector<CodeName>& AllCountries();

std::string_view ActorTypeName(std::string_view code);  // empty when unknown
const std::vector<CodeName>& AllActorTypes();

std::string_view KnownGroupName(std::string_view code);  // empty when unknown
const std::vector<CodeName>& AllKnownGroups();

}  // namespace entente

#endif  // ENTENTE_CORE_CAMEO_H_
