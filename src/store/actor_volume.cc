#include "store/actor_volume.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/filter.h"
#include "store/group_table.h"
#include "store/period_cube.h"
#include "store/row_decode.h"

namespace entente::store {
namespace {

using Groups = std::map<Days, GroupSums>;

void AddCells(const std::vector<CubeCell>& cells, const AggregateQuery& q, Groups* groups) {
  const EventFilter& f = q.filter;
  for (const CubeCell& c : cells) {
    if ((f.from && c.month < *f.from) || (f.to && c.month > *f.to)) continue;
    if (f.quad && c.quad != f.quad) continue;
    double w, gsum, gweight;
    CubeWeighted(c.sums, q.weight, &w, &gsum, &gweight);
    GroupSums& s = (*groups)[q.by_period ? PeriodStart(c.month, q.period) : 0];
    s.events += c.sums.events;
    s.weight += w;
    if (c.quad >= 1 && c.quad <= 4) s.quad[c.quad - 1] += w;
    s.gsum += gsum;
    s.gweight += gweight;
  }
}

// Takes away the events of `seg` that involve both a and b (counted once in each cube). They are
// in the entries a dyad lookup of (a, b) returns: the entry keyed (a, b), whose every row involves
// both, and impure entries, decided row by row.
// Decoded block columns, kept from segment to segment so that their buffers are allocated (and
// zero-filled) once per query, not once per segment.
struct BothColumns {
  DecodedColumn date, quad, gold, weight, actor[4];
};

Status SubtractBoth(const SegmentReader& seg, const std::string& a, const std::string& b,
                    const AggregateQuery& q, BothColumns* cols, Groups* groups) {
  const EventFilter& f = q.filter;
  ASSIGN_OR_RETURN(std::vector<const DyadEntry*> entries, seg.DyadCandidates(a, b));
  if (entries.empty()) return Status::Ok();
  ASSIGN_OR_RETURN(const std::vector<BlockMeta>* blocks, seg.Blocks());
  const std::string_view lo = std::min(a, b), hi = std::max(a, b);
  auto& [date, quad, gold, weight, actor] = *cols;
  // Entries follow each other in row order and often share a block: decode a block once.
  size_t loaded = SIZE_MAX, actors_loaded = SIZE_MAX;
  for (const DyadEntry* e : entries) {
    if ((f.from && e->max_date < *f.from) || (f.to && e->min_date > *f.to)) continue;
    const bool all_rows = e->pure && e->a == lo && e->b == hi;
    if (!all_rows) RETURN_IF_ERROR(seg.NeedDicts({kSrcCode, kSrcCountry, kTgtCode, kTgtCountry}));
    for (uint64_t row = e->first_row, end = e->first_row + e->rows; row < end;) {
      const size_t bi = BlockOf(*blocks, row);
      const BlockMeta& blk = (*blocks)[bi];
      const uint64_t to = std::min(end, blk.first_row + blk.rows);
      if (loaded != bi) {
        RETURN_IF_ERROR(seg.ReadColumn(bi, kDate, &date));
        RETURN_IF_ERROR(seg.ReadColumn(bi, kQuad, &quad));
        RETURN_IF_ERROR(seg.ReadColumn(bi, kGoldstein, &gold));
        if (q.weight != Weight::kEvents) {
          RETURN_IF_ERROR(
              seg.ReadColumn(bi, q.weight == Weight::kMentions ? kMentions : kArticles, &weight));
        }
        loaded = bi;
      }
      if (!all_rows && actors_loaded != bi) {
        for (int k = 0; k < 4; ++k)
          RETURN_IF_ERROR(seg.ReadColumn(bi, kActorColumns[k], &actor[k]));
        actors_loaded = bi;
      }
      for (; row < to; ++row) {
        const uint32_t i = static_cast<uint32_t>(row - blk.first_row);
        const Days d = static_cast<Days>(date.ints[i]);
        if ((f.from && d < *f.from) || (f.to && d > *f.to)) continue;
        const int qd = static_cast<int>(quad.ints[i]);
        if (f.quad && qd != f.quad) continue;
        if (!all_rows) {
          ActorRow s, t;
          s.code = seg.dict(kSrcCode)[actor[0].ids[i]];
          s.country = seg.dict(kSrcCountry)[actor[1].ids[i]];
          t.code = seg.dict(kTgtCode)[actor[2].ids[i]];
          t.country = seg.dict(kTgtCountry)[actor[3].ids[i]];
          const bool has_a = ActorMatches(s, a) || ActorMatches(t, a);
          const bool has_b = ActorMatches(s, b) || ActorMatches(t, b);
          if (!has_a || !has_b) continue;
        }
        double w = 1.0;
        if (q.weight != Weight::kEvents) w = weight.ints[i] > 0 ? double(weight.ints[i]) : 1.0;
        GroupSums& acc = (*groups)[q.by_period ? PeriodStart(d, q.period) : 0];
        acc.events -= 1;
        acc.weight -= w;
        if (qd >= 1 && qd <= 4) acc.quad[qd - 1] -= w;
        const float g = gold.floats[i];
        if (!std::isnan(g)) {
          acc.gsum -= w * g;
          acc.gweight -= w;
        }
      }
    }
  }
  return Status::Ok();
}

// The period cube's conditions on periods and date bounds, with the actors set aside, and an
// actor cube in every segment.
bool MonthCubesServe(const AggregateQuery& q,
                     const std::vector<std::unique_ptr<SegmentReader>>& segments) {
  AggregateQuery plain = q;
  plain.filter.actors.clear();
  plain.filter.quad = 0;
  if (!CubeServes(plain)) return false;
  return std::all_of(segments.begin(), segments.end(),
                     [](const auto& s) { return s->has_actor_cube(); });
}

}  // namespace

bool ActorVolumeServes(const AggregateQuery& q,
                       const std::vector<std::unique_ptr<SegmentReader>>& segments,
                       const ActorDayCache* days) {
  const EventFilter& f = q.filter;
  if (f.actors.empty() || f.actors.size() > 2) return false;
  for (const std::string& a : f.actors) {
    if (a.size() != 3) return false;
  }
  if (f.actors.size() == 2 && f.actors[0] == f.actors[1]) return false;
  if (q.by_dyad || q.by_root || f.has_dyad() || !f.source.empty() || !f.target.empty() ||
      !f.code_prefix.empty() || !f.dataset.empty() || f.quality.any()) {
    return false;
  }
  return days != nullptr || MonthCubesServe(q, segments);
}

Result<std::vector<AggregateRow>> AggregateActorVolume(
    const AggregateQuery& q, const std::vector<std::unique_ptr<SegmentReader>>& segments,
    ActorDayCache* days) {
  const bool months = MonthCubesServe(q, segments);
  Groups groups;
  BothColumns cols;
  for (const auto& seg : segments) {
    for (const std::string& a : q.filter.actors) {
      if (months) {
        ASSIGN_OR_RETURN(const std::vector<CubeCell>* cells, seg->ActorCells(a));
        if (cells) AddCells(*cells, q, &groups);
      } else {
        ASSIGN_OR_RETURN(ActorDayCache::Cells cells, days->Get(*seg, a));
        AddCells(*cells, q, &groups);
      }
    }
    if (q.filter.actors.size() == 2) {
      RETURN_IF_ERROR(
          SubtractBoth(*seg, q.filter.actors[0], q.filter.actors[1], q, &cols, &groups));
    }
  }
  std::vector<AggregateRow> out;
  for (const auto& [period, s] : groups) {
    if (s.events <= 0) continue;
    AggregateRow& r = out.emplace_back();
    r.period = period;
    s.CopyTo(&r);
  }
  return out;
}

}  // namespace entente::store
