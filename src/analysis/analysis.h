// Dyad analytics, the front door: how the relation between two actors has moved (series), when it
// turned (phases and the events at each turn), what mattered most (key events), in which sectors
// (sector mix), how it moves with the neighbours' relations (comparison, lead/lag), and which
// dyads are changing fastest (scan). The CLI commands dyad/phases/key-events/sectors/compare/scan
// and the report call only what is declared here; every result is a plain struct.
//
// Design constraints:
//  - Events are read ONLY through entente::EventSource (Aggregate for sums per period/dyad/root,
//    Scan for the few events a result must show), so every analysis runs unchanged on the store,
//    the embedded chronicle, files, or a SQL backend that answers Aggregate in the database.
//  - Everything is deterministic: same events, same options, same output (ties broken by date,
//    then code, then actor codes).
//  - Methods and formulas are in docs/METHODS.md; the tunables and their reasons in tunables.h.
//
// This header is stable: the report engineer builds on it. Add fields and functions; do not
// rename or remove them.
#ifndef ENTENTE_ANALYSIS_ANALYSIS_H_
#define ENTENTE_ANALYSIS_ANALYSIS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/event.h"
#include "core/event_source.h"
#include "core/sector.h"
#include "core/status.h"

namespace entente::analysis {

// ---------------------------------------------------------------------------------------------
// Series: one row per period of the dyad's events.

enum class SmoothMethod { kNone, kMovingAverage, kEwma };
Result<SmoothMethod> ParseSmoothMethod(std::string_view text);  // none|ma|ewma

struct SeriesOptions {
  Period period = Period::kYear;
  std::optional<Days> from;  // inclusive; the grid starts at PeriodStart(from)
  std::optional<Days> to;    // inclusive; the grid ends at the period containing `to`
  bool directed = false;     // a is the source and b the target
  Weight weight = Weight::kEvents;
  std::string dataset;   // only this dataset (empty: all)
  EventQuality quality;  // only events that pass it (and their actors' volume likewise)
  // Smoothing of net_coop, goldstein_mean and intensity (the counts stay raw). window <= 1: none.
  SmoothMethod smooth = SmoothMethod::kNone;
  int smooth_window = 0;
  bool with_intensity = true;  // costs a second Aggregate over events involving either actor
  // Count every event of the dataset per period (SeriesPoint::dataset_events), to tell a period
  // the data do not cover from one where the dyad was quiet; costs a third Aggregate.
  bool with_coverage = false;
};

struct SeriesPoint {
  Days period = 0;     // period start
  std::string label;   // FormatPeriod(period): "2012", "2012-Q4", "2012-10", "2012-10-01"
  int64_t events = 0;  // raw event count (never weighted)
  double weight = 0;   // weighted volume (== events for Weight::kEvents)
  double vcoop = 0, mcoop = 0, vconf = 0, mconf = 0;  // weighted counts per QuadClass 1..4
  double goldstein_sum = 0;                           // sum of weight * Goldstein
  double goldstein_weight = 0;  // weight of the events that have a Goldstein value
  double goldstein_mean = 0;    // goldstein_sum / weight of events with a Goldstein value; 0 empty
  double net_coop = 0;          // (vcoop + mcoop - vconf - mconf) / all, in [-1, 1]; 0 empty
  // 90% interval of net_coop (Wilson's, on the share of cooperative events, over the number of
  // events behind the value; METHODS.md "Uncertainty"). Meaningful with has_net_coop.
  double net_coop_lo = 0, net_coop_hi = 0;
  double actor_volume = 0;  // weighted events involving a or b (either side, any partner)
  double intensity = 0;     // weight / actor_volume, in [0, 1]; 0 when actor_volume is 0
  // Whether the ratios above stand on events (after smoothing: on smoothed weight). A ratio
  // without them is 0 in the fields and printed as null/empty, never as a neutral 0.
  bool has_net_coop = false;    // the dyad has events with a QuadClass
  bool has_goldstein = false;   // ... with a Goldstein value
  bool has_intensity = false;   // the dyad has events and its actors have volume
  int64_t dataset_events = -1;  // events of the dataset (any dyad) in the period; -1: not asked
};

struct Series {
  std::string a, b;
  Period period = Period::kYear;
  Weight weight = Weight::kEvents;
  bool directed = false;
  std::vector<SeriesPoint> points;  // contiguous grid, empty periods filled with zeros

