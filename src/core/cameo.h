// The CAMEO codebook, compiled into the binary from data/cameo/*.tsv (authored by us from the
// CAMEO 1.1b3 manual and GDELT's lookup tables; see docs/CAMEO.md for where copies disagree and
// what we chose).
//
// Why compiled in: every reader, the coder and every report needs labels, QuadClass and Goldstein
// weights, and must work on a fresh machine with nothing beside the binary. The tables are small
// (312 event codes, 262 countries, 39 roles, 119 groups: about 20 KB) so a sorted vector with
// binary search is all the lookup structure they need; a hash map would cost more to build than it
// saves at this size.
//
// Files (tab-separated, one header line, '#' lines are comments; table format 1):
//   eventcodes.tsv   code, label, goldstein       every event code, 2-4 digits ("01".."2042")
//   countries.tsv    code, name, kind             CAMEO country and region codes ("PAK", "RUS");
//                                                 kind: state, region (EUR, WST, MEA: several
//                                                 states) or area (GZS, WSB, BAG: part of one)
//   actortypes.tsv   code, name                   role codes ("GOV", "MIL", "BUS"...)
//   knowngroups.tsv  code, name, origin           known groups ("NAT", "UNO", "SCO"...); origin is
//                                                 "cameo" or "entente" (our additions, e.g. SCO)
//   religions.tsv    code, name                   religion codes ("CHR", "MOS", "HIN"...)
//
// Codes are compared as exact text: "010" and "10" are different codes (leading zeros matter).
//
// Thread safety: the tables are parsed once, on first use, and never change after (a function
// static); every function here may be called from any thread. Returned views and pointers live
// for the whole process.
#ifndef ENTENTE_CORE_CAMEO_H_
#define ENTENTE_CORE_CAMEO_H_

#include <string_view>
#include <vector>

namespace entente {

struct EventCodeInfo {
  std::string_view code;   // "0314"
  std::string_view label;  // "Express intent to cooperate economically"
  std::string_view base;   // "031" (a root's base is the root itself: "03")
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
// Every event code, sorted by code text ("01" < "010" < "0101" < "011" ...).
const std::vector<EventCodeInfo>& AllEventCodes();
inline bool IsEventCode(std::string_view code) { return LookupEventCode(code) != nullptr; }
// The label of an event code; empty when unknown.
std::string_view EventCodeLabel(std::string_view code);
// The label of a two-digit root ("04" -> "CONSULT"); empty when `root` is not a root code.
// Also accepts a longer code and labels its root ("0431" -> "CONSULT").
std::string_view RootLabel(std::string_view code);
// The twenty roots "01".."20" in order.
const std::vector<const EventCodeInfo*>& AllRootCodes();
// "Verbal Cooperation", "Material Cooperation", "Verbal Conflict", "Material Conflict" for 1..4;
// empty otherwise.
std::string_view QuadClassLabel(int quad);

// True for every code of countries.tsv: states, regions and areas (what CAMEO calls countries).
bool IsCountryCode(std::string_view code);
std::string_view CountryName(std::string_view code);  // empty when unknown
const std::vector<CodeName>& AllCountries();
// True only for a state: a countries.tsv code of kind "state" (an ISO 3166 country or territory
// such as PAK, RUS, HKG). Regions (EUR, WST, AFR, ASA, MEA...), areas (GZS, WSB, BAG), role-only
// codes (GOV, BUS, COP), IGO/NGO codes, blanks and anything padded with spaces are not. Lists of
// countries and dyads (scan, the report's neighbourhood, the dashboard) hold only these by
// default (CLI.md "Actors").
bool IsStateCode(std::string_view code);
// True for a region or area code of countries.tsv (EUR, WST, GZS): a place, not a state.
bool IsRegionCode(std::string_view code);

// `code` without surrounding spaces: readers store actor and country codes trimmed, so " GOV",
// "GOV" and "GOV " are one code and a blank field (" ") is empty.
std::string_view TrimCode(std::string_view code);

std::string_view ActorTypeName(std::string_view code);  // empty when unknown
const std::vector<CodeName>& AllActorTypes();

std::string_view KnownGroupName(std::string_view code);  // empty when unknown
const std::vector<CodeName>& AllKnownGroups();
// True for known-group codes entente added (not in CAMEO or GDELT's lookups): SCO, BRC, CST, EAU.
bool IsEntenteKnownGroup(std::string_view code);

std::string_view ReligionName(std::string_view code);  // empty when unknown
const std::vector<CodeName>& AllReligions();

// A CAMEO actor code split into its three-letter parts, as GDELT fills its Actor* fields:
// "PAKGOV" -> country PAK, types {GOV}; "IGOUNO" -> types {IGO}, group UNO; "IGOEUREEC" -> type
// IGO, country EUR (a region), group EEC; "RUSGOVMIL" -> country RUS, types {GOV, MIL}. Parts
// that are none of these (digits, private extensions) are kept in `unknown`; they are not errors.
// Surrounding spaces are ignored (some GDELT rows have " INDGOV"). Views point into `code`.
struct ActorCodeParts {
  std::string_view country;      // first country or region part
  std::string_view known_group;  // first known-group part
  std::string_view religion;     // first religion part ("CHR", "MOS")
  std::vector<std::string_view> types;
  std::vector<std::string_view> unknown;
};
ActorCodeParts SplitActorCode(std::string_view code);

// Why `code` finds nothing when it is no CAMEO actor code, for messages: "RUSS is no CAMEO actor
// code; did you mean RUS?" (the nearest country code, one letter added, dropped or changed), or
// just the first half when none is near. Empty for a blank or a well-formed code (three-letter
// parts that are all countries, types, groups or religions), whether or not the data hold it.
std::string ActorCodeHint(std::string_view code);

}  // namespace entente

#endif  // ENTENTE_CORE_CAMEO_H_
