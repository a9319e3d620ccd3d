// Comparison: several dyads on one period grid; for every pair, Pearson r at lag 0 and the lag in
// -L..L with the largest |r|, each with a p-value from a t-test on the effective sample size.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/analysis.h"
#include "analysis/dyad_filter.h"
#include "analysis/stats.h"

namespace entente::analysis {

Result<CompareMetric> ParseCompareMetric(std::string_view t) {
  if (t == "net_coop") return CompareMetric::kNetCoop;
  if (t == "goldstein" || t == "goldstein_mean") return CompareMetric::kGoldstein;
  return Status::InvalidArgument(fmt::format("bad metric '{}': expected net_coop or goldstein", t));
}

PairStats CorrelateSeries(const std::vector<double>& x, const std::vector<bool>& xp,
                          const std::vector<double>& y, const std::vector<bool>& yp, int max_lag) {
  PairStats s;
  const int n = static_cast<int>(std::min(x.size(), y.size()));
  max_lag = std::max(0, max_lag);
  const int tried = 2 * max_lag + 1;
  double best_abs = -1;
  for (int lag = -max_lag; lag <= max_lag; ++lag) {
    std::vector<double> a, b;
    for (int t = 0; t < n; ++t) {
      int u = t + lag;
      if (u < 0 || u >= n || !xp[t] || !yp[u]) continue;
      a.push_back(x[t]);
      b.push_back(y[u]);
    }
    const int count = static_cast<int>(a.size());
    double r = Pearson(a, b);
    double n_eff = EffectiveSampleSize(count, Lag1Autocorrelation(a), Lag1Autocorrelation(b));
    double p = CorrelationP(r, n_eff);
    if (lag == 0) {
      s.n = count;
      s.r = r;
      s.n_eff = count >= 3 ? n_eff : 0;
      s.p = p;
    }
    if (std::isnan(r)) continue;
    // Ties go to the smaller |lag| (visited first from the centre would differ; compare exactly).
    double abs_r = std::fabs(r);
    if (abs_r > best_abs + 1e-12 ||
        (std::fabs(abs_r - best_abs) <= 1e-12 && std::abs(lag) < std::abs(s.best_lag))) {
      best_abs = abs_r;
      s.best_lag = lag;
      s.r_at_lag = r;
      s.n_at_lag = count;
      s.p_at_lag = std::min(1.0, p * tried);
    }
  }
  if (best_abs < 0) {
    s.r_at_lag = std::numeric_limits<double>::quiet_NaN();
    s.p_at_lag = 1;
  }
  return s;
}

Result<Comparison> CompareDyads(EventSource& source, const std::vector<DyadName>& dyads,
                                const SeriesOptions& so, const CompareOptions& co) {
  Comparison c;
  c.metric = co.metric;
  // Aggregate each dyad once, then lay all of them on the union grid.
  std::vector<std::vector<AggregateRow>> dyad_rows, actor_rows;
  std::optional<Days> first, last;
  for (const DyadName& d : dyads) {
    AggregateQuery q;
    q.filter = DyadFilter(d.a, d.b, so);
    q.period = so.period;
    q.weight = so.weight;
    ASSIGN_OR_RETURN(std::vector<AggregateRow> rows, source.Aggregate(q));
    for (const AggregateRow& r : rows) {
      if (!first || r.period < *first) first = r.period;
      if (!last || r.period > *last) last = r.period;
    }
    dyad_rows.push_back(std::move(rows));
    std::vector<AggregateRow> volume;
    if (so.with_intensity) {
      AggregateQuery v = q;
      v.filter.dyad_a.clear();
      v.filter.dyad_b.clear();
      v.filter.directed = false;
      v.filter.actors = {d.a, d.b};
      ASSIGN_OR_RETURN(volume, source.Aggregate(v));
    }
    actor_rows.push_back(std::move(volume));
  }
  SeriesOptions grid = so;
  if (!grid.from) grid.from = first;
  if (!grid.to) grid.to = last;
  if (grid.from && grid.to) RETURN_IF_ERROR(CheckPeriodGrid(*grid.from, *grid.to, grid.period));
  for (size_t i = 0; i < dyads.size(); ++i) {
    Series s = SeriesFromRows(dyads[i].a, dyads[i].b, grid, dyad_rows[i], actor_rows[i]);
    if (so.smooth != SmoothMethod::kNone && so.smooth_window > 1) {
      SmoothSeries(&s, so.smooth, so.smooth_window);
    }
    c.series.push_back(std::move(s));
  }
  auto values = [&](const Series& s, std::vector<double>* v, std::vector<bool>* present) {
    for (const SeriesPoint& p : s.points) {
      v->push_back(co.metric == CompareMetric::kNetCoop ? p.net_coop : p.goldstein_mean);
      present->push_back(p.events > 0);
    }
  };
  for (size_t i = 0; i < c.series.size(); ++i) {
    for (size_t j = i + 1; j < c.series.size(); ++j) {
      std::vector<double> x, y;
      std::vector<bool> xp, yp;
      values(c.series[i], &x, &xp);
      values(c.series[j], &y, &yp);
      PairStats p = CorrelateSeries(x, xp, y, yp, co.max_lag);
      p.first = static_cast<int>(i);
      p.second = static_cast<int>(j);
      c.pairs.push_back(p);
    }
  }
  return c;
}

}  // namespace entente::analysis
