// Store's read paths. Both walk the dyad directory: a dyad filter picks entries by binary search,
// every other actor filter is decided once per entry when it can (entry_match.h), block date
// ranges skip blocks, and only the columns a step needs are decompressed:
//   Scan       decodes the cheap columns the filter needs (date, dir, actors) first and the other
//              40 only for blocks holding a row that passes them;
//   Aggregate  decodes date, quad, goldstein (plus root, weight, dir, actors when asked) and sums
//              into groups; over a big store, segments are split between threads.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "store/actor_volume.h"
#include "store/entry_match.h"
#include "store/group_table.h"
#include "store/manifest.h"
#include "store/period_cube.h"
#include "store/row_decode.h"
#include "store/segment_reader.h"
#include "store/store.h"

namespace entente::store {
namespace {

bool EntryInDates(const DyadEntry& e, const EventFilter& f) {
  if (f.from && e.max_date < *f.from) return false;
  if (f.to && e.min_date > *f.to) return false;
  return true;
}

bool BlockMayMatch(const BlockMeta& b, const EventFilter& f) {
  if (f.from && b.max_date < *f.from) return false;
  if (f.to && b.min_date > *f.to) return false;
  return true;
}

// The directory entries of `seg` a filter can touch, ascending (= row order). A 3-letter dyad
// filter decodes one page of the directory; anything else, all of it.
Result<std::vector<const DyadEntry*>> CandidateEntries(const SegmentReader& seg,
                                                       const EventFilter& f) {
  if (f.has_dyad() && f.dyad_a.size() == 3 && f.dyad_b.size() == 3) {
    return seg.DyadCandidates(f.dyad_a, f.dyad_b);
  }
  return seg.AllDyads();
}

// The candidate entries that a filter's dates and actors keep (MatchEntry is not kNone).
Result<std::vector<const DyadEntry*>> TouchedEntries(const SegmentReader& seg,
                                                     const EventFilter& f) {
  ASSIGN_OR_RETURN(std::vector<const DyadEntry*> entries, CandidateEntries(seg, f));
  std::erase_if(entries, [&](const DyadEntry* e) {
    return !EntryInDates(*e, f) || MatchEntry(*e, f) == EntryMatch::kNone;
  });
  return entries;
}

// The actor and date parts of a filter for one row of an entry, from the cheap columns only.
// Columns not needed by `how` may be null.
class RowPrefilter {
 public:
  RowPrefilter(const SegmentReader& seg, const EventFilter& f) : seg_(seg), f_(f) {}

  // Decodes what `how` needs for the current block of `cache`.
  Status Load(BlockCache* cache, EntryMatch how) {
    dates_ = dir_ = nullptr;
    for (auto& a : actors_) a = nullptr;
    if (f_.from || f_.to) {
      ASSIGN_OR_RETURN(dates_, cache->Get(kDate));
    }
    if (how == EntryMatch::kForwardOnly || how == EntryMatch::kFlippedOnly) {
      ASSIGN_OR_RETURN(dir_, cache->Get(kDir));
    }
    if (how == EntryMatch::kPerRow) {
      RETURN_IF_ERROR(seg_.NeedDicts({kSrcCode, kSrcCountry, kTgtCode, kTgtCountry}));
      for (int k = 0; k < 4; ++k) {
        ASSIGN_OR_RETURN(actors_[k], cache->Get(kActorColumns[k]));
      }
      if (OnlyActors(f_) && !tables_.built()) RETURN_IF_ERROR(tables_.Build(seg_, f_.actors));
    }
    how_ = how;
    return Status::Ok();
  }

  bool Passes(uint32_t i) const {
    if (dates_) {
      Days d = static_cast<Days>(dates_->ints[i]);
      if ((f_.from && d < *f_.from) || (f_.to && d > *f_.to)) return false;
    }
    switch (how_) {
      case EntryMatch::kNone: return false;
      case EntryMatch::kAll: return true;
      case EntryMatch::kForwardOnly: return dir_->ints[i] == 0;
      case EntryMatch::kFlippedOnly: return dir_->ints[i] != 0;
      case EntryMatch::kPerRow: {
        if (tables_.built()) return tables_.Matches(actors_, i);
        ActorRow s, t;
        s.code = seg_.dict(kSrcCode)[actors_[0]->ids[i]];
        s.country = seg_.dict(kSrcCountry)[actors_[1]->ids[i]];
        t.code = seg_.dict(kTgtCode)[actors_[2]->ids[i]];
        t.country = seg_.dict(kTgtCountry)[actors_[3]->ids[i]];
        return ActorPartsMatch(f_, s, t);
      }
    }
    return false;
  }

