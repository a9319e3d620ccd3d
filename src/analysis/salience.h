// The salience of one event: how much it matters to an analyst of the dyad, as points from four
// documented parts (METHODS.md "Salience"):
//   class   what happened: signed agreement 057 and military cooperation 062 (3), visits 042/043
//           and summits (2.5), aid 07x (2, military aid 2.5), sanctions and embargoes 163 (3),
//           use of force 18-20 (3-4), cancelled or postponed visits (2.5), ...
//   level   who acted: head of state or government (1.5), foreign or defence minister (1),
//           military chief (0.8), other government or military actor (0.3)
//   media   0.6 per factor of ten articles (else sources, else mentions), capped at 2
//   novelty 1 when nothing of the same class happened in the dyad in the previous N years
// Internal to analysis: key_events.cc and phases.cc use it.
#ifndef ENTENTE_ANALYSIS_SALIENCE_H_
#define ENTENTE_ANALYSIS_SALIENCE_H_

#include <string>
#include <string_view>

#include "core/event.h"
#include "core/words.h"

namespace entente::analysis {

struct EventClass {
  int id = 0;               // 0: no particular class
  std::string_view name;    // "agreement", "visit", ... ("" for id 0)
  std::string_view phrase;  // for `why`: "signed agreement", "visit", ...
  double score = 0;
};

// The class of an event from its code and (for cancellations and summits) its text.
EventClass ClassifyEvent(const EventRow& e);

struct ActorLevel {
  double score = 0;
  std::string_view phrase;  // "head of state or government", "foreign minister", ...
};

// The highest level among the two actors, from their names/titles and role codes.
ActorLevel ClassifyLevel(const EventRow& e);

// Media weight of `count` articles (or sources, or mentions).
double MediaScore(int64_t count);

// +1 for an event that pushes the relation toward cooperation, -1 toward conflict, 0 unknown. A
// cancelled or postponed visit counts as conflict whatever its code.
int EventDirection(const EventRow& e);

}  // namespace entente::analysis

#endif  // ENTENTE_ANALYSIS_SALIENCE_H_
