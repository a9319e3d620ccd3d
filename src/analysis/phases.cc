// Phases: PELT (changepoint.h) on the dyad's per-period cooperation signal, then each phase
// described (level, trend) and each turn explained by the most salient events near it in the
// direction of the turn.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "analysis/analysis.h"
#include "analysis/changepoint.h"
#include "analysis/dyad_filter.h"
#include "analysis/key_events_internal.h"
#include "analysis/phase_inputs.h"
#include "analysis/salience.h"
#include "analysis/stats.h"
#include "analysis/tunables.h"
#include "core/enum_names.h"

namespace entente::analysis {
namespace {

// The per-event moments, gathered for every signal: dimension 0 is the event's side (+1
// cooperation, quad 1-2; -1 conflict, quad 3-4), so a period's mean is its net cooperation;
// dimension 1 is Goldstein / 10, which separates material from verbal cooperation and a war from
// a protest; dimensions 2..7 are the event's sector as six 0/1 indicators (a period's means are
// its sector mix: the kind of relation). A signal takes a run of them and may add one dense
// dimension, the level of engagement.
constexpr int kCoopDims = 2;
constexpr int kSectorDims = kSectorCount;
constexpr int kAllDims = kCoopDims + kSectorDims;
static_assert(kAllDims + 1 <= kMaxSignalDims);

// Which moments a signal segments on, and which engagement level it adds.
struct SignalLayout {
  int first = 0, count = kCoopDims;  // moments [first, first + count)
  enum class Level { kNone, kVolume, kIntensity } level = Level::kNone;
};

SignalLayout LayoutOf(PhaseSignal signal) {
  using L = SignalLayout::Level;
  switch (signal) {
    case PhaseSignal::kCoop: return {0, kCoopDims, L::kNone};
    case PhaseSignal::kVolume: return {0, kCoopDims, L::kVolume};
    case PhaseSignal::kIntensity: return {0, kCoopDims, L::kIntensity};
    case PhaseSignal::kSectors: return {0, kAllDims, L::kVolume};
    case PhaseSignal::kDensity: return {0, 0, L::kIntensity};
    case PhaseSignal::kKind: return {kCoopDims, kSectorDims, L::kNone};
  }
  return {};
}

// The signal PELT runs on: the layout's moments (sector indicators with the binomial model) and
// its engagement level as a dense last dimension. A period that cannot measure the level gives it
// no evidence: a coverage gap (no events of the dataset at all) is not a drop in volume, and a
// share of the actors' events is undefined in a period where neither actor has any.
WeightedSignal BuildSignal(const std::vector<PeriodMoments>& moments,
                           const std::vector<SeriesPoint>& points, const SignalLayout& layout) {
  const int n = static_cast<int>(points.size());
  const bool level = layout.level != SignalLayout::Level::kNone;
  const int dims = layout.count + (level ? 1 : 0);
  std::vector<PeriodMoments> chosen(moments.size());
  std::vector<EventVariance> models;
  for (int d = 0; d < layout.count; ++d) {
    models.push_back(layout.first + d >= kCoopDims ? EventVariance::kBinomial
                                                   : EventVariance::kPooled);
  }
  for (size_t i = 0; i < moments.size(); ++i) {
    const PeriodMoments& m = moments[i];
    PeriodMoments& c = chosen[i];
    c.events = m.events;
    for (int d = 0; d < layout.count; ++d) {
      c.sw[d] = m.sw[layout.first + d];
      c.sw2[d] = m.sw2[layout.first + d];
      c.swx[d] = m.swx[layout.first + d];
      c.swxx[d] = m.swxx[layout.first + d];
    }
  }
  WeightedSignal signal = SignalFromMoments(chosen, dims, models);
  if (!level) return signal;
  if (layout.level == SignalLayout::Level::kVolume) {
    // Anscombe's square root: variance 1 for Poisson counts (more when overdispersed, which the
    // robust estimate picks up).
    std::vector<double> values(n);
    for (int i = 0; i < n; ++i) values[i] = 2 * std::sqrt(points[i].weight + 0.375);
    SetDenseDimension(&signal, dims - 1, values, 1.0);
    for (int i = 0; i < n; ++i) {
      if (points[i].dataset_events == 0) signal.w[static_cast<size_t>(i) * dims + dims - 1] = 0;
    }
  } else {
    // The log share of the actors' events. Its sampling variance is the delta method's for a
    // binomial share at the dyad's overall share p, (1 - p) / (V p) with V the actors' events:
    // a day where the actors had three events says little, a month with thousands says much.
    // (At the period's own share a period without dyad events would look noisiest when it is the
    // strongest evidence of a drop.)
    double dyad = 0, actors = 0;
    for (const SeriesPoint& p : points) {
      if (p.actor_volume > 0 && p.dataset_events != 0) {
        dyad += p.weight;
        actors += p.actor_volume;
      }
    }
    const double share = actors > 0 ? std::clamp((dyad + 0.5) / (actors + 0.5), 1e-9, 0.5) : 0.5;
    std::vector<double> values(n), variance(n, 0);
    for (int i = 0; i < n; ++i) {
      const SeriesPoint& p = points[i];
      if (p.actor_volume <= 0 || p.dataset_events == 0) continue;
      values[i] = std::log((p.weight + 0.5) / (p.actor_volume + 0.5));
      variance[i] = (1 - share) / (p.actor_volume * share);
    }
    SetMeasuredDimension(&signal, dims - 1, values, variance, config::kMinIntensityVariance);
  }
  int observed = 0;
  for (int i = 0; i < n; ++i) observed += signal.w[static_cast<size_t>(i) * dims + dims - 1] > 0;
  signal.observed = std::max(signal.observed, observed);
  return signal;
}

// Parameters a new phase adds, besides its start: one mean per dimension, except that the six
// sector shares sum to one (five free).
int ParamsOf(const SignalLayout& layout) {
  int params = layout.count + (layout.level != SignalLayout::Level::kNone ? 1 : 0);
  return layout.first + layout.count == kAllDims ? params - 1 : params;
}

double PenaltyFor(const Penalty& penalty, int params, int observed) {
  const double log_n = std::log(std::max(2, observed));
  switch (penalty.kind) {
    case PenaltyKind::kBic: return (params + 1) * log_n;
    case PenaltyKind::kMbic: return (params + 2) * log_n;
    case PenaltyKind::kManual: return penalty.value;
  }
  return 0;
}

// How many events a period needs for a change of `turn_size` in net cooperation to pass the
// tone penalty, against how many the dyad's periods have. Two runs of L observed periods whose
// means differ by D gain L D^2 / (2 v) with v = s^2 / n + tau^2 the variance of one period's mean
// (dimension 0 of the tone signal); the turn is found when that reaches the penalty P, i.e. when
// n >= s^2 / (L D^2 / (2 P) - tau^2). L is half the observed periods: a turn midway, the easiest
// to find.
PhaseResult::Sparsity SparsityOf(const WeightedSignal& tone, const std::vector<SeriesPoint>& points,
                                 const Penalty& penalty, const PhaseOptions& po) {
  PhaseResult::Sparsity out;
  out.turn_size = po.turn_size;
  std::vector<double> counts;
  for (const SeriesPoint& p : points) {
    if (p.events > 0) counts.push_back(static_cast<double>(p.events));
  }
  if (counts.empty()) return out;
  out.median_events = Median(counts);
  out.periods_each_side = std::max(po.min_length, static_cast<int>(counts.size()) / 2);
  const double p = PenaltyFor(penalty, kCoopDims, static_cast<int>(counts.size()));
  const double room = out.periods_each_side * po.turn_size * po.turn_size / (2 * p) - tone.tau2[0];
  out.events_needed = room > 0 ? tone.s2[0] / room : std::numeric_limits<double>::infinity();
  out.sparse = out.median_events < out.events_needed;
  return out;
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

// A phase's density (the dyad's weight over its actors') and kind (its sector mix) over points
// [begin, end).
void DescribeEngagement(const std::vector<PeriodMoments>& moments,
                        const std::vector<SeriesPoint>& points, int begin, int end, Phase* p) {
  double weight = 0, volume = 0, total = 0;
  double sector[kSectorDims] = {};
  for (int i = begin; i < end; ++i) {
    if (points[i].actor_volume > 0) {
      weight += points[i].weight;
      volume += points[i].actor_volume;
    }
    for (int d = 0; d < kSectorDims; ++d) sector[d] += moments[i].swx[kCoopDims + d];
    total += moments[i].sw[kCoopDims];
  }
  p->has_intensity = volume > 0;
  p->intensity = volume > 0 ? weight / volume : 0;
  for (int d = 0; d < kSectorDims; ++d) p->sector_share[d] = total > 0 ? sector[d] / total : 0;
}

}  // namespace

Sector RisingSector(const Phase& before, const Phase& after) {
  int best = 0;
  for (int d = 1; d < kSectorDims; ++d) {
    if (after.sector_share[d] - before.sector_share[d] >
        after.sector_share[best] - before.sector_share[best]) {
      best = d;
    }
  }
  return static_cast<Sector>(best);
}

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
  static constexpr EnumName<PhaseSignal> kNames[] = {
      {"coop", PhaseSignal::kCoop},       {"tone", PhaseSignal::kCoop},
      {"volume", PhaseSignal::kVolume},   {"intensity", PhaseSignal::kIntensity},
      {"sectors", PhaseSignal::kSectors}, {"density", PhaseSignal::kDensity},
      {"kind", PhaseSignal::kKind}};
  return ParseEnumName(t, kNames, "signal");
}

std::string_view LevelLabel(double net_coop) {
  if (net_coop < config::kHostileBelow) return "hostile";
  if (net_coop < config::kTenseBelow) return "tense";
  if (net_coop < config::kNeutralBelow) return "neutral";
  if (net_coop < config::kCordialBelow) return "cordial";
  return "close";
}

namespace {

// Adds one event of weight w to its period's moments: its side and Goldstein (when it has them)
// and its sector.
void AddEventMoments(const EventRow& e, double w, PeriodMoments* m) {
  m->events += 1;
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
    m->sw[d] += w;
    m->sw2[d] += w * w;
    m->swx[d] += w * x[d];
    m->swxx[d] += w * x[d] * x[d];
  }
  int mine = kCoopDims + static_cast<int>(ClassifySector(e));
  for (int d = kCoopDims; d < kAllDims; ++d) {
    m->sw[d] += w;
    m->sw2[d] += w * w;
    if (d == mine) {
      m->swx[d] += w;
      m->swxx[d] += w;
    }
  }
}

// The change points PELT found, each moved out of a run of empty periods to where the new phase's
// first events are, but never so late that the new phase gets shorter than min_length (on a dense
// signal an empty period is itself evidence and PELT may start a phase there); and the gain of
// each change point kept.
std::vector<double> PlaceBoundaries(const std::vector<SeriesPoint>& points,
                                    const std::vector<int>& starts,
                                    const std::vector<int>& segments, const SegmentCost& cost,
                                    int min_length, std::vector<int>* change_points) {
  const int n = static_cast<int>(points.size());
  std::vector<double> gains;
  for (size_t j = 0; j < starts.size(); ++j) {
    int s = starts[j];
    const int latest = (j + 1 < starts.size() ? starts[j + 1] : n) - min_length;
    while (s < latest && points[s].events == 0) ++s;
    if (s >= n) continue;
    if (!change_points->empty() && s <= change_points->back()) continue;
    change_points->push_back(s);
    gains.push_back(SplitGain(cost, segments[j], starts[j], segments[j + 2]));
  }
  return gains;
}

// The phase over points [begin, end): its span, level, trend, density and kind.
Phase DescribePhase(const std::vector<SeriesPoint>& points,
                    const std::vector<PeriodMoments>& moments, const WeightedSignal& tone,
                    int begin, int end, Period period) {
  Phase p;
  p.start = points[begin].period;
  p.end = NextPeriodStart(points[end - 1].period, period) - 1;
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
  DescribeEngagement(moments, points, begin, end, &p);
  Trend t = FitTrend(tone, points, begin, end);
  p.slope = t.slope;
  p.trend = std::string(t.name);
  return p;
}

// Which events explain a turn from `before` to `after`: in tone, those pushing its way (or, when
// net cooperation did not move, the way Goldstein did); in density, any; in kind, those of the
// sector it turned to.
std::function<bool(const EventRow&)> ExplainsTurn(PhaseSignal signal, const Phase& before,
                                                  const Phase& after) {
  if (signal == PhaseSignal::kKind) {
    Sector rising = RisingSector(before, after);
    return [rising](const EventRow& e) { return ClassifySector(e) == rising; };
  }
  int dir = after.net_coop > before.net_coop ? 1 : after.net_coop < before.net_coop ? -1 : 0;
  if (dir == 0 && after.goldstein_mean != before.goldstein_mean) {
    dir = after.goldstein_mean > before.goldstein_mean ? 1 : -1;
  }
  if (signal == PhaseSignal::kDensity) dir = 0;
  return [dir](const EventRow& e) { return dir == 0 || EventDirection(e) == dir; };
}

// Turning events: the most salient events within turning_window periods either side of each
// boundary that explain the turn (ExplainsTurn). When none does (a turn found in the kind or
// volume of relations while net cooperation stayed where it was), the most salient events of the
// window whichever way they push: a turn is never left without its evidence.
Status AddTurningEvents(EventSource& source, const EventFilter& filter, Period period,
                        const PhaseOptions& po, const std::vector<int>& bounds,
                        const NoveltyRecord* record, PhaseResult* result) {
  const std::vector<SeriesPoint>& points = result->series.points;
  const int n = static_cast<int>(points.size());
  for (size_t j = 1; j < result->phases.size(); ++j) {
    Phase& after = result->phases[j];
    auto explains = ExplainsTurn(po.signal, result->phases[j - 1], after);
    int lo = std::max(0, bounds[j] - po.turning_window);
    int hi = std::min(n - 1, bounds[j] + std::max(0, po.turning_window - 1));
    EventFilter wf = filter;
    wf.from = points[lo].period;
    wf.to = NextPeriodStart(points[hi].period, period) - 1;
    if (filter.from && *wf.from < *filter.from) wf.from = filter.from;
    if (filter.to && *wf.to > *filter.to) wf.to = filter.to;
    std::vector<Event> candidates, others;
    RETURN_IF_ERROR(source.Scan(wf, [&](const EventRow& e) {
      (explains(e) ? candidates : others).push_back(ToOwned(e));
      return true;
    }));
    if (candidates.empty()) candidates = std::move(others);
    std::vector<KeyEvent> ranked =
        RankKeyEventsWithRecord(std::move(candidates), po.novelty_years, record);
    if (ranked.size() > static_cast<size_t>(std::max(0, po.turning_events))) {
      ranked.resize(std::max(0, po.turning_events));
    }
    after.turning_events = std::move(ranked);
  }
  return Status::Ok();
}

}  // namespace