 private:
  // "Involving any of these actors" and nothing else of actors: a row is decided by its four
  // actor fields' dictionary values (ActorMatchTables).
  static bool OnlyActors(const EventFilter& f) {
    return !f.actors.empty() && f.source.empty() && f.target.empty() && !f.has_dyad();
  }

  const SegmentReader& seg_;
  const EventFilter& f_;
  ActorMatchTables tables_;  // built on the first row check of an OnlyActors filter
  EntryMatch how_ = EntryMatch::kAll;
  const DecodedColumn* dates_ = nullptr;
  const DecodedColumn* dir_ = nullptr;
  const DecodedColumn* actors_[4] = {};
};

// The rows of `entries` (TouchedEntries of `seg`, ascending) that pass the filter's dates and
// actors (RowPrefilter: exact for those), in row order, handed to on_block(block, rows) a block
// at a time with `cache` on that block. on_block returns false to stop; *stopped says whether it
// did.
template <class OnBlock>
Status SelectRows(const SegmentReader& seg, const EventFilter& filter,
                  std::span<const DyadEntry* const> entries, BlockCache* cache, OnBlock&& on_block,
                  bool* stopped) {
  *stopped = false;
  if (entries.empty()) return Status::Ok();
  ASSIGN_OR_RETURN(const std::vector<BlockMeta>* block_index, seg.Blocks());
  const auto& blocks = *block_index;
  cache->Bind(seg);
  RowPrefilter pre(seg, filter);
  std::vector<uint32_t> rows;
  auto flush = [&]() -> Result<bool> {
    if (rows.empty()) return true;
    ASSIGN_OR_RETURN(bool go, on_block(cache->block(), std::span<const uint32_t>(rows)));
    rows.clear();
    return go;
  };
  for (const DyadEntry* ep : entries) {
    const DyadEntry& e = *ep;
    EntryMatch how = MatchEntry(e, filter);
    uint64_t row_i = e.first_row, end = e.first_row + e.rows;
    for (size_t bi = BlockOf(blocks, row_i); row_i < end; ++bi) {
      const BlockMeta& b = blocks[bi];
      uint64_t to = std::min(end, b.first_row + b.rows);
      uint64_t from = row_i;
      row_i = to;
      if (!BlockMayMatch(b, filter)) continue;
      if (cache->block() != bi) {
        ASSIGN_OR_RETURN(bool go, flush());
        if (!go) {
          *stopped = true;
          return Status::Ok();
        }
        cache->Reset(bi);
      }
      RETURN_IF_ERROR(pre.Load(cache, how));
      for (uint64_t r = from; r < to; ++r) {
        uint32_t i = static_cast<uint32_t>(r - b.first_row);
        if (pre.Passes(i)) rows.push_back(i);
      }
    }
  }
  ASSIGN_OR_RETURN(bool go, flush());
  *stopped = !go;
  return Status::Ok();
}

// The parts of a filter RowPrefilter leaves: QuadClass, code prefix, dataset and quality, each
// read from its own column (codes and datasets decided once per dictionary value).
class RowRest {
 public:
  explicit RowRest(const EventFilter& f) : f_(f) {}
  bool any() const {
    return f_.quad != 0 || !f_.code_prefix.empty() || !f_.dataset.empty() || f_.quality.any();
  }
  // The columns the check reads.
  void Columns(std::vector<int>* out) const {
    if (f_.quad != 0) out->push_back(kQuad);
    if (!f_.code_prefix.empty()) out->push_back(kCode);
    if (!f_.dataset.empty()) out->push_back(kDataset);
    if (f_.quality.any()) out->insert(out->end(), {kIsRoot, kSources, kArticles});
  }
  // Moves to a segment: decides its codes and datasets.
  Status Bind(const SegmentReader& seg) {
    code_ok_.clear();
    dataset_ok_.clear();
    if (!f_.code_prefix.empty()) {
      RETURN_IF_ERROR(seg.NeedDicts({kCode}));
      for (std::string_view c : seg.dict(kCode)) code_ok_.push_back(c.starts_with(f_.code_prefix));
    }
    if (!f_.dataset.empty()) {
      RETURN_IF_ERROR(seg.NeedDicts({kDataset}));
      for (std::string_view d : seg.dict(kDataset)) dataset_ok_.push_back(d == f_.dataset);
    }
    return Status::Ok();
  }
  // REQUIRES: cols[c] is set for each of Columns().
  bool Passes(const DecodedColumn* const* cols, uint32_t i) const {
    if (f_.quad != 0 && cols[kQuad]->ints[i] != f_.quad) return false;
    if (!code_ok_.empty() && !code_ok_[cols[kCode]->ids[i]]) return false;
    if (!dataset_ok_.empty() && !dataset_ok_[cols[kDataset]->ids[i]]) return false;
    return !f_.quality.any() || f_.quality.Passes(cols[kIsRoot]->ints[i] != 0,
                                                  static_cast<int32_t>(cols[kSources]->ints[i]),
                                                  static_cast<int32_t>(cols[kArticles]->ints[i]));
  }

