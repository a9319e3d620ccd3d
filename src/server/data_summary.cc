#include "server/data_summary.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/cameo.h"
#include "report/report.h"

namespace entente::server {

using nlohmann::json;

namespace {

// The top 200 dyads (both orders summed) and every country, from per-dyad rows. The pickers offer
// states only (core/cameo.h IsStateCode): role codes without a country (GOV, BUS), regions (EUR)
// and blanks are a third of real GDELT's actors, and no relation between states. `events` counts
// everything.
void PickerLists(const std::vector<AggregateRow>& rows, DataSummary* s) {
  std::map<std::pair<std::string, std::string>, int64_t> dyads;
  std::map<std::string, int64_t> countries;
  for (const AggregateRow& r : rows) {
    s->events += r.events;
    if (r.a == r.b || !IsStateCode(r.a) || !IsStateCode(r.b)) continue;
    dyads[std::minmax(r.a, r.b)] += r.events;
    countries[r.a] += r.events;
    countries[r.b] += r.events;
  }
  std::vector<std::pair<int64_t, std::pair<std::string, std::string>>> ranked;
  for (const auto& [k, n] : dyads) ranked.push_back({n, k});
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  s->dyads = json::array();
  for (size_t i = 0; i < ranked.size() && i < 200; ++i) {
    s->dyads.push_back(json{{"a", ranked[i].second.first},
                            {"b", ranked[i].second.second},
                            {"events", ranked[i].first}});
  }
  s->countries = json::array();
  for (const auto& [code, n] : countries) {
    s->countries.push_back(
        json{{"code", code}, {"name", report::ActorDisplayName(code)}, {"events", n}});
  }
}

}  // namespace

Result<DataSummary> SummarizeSource(EventSource& source) {
  DataSummary s;
  s.generation = source.Generation();
  AggregateQuery q;
  q.by_period = false;
  q.by_dyad = true;
  ASSIGN_OR_RETURN(std::vector<AggregateRow> rows, source.Aggregate(q));
  PickerLists(rows, &s);
  // The date range from a per-day aggregate: the store answers it from its date column alone.
  AggregateQuery days;
  days.period = Period::kDay;
  ASSIGN_OR_RETURN(std::vector<AggregateRow> by_day, source.Aggregate(days));
  for (const AggregateRow& r : by_day) {
    if (!s.first || r.period < *s.first) s.first = r.period;
    if (!s.last || r.period > *s.last) s.last = r.period;
  }
  return s;
}

}  // namespace entente::server
