// The event record: one CAMEO-coded interaction between two actors on a date, as rich as a GDELT
// row, so that nothing a dataset publishes is lost on the way through entente.
//
// One template, two instantiations:
//   EventRow = BasicEvent<std::string_view>  what readers hand out: fields point into the reader's
//              buffer and are valid only until the callback returns (zero copies on the hot path).
//   Event    = BasicEvent<std::string>       an owned copy, for tests, the chronicle, the coder.
// Codes stay text ("010", "0314"): leading zeros are meaningful in CAMEO.
// Missing numbers: lat/lon are NaN, counts are 0, goldstein is NaN when the dataset gives none.
#ifndef ENTENTE_CORE_EVENT_H_
#define ENTENTE_CORE_EVENT_H_

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.h"

namespace entente {

template <class S>
struct BasicActor {
  S code;     // full CAMEO actor code, e.g. "PAKGOV", "RUSMIL", "IGOUNO"
  S name;     // as the dataset or coder names it, e.g. "PAKISTAN", "Foreign Minister Sergey Lavrov"
  S country;  // CAMEO 3-letter country code ("PAK"; the Soviet Union is "RUS"), empty if none
  S known_group;  // CAMEO known group ("NAT", "UNO", "SCO"...)
  S ethnic;
  S religion1;
  S religion2;
  S type1;  // CAMEO role codes: GOV, MIL, BUS, OPP, REB, ...
  S type2;
  S type3;
};

template <class S>
struct BasicEvent {
  S dataset;  // "gdelt1", "gdelt2", "icews", "phoenix", "chronicle", "coded:<name>", ...
  S id;       // the dataset's own id (GLOBALEVENTID, Event ID); empty when the source has none
  Days date = 0;
  DatePrecision precision = DatePrecision::kDay;
  BasicActor<S> source;  // Actor1: who acts
  BasicActor<S> target;  // Actor2: who is acted upon
  bool is_root = false;  // GDELT IsRootEvent
  S code;                // CAMEO event code "0314"
  S base_code;           // three-digit base "031"
  S root_code;           // two-digit root "03"
  int8_t quad = 0;       // QuadClass 1..4 (0 = unknown)
  float goldstein = NAN;
  int32_t mentions = 0;
  int32_t sources = 0;
  int32_t articles = 0;
  float tone = NAN;
  S geo_country;  // ActionGeo country as published (FIPS 10-4 in GDELT)
  S geo_name;     // ActionGeo full name
  float lat = NAN;
  float lon = NAN;
  int64_t date_added = 0;  // GDELT DATEADDED as a number (YYYYMMDD or YYYYMMDDHHMMSS); 0 if none
  S url;                   // SOURCEURL or citation URL
  S sector;                // energy, defence, trade, security, diplomacy, culture (when known)
  S text;                  // a description or the coded sentence (chronicle, coder)
  S citation;              // "Publication, Title, date" (chronicle)
};

using Actor = BasicActor<std::string>;
using ActorRow = BasicActor<std::string_view>;
using Event = BasicEvent<std::string>;
using EventRow = BasicEvent<std::string_view>;

// A view of an owned event. REQUIRES: `e` outlives the returned row.
EventRow ViewOf(const Event& e);
// An owned copy of a row.
Event ToOwned(const EventRow& row);

// The identity used to deduplicate on re-ingest: dataset + id when the dataset has ids, otherwise a
// 64-bit hash of every field (two rows identical in every field are the same event).
uint64_t EventKeyHash(const EventRow& e);

// The country an actor belongs to for dyad purposes: `country` when set, else the first three
// letters of `code` when they are a CAMEO country code, else the code itself (IGOs, NGOs).
std::string_view DyadCountry(const ActorRow& a);

// Trims surrounding spaces from every code of the row's actors (code, country, known group,
// ethnic, religions, types) and from geo_country, so " GOV" and "GOV" are one actor and a blank
// Actor2 (" ") is no actor. Every reader's rows pass through it (io/reader.cc). Views shrink in
// place; nothing is copied.
void TrimCodes(EventRow* row);

// The root code from an event code when the dataset left it out ("0314" -> "03").
std::string_view RootOf(std::string_view code);

// QuadClass from a root code: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4, else 0. This is
// GDELT's mapping as its published rows carry it (all 9,964 event rows in ../shared/data agree: 09
// Investigate is material cooperation, 14 Protest is verbal conflict); see docs/CAMEO.md.
int QuadClassOfRoot(std::string_view root);

}  // namespace entente

#endif  // ENTENTE_CORE_EVENT_H_
