// Series: the dyad's per-period sums (one Aggregate) divided by the volume of events involving
// either actor (a second Aggregate), on a contiguous period grid.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/analysis.h"
#include "analysis/dyad_filter.h"
#include "analysis/stats.h"
#include "analysis/tunables.h"
#include "core/cameo.h"

namespace entente::analysis {
namespace {

// The interval of a net cooperation observed over `n` events: Wilson's on the share of cooperative
// events, (net_coop + 1) / 2, mapped back to [-1, 1].
void SetNetCoopInterval(SeriesPoint& p, double n) {
  Interval share = WilsonInterval((p.net_coop + 1) / 2, n, config::kIntervalZ);
  p.net_coop_lo = 2 * share.lo - 1;
  p.net_coop_hi = 2 * share.hi - 1;
}

}  // namespace

Status CheckPeriodGrid(Days first, Days last, Period period) {
  int64_t n = 0;
  for (Days p = PeriodStart(first, period); p <= last && n <= config::kMaxPeriods;
       p = NextPeriodStart(p, period)) {
    ++n;
  }
  if (n <= config::kMaxPeriods) return Status::Ok();
  return Status::InvalidArgument(
      fmt::format("{} to {} by {} is more than {} periods; narrow the dates or use a longer period",
                  FormatDate(first), FormatDate(last), PeriodName(period), config::kMaxPeriods));
}

Result<SmoothMethod> ParseSmoothMethod(std::string_view t) {
  if (t == "none") return SmoothMethod::kNone;
  if (t == "ma") return SmoothMethod::kMovingAverage;
  if (t == "ewma") return SmoothMethod::kEwma;
  return Status::InvalidArgument(fmt::format("bad smoothing '{}': expected none, ma or ewma", t));
}

int64_t Series::total_events() const {
  int64_t n = 0;
  for (const SeriesPoint& p : points) n += p.events;
  return n;
}

Series SeriesFromRows(const std::string& a, const std::string& b, const SeriesOptions& o,
                      const std::vector<AggregateRow>& dyad_rows,
                      const std::vector<AggregateRow>& actor_rows) {
  Series s;
  s.a = a;
  s.b = b;
  s.period = o.period;
  s.weight = o.weight;
  s.directed = o.directed;
  std::map<Days, const AggregateRow*> dyad;
  for (const AggregateRow& r : dyad_rows) dyad[r.period] = &r;
  std::map<Days, double> volume;
  for (const AggregateRow& r : actor_rows) volume[r.period] += r.weight;

  std::optional<Days> first, last;
  if (o.from) first = PeriodStart(*o.from, o.period);
  if (o.to) last = PeriodStart(*o.to, o.period);
  if (!dyad.empty()) {
    if (!first) first = dyad.begin()->first;
    if (!last) last = dyad.rbegin()->first;
  }
  if (!first || !last || *first > *last) return s;

  for (Days p = *first; p <= *last; p = NextPeriodStart(p, o.period)) {
    SeriesPoint pt;
    pt.period = p;
    pt.label = FormatPeriod(p, o.period);
    if (auto it = dyad.find(p); it != dyad.end()) {
      const AggregateRow& r = *it->second;
      pt.events = r.events;
      pt.weight = r.weight;
      pt.vcoop = r.quad[0];
      pt.mcoop = r.quad[1];
      pt.vconf = r.quad[2];
      pt.mconf = r.quad[3];
      pt.goldstein_sum = r.goldstein_sum;
      pt.goldstein_weight = r.goldstein_weight;
      pt.goldstein_mean = r.goldstein_mean();
      pt.net_coop = r.net_coop();
      pt.has_net_coop = r.quad[0] + r.quad[1] + r.quad[2] + r.quad[3] > 0;
      SetNetCoopInterval(pt, static_cast<double>(r.events));
      pt.has_goldstein = r.goldstein_weight > 0;
    }
    if (auto it = volume.find(p); it != volume.end()) pt.actor_volume = it->second;
    // The dyad's events involve the actors, so volume >= weight unless the volume query was
    // skipped or answered by a different source; clamp to keep intensity in [0, 1].
    if (pt.actor_volume > 0) pt.intensity = std::min(1.0, pt.weight / pt.actor_volume);
    pt.has_intensity = pt.events > 0 && pt.actor_volume > 0;
    s.points.push_back(std::move(pt));
  }
  return s;
}

Result<Series> BuildSeries(EventSource& source, const std::string& a, const std::string& b,
                           const SeriesOptions& o) {
  AggregateQuery q;
  q.filter = DyadFilter(a, b, o);
  q.period = o.period;
  q.weight = o.weight;
  if (o.from && o.to) RETURN_IF_ERROR(CheckPeriodGrid(*o.from, *o.to, o.period));
  ASSIGN_OR_RETURN(std::vector<AggregateRow> dyad_rows, source.Aggregate(q));
  if (!dyad_rows.empty()) {  // the grid SeriesFromRows lays: from/to, else the dyad's own range
    auto [lo, hi] = std::minmax_element(
        dyad_rows.begin(), dyad_rows.end(),
        [](const AggregateRow& x, const AggregateRow& y) { return x.period < y.period; });
    RETURN_IF_ERROR(
        CheckPeriodGrid(o.from.value_or(lo->period), o.to.value_or(hi->period), o.period));
  }
  std::vector<AggregateRow> actor_rows;
  if (o.with_intensity && !dyad_rows.empty()) {
    AggregateQuery v;
    v.filter.actors = {a, b};
    v.filter.from = o.from;
    v.filter.to = o.to;
    v.filter.dataset = o.dataset;
    v.filter.quality = o.quality;
    v.period = o.period;
    v.weight = o.weight;
    ASSIGN_OR_RETURN(actor_rows, source.Aggregate(v));
  }
  Series s = SeriesFromRows(a, b, o, dyad_rows, actor_rows);
  if (o.with_coverage && !s.points.empty()) {
    AggregateQuery c;
    c.filter.from = o.from;
    c.filter.to = o.to;
    c.filter.dataset = o.dataset;
    c.period = o.period;
    ASSIGN_OR_RETURN(std::vector<AggregateRow> all_rows, source.Aggregate(c));
    std::map<Days, int64_t> all;
    for (const AggregateRow& r : all_rows) all[r.period] += r.events;
    for (SeriesPoint& p : s.points) {
      auto it = all.find(p.period);
      p.dataset_events = it == all.end() ? 0 : it->second;
    }
  }
  if (o.smooth != SmoothMethod::kNone && o.smooth_window > 1) {
    SmoothSeries(&s, o.smooth, o.smooth_window);
  }
  return s;
}

namespace {

// One smoothing pass: each output is a weighted sum of the inputs, c_j x_j. With `squared` the
// weights are squared (c_j^2 x_j), which the effective sample size of a smoothed share needs.
std::vector<double> Smooth(const std::vector<double>& in, SmoothMethod method, int window,
                           bool squared = false) {
  const size_t n = in.size();
  std::vector<double> out(n);
  if (n == 0) return out;
  if (method == SmoothMethod::kMovingAverage) {
    // Centred: window/2 periods before, (window-1)/2 after; shrinks at the ends.
    const size_t before = window / 2, after = (window - 1) / 2;
    for (size_t i = 0; i < n; ++i) {
      size_t lo = i >= before ? i - before : 0;
      size_t hi = std::min(n - 1, i + after);
      double sum = 0;
      for (size_t j = lo; j <= hi; ++j) sum += in[j];
      double c = 1.0 / static_cast<double>(hi - lo + 1);
      out[i] = sum * (squared ? c * c : c);
    }
  } else {
    const double alpha = 2.0 / (window + 1.0);
    const double a = squared ? alpha * alpha : alpha,
                 keep = squared ? (1 - alpha) * (1 - alpha) : 1 - alpha;
    out[0] = in[0];
    for (size_t i = 1; i < n; ++i) out[i] = a * in[i] + keep * out[i - 1];
  }
  return out;
}

template <typename F>
std::vector<double> Column(const std::vector<SeriesPoint>& points, F field) {
  std::vector<double> out;
  out.reserve(points.size());
  for (const SeriesPoint& p : points) out.push_back(field(p));
  return out;
}

}  // namespace

void SmoothSeries(Series* s, SmoothMethod method, int window) {
  if (method == SmoothMethod::kNone || window <= 1 || s->points.empty()) return;
  // Ratios are smoothed as ratios of smoothed sums, so an empty or thin period counts for what it
  // holds (nothing) instead of pulling the curve to zero.
  const std::vector<SeriesPoint>& pts = s->points;
  auto quad_weight = [](const SeriesPoint& p) { return p.vcoop + p.mcoop + p.vconf + p.mconf; };
  auto smooth = [&](auto field) { return Smooth(Column(pts, field), method, window); };
  std::vector<double> wt = smooth(quad_weight),
                      ct = smooth([&](const SeriesPoint&p) { return p.net_coop * quad_weight(p); }),
                      gt = smooth([](const SeriesPoint&p) { return p.goldstein_sum; }),
                      gwt = smooth([](const SeriesPoint&p) { return p.goldstein_weight; }),
                      weight_t = smooth([](const SeriesPoint&p) { return p.weight; }),
                      vt = smooth([](const SeriesPoint&p) { return p.actor_volume; });
  // The smoothed share stands on the events of every period it draws on, each counted by its
  // weight in the sum: n_eff = (sum c_j n_j)^2 / sum c_j^2 n_j.
  std::vector<double> events =
      Column(pts, [](const SeriesPoint& p) { return static_cast<double>(p.events); });
  std::vector<double> nt = Smooth(events, method, window),
                      nt2 = Smooth(events, method, window, /*squared=*/true);
  for (size_t i = 0; i < s->points.size(); ++i) {
    SeriesPoint& p = s->points[i];
    p.net_coop = wt[i] > 0 ? ct[i] / wt[i] : 0;
    p.goldstein_mean = gwt[i] > 0 ? gt[i] / gwt[i] : 0;
    p.intensity = vt[i] > 0 ? std::min(1.0, weight_t[i] / vt[i]) : 0;
    p.has_net_coop = wt[i] > 0;
    p.has_goldstein = gwt[i] > 0;
    p.has_intensity = weight_t[i] > 0 && vt[i] > 0;
    SetNetCoopInterval(p, nt2[i] > 0 ? nt[i] * nt[i] / nt2[i] : 0);
  }
}

Status NoDyadEvents(std::string_view a, std::string_view b, std::string_view where) {
  std::string message = fmt::format("no events between {} and {}{}", a, b, where);
  const char* separator = ": ";
  for (std::string_view code : {a, b}) {
    if (std::string hint = ActorCodeHint(code); !hint.empty()) {
      message += separator + hint;
      separator = "; ";
    }
  }
  return Status::NotFound(std::move(message));
}

}  // namespace entente::analysis