 private:
  const EventFilter& f_;
  std::vector<bool> code_ok_, dataset_ok_;
};

}  // namespace

Status Store::Scan(const EventFilter& filter, const std::function<bool(const EventRow&)>& visit) {
  int64_t n = 0;
  EventRow row;
  BlockCache cache;
  const DecodedColumn* cols[kNumColumns];
  for (const auto& segp : segments_) {
    const SegmentReader& seg = *segp;
    auto on_block = [&](size_t, std::span<const uint32_t> rows) -> Result<bool> {
      RETURN_IF_ERROR(seg.NeedAllDicts());
      for (int c = 0; c < kNumColumns; ++c) {
        ASSIGN_OR_RETURN(cols[c], cache.Get(c));
      }
      for (uint32_t i : rows) {
        FillRow(seg, cols, i, &row);
        if (!Matches(filter, row)) continue;  // the exact test (code, quad, dataset too)
        if (filter.limit >= 0 && n >= filter.limit) return false;
        ++n;
        if (!visit(row)) return false;
      }
      return true;
    };
    ASSIGN_OR_RETURN(std::vector<const DyadEntry*> entries, TouchedEntries(seg, filter));
    bool stopped;
    RETURN_IF_ERROR(SelectRows(seg, filter, entries, &cache, on_block, &stopped));
    if (stopped) break;
  }
  return Status::Ok();
}

Status Store::ScanColumns(const EventFilter& filter, std::span<const int> columns,
                          const std::function<bool(const ColumnBatch&)>& visit, ScanPart part) {
  if (part.count < 1 || part.index < 0 || part.index >= part.count ||
      (part.count > 1 && filter.limit >= 0)) {
    return Status::InvalidArgument(
        fmt::format("scan part {} of {} (limit {})", part.index, part.count, filter.limit));
  }
  // An entry belongs to the part its first row falls in, counting the rows of the touched
  // entries of all segments in scan order.
  int64_t total = 0, offset = 0;
  if (part.count > 1) {
    ASSIGN_OR_RETURN(total, ScanBound(filter));
  }
  auto in_part = [&](const DyadEntry* e) {
    int64_t at = offset;
    offset += static_cast<int64_t>(e->rows);
    return at * part.count / total == part.index;
  };
  RowRest rest(filter);
  std::vector<int> rest_columns;
  rest.Columns(&rest_columns);
  std::vector<int> dict_columns;
  for (int c : columns) {
    if (KindOf(c) == ColumnKind::kDict) dict_columns.push_back(c);
  }
  int64_t n = 0;
  BlockCache cache;
  const DecodedColumn* cols[kNumColumns] = {};
  std::vector<uint32_t> kept;
  for (const auto& segp : segments_) {
    const SegmentReader& seg = *segp;
    bool bound = false;
    auto on_block = [&](size_t, std::span<const uint32_t> rows) -> Result<bool> {
      if (!bound) {  // dictionaries only of segments with a matching row
        for (int c : dict_columns) RETURN_IF_ERROR(seg.NeedDicts({c}));
        RETURN_IF_ERROR(rest.Bind(seg));
        bound = true;
      }
      for (int c : rest_columns) {
        ASSIGN_OR_RETURN(cols[c], cache.Get(c));
      }
      if (rest.any()) {
        kept.clear();
        for (uint32_t i : rows) {
          if (rest.Passes(cols, i)) kept.push_back(i);
        }
        rows = kept;
      }
      bool last = false;
      if (filter.limit >= 0 && n + static_cast<int64_t>(rows.size()) >= filter.limit) {
        rows = rows.first(static_cast<size_t>(filter.limit - n));
        last = true;
      }
      if (rows.empty()) return !last;
      for (int c : columns) {
        ASSIGN_OR_RETURN(cols[c], cache.Get(c));
      }
      n += static_cast<int64_t>(rows.size());
      return visit(ColumnBatch{&seg, cols, rows}) && !last;
    };
    ASSIGN_OR_RETURN(std::vector<const DyadEntry*> entries, TouchedEntries(seg, filter));
    if (part.count > 1) std::erase_if(entries, [&](const DyadEntry* e) { return !in_part(e); });
    bool stopped;
    RETURN_IF_ERROR(SelectRows(seg, filter, entries, &cache, on_block, &stopped));
    if (stopped) break;
  }
  return Status::Ok();
}

namespace {

// PeriodStart of dates that mostly fall in the period of the row before (rows are sorted by
// date within a dyad): remembers the last period's bounds instead of a calendar conversion per
// row (that conversion was an eighth of a full-scan aggregate).
class PeriodCache {
 public:
  explicit PeriodCache(Period p) : period_(p) {}
  Days Start(Days d) {
    if (d < start_ || d >= next_) {
      start_ = PeriodStart(d, period_);
      next_ = NextPeriodStart(start_, period_);
    }
    return start_;
  }

