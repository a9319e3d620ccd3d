// Store's read paths: Scan (filter pushdown: the dyad directory picks row ranges, block date
// ranges skip blocks, then the exact filter runs on each candidate row) and the Aggregate fast
// path, which reads only the columns a grouped sum needs and decides dyad membership per
// directory entry instead of per row when it can (see DyadEntry::pure).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "store/manifest.h"
#include "store/segment_reader.h"
#include "store/store.h"

namespace entente::store {
namespace {

bool HasTag(const DyadEntry& e, std::string_view pattern) {
  if (pattern.size() < 3) return true;  // too short to prune on
  std::string_view p3 = pattern.substr(0, 3);
  for (std::string_view t : e.tags) {
    if (t == p3) return true;
  }
  return false;
}

// Whether any row of `e` can match the actor parts of `f` (a superset test, never a false no).
bool EntryMayMatch(const DyadEntry& e, const EventFilter& f) {
  if (f.from && e.max_date < *f.from) return false;
  if (f.to && e.min_date > *f.to) return false;
  if (!f.source.empty() && !HasTag(e, f.source)) return false;
  if (!f.target.empty() && !HasTag(e, f.target)) return false;
  if (f.has_dyad() && !(HasTag(e, f.dyad_a) && HasTag(e, f.dyad_b))) return false;
  if (!f.actors.empty()) {
    bool any = false;
    for (const std::string& a : f.actors) any = any || HasTag(e, a);
    if (!any) return false;
  }
  return true;
}

bool BlockMayMatch(const BlockMeta& b, const EventFilter& f) {
  if (f.from && b.max_date < *f.from) return false;
  if (f.to && b.min_date > *f.to) return false;
  return true;
}

// Decoded columns of one block, decoded on first use.
class BlockCache {
 public:
  explicit BlockCache(const SegmentReader& seg) : seg_(seg) {}
  void Reset(size_t block) {
    block_ = block;
    for (bool& l : loaded_) l = false;
  }
  Result<const DecodedColumn*> Get(int column) {
    if (!loaded_[column]) {
      RETURN_IF_ERROR(seg_.ReadColumn(block_, column, &cols_[column]));
      loaded_[column] = true;
    }
    return &cols_[column];
  }

