#include "core/event_source.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/enum_names.h"

namespace entente {

namespace {

constexpr EnumName<Weight> kWeightNames[] = {
    {"events", Weight::kEvents}, {"mentions", Weight::kMentions}, {"articles", Weight::kArticles}};

}  // namespace

Result<Weight> ParseWeight(std::string_view t) { return ParseEnumName(t, kWeightNames, "weight"); }

std::string_view WeightName(Weight w) { return NameOfEnum(w, kWeightNames); }

bool AggregateRowLess(const AggregateRow& x, const AggregateRow& y) {
  if (int c = x.a.compare(y.a); c != 0) return c < 0;
  if (int c = x.b.compare(y.b); c != 0) return c < 0;
  if (int c = x.root.compare(y.root); c != 0) return c < 0;
  return x.period < y.period;
}

double EventWeight(const EventRow& e, Weight w) {
  // An event with no media counts (the chronicle, coded text) still counts once.
  switch (w) {
    case Weight::kEvents: return 1.0;
    case Weight::kMentions: return e.mentions > 0 ? e.mentions : 1.0;
    case Weight::kArticles: return e.articles > 0 ? e.articles : 1.0;
  }
  return 1.0;
}

struct Aggregator::Impl {
  AggregateQuery q;
  using Key = std::tuple<std::string, std::string, std::string, Days>;
  std::map<Key, AggregateRow> rows;
};

Aggregator::Aggregator(const AggregateQuery& query) : impl_(std::make_unique<Impl>()) {
  impl_->q = query;
}
Aggregator::~Aggregator() = default;

void Aggregator::Add(const EventRow& e) {
  const AggregateQuery& q = impl_->q;
  std::string a, b, root;
  Days period = 0;
  if (q.by_dyad) {
    std::string_view x = DyadCountry(e.source), y = DyadCountry(e.target);
    if (!q.filter.directed && y < x) std::swap(x, y);
    a = x;
    b = y;
  }
  if (q.by_root) root = e.root_code.empty() ? RootOf(e.code) : e.root_code;
  if (q.by_period) period = PeriodStart(e.date, q.period);
  AggregateRow& r = impl_->rows[Impl::Key(a, b, root, period)];
  if (r.events == 0) {
    r.a = a;
    r.b = b;
    r.root = root;
    r.period = period;
  }
  double w = EventWeight(e, q.weight);
  r.events += 1;
  r.weight += w;
  if (e.quad >= 1 && e.quad <= 4) r.quad[e.quad - 1] += w;
  if (!std::isnan(e.goldstein)) {
    r.goldstein_sum += w * e.goldstein;
    r.goldstein_weight += w;
  }
}

std::vector<AggregateRow> Aggregator::Finish() {
  std::vector<AggregateRow> out;
  out.reserve(impl_->rows.size());
  for (auto& [key, row] : impl_->rows) out.push_back(std::move(row));
  impl_->rows.clear();
  return out;
}

Result<std::vector<AggregateRow>> EventSource::Aggregate(const AggregateQuery& query) {
  Aggregator agg(query);
  EventFilter filter = query.filter;
  filter.limit = -1;
  RETURN_IF_ERROR(Scan(filter, [&](const EventRow& e) {
    agg.Add(e);
    return true;
  }));
  return agg.Finish();
}

Result<int64_t> EventSource::CountEvents(const EventFilter& filter) {
  int64_t n = 0;
  RETURN_IF_ERROR(Scan(filter, [&](const EventRow&) {
    ++n;
    return true;
  }));
  return n;
}

Result<std::vector<DyadEvents>> EventSource::CountByDyad(const EventFilter& filter) {
  AggregateQuery q;
  q.filter = filter;
  q.by_period = false;
  q.by_dyad = true;
  ASSIGN_OR_RETURN(std::vector<AggregateRow> rows, Aggregate(q));
  std::vector<DyadEvents> out;
  out.reserve(rows.size());
  for (AggregateRow& r : rows) out.push_back({std::move(r.a), std::move(r.b), r.events});
  return out;
}

Result<int64_t> EventSource::CountScanned(const EventFilter& filter) {
  ASSIGN_OR_RETURN(int64_t n, CountEvents(filter));
  return filter.limit >= 0 ? std::min(n, filter.limit) : n;
}

VectorEventSource::VectorEventSource(std::string description, std::vector<Event> events)
    : description_(std::move(description)), events_(std::move(events)) {}

Status VectorEventSource::Scan(const EventFilter& filter,
                               const std::function<bool(const EventRow&)>& visit) {
  int64_t n = 0;
  for (const Event& e : events_) {
    if (filter.limit >= 0 && n >= filter.limit) break;
    EventRow row = ViewOf(e);
    if (!Matches(filter, row)) continue;
    ++n;
    if (!visit(row)) break;
  }
  return Status::Ok();
}

}  // namespace entente