 private:
  Period period_;
  Days start_ = 1, next_ = 0;  // empty range: the first call computes
};

// Interns strings to small ids shared by all segments of one query.
class Interner {
 public:
  uint32_t Id(std::string_view s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(names_.size());
    ids_.emplace(std::string(s), id);
    names_.emplace_back(s);
    return id;
  }
  const std::string& Name(uint32_t id) const { return names_[id]; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string> names_;
};

class FastAggregator {
 public:
  explicit FastAggregator(const AggregateQuery& q) : q_(q), f_(q.filter) {
    pairs_.Id("");  // id 0: not grouped by dyad
    pair_names_.push_back({"", ""});
    roots_.Id("");
  }

  Status AddSegment(const SegmentReader& seg);
  // Adds a segment from its period cube. REQUIRES: CubeServes(query).
  void AddCube(const PeriodCube& cube);
  std::vector<AggregateRow> Finish();

 private:
  // Per dictionary id of one segment: does the event code match the prefix, which dataset id is
  // asked for, which root group an id is in.
  struct Lookups {
    std::vector<char> code_ok;
    int64_t dataset_id = -1;
    bool no_dataset_rows = false;  // the segment has no row of the dataset asked for
    std::vector<int64_t> root_of_root, root_of_code;  // -1: take the root from the code
    bool root_needs_code = false;
  };
  // The rows to visit as spans of one entry each (adjacent entries that need nothing per entry
  // are merged: a full scan is then one span per segment and costs nothing per dyad).
  struct Span {
    uint64_t begin, end;
    EntryMatch how;
    uint32_t pair_fwd, pair_rev;
  };
  Result<Lookups> PrepareLookups(const SegmentReader& seg);
  std::vector<Span> SpansOf(const std::vector<const DyadEntry*>& entries);

  uint32_t PairId(std::string_view a, std::string_view b) {
    pair_key_.assign(a);
    pair_key_ += '\0';
    pair_key_ += b;
    uint32_t id = pairs_.Id(pair_key_);
    if (id == pair_names_.size()) pair_names_.push_back({std::string(a), std::string(b)});
    return id;
  }