 private:
  const SegmentReader& seg_;
  size_t block_ = 0;
  bool loaded_[kNumColumns] = {};
  DecodedColumn cols_[kNumColumns];
};

// Fills `row` from the decoded columns of a block at index i.
void FillRow(const SegmentReader& seg, const DecodedColumn* const* cols, uint32_t i,
             EventRow* row) {
  for (int c = 0; c < kNumColumns; ++c) {
    const DecodedColumn* col = cols[c];
    switch (KindOf(c)) {
      case ColumnKind::kDict: SetStringField(row, c, seg.dict(c)[col->ids[i]]); break;
      case ColumnKind::kPlain: SetStringField(row, c, col->strs[i]); break;
      case ColumnKind::kInt: SetIntField(row, c, col->ints[i]); break;
      case ColumnKind::kFloat: SetFloatField(row, c, col->floats[i]); break;
    }
  }
}

// Row ranges of `seg` that may hold matches, in row order, merged.
std::vector<std::pair<uint64_t, uint64_t>> CandidateRanges(const SegmentReader& seg,
                                                           const EventFilter& f) {
  std::vector<std::pair<uint64_t, uint64_t>> out;
  std::vector<size_t> picks;
  bool narrow = f.has_dyad() && f.dyad_a.size() == 3 && f.dyad_b.size() == 3;
  if (narrow) {
    picks = seg.DyadCandidates(f.dyad_a, f.dyad_b);
  } else {
    picks.resize(seg.dyads().size());
    for (size_t i = 0; i < picks.size(); ++i) picks[i] = i;
  }
  for (size_t pi : picks) {
    const DyadEntry& e = seg.dyads()[pi];
    if (!EntryMayMatch(e, f)) continue;
    uint64_t begin = e.first_row, end = e.first_row + e.rows;
    if (!out.empty() && out.back().second == begin) {
      out.back().second = end;
    } else {
      out.emplace_back(begin, end);
    }
  }
  return out;
}

}  // namespace

Status Store::Scan(const EventFilter& filter, const std::function<bool(const EventRow&)>& visit) {
  int64_t n = 0;
  for (const auto& segp : segments_) {
    const SegmentReader& seg = *segp;
    std::vector<std::pair<uint64_t, uint64_t>> ranges = CandidateRanges(seg, filter);
    BlockCache cache(seg);
    const DecodedColumn* cols[kNumColumns];
    size_t r = 0;
    const auto& blocks = seg.blocks();
    for (size_t bi = 0; bi < blocks.size() && r < ranges.size(); ++bi) {
      const BlockMeta& b = blocks[bi];
      uint64_t bbegin = b.first_row, bend = b.first_row + b.rows;
      while (r < ranges.size() && ranges[r].second <= bbegin) ++r;
      if (r == ranges.size() || ranges[r].first >= bend) continue;
      if (!BlockMayMatch(b, filter)) continue;
      cache.Reset(bi);
      for (int c = 0; c < kNumColumns; ++c) {
        ASSIGN_OR_RETURN(cols[c], cache.Get(c));
      }
      EventRow row;
      for (size_t k = r; k < ranges.size() && ranges[k].first < bend; ++k) {
        uint64_t from = std::max(ranges[k].first, bbegin), to = std::min(ranges[k].second, bend);
        for (uint64_t i = from; i < to; ++i) {
          FillRow(seg, cols, static_cast<uint32_t>(i - bbegin), &row);
          if (!Matches(filter, row)) continue;
          if (filter.limit >= 0 && n >= filter.limit) return Status::Ok();
          ++n;
          if (!visit(row)) return Status::Ok();
        }
      }
    }
  }
  return Status::Ok();
}

namespace {

bool FastPathApplies(const EventFilter& f) {
  if (!f.actors.empty() || !f.source.empty() || !f.target.empty()) return false;
  if (f.has_dyad() && (f.dyad_a.size() != 3 || f.dyad_b.size() != 3)) return false;
  // A half-given dyad (one side empty) matches everything in Matches(); so do we.
  return true;
}

struct GroupKey {
  Days period;
  uint32_t dyad;
  uint32_t root;
  bool operator==(const GroupKey& o) const {
    return period == o.period && dyad == o.dyad && root == o.root;
  }
};
struct GroupKeyHash {
  size_t operator()(const GroupKey& k) const {
    uint64_t h = static_cast<uint32_t>(k.period) * 0x9E3779B97F4A7C15ull;
    h ^= (static_cast<uint64_t>(k.dyad) << 20 | k.root) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};
struct Acc {
  int64_t events = 0;
  double weight = 0, quad[4] = {}, gsum = 0, gweight = 0;
};

// Interns strings to small ids shared by all segments of one query.
class Interner {
 public:
  uint32_t Id(const std::string& s) {
    auto [it, ok] = ids_.emplace(s, static_cast<uint32_t>(names_.size()));
    if (ok) names_.push_back(s);
    return it->second;
  }
  const std::string& Name(uint32_t id) const { return names_[id]; }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
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
  std::vector<AggregateRow> Finish();

 private:
  uint32_t PairId(std::string_view a, std::string_view b) {
    std::string key = std::string(a) + '\0' + std::string(b);
    uint32_t id = pairs_.Id(key);
    if (id == pair_names_.size()) pair_names_.push_back({std::string(a), std::string(b)});
    return id;
  }

