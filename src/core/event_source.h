// The one narrow interface through which analysis reads events: the events that match a filter, or
// per-period aggregates of them. The embedded store, the bundled chronicle, files read on the fly,
// and (later) a ClickHouse cluster all implement it, so that every analysis runs unchanged on each.
// An aggregate is exactly what `SELECT ... GROUP BY period, dyad, root` would return, so a SQL
// backend can answer Aggregate() in the database instead of shipping events.
//
// Thread safety: a source may be used from one thread at a time unless it says otherwise.
#ifndef ENTENTE_CORE_EVENT_SOURCE_H_
#define ENTENTE_CORE_EVENT_SOURCE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/filter.h"
#include "core/status.h"

namespace entente {

// What one event counts for in an aggregate.
enum class Weight { kEvents, kMentions, kArticles };
Result<Weight> ParseWeight(std::string_view text);  // events|mentions|articles
std::string_view WeightName(Weight w);

struct AggregateQuery {
  EventFilter filter;  // `limit` is ignored
  Period period = Period::kMonth;
  bool by_period = true;  // group by PeriodStart(date, period)
  bool by_dyad = false;   // group by (DyadCountry(source), DyadCountry(target)); the pair is sorted
                          // (a <= b) unless filter.directed
  bool by_root = false;   // group by root code
  Weight weight = Weight::kEvents;
};

struct AggregateRow {
  Days period = 0;   // period start; 0 when not grouped by period
  std::string a, b;  // the dyad when grouped by dyad
  std::string root;  // when grouped by root
  int64_t events = 0;
  double weight = 0;            // sum of weights (== events for Weight::kEvents)
  double quad[4] = {};          // weighted count per QuadClass 1..4 (index quad-1)
  double goldstein_sum = 0;     // sum of weight * goldstein over events that have a Goldstein value
  double goldstein_weight = 0;  // sum of weights of those events

  double goldstein_mean() const {
    return goldstein_weight > 0 ? goldstein_sum / goldstein_weight : 0;
  }
  // (cooperative - conflictual) / all, in [-1, 1]; 0 for an empty row.
  double net_coop() const {
    double all = quad[0] + quad[1] + quad[2] + quad[3];
    return all > 0 ? (quad[0] + quad[1] - quad[2] - quad[3]) / all : 0;
  }
};

// (a, b, root, period): the order every source's Aggregate returns rows in.
bool AggregateRowLess(const AggregateRow& x, const AggregateRow& y);

double EventWeight(const EventRow& e, Weight w);

// Events of one dyad, as Aggregate groups by dyad: the pair sorted (a <= b) unless the filter is
// directed.
struct DyadEvents {
  std::string a, b;
  int64_t events = 0;
};

// Builds aggregate rows from events one at a time: the reference implementation every source can
// fall back on, and the one tests compare fast paths with.
class Aggregator {
 public:
  explicit Aggregator(const AggregateQuery& query);
  ~Aggregator();
  Aggregator(const Aggregator&) = delete;
  Aggregator& operator=(const Aggregator&) = delete;

  // REQUIRES: Matches(query.filter, e) (the caller filters).
  void Add(const EventRow& e);
  // Rows sorted by (a, b, root, period).
  std::vector<AggregateRow> Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class EventSource {
 public:
  virtual ~EventSource() = default;

  // For messages: "store /home/x/.local/share/entente", "embedded chronicle".
  virtual std::string Describe() const = 0;

  // Calls `visit` for each event that matches `filter` (including its limit), in no guaranteed
  // order; stops early when `visit` returns false. The row is valid only during the call.
  virtual Status Scan(const EventFilter& filter,
                      const std::function<bool(const EventRow&)>& visit) = 0;

  // Grouped sums. The default scans and aggregates; sources override it with something faster.
  virtual Result<std::vector<AggregateRow>> Aggregate(const AggregateQuery& query);

  // How many events match `filter` (ignoring its limit); the default scans.
  virtual Result<int64_t> CountEvents(const EventFilter& filter);
  // How many events match `filter` (ignoring its limit) per dyad, sorted by (a, b), dyads with
  // none left out: the events of Aggregate by dyad alone. The default aggregates.
  virtual Result<std::vector<DyadEvents>> CountByDyad(const EventFilter& filter);
  // How many events Scan(filter) visits: CountEvents within the filter's limit (the end of an
  // export's progress bar).
  Result<int64_t> CountScanned(const EventFilter& filter);

  // Picks up what changed underneath since the source was opened or last refreshed (a store:
  // commits and compactions by other processes), so a long-lived reader such as the dashboard
  // serves current data. Cheap when nothing changed. Sources that cannot change do nothing.
  virtual Status Refresh() { return Status::Ok(); }

  // Names what the source holds as of its last Refresh, so answers computed from it can be cached:
  // sources opened on the same data report the same value, and the value changes when Refresh
  // picks up a change (a store: its last commit). 0 for sources that never change.
  virtual uint64_t Generation() const { return 0; }
};

// Events held in memory: the chronicle, coded text, tests.
class VectorEventSource : public EventSource {
 public:
  VectorEventSource(std::string description, std::vector<Event> events);
  std::string Describe() const override { return description_; }
  Status Scan(const EventFilter& filter,
              const std::function<bool(const EventRow&)>& visit) override;
  const std::vector<Event>& events() const { return events_; }

 private:
  std::string description_;
  std::vector<Event> events_;
};

}  // namespace entente

#endif  // ENTENTE_CORE_EVENT_SOURCE_H_
