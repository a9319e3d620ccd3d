// Small statistics the analyses share: Pearson correlation, lag-1 autocorrelation, the effective
// sample size of a correlation between two autocorrelated series (Bretherton et al. 1999), and
// the Student t distribution (two-sided p-values) through the regularized incomplete beta
// function, and Wilson's interval for a share. Internal to analysis.
#ifndef ENTENTE_ANALYSIS_STATS_H_
#define ENTENTE_ANALYSIS_STATS_H_

#include <vector>

namespace entente::analysis {

// Pearson r of paired values; NaN when fewer than 3 pairs or either side is constant.
double Pearson(const std::vector<double>& x, const std::vector<double>& y);

// Lag-1 autocorrelation of a sequence (around its mean); 0 when fewer than 3 values or constant.
double Lag1Autocorrelation(const std::vector<double>& x);

// n (1 - r1 r2) / (1 + r1 r2), clamped to [2, n] (Bretherton et al. 1999, eq. 31).
double EffectiveSampleSize(int n, double r1, double r2);

// I_x(a, b), the regularized incomplete beta function, for a, b > 0 and x in [0, 1].
double RegularizedIncompleteBeta(double a, double b, double x);

// Two-sided p-value of Student's t with `df` degrees of freedom (df may be fractional).
double StudentTwoSidedP(double t, double df);

// Two-sided p-value of a correlation r over an effective sample size n_eff (t-test with n_eff - 2
// degrees of freedom); 1 when n_eff <= 2 or r is NaN.
double CorrelationP(double r, double n_eff);

// The median (the mean of the two middle values for an even count); 0 when empty.
double Median(std::vector<double> v);

struct Interval {
  double lo = 0, hi = 0;
};

// Wilson's score interval for a share p observed over n trials (n may be fractional: an effective
// sample size), at z standard errors: unlike p ± z·se it stays inside [0, 1] and keeps a width at
// p = 0 or 1, where a few events say little. n <= 0: [0, 1].
Interval WilsonInterval(double p, double n, double z);

}  // namespace entente::analysis

#endif  // ENTENTE_ANALYSIS_STATS_H_
