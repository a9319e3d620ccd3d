// Store::Aggregate's path for "the events involving any of one or two 3-letter actor patterns,
// per period" (a dyad's intensity denominator, analysis/series.cc): answered from each segment's
// actor cube (actor_cube.h; months, quarters and years with month-aligned bounds) or, given an
// ActorDayCache, from day cells (actor_days.h; any period and bounds), plus, for two patterns, the
// rows of the dyad lookup (A, B) that involve both, instead of reading every row of A and of B.
// Exact: the same groups and counts as the row path (Goldstein sums may differ in the last bits:
// another order of adding).
#ifndef ENTENTE_STORE_ACTOR_VOLUME_H_
#define ENTENTE_STORE_ACTOR_VOLUME_H_

#include <memory>
#include <vector>

#include "core/event_source.h"
#include "store/actor_days.h"
#include "store/segment_reader.h"

namespace entente::store {

// Whether the path answers `q` over these segments: actors are one or two distinct 3-letter
// patterns and the only other filter parts are a QuadClass and dates; and either `days` is given
// or the query is grouped by nothing or by a month, quarter or year, its dates are month-aligned
// and every segment has an actor cube.
bool ActorVolumeServes(const AggregateQuery& q,
                       const std::vector<std::unique_ptr<SegmentReader>>& segments,
                       const ActorDayCache* days = nullptr);

// REQUIRES: ActorVolumeServes(q, segments, days). Uses the actor cubes where they serve, else
// `days`.
Result<std::vector<AggregateRow>> AggregateActorVolume(
    const AggregateQuery& q, const std::vector<std::unique_ptr<SegmentReader>>& segments,
    ActorDayCache* days = nullptr);

}  // namespace entente::store

#endif  // ENTENTE_STORE_ACTOR_VOLUME_H_
