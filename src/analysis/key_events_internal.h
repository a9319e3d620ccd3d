// Key-event ranking against the record of the dyad: its earlier events (also those before the
// range asked, so that novelty is not read off the start of a query or a file) and where the data
// begin. phases.cc uses it to rank the few events near a change point. Internal.
#ifndef ENTENTE_ANALYSIS_KEY_EVENTS_INTERNAL_H_
#define ENTENTE_ANALYSIS_KEY_EVENTS_INTERNAL_H_

#include <optional>
#include <vector>

#include "analysis/analysis.h"

namespace entente::analysis {

// Dates of events per class id (ClassifyEvent(e).id), any order; sorted by Finish().
struct ClassHistory {
  std::vector<std::vector<Days>> dates;
  void Add(int class_id, Days date);
  void Add(const EventRow& e);
  void Finish();
  // The latest date of class `id` strictly before `date`, or nullopt.
  std::optional<Days> LastBefore(int id, Days date) const;
};

// What novelty is judged against.
struct NoveltyRecord {
  ClassHistory history;       // the dyad's classes by date (may include the events ranked)
  std::optional<Days> start;  // the data begin here: "first in N years" is claimed only for
                              // events at least N years after it (nullopt: no such limit)
};

// The month the data of `dataset` ("" all) begin: the first month holding at least
// kRecordStartShare of the median month's events, so that a few stray rows dated years before
// a file's span do not count as coverage. nullopt when the source holds nothing.
Result<std::optional<Days>> RecordStart(EventSource& source, const std::string& dataset);

// The record for ranking events of `dyad` (a dyad filter): the record start of its dataset and
// the dyad's classes in the `years` before dyad.from (none when from is unset). Callers add the
// events they scan themselves.
Result<NoveltyRecord> LoadNoveltyRecord(EventSource& source, const EventFilter& dyad, int years);

// Like RankKeyEvents; novelty also looks at `record` (nullptr: the events are the whole record).
std::vector<KeyEvent> RankKeyEventsWithRecord(std::vector<Event> events, int novelty_years,
                                              const NoveltyRecord* record);

}  // namespace entente::analysis

#endif  // ENTENTE_ANALYSIS_KEY_EVENTS_INTERNAL_H_