  const AggregateQuery& q_;
  const EventFilter& f_;
  BlockCache cache_;
  GroupTable groups_;
  Interner pairs_, roots_;
  std::vector<std::pair<std::string, std::string>> pair_names_;
  std::string pair_key_;  // scratch
};

void FastAggregator::AddCube(const PeriodCube& cube) {
  std::vector<uint32_t> root_ids;
  if (q_.by_root) {
    for (std::string_view r : cube.roots) root_ids.push_back(roots_.Id(r));
  }
  PeriodCache periods(q_.period);
  for (const CubeCell& c : cube.cells) {
    if (f_.from && c.month < *f_.from) continue;  // bounds are month-aligned (CubeServes)
    if (f_.to && c.month > *f_.to) continue;
    if (f_.quad && c.quad != f_.quad) continue;
    GroupKey key;
    if (q_.by_period) key.period = periods.Start(c.month);
    if (q_.by_root) key.root = root_ids[c.root];
    double w, gsum, gweight;
    CubeWeighted(c.sums, q_.weight, &w, &gsum, &gweight);
    GroupSums& acc = groups_.Get(key);
    acc.events += c.sums.events;
    acc.weight += w;
    if (c.quad >= 1 && c.quad <= 4) acc.quad[c.quad - 1] += w;
    acc.gsum += gsum;
    acc.gweight += gweight;
  }
}

Result<FastAggregator::Lookups> FastAggregator::PrepareLookups(const SegmentReader& seg) {
  Lookups lk;
  if (!f_.code_prefix.empty()) {
    RETURN_IF_ERROR(seg.NeedDicts({kCode}));
    for (std::string_view c : seg.dict(kCode)) lk.code_ok.push_back(c.starts_with(f_.code_prefix));
  }
  if (!f_.dataset.empty()) {
    RETURN_IF_ERROR(seg.NeedDicts({kDataset}));
    const auto& d = seg.dict(kDataset);
    auto it = std::find(d.begin(), d.end(), f_.dataset);
    lk.no_dataset_rows = it == d.end();
    if (lk.no_dataset_rows) return lk;
    lk.dataset_id = it - d.begin();
  }
  if (q_.by_root) {
    RETURN_IF_ERROR(seg.NeedDicts({kRootCode, kCode}));
    for (std::string_view r : seg.dict(kRootCode)) {
      lk.root_of_root.push_back(r.empty() ? int64_t{-1} : int64_t{roots_.Id(r)});
      lk.root_needs_code = lk.root_needs_code || r.empty();
    }
    if (lk.root_needs_code) {
      for (std::string_view c : seg.dict(kCode)) lk.root_of_code.push_back(roots_.Id(RootOf(c)));
    }
  }
  return lk;
}

std::vector<FastAggregator::Span> FastAggregator::SpansOf(
    const std::vector<const DyadEntry*>& entries) {
  const bool directed_dyad = q_.by_dyad && f_.directed;
  std::vector<Span> spans;
  for (const DyadEntry* ep : entries) {
    const DyadEntry& e = *ep;
    if (!EntryInDates(e, f_)) continue;
    EntryMatch how = MatchEntry(e, f_);
    if (how == EntryMatch::kNone) continue;
    uint32_t pair_fwd = 0, pair_rev = 0;
    if (q_.by_dyad) {
      pair_fwd = PairId(e.a, e.b);
      pair_rev = directed_dyad ? PairId(e.b, e.a) : pair_fwd;
    }
    if (!spans.empty() && spans.back().end == e.first_row && spans.back().how == how &&
        spans.back().pair_fwd == pair_fwd && spans.back().pair_rev == pair_rev) {
      spans.back().end += e.rows;
    } else {
      spans.push_back(Span{e.first_row, e.first_row + e.rows, how, pair_fwd, pair_rev});
    }
  }
  return spans;
}

Status FastAggregator::AddSegment(const SegmentReader& seg) {
  if (seg.has_cube() && CubeServes(q_)) {
    ASSIGN_OR_RETURN(const PeriodCube* cube, seg.Cube());
    AddCube(*cube);
    return Status::Ok();
  }
  ASSIGN_OR_RETURN(std::vector<const DyadEntry*> entries, CandidateEntries(seg, f_));
  if (entries.empty()) return Status::Ok();
  const bool directed_dyad = q_.by_dyad && f_.directed;
  ASSIGN_OR_RETURN(Lookups lk, PrepareLookups(seg));
  if (lk.no_dataset_rows) return Status::Ok();
  const std::vector<char>& code_ok = lk.code_ok;
  const int64_t dataset_id = lk.dataset_id;
  const bool root_needs_code = lk.root_needs_code;
  std::vector<Span> spans = SpansOf(entries);

  if (spans.empty()) return Status::Ok();
  BlockCache& cache = cache_;
  cache.Bind(seg);
  RowPrefilter pre(seg, f_);
  ASSIGN_OR_RETURN(const std::vector<BlockMeta>* block_index, seg.Blocks());
  const auto& blocks = *block_index;
  PeriodCache periods(q_.period);
  // The columns of the current block (null when not needed).
  const DecodedColumn *dates = nullptr, *quads = nullptr, *gold = nullptr, *weights = nullptr,
                      *codes = nullptr, *rootc = nullptr, *ds = nullptr, *dir = nullptr,
                      *is_root = nullptr, *sources = nullptr, *articles = nullptr;
  const bool quality = f_.quality.any();
  auto load_block = [&](size_t bi) -> Status {
    cache.Reset(bi);
    ASSIGN_OR_RETURN(dates, cache.Get(kDate));
    ASSIGN_OR_RETURN(quads, cache.Get(kQuad));
    ASSIGN_OR_RETURN(gold, cache.Get(kGoldstein));
    if (q_.weight == Weight::kMentions) {
      ASSIGN_OR_RETURN(weights, cache.Get(kMentions));
    } else if (q_.weight == Weight::kArticles) {
      ASSIGN_OR_RETURN(weights, cache.Get(kArticles));
    }
    if (!code_ok.empty() || root_needs_code) {
      ASSIGN_OR_RETURN(codes, cache.Get(kCode));
    }
    if (q_.by_root) {
      ASSIGN_OR_RETURN(rootc, cache.Get(kRootCode));
    }
    if (dataset_id >= 0) {
      ASSIGN_OR_RETURN(ds, cache.Get(kDataset));
    }
    if (directed_dyad) {
      ASSIGN_OR_RETURN(dir, cache.Get(kDir));
    }
    if (quality) {
      ASSIGN_OR_RETURN(is_root, cache.Get(kIsRoot));
      ASSIGN_OR_RETURN(sources, cache.Get(kSources));
      ASSIGN_OR_RETURN(articles, cache.Get(kArticles));
    }
    return Status::Ok();
  };

  size_t bi = spans.empty() ? 0 : BlockOf(blocks, spans[0].begin);
  for (const Span& sp : spans) {
    while (blocks[bi].first_row + blocks[bi].rows <= sp.begin) ++bi;
    for (uint64_t row = sp.begin; row < sp.end; ++bi) {
      const BlockMeta& b = blocks[bi];
      uint64_t from = row, to = std::min(sp.end, b.first_row + b.rows);
      row = to;
      if (!BlockMayMatch(b, f_)) continue;
      if (cache.block() != bi) RETURN_IF_ERROR(load_block(bi));
      const bool prefilter = sp.how != EntryMatch::kAll || f_.from || f_.to;
      if (prefilter) RETURN_IF_ERROR(pre.Load(&cache, sp.how));
      for (uint64_t r = from; r < to; ++r) {
        uint32_t i = static_cast<uint32_t>(r - b.first_row);
        if (prefilter && !pre.Passes(i)) continue;
        int quad = static_cast<int>(quads->ints[i]);
        if (f_.quad && quad != f_.quad) continue;
        if (!code_ok.empty() && !code_ok[codes->ids[i]]) continue;
        if (ds && ds->ids[i] != dataset_id) continue;
        if (quality &&
            !f_.quality.Passes(is_root->ints[i] != 0, static_cast<int32_t>(sources->ints[i]),
                               static_cast<int32_t>(articles->ints[i]))) {
          continue;
        }
        GroupKey key{0, 0, 0};
        if (q_.by_period) key.period = periods.Start(static_cast<Days>(dates->ints[i]));
        if (q_.by_dyad) key.dyad = (dir && dir->ints[i] != 0) ? sp.pair_rev : sp.pair_fwd;
        if (q_.by_root) {
          int64_t root = lk.root_of_root[rootc->ids[i]];
          if (root < 0) root = lk.root_of_code[codes->ids[i]];
          key.root = static_cast<uint32_t>(root);
        }
        double w = 1.0;
        if (weights) {
          int64_t n = weights->ints[i];
          w = n > 0 ? static_cast<double>(n) : 1.0;
        }
        GroupSums& acc = groups_.Get(key);
        acc.events += 1;
        acc.weight += w;
        if (quad >= 1 && quad <= 4) acc.quad[quad - 1] += w;
        float g = gold->floats[i];
        if (!std::isnan(g)) {
          acc.gsum += w * g;
          acc.gweight += w;
        }
      }
    }
    // The next span may start in this same block.
    if (bi > 0) --bi;
  }
  return Status::Ok();
}

std::vector<AggregateRow> FastAggregator::Finish() {
  // Sorted by (a, b, root, period) through an index over the interned names: no string is
  // copied before its row is built, and no tree is built (a std::map of string tuples was a
  // fifth of a 10M-row scan).
  std::vector<uint32_t> order(groups_.size());
  for (uint32_t gi = 0; gi < order.size(); ++gi) order[gi] = gi;
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const GroupKey& kx = groups_.key(x);
    const GroupKey& ky = groups_.key(y);
    if (kx.dyad != ky.dyad) {
      const auto& [ax, bx] = pair_names_[kx.dyad];
      const auto& [ay, by] = pair_names_[ky.dyad];
      if (int c = ax.compare(ay); c != 0) return c < 0;
      if (int c = bx.compare(by); c != 0) return c < 0;
    }
    if (kx.root != ky.root) return roots_.Name(kx.root) < roots_.Name(ky.root);
    return kx.period < ky.period;
  });
  std::vector<AggregateRow> out;
  out.reserve(order.size());
  for (uint32_t gi : order) {
    const GroupKey& k = groups_.key(gi);
    const GroupSums& acc = groups_.sums(gi);
    AggregateRow& row = out.emplace_back();
    row.period = k.period;
    row.a = pair_names_[k.dyad].first;
    row.b = pair_names_[k.dyad].second;
    row.root = roots_.Name(k.root);
    acc.CopyTo(&row);
  }
  return out;
}

}  // namespace