  int64_t total_events() const;
};

// InvalidArgument when the grid from the period of `first` to the period of `last` holds more than
// config::kMaxPeriods periods (the message names the range and the limit); OK otherwise. Every
// series grid is checked, and the CLI and the server check the range they are asked for with it.
Status CheckPeriodGrid(Days first, Days last, Period period);

// The dyad's series. Empty periods between the first and last event (or --from/--to) are zeros.
// An empty dyad gives an empty series (not an error): callers decide what "nothing" means.
Result<Series> BuildSeries(EventSource& source, const std::string& a, const std::string& b,
                           const SeriesOptions& options);

// NotFound: "no events between A and B" + `where`, saying why when A or B is no CAMEO actor code
// ("...: RUSS is no CAMEO actor code; did you mean RUS?"), since a typo otherwise reads as a
// dyad the data are silent on.
Status NoDyadEvents(std::string_view a, std::string_view b, std::string_view where = "");

// The series from already aggregated rows (by_period only): `dyad_rows` for the dyad and
// `actor_rows` for events involving either actor (may be empty: intensity 0). Exposed for tests
// and for callers that aggregate once for many dyads.
Series SeriesFromRows(const std::string& a, const std::string& b, const SeriesOptions& options,
                      const std::vector<AggregateRow>& dyad_rows,
                      const std::vector<AggregateRow>& actor_rows);

// Smooths net_coop, goldstein_mean and intensity in place (see METHODS.md: centred moving average
// over `window` periods, or EWMA with alpha = 2 / (window + 1)).
void SmoothSeries(Series* series, SmoothMethod method, int window);

// ---------------------------------------------------------------------------------------------
// Key events: the events that matter most, with a salience score and a reason.

struct KeyEventOptions {
  int top = 20;
  std::optional<Days> from, to;
  bool directed = false;
  std::string dataset;
  EventQuality quality;
  int novelty_years = 10;  // "first of its kind in the dyad in N years"
};

struct KeyEvent {
  Event event;           // the representative of its near-duplicate group (highest salience)
  int merged = 1;        // how many same-day, same-dyad, same-code events it stands for
  int64_t articles = 0;  // summed over the merged group (articles, else sources, else mentions)
  double salience = 0;   // the score (METHODS.md "Salience")
  std::string label;     // codebook label of the event code ("" when unknown)
  std::string why;       // "signed agreement; head of government; first in 10 years"
  // Score parts, for reports that want to show them.
  double class_score = 0, level_score = 0, media_score = 0, novelty_score = 0;
  std::string event_class;  // "agreement", "visit", "military cooperation", ... ("" none)
};

// The `top` most salient events between a and b (near-duplicates merged), most salient first.
Result<std::vector<KeyEvent>> FindKeyEvents(EventSource& source, const std::string& a,
                                            const std::string& b, const KeyEventOptions& options);

// Scores and merges a set of events of one dyad (any order); all of them, most salient first.
std::vector<KeyEvent> RankKeyEvents(std::vector<Event> events, int novelty_years);

// ---------------------------------------------------------------------------------------------
// Phases: change points on the dyad's series, each phase labelled, with the events at the turn.

enum class PenaltyKind { kBic, kMbic, kManual };
struct Penalty {
  PenaltyKind kind = PenaltyKind::kBic;
  double value = 0;  // kManual only: the penalty per change point, in cost units
};
Result<Penalty> ParsePenalty(std::string_view text);  // bic|mbic|NUMBER

// What the change points are found on (METHODS.md "Phases"): cooperation only (net cooperation
// and Goldstein), or cooperation plus the level of engagement: Anscombe's square root of the
// weighted events per period (kVolume) or log of the dyad's share of its actors' events
// (kIntensity, for news data whose volume grows by itself over the decades); kSectors adds to
// kVolume the period's sector mix (the kind of relation: a turn to defence or energy cooperation
// is a turn even when the tone was already cordial). The default is kCoop: how many events a
// period has says as much about the news (or the chronicler) as about the relation.
//
// The three tracks (FindTracks) each take one dimension alone: kCoop is the tone; kDensity the
// engagement alone, as the log share of the actors' events (so that news growing over the
// decades is not a turn); kKind the sector mix alone.
enum class PhaseSignal { kCoop, kVolume, kIntensity, kSectors, kDensity, kKind };
// coop (or tone)|volume|intensity|sectors|density|kind
Result<PhaseSignal> ParsePhaseSignal(std::string_view text);

struct PhaseOptions {
  int min_length = 2;  // minimum phase length in periods (>= 1)
  PhaseSignal signal = PhaseSignal::kCoop;
  Penalty penalty;
  int turning_events = 3;  // events listed per turning point
  int turning_window = 2;  // periods either side of a change point searched for turning events
  int novelty_years = 10;
  // The change in net cooperation the sparsity note is about (PhaseResult::sparsity).
  double turn_size = 0.5;
};

struct Phase {
  Days start = 0;                      // first day of the first period
  Days end = 0;                        // last day of the last period
  std::string start_label, end_label;  // period labels
  int periods = 0;
  int64_t events = 0;
  double goldstein_mean = 0;  // over the phase's events (weighted)
  double net_coop = 0;
  std::string label;  // hostile | tense | neutral | cordial | close
  std::string trend;  // warming | cooling | steady
  double slope = 0;   // weighted slope of net_coop per period inside the phase
  // Density: the dyad's weight over its actors' (SeriesPoint::intensity, over the whole phase);
  // has_intensity false when the source cannot say (no actor volume).
  double intensity = 0;
  bool has_intensity = false;
  // Kind: the share of the phase's events in each sector (core/sector.h order); sums to 1.
  double sector_share[kSectorCount] = {};
  // For every phase but the first: the events that explain the turn into it (most salient first).
  std::vector<KeyEvent> turning_events;
  // For every phase but the first: how strongly the data call for the boundary into it. `gain` is
  // the cost that merging this phase with the one before would add (twice the log-likelihood
  // ratio of a change here against none, given the other boundaries); `support` is gain over the
  // penalty, so at least 1 for every boundary found (METHODS.md "How sure a turn is"). NaN for
  // the first phase (and support NaN when the penalty is 0).
  double gain = 0, support = 0;
};

// A boundary inside a phase that the data hint at but do not establish: the best single split of
// the phase, listed when its gain passes AIC's penalty (2 per parameter a change adds) while
// falling short of the penalty used. Analysts read it as "look here", not as a phase.
struct WeakerTurn {
  int index = 0;      // into series.points: the first period of the later part
  std::string label;  // that period's label
  double gain = 0, support = 0;
  double net_coop_before = 0, net_coop_after = 0;  // over the phase's two parts
  int64_t events_before = 0, events_after = 0;
};

struct PhaseResult {
  Series series;                         // the series the phases were found on (unsmoothed)
  std::vector<Phase> phases;             // in time order, covering the series' grid
  std::vector<int> change_points;        // indices into series.points where a new phase starts
  double penalty = 0;                    // the penalty used, in cost units
  std::vector<WeakerTurn> weaker_turns;  // in time order, at most one per phase
  double weaker_threshold = 0;           // AIC's penalty, in cost units
  PhaseSignal signal = PhaseSignal::kCoop;
  // kDensity on a curated chronicle (every event's dataset "chronicle"), or where the source
  // cannot count the actors' events: density is then the weighted count itself, since a
  // chronicler's record does not grow with the news as news data do.
  bool density_by_count = false;
  // Whether the dyad has the events to establish a turn in its tone (METHODS.md "How sparse is
  // too sparse"): how many events a period needs for a change of turn_size in net cooperation
  // lasting periods_each_side observed periods either side to pass the tone penalty, against the
  // median events of the dyad's observed periods. events_needed is infinite when no count
  // suffices (the period-to-period drift alone hides such a turn).
  struct Sparsity {
    double turn_size = 0;
    int periods_each_side = 0;
    double median_events = 0;
    double events_needed = 0;
    bool sparse = false;
  } sparsity;
};

Result<PhaseResult> FindPhases(EventSource& source, const std::string& a, const std::string& b,
                               const SeriesOptions& series_options,
                               const PhaseOptions& phase_options);

// The level label of a phase from its net cooperation (thresholds in tunables.h).
std::string_view LevelLabel(double net_coop);

// The sector whose share rose the most from one phase to the next: what a turn in kind turned to.
Sector RisingSector(const Phase& before, const Phase& after);

// A relation changes in tone, density and kind (METHODS.md "Three tracks"): the phases of each
// dimension found on its own, with its own support, and every turn in one list in time order.
struct TrackTurn {
  PhaseSignal track = PhaseSignal::kCoop;  // kCoop (tone), kDensity or kKind
  std::string at;                          // label of the new phase's first period
  Days start = 0;                          // its first day
  double support = 0;                      // Phase::support of the new phase
  // What moved, and its value over the phase before and the phase after: net cooperation (tone),
  // the share of the actors' events or the events per period (density), or the share of
  // `sector`, the one whose share rose the most (kind).
  enum class Measure { kNetCoop, kIntensity, kEventsPerPeriod, kSectorShare };
  Measure measure = Measure::kNetCoop;
  Sector sector = Sector::kDiplomacy;  // with kSectorShare
  double before = 0, after = 0;
  std::vector<KeyEvent> events;  // the turning events of the new phase
};
struct Tracks {
  PhaseResult tone, density, kind;
  std::vector<TrackTurn> turns;  // by start, then tone, density, kind
};
Result<Tracks> FindTracks(EventSource& source, const std::string& a, const std::string& b,
                          const SeriesOptions& series_options, const PhaseOptions& phase_options);
std::string_view TrackName(PhaseSignal track);  // tone | density | kind (others: their signal)
// "net_coop", "intensity", "events per period" or "share <sector>" (the CLI's measure column).
std::string MeasureName(const TrackTurn& turn);

// ---------------------------------------------------------------------------------------------
// Sectors: energy, defence, trade, security, diplomacy, culture.

// The classification itself is a property of the event (core/sector.h).
using entente::ClassifySector;
using entente::kSectorCount;
using entente::ParseSector;
using entente::Sector;
using entente::SectorName;

struct SectorPoint {
  Days period = 0;
  std::string label;
  Sector sector = Sector::kDiplomacy;
  int64_t events = 0;
  double weight = 0;
  double net_coop = 0;
  double goldstein_mean = 0;
};

// Per period and sector (only sectors with events in that period), periods in order, sectors in
// enum order.
Result<std::vector<SectorPoint>> BuildSectorSeries(EventSource& source, const std::string& a,
                                                   const std::string& b,
                                                   const SeriesOptions& options);

// ---------------------------------------------------------------------------------------------
// Comparison and triangles: several dyads on one period grid, correlation and lead/lag.

enum class CompareMetric { kNetCoop, kGoldstein };
Result<CompareMetric> ParseCompareMetric(std::string_view text);  // net_coop|goldstein

struct PairStats {
  int first = 0, second = 0;  // indices into Comparison::series
  int n = 0;                  // periods where both dyads have events (lag 0)
  double r = 0;               // Pearson at lag 0 (NaN when n < 3 or a series is constant)
  double n_eff = 0;           // effective sample size (Bretherton et al. 1999)
  double p = 1;               // two-sided p for r with n_eff - 2 degrees of freedom
  int best_lag = 0;           // lag of the largest |r|; positive: the first dyad leads
  double r_at_lag = 0;
  int n_at_lag = 0;
  double p_at_lag = 1;  // Bonferroni-adjusted over the 2L+1 lags tried
};

struct CompareOptions {
  CompareMetric metric = CompareMetric::kNetCoop;
  int max_lag = 3;  // lags -L..L in periods
};

struct Comparison {
  CompareMetric metric = CompareMetric::kNetCoop;
  std::vector<Series> series;    // one per dyad, all on the same grid
  std::vector<PairStats> pairs;  // every pair i < j
};

struct DyadName {
  std::string a, b;
};

Result<Comparison> CompareDyads(EventSource& source, const std::vector<DyadName>& dyads,
                                const SeriesOptions& series_options,
                                const CompareOptions& compare_options);

// Correlation and lead/lag of two aligned series; `present` marks periods with data (both must
// be present for a pair of values to count). Exposed for tests.
PairStats CorrelateSeries(const std::vector<double>& x, const std::vector<bool>& x_present,
                          const std::vector<double>& y, const std::vector<bool>& y_present,
                          int max_lag);

// ---------------------------------------------------------------------------------------------
// Scan: every dyad ranked by the change in net cooperation between two windows.

enum class ScanRank { kChange, kAbsChange, kZ };
Result<ScanRank> ParseScanRank(std::string_view text);  // change|abs|z

struct ScanOptions {
  Period period = Period::kYear;
  int window = 1;           // N periods after vs the N before
  int top = 20;             // rows returned (<= 0: all)
  int64_t min_events = 10;  // in each window
  // Last day of the "after" window; default: the end of the last period holding events (of
  // `dataset` when set, of dyads that pass `states_only`).
  std::optional<Days> end;
  Weight weight = Weight::kEvents;
  std::string dataset;
  EventQuality quality;
  ScanRank rank = ScanRank::kChange;
  // Only dyads of two states (IsStateCode): role-only actors (GOV, BUS), regions (EUR, WST),
  // IGOs and blanks are left out. false: every actor (--actors all).
  bool states_only = true;
};

struct ScanRow {
  std::string a, b;  // sorted (a < b)
  int64_t events_before = 0, events_after = 0;
  double net_coop_before = 0, net_coop_after = 0;
  double change = 0;  // after - before
  double z = 0;       // change / std of the dyad's period-to-period net_coop changes (NaN: none)
};

struct ScanResult {
  Days before_start = 0, after_start = 0, after_end = 0;  // the windows (inclusive days)
  bool has_windows = false;      // false: no events (of the kind asked for) to place them on
  int64_t dyads_considered = 0;  // dyads with events in either window
  int64_t dyads_in_both = 0;     // dyads with events in both windows (any number)
  std::vector<ScanRow> rows;
};

Result<ScanResult> ScanDyads(EventSource& source, const ScanOptions& options);

// Scan from already aggregated rows (by_dyad and by_period). Exposed for tests and benchmarks.
ScanResult ScanFromRows(const std::vector<AggregateRow>& rows, const ScanOptions& options);

}  // namespace entente::analysis

#endif  // ENTENTE_ANALYSIS_ANALYSIS_H_
