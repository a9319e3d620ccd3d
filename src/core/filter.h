// Which events a command wants: the filters of the CLI contract (--actor, --source, --target,
// --dyad, --from, --to, --code, --quad, --dataset, --limit), as one value every EventSource takes.
//
// Actor patterns: a CAMEO country code ("PAK") or a longer actor code ("PAKGOV") matched as a
// prefix of the actor's code; a three-letter pattern also matches an actor whose country is that
// code (GDELT often leaves Actor1Code as "GOV" with Actor1CountryCode "PAK"; ICEWS gives countries
// by name).
#ifndef ENTENTE_CORE_FILTER_H_
#define ENTENTE_CORE_FILTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/event.h"

namespace entente {

// The filters GDELT analysts use against noise (docs/METHODS.md "Noise"): a story's lead event
// only, or events reported by at least N sources or in at least N articles. Off by default.
struct EventQuality {
  bool root_only = false;    // IsRootEvent: the event of the article's lead paragraphs
  int32_t min_sources = 0;   // NumSources >= N
  int32_t min_articles = 0;  // NumArticles >= N
  bool any() const { return root_only || min_sources > 0 || min_articles > 0; }
  bool Passes(bool is_root, int32_t sources, int32_t articles) const {
    return (!root_only || is_root) && sources >= min_sources && articles >= min_articles;
  }
};

struct EventFilter {
  std::vector<std::string> actors;  // --actor: either side matches any of these
  std::string source;               // --source: the source side matches
  std::string target;               // --target: the target side matches
  std::string dyad_a, dyad_b;       // --dyad A,B: one side A and the other B (both empty: no dyad)
  bool directed = false;            // with a dyad: A must be the source and B the target
  std::optional<Days> from;         // inclusive
  std::optional<Days> to;           // inclusive
  std::string code_prefix;          // --code: CAMEO event code prefix ("04", "057")
  int quad = 0;                     // --quad 1..4, 0 = any
  std::string dataset;              // --dataset: exact dataset name, empty = any
  EventQuality quality;             // --root-only, --min-sources, --min-articles
  int64_t limit = -1;               // --limit: at most this many events, -1 = all

  bool has_dyad() const { return !dyad_a.empty() && !dyad_b.empty(); }
  // A one-line description for messages: "PAK-RUS 1990..2000 code 04*".
  std::string Describe() const;
};

bool ActorMatches(const ActorRow& actor, std::string_view pattern);

// Everything but `limit` (a count, which the caller enforces).
bool Matches(const EventFilter& filter, const EventRow& event);

}  // namespace entente

#endif  // ENTENTE_CORE_FILTER_H_
