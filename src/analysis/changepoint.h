// Change points in a weighted, possibly multivariate, per-period signal: PELT (Killick, Fearnhead
// and Eckley 2012) with a Gaussian mean-shift cost, each period's value weighted by the inverse of
// its variance, a minimum segment length, and a penalty per change point. Internal to analysis;
// FindPhases (phases.cc) is the user of it.
//
// Why weighted: a period's mean of n events has variance s^2/n + tau^2 (event noise plus
// period-to-period drift), so a year with one event should move a boundary far less than a year
// with fifty, while a month with ten thousand events should not count ten thousand times as much
// (tau^2 caps it). Empty periods have weight 0: they cost nothing and never decide a boundary,
// which is what makes the method work on sparse dyads (METHODS.md "Phases").
//
// Alternatives rejected: binary segmentation (greedy, misses two close changes whose effects
// cancel), Bayesian online change points (needs a hazard prior an analyst cannot reason about);
// PELT is exact for this cost and linear when changes are spread out.
#ifndef ENTENTE_ANALYSIS_CHANGEPOINT_H_
#define ENTENTE_ANALYSIS_CHANGEPOINT_H_

#include <cstdint>
#include <vector>

namespace entente::analysis {

// Two cooperation dimensions, six sector shares and one engagement dimension at most.
inline constexpr int kMaxSignalDims = 9;

// Per-period sums of per-event values, one set per dimension (an event may lack a value in one
// dimension, e.g. no Goldstein score).
struct PeriodMoments {
  int64_t events = 0;
  double sw[kMaxSignalDims] = {};    // sum of weights
  double sw2[kMaxSignalDims] = {};   // sum of squared weights (effective sample size)
  double swx[kMaxSignalDims] = {};   // sum of weight * value
  double swxx[kMaxSignalDims] = {};  // sum of weight * value^2
};

// The signal PELT segments: value y[i*dims+d] with inverse-variance weight w[i*dims+d] (0: no
// data).
struct WeightedSignal {
  int dims = 1;
  int n = 0;  // periods
  std::vector<double> y, w;
  // The noise model that produced the weights, per dimension (for METHODS.md and tests).
  double s2[kMaxSignalDims] = {};
  double tau2[kMaxSignalDims] = {};
  int observed = 0;  // periods with data in any dimension
};

// How the variance of one event's value is estimated, per dimension.
enum class EventVariance {
  kPooled,    // pooled within-period variance (any values)
  kBinomial,  // p (1 - p) from the overall share p (0/1 indicators, e.g. "is a defence event")
};

// Builds y and w from moments: y = swx/sw, w = 1 / (s2/n_eff + tau2) with n_eff = sw^2/sw2,
// s2 the pooled within-period variance (or, for kBinomial dimensions, p (1 - p) with p the
// overall weighted mean) and tau2 a robust (median-based) estimate of the extra period-to-period
// variance from successive differences. `models` gives the model per dimension; missing entries
// are kPooled.
WeightedSignal SignalFromMoments(const std::vector<PeriodMoments>& periods, int dims,
                                 const std::vector<EventVariance>& models = {});

// The weighted sum of squares of y[begin..end) around its weighted mean, summed over dimensions.
class SegmentCost {
 public:
  explicit SegmentCost(const WeightedSignal& s);
  double operator()(int begin, int end) const;

 private:
  int dims_;
  std::vector<double> cw_, cwy_, cwyy_;  // prefix sums, (n+1)*dims
};

// Adds dimension `d` (REQUIRES: d < s->dims) with a value for every period (empty ones too):
// y = values, all with weight 1 / v, where v is a robust estimate of the period-to-period variance
// (half the median squared successive difference over the chi-square median), floored at
// `min_variance`.
void SetDenseDimension(WeightedSignal* s, int d, const std::vector<double>& values,
                       double min_variance);

// Adds dimension `d` (REQUIRES: d < s->dims) from per-period estimates with known sampling
// variances: y = values, w = 1 / (sampling_variance + tau2), tau2 the robust period-to-period
// variance beyond sampling (as in SignalFromMoments), floored at `min_tau2`. A period whose
// sampling variance is not finite and positive has no measurement (weight 0).
void SetMeasuredDimension(WeightedSignal* s, int d, const std::vector<double>& values,
                          const std::vector<double>& sampling_variance, double min_tau2);

// Optimal segmentation minimising sum of costs + penalty * (#segments - 1), every segment at least
// `min_length` periods. Returns the start index of every segment but the first, ascending.
std::vector<int> Pelt(const WeightedSignal& s, double penalty, int min_length);

// The same by exhaustive dynamic programming (O(n^2), no pruning): the reference Pelt is tested
// against.
std::vector<int> OptimalPartitioning(const WeightedSignal& s, double penalty, int min_length);

}  // namespace entente::analysis

#endif  // ENTENTE_ANALYSIS_CHANGEPOINT_H_
