// What every change-point signal of one dyad is segmented from (internal to analysis): the
// dyad's series, its per-period moments and the record novelty is judged against. FindPhases
// gathers them for one signal; FindTracks gathers them once for its three.
#ifndef ENTENTE_ANALYSIS_PHASE_INPUTS_H_
#define ENTENTE_ANALYSIS_PHASE_INPUTS_H_

#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "analysis/changepoint.h"
#include "analysis/key_events_internal.h"
#include "core/event_source.h"

namespace entente::analysis {

struct PhaseInputs {
  SeriesOptions series_options;  // as used: unsmoothed
  EventFilter filter;            // the dyad's events
  Series series;
  std::vector<PeriodMoments> moments;  // per point of series, every dimension (phases.cc)
  NoveltyRecord record;
  bool curated = true;  // every event is of the curated chronicle
};

// One scan of the dyad (plus its series and the novelty record of `novelty_years`).
Result<PhaseInputs> GatherPhaseInputs(EventSource& source, const std::string& a,
                                      const std::string& b, const SeriesOptions& series_options,
                                      int novelty_years);

// The phases of po.signal on `in` (po.novelty_years as gathered). Reads the source only for the
// turning events.
Result<PhaseResult> SegmentPhases(EventSource& source, const PhaseInputs& in,
                                  const PhaseOptions& po);

}  // namespace entente::analysis

#endif  // ENTENTE_ANALYSIS_PHASE_INPUTS_H_
