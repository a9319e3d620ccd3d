// Scan: one Aggregate grouped by dyad and period over everything, then per dyad (of two states,
// unless every actor is asked for) the net cooperation of the last N periods against the N
// before, and a z-score of that change against the dyad's own period-to-period changes. The
// windows end, by default, at the last period holding events of the dyads ranked.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "analysis/analysis.h"
#include "core/cameo.h"

namespace entente::analysis {
namespace {

Days PreviousPeriodStart(Days start, Period p) { return PeriodStart(start - 1, p); }

struct DyadAcc {
  const AggregateRow* first = nullptr;
  std::vector<const AggregateRow*> rows;
};

// A row the scan ranks: two different actors, both states unless every actor is asked for.
bool Ranked(const AggregateRow& r, const ScanOptions& o) {
  if (r.a.empty() || r.b.empty() || r.a == r.b) return false;
  return !o.states_only || (IsStateCode(r.a) && IsStateCode(r.b));
}

}  // namespace

Result<ScanRank> ParseScanRank(std::string_view t) {
  if (t == "change") return ScanRank::kChange;
  if (t == "abs") return ScanRank::kAbsChange;
  if (t == "z") return ScanRank::kZ;
  return Status::InvalidArgument(fmt::format("bad rank '{}': expected change, abs or z", t));
}

ScanResult ScanFromRows(const std::vector<AggregateRow>& rows, const ScanOptions& o) {
  ScanResult out;
  const int window = std::max(1, o.window);
  std::optional<Days> last;
  if (o.end) {
    last = PeriodStart(*o.end, o.period);
  } else {
    for (const AggregateRow& r : rows) {
      if (Ranked(r, o) && (!last || r.period > *last)) last = r.period;
    }
  }
  if (!last) return out;
  out.has_windows = true;
  Days after_start = *last;
  for (int i = 1; i < window; ++i) after_start = PreviousPeriodStart(after_start, o.period);
  Days before_start = after_start;
  for (int i = 0; i < window; ++i) before_start = PreviousPeriodStart(before_start, o.period);
  out.before_start = before_start;
  out.after_start = after_start;
  out.after_end = o.end ? *o.end : NextPeriodStart(*last, o.period) - 1;

  // Group by dyad (rows may come in any order from a source).
  std::unordered_map<std::string, std::vector<const AggregateRow*>> by_dyad;
  for (const AggregateRow& r : rows) {
    if (!Ranked(r, o) || r.period > *last) continue;
    std::string key = r.a;
    key += '\x1f';
    key += r.b;
    by_dyad[key].push_back(&r);
  }
  for (auto& [key, list] : by_dyad) {
    double before[4] = {}, after[4] = {};
    int64_t n_before = 0, n_after = 0;
    for (const AggregateRow* r : list) {
      if (r->period >= after_start) {
        n_after += r->events;
        for (int q = 0; q < 4; ++q) after[q] += r->quad[q];
      } else if (r->period >= before_start) {
        n_before += r->events;
        for (int q = 0; q < 4; ++q) before[q] += r->quad[q];
      }
    }
    if (n_before + n_after > 0) ++out.dyads_considered;
    if (n_before > 0 && n_after > 0) ++out.dyads_in_both;
    if (n_before < o.min_events || n_after < o.min_events) continue;
    auto net = [](const double* q) {
      double all = q[0] + q[1] + q[2] + q[3];
      return all > 0 ? (q[0] + q[1] - q[2] - q[3]) / all : 0.0;
    };
    ScanRow row;
    row.a = list.front()->a;
    row.b = list.front()->b;
    row.events_before = n_before;
    row.events_after = n_after;
    row.net_coop_before = net(before);
    row.net_coop_after = net(after);
    row.change = row.net_coop_after - row.net_coop_before;
    // History: successive changes between consecutive periods with events, before the "after"
    // window (so the change under test does not inflate its own yardstick).
    std::sort(list.begin(), list.end(),
              [](const AggregateRow* x, const AggregateRow* y) { return x->period < y->period; });
    std::vector<double> diffs;
    const AggregateRow* prev = nullptr;
    for (const AggregateRow* r : list) {
      if (r->period >= after_start) break;
      if (r->weight <= 0) continue;
      if (prev) diffs.push_back(r->net_coop() - prev->net_coop());
      prev = r;
    }
    row.z = std::numeric_limits<double>::quiet_NaN();
    if (diffs.size() >= 2) {
      double m = 0;
      for (double d : diffs) m += d;
      m /= diffs.size();
      double ss = 0;
      for (double d : diffs) ss += (d - m) * (d - m);
      double sd = std::sqrt(ss / (diffs.size() - 1));
      if (sd > 1e-12) row.z = row.change / sd;
    }
    out.rows.push_back(std::move(row));
  }
  auto key = [&](const ScanRow& r) {
    switch (o.rank) {
      case ScanRank::kChange: return r.change;
      case ScanRank::kAbsChange: return std::fabs(r.change);
      case ScanRank::kZ:
        return std::isnan(r.z) ? -std::numeric_limits<double>::infinity() : std::fabs(r.z);
    }
    return r.change;
  };
  std::sort(out.rows.begin(), out.rows.end(), [&](const ScanRow& x, const ScanRow& y) {
    double kx = key(x), ky = key(y);
    if (kx != ky) return kx > ky;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  if (o.top > 0 && out.rows.size() > static_cast<size_t>(o.top)) out.rows.resize(o.top);
  return out;
}

Result<ScanResult> ScanDyads(EventSource& source, const ScanOptions& o) {
  AggregateQuery q;
  q.by_dyad = true;
  q.by_period = true;
  q.period = o.period;
  q.weight = o.weight;
  q.filter.dataset = o.dataset;
  q.filter.quality = o.quality;
  q.filter.to = o.end;
  ASSIGN_OR_RETURN(std::vector<AggregateRow> rows, source.Aggregate(q));
  return ScanFromRows(rows, o);
}

}  // namespace entente::analysis
