#include "analysis/changepoint.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <utility>

#include "analysis/stats.h"
#include "analysis/tunables.h"

namespace entente::analysis {
namespace {

// The median of a chi-square with one degree of freedom: median(D) / this estimates E[D] for a
// Gaussian difference D, and unlike the mean it ignores the few differences that span a change.
constexpr double kChi2Median = 0.454936;

// The period-to-period variance beyond sampling, from successive differences d of measured
// periods whose sampling variances sum to h: E[d^2] = h + 2 tau^2, estimated robustly by medians
// and floored at `floor` (which also stands when there are too few differences to tell).
double ExtraVariance(std::vector<double> sq, std::vector<double> h, double floor) {
  if (sq.size() < 3) return floor;
  return std::max(floor, (Median(std::move(sq)) / kChi2Median - Median(std::move(h))) / 2);
}

}  // namespace

WeightedSignal SignalFromMoments(const std::vector<PeriodMoments>& periods, int dims,
                                 const std::vector<EventVariance>& models) {
  WeightedSignal s;
  s.dims = dims;
  s.n = static_cast<int>(periods.size());
  s.y.assign(static_cast<size_t>(s.n) * dims, 0);
  s.w.assign(static_cast<size_t>(s.n) * dims, 0);
  for (const PeriodMoments& p : periods) {
    bool any = false;
    for (int d = 0; d < dims; ++d) any |= p.sw[d] > 0;
    s.observed += any;
  }
  for (int d = 0; d < dims; ++d) {
    // Pooled within-period variance of one event's value (weighted, with the usual n/(n-k)
    // correction for the k period means estimated).
    double within = 0, total_w = 0, n_events = 0;
    int k = 0;
    std::vector<double> neff(s.n, 0), mean(s.n, 0);
    for (int i = 0; i < s.n; ++i) {
      const PeriodMoments& p = periods[i];
      if (p.sw[d] <= 0) continue;
      mean[i] = p.swx[d] / p.sw[d];
      neff[i] = p.sw[d] * p.sw[d] / p.sw2[d];
      within += std::max(0.0, p.swxx[d] - p.swx[d] * mean[i]);
      total_w += p.sw[d];
      n_events += neff[i];
      ++k;
    }
    double s2 = total_w > 0 ? within / total_w : 0;
    if (n_events > k + 1) s2 *= n_events / (n_events - k);
    if (static_cast<size_t>(d) < models.size() && models[d] == EventVariance::kBinomial) {
      // A share from a handful of events: the within-period scatter of a 0/1 value says little
      // (a period of one event has none), its binomial variance at the overall share is known.
      double sw = 0, swx = 0;
      for (const PeriodMoments& p : periods) {
        sw += p.sw[d];
        swx += p.swx[d];
      }
      double share = sw > 0 ? swx / sw : 0;
      s2 = share * (1 - share);
    }
    s2 = std::max(s2, config::kMinS2);
    // Extra variance between periods: successive differences of observed periods have expected
    // square s2 (1/n_i + 1/n_j) + 2 tau2.
    std::vector<double> sq, h;
    int prev = -1;
    for (int i = 0; i < s.n; ++i) {
      if (neff[i] <= 0) continue;
      if (prev >= 0) {
        double diff = mean[i] - mean[prev];
        sq.push_back(diff * diff);
        h.push_back(s2 * (1 / neff[i] + 1 / neff[prev]));
      }
      prev = i;
    }
    double tau2 = ExtraVariance(std::move(sq), std::move(h), config::kMinTau2);
    s.s2[d] = s2;
    s.tau2[d] = tau2;
    for (int i = 0; i < s.n; ++i) {
      if (neff[i] <= 0) continue;
      s.y[static_cast<size_t>(i) * dims + d] = mean[i];
      s.w[static_cast<size_t>(i) * dims + d] = 1 / (s2 / neff[i] + tau2);
    }
  }
  return s;
}

void SetDenseDimension(WeightedSignal* s, int d, const std::vector<double>& values,
                       double min_variance) {
  std::vector<double> sq;
  for (size_t i = 1; i < values.size(); ++i) {
    sq.push_back((values[i] - values[i - 1]) * (values[i] - values[i - 1]));
  }
  double v = sq.size() >= 3 ? Median(sq) / kChi2Median / 2 : min_variance;
  v = std::max(v, min_variance);
  s->s2[d] = v;
  s->tau2[d] = 0;
  for (int i = 0; i < s->n; ++i) {
    s->y[static_cast<size_t>(i) * s->dims + d] = values[i];
    s->w[static_cast<size_t>(i) * s->dims + d] = 1 / v;
  }
}

void SetMeasuredDimension(WeightedSignal* s, int d, const std::vector<double>& values,
                          const std::vector<double>& sampling_variance, double min_tau2) {
  auto measured = [&](int i) {
    return std::isfinite(sampling_variance[i]) && sampling_variance[i] > 0;
  };
  std::vector<double> sq, h;
  int prev = -1;
  for (int i = 0; i < s->n; ++i) {
    if (!measured(i)) continue;
    if (prev >= 0) {
      double diff = values[i] - values[prev];
      sq.push_back(diff * diff);
      h.push_back(sampling_variance[i] + sampling_variance[prev]);
    }
    prev = i;
  }
  s->s2[d] = sq.empty() ? 0 : Median(h) / 2;
  const double tau2 = ExtraVariance(std::move(sq), h, min_tau2);
  s->tau2[d] = tau2;
  for (int i = 0; i < s->n; ++i) {
    size_t at = static_cast<size_t>(i) * s->dims + d;
    s->y[at] = measured(i) ? values[i] : 0;
    s->w[at] = measured(i) ? 1 / (sampling_variance[i] + tau2) : 0;
  }
}

SegmentCost::SegmentCost(const WeightedSignal& s) : dims_(s.dims) {
  size_t size = (static_cast<size_t>(s.n) + 1) * dims_;
  cw_.assign(size, 0);
  cwy_.assign(size, 0);
  cwyy_.assign(size, 0);
  for (int i = 0; i < s.n; ++i) {
    for (int d = 0; d < dims_; ++d) {
      size_t at = static_cast<size_t>(i) * dims_ + d, next = at + dims_;
      double w = s.w[at], y = s.y[at];
      cw_[next] = cw_[at] + w;
      cwy_[next] = cwy_[at] + w * y;
      cwyy_[next] = cwyy_[at] + w * y * y;
    }
  }
}

double SegmentCost::operator()(int begin, int end) const {
  double cost = 0;
  for (int d = 0; d < dims_; ++d) {
    size_t b = static_cast<size_t>(begin) * dims_ + d, e = static_cast<size_t>(end) * dims_ + d;
    double w = cw_[e] - cw_[b];
    if (w <= 0) continue;
    double wy = cwy_[e] - cwy_[b], wyy = cwyy_[e] - cwyy_[b];
    cost += std::max(0.0, wyy - wy * wy / w);
  }
  return cost;
}

namespace {

std::vector<int> Backtrack(const std::vector<int>& last, int n) {
  std::vector<int> starts;
  for (int t = n; t > 0; t = last[t]) {
    if (last[t] > 0) starts.push_back(last[t]);
  }
  std::reverse(starts.begin(), starts.end());
  return starts;
}

std::vector<int> Segment(const WeightedSignal& s, double penalty, int min_length, bool prune) {
  const int n = s.n;
  min_length = std::max(1, min_length);
  if (n < 2 * min_length) return {};
  SegmentCost cost(s);
  const double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> best(n + 1, kInf);
  std::vector<int> last(n + 1, 0);
  best[0] = -penalty;
  // Candidates and the time from which each may be dropped (INT_MAX: still live).
  std::vector<int> candidates, expires;
  for (int t = min_length; t <= n; ++t) {
    // A segment may start at tau only if [0, tau) can itself be segmented (tau >= min_length).
    int fresh = t - min_length;
    if (fresh == 0 || (fresh >= min_length && best[fresh] < kInf)) {
      candidates.push_back(fresh);
      expires.push_back(std::numeric_limits<int>::max());
    }
    double f = kInf;
    int arg = 0;
    std::vector<double> value(candidates.size());
    for (size_t c = 0; c < candidates.size(); ++c) {
      int tau = candidates[c];
      value[c] = best[tau] + cost(tau, t) + penalty;
      // Ties go to the latest start: with empty periods in between, the new segment then begins
      // where its first data are (phases.cc also snaps starts forward).
      if (value[c] <= f) {
        f = value[c];
        arg = tau;
      }
    }
    best[t] = f;
    last[t] = arg;
    if (prune) {
      // PELT: once best[tau] + cost(tau, t) > best[t], tau can never beat a split at t (the cost
      // satisfies C(a,b) + C(b,c) <= C(a,c), so K = 0 in Killick et al.'s condition). A split at
      // t is only legal for ends t' >= t + min_length, so tau is dropped from then on.
      size_t keep = 0;
      for (size_t c = 0; c < candidates.size(); ++c) {
        if (expires[c] == std::numeric_limits<int>::max() && value[c] - penalty > f) {
          expires[c] = t + min_length;
        }
        if (expires[c] <= t + 1) continue;  // dropped before the next end t + 1 is evaluated
        candidates[keep] = candidates[c];
        expires[keep] = expires[c];
        ++keep;
      }
      candidates.resize(keep);
      expires.resize(keep);
    }
  }
  return Backtrack(last, n);
}

}  // namespace

std::vector<int> Pelt(const WeightedSignal& s, double penalty, int min_length) {
  return Segment(s, penalty, min_length, /*prune=*/true);
}

std::vector<int> OptimalPartitioning(const WeightedSignal& s, double penalty, int min_length) {
  return Segment(s, penalty, min_length, /*prune=*/false);
}

}  // namespace entente::analysis
