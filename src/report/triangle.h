// Which neighbouring dyads the triangle panel shows. The analysis API compares any dyads it is
// given; choosing them is a report decision: an analyst reading PAK–RUS wants IND–RUS, PAK–USA,
// PAK–IND, PAK–CHN, IND–USA... — the third countries both sides deal with most, and the dyads the
// data holds among all of them.
//
// Rule: partners are the states (core/cameo.h IsStateCode, so roles such as GOV, regions such as
// EUR or WST, IGOs and unknown actors stay out) with events with A and with B, ranked by the
// smaller of the two counts (a country both sides deal with beats one that only one side does),
// then by total; ties by code. The dyads are every pair among {A, B, partners} with at least
// `min_events` events, A–B first, then pairs with A or B, then the rest, each group by events
// (descending), then by codes.
#ifndef ENTENTE_REPORT_TRIANGLE_H_
#define ENTENTE_REPORT_TRIANGLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/event_source.h"
#include "core/status.h"
#include "report/report.h"

namespace entente::report {

struct DyadCount {
  std::string a, b;  // a < b
  int64_t events = 0;
};

// The dyads to compare (excluding A–B itself), from the events per dyad in the range. Exposed for
// tests.
std::vector<DyadCount> ChooseTriangleDyads(const std::vector<DyadEvents>& by_dyad,
                                           const ReportOptions& options);

// Counts the source's events per dyad (EventSource::CountByDyad) and applies ChooseTriangleDyads.
Result<std::vector<DyadCount>> FindTriangleDyads(EventSource& source, const ReportOptions& options);

}  // namespace entente::report

#endif  // ENTENTE_REPORT_TRIANGLE_H_
