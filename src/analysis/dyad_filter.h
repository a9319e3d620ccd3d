// The filter of one dyad's events under an analysis's options: every analysis of a dyad (series,
// phases, key events, sectors), and the report's count of the dyad's events, read the same events
// for the same options. Internal to analysis and report.
#ifndef ENTENTE_ANALYSIS_DYAD_FILTER_H_
#define ENTENTE_ANALYSIS_DYAD_FILTER_H_

#include <string>

#include "core/event_source.h"

namespace entente::analysis {

// `Options` is SeriesOptions or KeyEventOptions: both carry directed, from, to, dataset and
// quality.
template <typename Options>
EventFilter DyadFilter(const std::string& a, const std::string& b, const Options& o) {
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

}  // namespace entente::analysis

#endif  // ENTENTE_ANALYSIS_DYAD_FILTER_H_
