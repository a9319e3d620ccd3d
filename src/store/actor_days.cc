#include "store/actor_days.h"

#include <algorithm>

#include "store/row_decode.h"

namespace entente::store {
namespace {

// The rows of an entry that can hold `tag`: all of a pure entry keyed with it (its actors match a
// 3-letter pattern exactly when their dyad country equals it, segment_format.h), none of another
// pure entry, and those of an impure entry whose actors match, row by row.
enum class EntryRows { kNone, kAll, kCheck };
EntryRows RowsFor(const DyadEntry& e, std::string_view tag) {
  if (e.pure) return e.a == tag || e.b == tag ? EntryRows::kAll : EntryRows::kNone;
  if (e.a == tag || e.b == tag) return EntryRows::kCheck;
  return std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end() ? EntryRows::kCheck
                                                                      : EntryRows::kNone;
}

}  // namespace

Result<std::vector<CubeCell>> ComputeActorDayCells(const SegmentReader& seg, std::string_view tag) {
  const std::string patterns[] = {std::string(tag)};
  ActorMatchTables match;
  RETURN_IF_ERROR(match.Build(seg, patterns));
  ASSIGN_OR_RETURN(const std::vector<BlockMeta>* blocks, seg.Blocks());
  ASSIGN_OR_RETURN(std::vector<const DyadEntry*> entries, seg.AllDyads());
  std::unordered_map<uint64_t, CubeSums> sums;  // (day, quad)
  // Entries follow each other in row order and share blocks: the cache decodes a block once.
  BlockCache cache(&seg);
  for (const DyadEntry* e : entries) {
    const EntryRows which = RowsFor(*e, tag);
    if (which == EntryRows::kNone) continue;
    for (uint64_t row = e->first_row, end = e->first_row + e->rows; row < end;) {
      const size_t b = BlockOf(*blocks, row);
      const BlockMeta& blk = (*blocks)[b];
      const uint64_t to = std::min(end, blk.first_row + blk.rows);
      if (cache.block() != b) cache.Reset(b);
      ASSIGN_OR_RETURN(const DecodedColumn* date, cache.Get(kDate));
      ASSIGN_OR_RETURN(const DecodedColumn* quad, cache.Get(kQuad));
      ASSIGN_OR_RETURN(const DecodedColumn* gold, cache.Get(kGoldstein));
      ASSIGN_OR_RETURN(const DecodedColumn* mentions, cache.Get(kMentions));
      ASSIGN_OR_RETURN(const DecodedColumn* articles, cache.Get(kArticles));
      const DecodedColumn* actors[4] = {};
      if (which == EntryRows::kCheck) {
        for (int k = 0; k < 4; ++k) {
          ASSIGN_OR_RETURN(actors[k], cache.Get(kActorColumns[k]));
        }
      }
      for (; row < to; ++row) {
        const uint32_t i = static_cast<uint32_t>(row - blk.first_row);
        if (which == EntryRows::kCheck && !match.Matches(actors, i)) continue;
        const uint64_t key = (static_cast<uint64_t>(static_cast<uint32_t>(date->ints[i])) << 8) |
                             static_cast<uint8_t>(quad->ints[i]);
        sums[key].AddRow(static_cast<int32_t>(mentions->ints[i]),
                         static_cast<int32_t>(articles->ints[i]), gold->floats[i]);
      }
    }
  }
  std::vector<CubeCell> cells;
  cells.reserve(sums.size());
  for (const auto& [key, s] : sums) {
    CubeCell& c = cells.emplace_back();
    c.month = static_cast<Days>(static_cast<uint32_t>(key >> 8));
    c.quad = static_cast<int8_t>(key & 0xff);
    c.sums = s;
  }
  std::sort(cells.begin(), cells.end(), [](const CubeCell& x, const CubeCell& y) {
    return x.month != y.month ? x.month < y.month : x.quad < y.quad;
  });
  return cells;
}

ActorDayCache::ActorDayCache(size_t capacity_bytes) : capacity_(capacity_bytes) {}

Result<ActorDayCache::Cells> ActorDayCache::Get(const SegmentReader& seg, std::string_view tag) {
  std::string key = seg.path();
  key.push_back('\0');
  key.append(seg.trailer());
  key.append(tag);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = index_.find(key); it != index_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second);
      ++stats_.hits;
      return it->second->cells;
    }
    ++stats_.misses;
  }
  // Computed outside the lock: two threads may both compute a missing entry; the second to
  // finish finds the first's and keeps it.
  ASSIGN_OR_RETURN(std::vector<CubeCell> computed, ComputeActorDayCells(seg, tag));
  auto cells = std::make_shared<const std::vector<CubeCell>>(std::move(computed));
  const size_t bytes = cells->size() * sizeof(CubeCell) + 2 * key.size() + 128;
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = index_.find(key); it != index_.end()) return it->second->cells;
  if (bytes > capacity_) return cells;  // larger than the whole cache: used once, not kept
  while (stats_.bytes + bytes > capacity_ && !lru_.empty()) {
    index_.erase(lru_.back().key);
    stats_.bytes -= lru_.back().bytes;
    lru_.pop_back();
  }
  lru_.push_front(Entry{std::move(key), cells, bytes});
  index_.emplace(lru_.front().key, lru_.begin());
  stats_.bytes += bytes;
  return cells;
}

ActorDayCache::Stats ActorDayCache::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  Stats s = stats_;
  s.entries = lru_.size();
  return s;
}

}  // namespace entente::store