Result<std::vector<AggregateRow>> Store::Aggregate(const AggregateQuery& query) {
  if (ActorVolumeServes(query, segments_, actor_days_.get())) {
    return AggregateActorVolume(query, segments_, actor_days_.get());
  }
  // Big stores: segments are independent, so split them over a few threads and add up the
  // partial groups. Small ones (a dyad query touches little) stay on this thread.
  uint64_t rows = 0;
  for (const auto& seg : segments_) rows += seg->rows();
  int threads = static_cast<int>(std::min<size_t>(
      {segments_.size(), std::max(1u, std::thread::hardware_concurrency()), size_t{4}}));
  // A 3-letter dyad filter reads a few blocks per segment: threads would cost more than they save
  // (tried at 10M rows, 57 segments: no faster on 2 cores).
  bool narrow =
      query.filter.has_dyad() && query.filter.dyad_a.size() == 3 && query.filter.dyad_b.size() == 3;
  // Cubes are a few thousand cells per segment: no thread pays for itself there either.
  bool cubes = CubeServes(query) && std::all_of(segments_.begin(), segments_.end(),
                                                [](const auto& s) { return s->has_cube(); });
  if (threads <= 1 || rows < (1u << 16) || narrow || cubes) {
    FastAggregator agg(query);
    for (const auto& seg : segments_) RETURN_IF_ERROR(agg.AddSegment(*seg));
    return agg.Finish();
  }
  std::vector<std::vector<AggregateRow>> parts(threads);
  std::vector<Status> errors(threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      FastAggregator agg(query);
      for (size_t i = t; i < segments_.size(); i += threads) {
        Status s = agg.AddSegment(*segments_[i]);
        if (!s.ok()) {
          errors[t] = s;
          return;
        }
      }
      parts[t] = agg.Finish();
    });
  }
  for (std::thread& th : pool) th.join();
  for (const Status& s : errors) RETURN_IF_ERROR(s);
  // Each part is sorted; merge them in turn and add up the groups two parts share.
  std::vector<AggregateRow> out = std::move(parts[0]);
  for (size_t t = 1; t < parts.size(); ++t) {
    std::vector<AggregateRow> merged;
    merged.reserve(out.size() + parts[t].size());
    auto x = out.begin(), y = parts[t].begin();
    while (x != out.end() || y != parts[t].end()) {
      if (y == parts[t].end() || (x != out.end() && AggregateRowLess(*x, *y))) {
        merged.push_back(std::move(*x++));
      } else if (x == out.end() || AggregateRowLess(*y, *x)) {
        merged.push_back(std::move(*y++));
      } else {
        AggregateRow& m = merged.emplace_back(std::move(*x++));
        const AggregateRow& r = *y++;
        m.events += r.events;
        m.weight += r.weight;
        for (int k = 0; k < 4; ++k) m.quad[k] += r.quad[k];
        m.goldstein_sum += r.goldstein_sum;
        m.goldstein_weight += r.goldstein_weight;
      }
    }
    out = std::move(merged);
  }
  return out;
}