Result<PhaseInputs> GatherPhaseInputs(EventSource& source, const std::string& a,
                                      const std::string& b, const SeriesOptions& series_options,
                                      int novelty_years) {
  PhaseInputs in;
  in.series_options = series_options;
  in.series_options.smooth = SmoothMethod::kNone;
  const SeriesOptions& so = in.series_options;
  ASSIGN_OR_RETURN(in.series, BuildSeries(source, a, b, so));
  const std::vector<SeriesPoint>& points = in.series.points;
  if (points.empty()) return in;

  // Per-period moments of the per-event signal, and when each salient class occurred (novelty of
  // turning events).
  std::unordered_map<Days, int> index;
  for (int i = 0; i < static_cast<int>(points.size()); ++i) index[points[i].period] = i;
  in.moments.resize(points.size());
  in.filter = DyadFilter(a, b, so);
  ASSIGN_OR_RETURN(in.record, LoadNoveltyRecord(source, in.filter, novelty_years));
  RETURN_IF_ERROR(source.Scan(in.filter, [&](const EventRow& e) {
    auto it = index.find(PeriodStart(e.date, so.period));
    if (it == index.end()) return true;
    AddEventMoments(e, EventWeight(e, so.weight), &in.moments[it->second]);
    in.curated = in.curated && e.dataset == "chronicle";
    in.record.history.Add(e);
    return true;
  }));
  in.record.history.Finish();
  return in;
}

