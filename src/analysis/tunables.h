// The analysis tunables in one place, each with the reason for its value. METHODS.md cites them.
#ifndef ENTENTE_ANALYSIS_TUNABLES_H_
#define ENTENTE_ANALYSIS_TUNABLES_H_

namespace entente::analysis::config {

// Phase level labels from net cooperation. Event data lean cooperative (verbal cooperation is the
// most common QuadClass in every CAMEO dataset, about 55-60% of GDELT rows), so "neutral" sits
// above zero: a relation where a third or more of the events are conflictual is already tense.
inline constexpr double kHostileBelow = -0.35;  // mostly conflict
inline constexpr double kTenseBelow = 0.10;     // conflict a large minority
inline constexpr double kNeutralBelow = 0.45;   // cooperation a modest majority
inline constexpr double kCordialBelow = 0.80;   // cooperation dominant; close above

// Trend inside a phase: the fitted change of net cooperation across the phase must exceed this
// (a fifth of the way between neutral and close) and the slope be at least kTrendMinT standard
// errors from zero, else "steady". Phases of fewer than kTrendMinPeriods non-empty periods are
// steady: two points always fit a line.
inline constexpr double kTrendMinChange = 0.20;
inline constexpr double kTrendMinT = 2.0;
inline constexpr int kTrendMinPeriods = 3;

// Change-point noise model (METHODS.md "Phases"): the variance of a period's mean is
// s^2 / n + tau^2. kMinTau2 keeps a near-noiseless dense series from turning every wiggle into a
// phase (a 0.05 standard deviation in net cooperation is below anything an analyst reads as a
// change); kMinS2 guards series where every event has the same value.
inline constexpr double kMinTau2 = 0.05 * 0.05;
inline constexpr double kMinS2 = 0.05;

// The intensity dimension (log of the dyad's share of its actors' events) drifts at least this
// much between periods beyond its sampling noise: a 20% change in share (log 1.2 = 0.18) is
// ordinary. (The volume dimension's floor is 1, the variance of Anscombe-transformed Poisson
// counts.)
inline constexpr double kMinIntensityVariance = 0.18 * 0.18;

// The interval stated with every period's net cooperation (METHODS.md "Uncertainty"): 90%, two
// sided. Analysts read a band as "where the value could plausibly be"; 95% bands on monthly
// event counts are so wide on most dyads that they hide the turns they are meant to qualify.
inline constexpr double kIntervalZ = 1.6449;

// Salience (METHODS.md "Salience"): points per event class, actor level, media and novelty.
inline constexpr double kMediaPerDecade = 0.6;  // per factor of 10 articles
inline constexpr double kMediaCap = 2.0;        // 10^3.3 articles: beyond this it is all "huge"
inline constexpr double kNoveltyBonus = 1.0;    // first of its class in the dyad in N years

// Corroboration (METHODS.md "Salience"): where a dataset counts the sources that reported an event
// (GDELT's NumSources), the class points are scaled by 1 - kDoubtPerSource^sources: each
// independent source halves the chance that the code is a miscoding, so one source keeps half
// the points, two three quarters, five 97%. Datasets without the count are not scaled.
inline constexpr double kDoubtPerSource = 0.5;

// Where the record begins (RecordStart): the first month with at least this share of the median
// month's events. GDELT's files carry a few rows dated years before their span (events recalled in
// an article); a tenth of a typical month is far above them and far below a real month's count.
inline constexpr double kRecordStartShare = 0.1;

// The most periods a series grid may hold (CheckPeriodGrid). Every period becomes a point in the
// answer and a step of the change-point search, so an unbounded grid (--by day from year 1 to
// 9999: 3.65M periods) meant minutes of work and hundreds of MB of output. 40,000 days is 109
// years: GDELT since 1979 and the chronicle since 1948 both fit by day.
inline constexpr int kMaxPeriods = 40000;

}  // namespace entente::analysis::config

#endif  // ENTENTE_ANALYSIS_TUNABLES_H_
