// Key-event ranking with novelty taken from a history of earlier events, so that phases.cc can
// rank the few events near a change point without holding the whole dyad in memory. Internal.
#ifndef ENTENTE_ANALYSIS_KEY_EVENTS_INTERNAL_H_
#define ENTENTE_ANALYSIS_KEY_EVENTS_INTERNAL_H_

#include <vector>

#include "analysis/analysis.h"

namespace entente::analysis {

// Dates of events per class id (ClassifyEvent(e).id), any order; sorted by Finish().
struct ClassHistory {
  std::vector<std::vector<Days>> dates;
  void Add(int class_id, Days date);
  void Finish();
  // The latest date of class `id` strictly before `date`, or nullopt.
  std::optional<Days> LastBefore(int id, Days date) const;
};

// Like RankKeyEvents; novelty also looks at `history` (which may include `events` themselves).
std::vector<KeyEvent> RankKeyEventsWithHistory(std::vector<Event> events, int novelty_years,
                                               const ClassHistory* history);

}  // namespace entente::analysis

#endif  // ENTENTE_ANALYSIS_KEY_EVENTS_INTERNAL_H_