Result<PhaseResult> SegmentPhases(EventSource& source, const PhaseInputs& in,
                                  const PhaseOptions& po) {
  if (po.min_length < 1) return Status::InvalidArgument("--min-length must be at least 1");
  PhaseResult result;
  result.series = in.series;
  const std::vector<SeriesPoint>& points = in.series.points;
  const int n = static_cast<int>(points.size());
  if (n == 0) return result;

  SignalLayout layout = LayoutOf(po.signal);
  if (po.signal == PhaseSignal::kDensity) {
    bool volume_known = std::any_of(points.begin(), points.end(),
                                    [](const SeriesPoint& p) { return p.actor_volume > 0; });
    result.density_by_count = in.curated || !volume_known;
    if (result.density_by_count) layout.level = SignalLayout::Level::kVolume;
  }
  const WeightedSignal tone = BuildSignal(in.moments, points, LayoutOf(PhaseSignal::kCoop));
  const WeightedSignal signal =
      po.signal == PhaseSignal::kCoop ? tone : BuildSignal(in.moments, points, layout);
  const int params = ParamsOf(layout);
  result.signal = po.signal;
  result.penalty = PenaltyFor(po.penalty, params, signal.observed);
  result.sparsity = SparsityOf(tone, points, po.penalty, po);
  std::vector<int> starts = Pelt(signal, result.penalty, po.min_length);
  SegmentCost cost(signal);
  std::vector<int> segments = {0};
  segments.insert(segments.end(), starts.begin(), starts.end());
  segments.push_back(n);
  result.weaker_threshold = 2.0 * (params + 1);
  result.weaker_turns = FindWeakerTurns(cost, segments, points, po.min_length, result.penalty,
                                        result.weaker_threshold);
  std::vector<double> gains =
      PlaceBoundaries(points, starts, segments, cost, po.min_length, &result.change_points);

  std::vector<int> bounds = {0};
  bounds.insert(bounds.end(), result.change_points.begin(), result.change_points.end());
  bounds.push_back(n);
  const Period period = in.series_options.period;
  for (size_t j = 0; j + 1 < bounds.size(); ++j) {
    Phase p = DescribePhase(points, in.moments, tone, bounds[j], bounds[j + 1], period);
    p.gain = j > 0 ? gains[j - 1] : std::numeric_limits<double>::quiet_NaN();
    p.support = j > 0 ? Support(p.gain, result.penalty) : p.gain;
    result.phases.push_back(std::move(p));
  }
  RETURN_IF_ERROR(AddTurningEvents(source, in.filter, period, po, bounds, &in.record, &result));
  return result;
}

Result<PhaseResult> FindPhases(EventSource& source, const std::string& a, const std::string& b,
                               const SeriesOptions& series_options, const PhaseOptions& po) {
  ASSIGN_OR_RETURN(PhaseInputs in,
                   GatherPhaseInputs(source, a, b, series_options, po.novelty_years));
  return SegmentPhases(source, in, po);
}

}  // namespace entente::analysis