Result<std::vector<DyadEvents>> Store::CountByDyad(const EventFilter& filter) {
  const EventFilter& f = filter;
  if (f.directed || !f.code_prefix.empty() || f.quad != 0 || !f.dataset.empty() ||
      f.quality.any()) {
    return EventSource::CountByDyad(filter);
  }
  // (a, b, events) per entry, views into the segments' directories; added up by dyad at the end.
  std::vector<std::tuple<std::string_view, std::string_view, int64_t>> counts;
  BlockCache cache;
  for (const auto& segp : segments_) {
    const SegmentReader& seg = *segp;
    ASSIGN_OR_RETURN(std::vector<const DyadEntry*> entries, CandidateEntries(seg, f));
    if (entries.empty()) continue;
    ASSIGN_OR_RETURN(const std::vector<BlockMeta>* blocks, seg.Blocks());
    cache.Bind(seg);
    RowPrefilter pre(seg, f);
    for (const DyadEntry* e : entries) {
      if (!EntryInDates(*e, f)) continue;
      const EntryMatch how = MatchEntry(*e, f);
      if (how == EntryMatch::kNone) continue;
      int64_t& n = std::get<2>(counts.emplace_back(e->a, e->b, 0));
      const bool inside = (!f.from || e->min_date >= *f.from) && (!f.to || e->max_date <= *f.to);
      if (how == EntryMatch::kAll && inside) {
        n += static_cast<int64_t>(e->rows);
        continue;
      }
      for (uint64_t row = e->first_row, end = e->first_row + e->rows; row < end;) {
        const size_t bi = BlockOf(*blocks, row);
        const BlockMeta& b = (*blocks)[bi];
        const uint64_t from = row, to = std::min(end, b.first_row + b.rows);
        row = to;
        if (!BlockMayMatch(b, f)) continue;
        if (cache.block() != bi) cache.Reset(bi);
        RETURN_IF_ERROR(pre.Load(&cache, how));
        for (uint64_t r = from; r < to; ++r)
          n += pre.Passes(static_cast<uint32_t>(r - b.first_row));
      }
    }
  }
  std::sort(counts.begin(), counts.end());
  std::vector<DyadEvents> out;
  for (const auto& [a, b, n] : counts) {
    if (n == 0) continue;
    if (!out.empty() && out.back().a == a && out.back().b == b) {
      out.back().events += n;
    } else {
      out.push_back({std::string(a), std::string(b), n});
    }
  }
  return out;
}

Result<int64_t> Store::ScanBound(const EventFilter& filter) {
  int64_t n = 0;
  for (const auto& seg : segments_) {
    ASSIGN_OR_RETURN(std::vector<const DyadEntry*> entries, TouchedEntries(*seg, filter));
    for (const DyadEntry* e : entries) n += static_cast<int64_t>(e->rows);
    if (filter.limit >= 0 && n >= filter.limit) return filter.limit;
  }
  return n;
}

Result<int64_t> Store::CountEvents(const EventFilter& filter) {
  EventFilter f = filter;
  f.limit = -1;
  bool everything = f.actors.empty() && f.source.empty() && f.target.empty() && !f.has_dyad() &&
                    !f.from && !f.to && f.code_prefix.empty() && f.quad == 0 && f.dataset.empty() &&
                    !f.quality.any();
  if (everything) return events();
  AggregateQuery q;
  q.filter = f;
  q.by_period = false;
  ASSIGN_OR_RETURN(std::vector<AggregateRow> rows, Aggregate(q));
  return rows.empty() ? int64_t{0} : rows[0].events;
}

}  // namespace entente::store