  const AggregateQuery& q_;
  const EventFilter& f_;
  std::unordered_map<GroupKey, Acc, GroupKeyHash> groups_;
  Interner pairs_, roots_;
  std::vector<std::pair<std::string, std::string>> pair_names_;
};

Status FastAggregator::AddSegment(const SegmentReader& seg) {
  const bool directed_dyad = q_.by_dyad && f_.directed;
  const bool need_dir = f_.has_dyad() && f_.directed;
  // Per dictionary id: does the event code match the prefix; which root group an id is in.
  std::vector<char> code_ok;
  if (!f_.code_prefix.empty()) {
    for (std::string_view c : seg.dict(kCode)) code_ok.push_back(c.starts_with(f_.code_prefix));
  }
  int64_t dataset_id = -1;
  if (!f_.dataset.empty()) {
    const auto& d = seg.dict(kDataset);
    auto it = std::find(d.begin(), d.end(), f_.dataset);
    if (it == d.end()) return Status::Ok();  // no row of this segment is in that dataset
    dataset_id = it - d.begin();
  }
  std::vector<int64_t> root_of_root, root_of_code;  // -1: take the root from the code
  bool root_needs_code = false;
  if (q_.by_root) {
    for (std::string_view r : seg.dict(kRootCode)) {
      root_of_root.push_back(r.empty() ? int64_t{-1} : int64_t{roots_.Id(std::string(r))});
      root_needs_code = root_needs_code || r.empty();
    }
    if (root_needs_code) {
      for (std::string_view c : seg.dict(kCode))
        root_of_code.push_back(roots_.Id(std::string(RootOf(c))));
    }
  }

  BlockCache cache(seg);
  size_t cached_block = SIZE_MAX;
  const auto& blocks = seg.blocks();
  Days last_date = INT32_MIN, last_period = 0;
  GroupKey last_key{0, 0, 0};
  Acc* last_acc = nullptr;
  std::vector<size_t> picks;
  if (f_.has_dyad()) {
    picks = seg.DyadCandidates(f_.dyad_a, f_.dyad_b);  // FastPathApplies: 3-letter patterns
  } else {
    picks.resize(seg.dyads().size());
    for (size_t i = 0; i < picks.size(); ++i) picks[i] = i;
  }
  for (size_t pi : picks) {
    const DyadEntry& e = seg.dyads()[pi];
    if (!EntryMayMatch(e, f_)) continue;
    // Dyad membership of this entry's rows: 0 none, 1 all, 2 by the dir bit, 3 row by row.
    int mode = 1;
    if (f_.has_dyad()) {
      if (!e.pure) {
        mode = 3;
      } else if (f_.directed) {
        bool fwd = e.a == f_.dyad_a && e.b == f_.dyad_b;
        bool rev = e.b == f_.dyad_a && e.a == f_.dyad_b;
        mode = (fwd || rev) ? 2 : 0;
      } else {
        bool hit = (e.a == f_.dyad_a && e.b == f_.dyad_b) || (e.a == f_.dyad_b && e.b == f_.dyad_a);
        mode = hit ? 1 : 0;
      }
      if (mode == 0) continue;
    }
    uint32_t pair_fwd = 0, pair_rev = 0;
    if (q_.by_dyad) {
      pair_fwd = PairId(e.a, e.b);
      if (directed_dyad) pair_rev = PairId(e.b, e.a);
    }
    // Blocks overlapping this entry.
    uint64_t row = e.first_row, end = e.first_row + e.rows;
    size_t bi = std::upper_bound(blocks.begin(), blocks.end(), row,
                                 [](uint64_t r, const BlockMeta& b) { return r < b.first_row; }) -
                blocks.begin() - 1;
    for (; row < end; ++bi) {
      const BlockMeta& b = blocks[bi];
      uint64_t bend = b.first_row + b.rows, to = std::min(end, bend);
      if (!BlockMayMatch(b, f_)) {
        row = to;
        continue;
      }
      if (bi != cached_block) {
        cache.Reset(bi);
        cached_block = bi;
      }
      ASSIGN_OR_RETURN(const DecodedColumn* dates, cache.Get(kDate));
      ASSIGN_OR_RETURN(const DecodedColumn* quads, cache.Get(kQuad));
      ASSIGN_OR_RETURN(const DecodedColumn* gold, cache.Get(kGoldstein));
      const DecodedColumn *weights = nullptr, *codes = nullptr, *rootc = nullptr, *ds = nullptr,
                          *dir = nullptr;
      const DecodedColumn* actor[4] = {};
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
      if (need_dir || directed_dyad) {
        ASSIGN_OR_RETURN(dir, cache.Get(kDir));
      }
      if (mode == 3) {
        int cs[4] = {kSrcCode, kSrcCountry, kTgtCode, kTgtCountry};
        for (int k = 0; k < 4; ++k) {
          ASSIGN_OR_RETURN(actor[k], cache.Get(cs[k]));
        }
      }
      for (uint64_t r = row; r < to; ++r) {
        uint32_t i = static_cast<uint32_t>(r - b.first_row);
        Days date = static_cast<Days>(dates->ints[i]);
        if (f_.from && date < *f_.from) continue;
        if (f_.to && date > *f_.to) continue;
        int quad = static_cast<int>(quads->ints[i]);
        if (f_.quad && quad != f_.quad) continue;
        if (codes && !code_ok.empty() && !code_ok[codes->ids[i]]) continue;
        if (ds && ds->ids[i] != dataset_id) continue;
        bool flipped = dir && dir->ints[i] != 0;
        if (mode == 2) {
          std::string_view src = flipped ? e.b : e.a, tgt = flipped ? e.a : e.b;
          if (src != f_.dyad_a || tgt != f_.dyad_b) continue;
        } else if (mode == 3) {
          ActorRow s, t;
          s.code = seg.dict(kSrcCode)[actor[0]->ids[i]];
          s.country = seg.dict(kSrcCountry)[actor[1]->ids[i]];
          t.code = seg.dict(kTgtCode)[actor[2]->ids[i]];
          t.country = seg.dict(kTgtCountry)[actor[3]->ids[i]];
          bool fwd = ActorMatches(s, f_.dyad_a) && ActorMatches(t, f_.dyad_b);
          bool rev = !f_.directed && ActorMatches(s, f_.dyad_b) && ActorMatches(t, f_.dyad_a);
          if (!fwd && !rev) continue;
        }
        GroupKey key{0, 0, 0};
        if (q_.by_period) {
          if (date != last_date) {
            last_date = date;
            last_period = PeriodStart(date, q_.period);
          }
          key.period = last_period;
        }
        if (q_.by_dyad) key.dyad = (directed_dyad && flipped) ? pair_rev : pair_fwd;
        if (q_.by_root) {
          int64_t root = root_of_root[rootc->ids[i]];
          if (root < 0) root = root_of_code[codes->ids[i]];
          key.root = static_cast<uint32_t>(root);
        }
        double w = 1.0;
        if (weights) {
          int64_t n = weights->ints[i];
          w = n > 0 ? static_cast<double>(n) : 1.0;
        }
        if (!(last_acc && key == last_key)) {
          last_acc = &groups_[key];  // unordered_map never moves its elements
          last_key = key;
        }
        Acc& acc = *last_acc;
        acc.events += 1;
        acc.weight += w;
        if (quad >= 1 && quad <= 4) acc.quad[quad - 1] += w;
        float g = gold->floats[i];
        if (!std::isnan(g)) {
          acc.gsum += w * g;
          acc.gweight += w;
        }
      }
      row = to;
    }
  }
  return Status::Ok();
}

std::vector<AggregateRow> FastAggregator::Finish() {
  std::map<std::tuple<std::string, std::string, std::string, Days>, AggregateRow> sorted;
  for (const auto& [k, acc] : groups_) {
    AggregateRow row;
    row.period = k.period;
    row.a = pair_names_[k.dyad].first;
    row.b = pair_names_[k.dyad].second;
    row.root = roots_.Name(k.root);
    row.events = acc.events;
    row.weight = acc.weight;
    for (int i = 0; i < 4; ++i) row.quad[i] = acc.quad[i];
    row.goldstein_sum = acc.gsum;
    row.goldstein_weight = acc.gweight;
    sorted.emplace(std::make_tuple(row.a, row.b, row.root, row.period), std::move(row));
  }
  std::vector<AggregateRow> out;
  out.reserve(sorted.size());
  for (auto& [k, row] : sorted) out.push_back(std::move(row));
  return out;
}

}  // namespace

Result<std::vector<AggregateRow>> Store::Aggregate(const AggregateQuery& query) {
  if (!FastPathApplies(query.filter)) return EventSource::Aggregate(query);
  // Big stores: segments are independent, so split them over a few threads and add up the
  // partial groups. Small ones (a dyad query touches little) stay on this thread.
  uint64_t rows = 0;
  for (const auto& seg : segments_) rows += seg->rows();
  int threads = static_cast<int>(std::min<size_t>(
      {segments_.size(), std::max(1u, std::thread::hardware_concurrency()), size_t{4}}));
  if (threads <= 1 || rows < (1u << 20) || query.filter.has_dyad()) {
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
  std::map<std::tuple<std::string, std::string, std::string, Days>, AggregateRow> merged;
  for (std::vector<AggregateRow>& part : parts) {
    for (AggregateRow& r : part) {
      auto [it, fresh] = merged.try_emplace(std::make_tuple(r.a, r.b, r.root, r.period), r);
      if (fresh) continue;
      AggregateRow& m = it->second;
      m.events += r.events;
      m.weight += r.weight;
      for (int k = 0; k < 4; ++k) m.quad[k] += r.quad[k];
      m.goldstein_sum += r.goldstein_sum;
      m.goldstein_weight += r.goldstein_weight;
    }
  }
  std::vector<AggregateRow> out;
  out.reserve(merged.size());
  for (auto& [k, r] : merged) out.push_back(std::move(r));
  return out;
}

Result<int64_t> Store::CountEvents(const EventFilter& filter) {
  EventFilter f = filter;
  f.limit = -1;
  bool everything = f.actors.empty() && f.source.empty() && f.target.empty() && !f.has_dyad() &&
                    !f.from && !f.to && f.code_prefix.empty() && f.quad == 0 && f.dataset.empty();
  if (everything) return events();
  if (!FastPathApplies(f)) return EventSource::CountEvents(f);
  AggregateQuery q;
  q.filter = f;
  q.by_period = false;
  ASSIGN_OR_RETURN(std::vector<AggregateRow> rows, Aggregate(q));
  return rows.empty() ? int64_t{0} : rows[0].events;
}

}  // namespace entente::store
