// Phases: PELT (changepoint.h) on the dyad's per-period cooperation signal, then each phase
// described (level, trend) and each turn explained by the most salient events near it in the
// direction of the turn.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "analysis/analysis.h"
#include "analysis/changepoint.h"
#include "analysis/key_events_internal.h"
#include "analysis/salience.h"
#include "analysis/tunables.h"

namespace entente::analysis {
namespace {

// The per-event signal: dimension 0 is the event's side (+1 cooperation, quad 1-2; -1 conflict,
// quad 3-4), so a period's mean is its net cooperation; dimension 1 is Goldstein / 10, which
// separates material from verbal cooperation and a war from a protest. With --signal sectors,
// dimensions 2..7 are the event's sector as six 0/1 indicators (a period's means are its sector
// mix: the kind of relation). The last dimension (all signals but coop) is the level of
// engagement.
constexpr int kCoopDims = 2;
constexpr int kSectorDims = kSectorCount;
static_assert(kCoopDims + kSectorDims + 1 <= kMaxSignalDims);

EventFilter DyadFilter(const std::string& a, const std::string& b, const SeriesOptions& o) {
  EventFilter f;
  f.dyad_a = a;
  f.dyad_b = b;
  f.directed = o.directed;
  f.from = o.from;
  f.to = o.to;
  f.dataset = o.dataset;
  f.quality = o.quality;
  return f;
}

struct Trend {
  double slope = 0;
  std::string_view name = "steady";
};

// Weighted least squares of y on the period index over observed periods [begin, end).
Trend FitTrend(const WeightedSignal& s, const std::vector<SeriesPoint>& points, int begin,
               int end) {
  double sw = 0, sx = 0, sy = 0;
  int observed = 0, first = -1, last = -1;
  for (int i = begin; i < end; ++i) {
    double w = s.w[static_cast<size_t>(i) * s.dims];
    if (w <= 0) continue;
    ++observed;
    if (first < 0) first = i;
    last = i;
    sw += w;
    sx += w * i;
    sy += w * points[i].net_coop;
  }
  Trend t;
  if (observed < config::kTrendMinPeriods) return t;
  double mx = sx / sw, my = sy / sw, sxx = 0, sxy = 0;
  for (int i = begin; i < end; ++i) {
    double w = s.w[static_cast<size_t>(i) * s.dims];
    if (w <= 0) continue;
    sxx += w * (i - mx) * (i - mx);
    sxy += w * (i - mx) * (points[i].net_coop - my);
  }
  if (sxx <= 0) return t;
  t.slope = sxy / sxx;
  // The weights are inverse variances, so the slope's standard error is 1 / sqrt(sxx).
  double tstat = t.slope * std::sqrt(sxx);
  double change = t.slope * (last - first);
  if (std::fabs(tstat) >= config::kTrendMinT && std::fabs(change) >= config::kTrendMinChange) {
    t.name = change > 0 ? "warming" : "cooling";
  }
  return t;
}

// What splitting [begin, end) at `at` saves in cost: twice the log-likelihood ratio of one change
// at `at` against none, under the noise model that weights the periods.
double SplitGain(const SegmentCost& cost, int begin, int at, int end) {
  return cost(begin, end) - cost(begin, at) - cost(at, end);
}

double Support(double gain, double penalty) {
  return penalty > 0 ? gain / penalty : std::numeric_limits<double>::quiet_NaN();
}

// Net cooperation and event count over points [begin, end).
std::pair<double, int64_t> NetCoopOf(const std::vector<SeriesPoint>& points, int begin, int end) {
  double coop = 0, conf = 0;
  int64_t events = 0;
  for (int i = begin; i < end; ++i) {
    coop += points[i].vcoop + points[i].mcoop;
    conf += points[i].vconf + points[i].mconf;
    events += points[i].events;
  }
  return {coop + conf > 0 ? (coop - conf) / (coop + conf) : 0, events};
}

// The best single split of every segment [segments[j], segments[j+1]) whose gain reaches
// `threshold`. The segmentation is optimal, so no such gain reaches the penalty (else PELT would
// have split there): these are the turns one step below what the data establish.
std::vector<WeakerTurn> FindWeakerTurns(const SegmentCost& cost, const std::vector<int>& segments,
                                        const std::vector<SeriesPoint>& points, int min_length,
                                        double penalty, double threshold) {
  std::vector<WeakerTurn> out;
  const int n = static_cast<int>(points.size());
  for (size_t j = 0; j + 1 < segments.size(); ++j) {
    int begin = segments[j], end = segments[j + 1];
    int best = -1;
    double best_gain = 0;
    for (int at = begin + min_length; at + min_length <= end; ++at) {
      double g = SplitGain(cost, begin, at, end);
      if (g > best_gain) {
        best_gain = g;
        best = at;
      }
    }
    if (best < 0 || best_gain < threshold) continue;
    // As for phase boundaries: the later part starts where its first events are, keeping at
    // least min_length periods.
    while (best < end - min_length && points[best].events == 0) ++best;
    if (best >= std::min(end, n)) continue;
    WeakerTurn w;
    w.index = best;
    w.label = points[best].label;
    w.gain = best_gain;
    w.support = Support(best_gain, penalty);
    std::tie(w.net_coop_before, w.events_before) = NetCoopOf(points, begin, best);
    std::tie(w.net_coop_after, w.events_after) = NetCoopOf(points, best, end);
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace

Result<Penalty> ParsePenalty(std::string_view t) {
  if (t == "bic") return Penalty{PenaltyKind::kBic, 0};
  if (t == "mbic") return Penalty{PenaltyKind::kMbic, 0};
  double v = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec == std::errc() && ptr == t.data() + t.size() && v >= 0) {
    return Penalty{PenaltyKind::kManual, v};
  }
  return Status::InvalidArgument(
      fmt::format("bad penalty '{}': expected bic, mbic or a non-negative number", t));
}

Result<PhaseSignal> ParsePhaseSignal(std::string_view t) {
  if (t == "coop") return PhaseSignal::kCoop;
  if (t == "volume") return PhaseSignal::kVolume;
  if (t == "intensity") return PhaseSignal::kIntensity;
  if (t == "sectors") return PhaseSignal::kSectors;
  return Status::InvalidArgument(
      fmt::format("bad signal '{}': expected coop, volume, intensity or sectors", t));
}

std::string_view LevelLabel(double net_coop) {
  if (net_coop < config::kHostileBelow) return "hostile";
  if (net_coop < config::kTenseBelow) return "tense";
  if (net_coop < config::kNeutralBelow) return "neutral";
  if (net_coop < config::kCordialBelow) return "cordial";
  return "close";
}

Result<PhaseResult> FindPhases(EventSource& source, const std::string& a, const std::string& b,
                               const SeriesOptions& series_options, const PhaseOptions& po) {
  if (po.min_length < 1) return Status::InvalidArgument("--min-length must be at least 1");
  SeriesOptions so = series_options;
  so.smooth = SmoothMethod::kNone;
  PhaseResult result;
  ASSIGN_OR_RETURN(result.series, BuildSeries(source, a, b, so));
  const std::vector<SeriesPoint>& points = result.series.points;
  const int n = static_cast<int>(points.size());
  if (n == 0) return result;

  // Per-period moments of the per-event signal, and when each salient class occurred (novelty of
  // turning events).
  std::unordered_map<Days, int> index;
  for (int i = 0; i < n; ++i) index[points[i].period] = i;
  const bool sectors = po.signal == PhaseSignal::kSectors;
  std::vector<PeriodMoments> moments(n);
  EventFilter filter = DyadFilter(a, b, so);
  ASSIGN_OR_RETURN(NoveltyRecord record, LoadNoveltyRecord(source, filter, po.novelty_years));
  ClassHistory& history = record.history;
  RETURN_IF_ERROR(source.Scan(filter, [&](const EventRow& e) {
    auto it = index.find(PeriodStart(e.date, so.period));
    if (it == index.end()) return true;
    PeriodMoments& m = moments[it->second];
    double w = EventWeight(e, so.weight);
    m.events += 1;
    double x[kCoopDims];
    bool has[kCoopDims] = {false, false};
    if (e.quad >= 1 && e.quad <= 4) {
      x[0] = e.quad <= 2 ? 1.0 : -1.0;
      has[0] = true;
    }
    if (!std::isnan(e.goldstein)) {
      x[1] = e.goldstein / 10.0;
      has[1] = true;
    }
    for (int d = 0; d < kCoopDims; ++d) {
      if (!has[d]) continue;
      m.sw[d] += w;
      m.sw2[d] += w * w;
      m.swx[d] += w * x[d];
      m.swxx[d] += w * x[d] * x[d];
    }
    if (sectors) {
      int mine = kCoopDims + static_cast<int>(ClassifySector(e));
      for (int d = kCoopDims; d < kCoopDims + kSectorDims; ++d) {
        m.sw[d] += w;
        m.sw2[d] += w * w;
        if (d == mine) {
          m.swx[d] += w;
          m.swxx[d] += w;
        }
      }
    }
    history.Add(e);
    return true;
  }));
  history.Finish();

  const int dims = po.signal == PhaseSignal::kCoop ? kCoopDims
                   : sectors                       ? kCoopDims + kSectorDims + 1
                                                   : kCoopDims + 1;
  std::vector<EventVariance> models(kCoopDims, EventVariance::kPooled);
  if (sectors) models.resize(kCoopDims + kSectorDims, EventVariance::kBinomial);
  WeightedSignal signal = SignalFromMoments(moments, dims, models);
  if (po.signal != PhaseSignal::kCoop) {
    std::vector<double> level(n);
    for (int i = 0; i < n; ++i) {
      const SeriesPoint& p = points[i];
      // Volume: Anscombe's square root, variance 1 for Poisson counts (more when overdispersed,
      // which the robust estimate picks up). Intensity: log share of the actors' events.
      level[i] = po.signal != PhaseSignal::kIntensity
                     ? 2 * std::sqrt(p.weight + 0.375)
                     : std::log((p.weight + 1) / (p.actor_volume + 1));
    }
    SetDenseDimension(&signal, dims - 1, level,
                      po.signal != PhaseSignal::kIntensity ? 1.0 : config::kMinIntensityVariance);
  }
  // Parameters a new phase adds, besides its start: one mean per dimension, except that the six
  // sector shares sum to one (five free).
  const int params = sectors ? dims - 1 : dims;
  const double log_n = std::log(std::max(2, signal.observed));
  switch (po.penalty.kind) {
    case PenaltyKind::kBic: result.penalty = (params + 1) * log_n; break;
    case PenaltyKind::kMbic: result.penalty = (params + 2) * log_n; break;
    case PenaltyKind::kManual: result.penalty = po.penalty.value; break;
  }
  std::vector<int> starts = Pelt(signal, result.penalty, po.min_length);
  SegmentCost cost(signal);
  std::vector<int> segments = {0};
  segments.insert(segments.end(), starts.begin(), starts.end());
  segments.push_back(n);
  result.weaker_threshold = 2.0 * (params + 1);
  result.weaker_turns = FindWeakerTurns(cost, segments, points, po.min_length, result.penalty,
                                        result.weaker_threshold);

  // A boundary inside a run of empty periods is placed where the new phase's first events are,
  // but never so late that the new phase gets shorter than min_length: on a dense signal
  // (volume, intensity) an empty period is itself evidence and PELT may start a phase there.
  auto observed = [&](int i) { return points[i].events > 0; };
  std::vector<double> gains;
  for (size_t j = 0; j < starts.size(); ++j) {
    int s = starts[j];
    const int latest = (j + 1 < starts.size() ? starts[j + 1] : n) - po.min_length;
    while (s < latest && !observed(s)) ++s;
    if (s >= n) continue;
    if (!result.change_points.empty() && s <= result.change_points.back()) continue;
    result.change_points.push_back(s);
    gains.push_back(SplitGain(cost, segments[j], starts[j], segments[j + 2]));
  }

  std::vector<int> bounds = {0};
  bounds.insert(bounds.end(), result.change_points.begin(), result.change_points.end());
  bounds.push_back(n);
  for (size_t j = 0; j + 1 < bounds.size(); ++j) {
    int begin = bounds[j], end = bounds[j + 1];
    Phase p;
    p.start = points[begin].period;
    p.end = NextPeriodStart(points[end - 1].period, so.period) - 1;
    p.start_label = points[begin].label;
    p.end_label = points[end - 1].label;
    p.periods = end - begin;
    std::tie(p.net_coop, p.events) = NetCoopOf(points, begin, end);
    double gsum = 0, gw = 0;
    for (int i = begin; i < end; ++i) {
      gsum += points[i].goldstein_sum;
      gw += points[i].goldstein_weight;
    }
    p.goldstein_mean = gw > 0 ? gsum / gw : 0;
    p.label = std::string(LevelLabel(p.net_coop));
    Trend t = FitTrend(signal, points, begin, end);
    p.slope = t.slope;
    p.trend = std::string(t.name);
    p.gain = j > 0 ? gains[j - 1] : std::numeric_limits<double>::quiet_NaN();
    p.support = j > 0 ? Support(p.gain, result.penalty) : p.gain;
    result.phases.push_back(std::move(p));
  }

  // Turning events: the most salient events within turning_window periods either side of each
  // boundary, pushing in the direction the relation moved. When none does (a turn found in the
  // kind or volume of relations, --signal sectors or volume, while net cooperation stayed where it
  // was), the most salient events of the window whichever way they push: a turn is never left
  // without its evidence.
  for (size_t j = 1; j < result.phases.size(); ++j) {
    const Phase& before = result.phases[j - 1];
    Phase& after = result.phases[j];
    int k = bounds[j];
    int dir = after.net_coop > before.net_coop ? 1 : after.net_coop < before.net_coop ? -1 : 0;
    if (dir == 0 && after.goldstein_mean != before.goldstein_mean) {
      dir = after.goldstein_mean > before.goldstein_mean ? 1 : -1;
    }
    int lo = std::max(0, k - po.turning_window);
    int hi = std::min(n - 1, k + std::max(0, po.turning_window - 1));
    EventFilter wf = filter;
    wf.from = points[lo].period;
    wf.to = NextPeriodStart(points[hi].period, so.period) - 1;
    if (filter.from && *wf.from < *filter.from) wf.from = filter.from;
    if (filter.to && *wf.to > *filter.to) wf.to = filter.to;
    std::vector<Event> candidates, others;
    RETURN_IF_ERROR(source.Scan(wf, [&](const EventRow& e) {
      (dir == 0 || EventDirection(e) == dir ? candidates : others).push_back(ToOwned(e));
      return true;
    }));
    if (candidates.empty()) candidates = std::move(others);
    std::vector<KeyEvent> ranked =
        RankKeyEventsWithRecord(std::move(candidates), po.novelty_years, &record);
    if (ranked.size() > static_cast<size_t>(std::max(0, po.turning_events))) {
      ranked.resize(std::max(0, po.turning_events));
    }
    after.turning_events = std::move(ranked);
  }
  return result;
}

}  // namespace entente::analysis
