// Finding a row's block, decoding a block's columns once, deciding actor filters per dictionary
// value, and turning a decoded block back into rows: shared by the read paths (store_query.cc,
// actor_days.cc) and the segment merge (segment_merge.cc), so all see a stored row the same way.
#ifndef ENTENTE_STORE_ROW_DECODE_H_
#define ENTENTE_STORE_ROW_DECODE_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/filter.h"
#include "core/status.h"
#include "store/column_codec.h"
#include "store/columns.h"
#include "store/segment_reader.h"

namespace entente::store {

// The index of the block holding `row` (SIZE_MAX when `row` is before the first block).
inline size_t BlockOf(const std::vector<BlockMeta>& blocks, uint64_t row) {
  return std::upper_bound(blocks.begin(), blocks.end(), row,
                          [](uint64_t r, const BlockMeta& b) { return r < b.first_row; }) -
         blocks.begin() - 1;
}

// The actor columns, in ActorRow order on each side: source code, source country, target code,
// target country.
inline constexpr int kActorColumns[4] = {kSrcCode, kSrcCountry, kTgtCode, kTgtCountry};

// Decoded columns of one block, decoded on first use. Buffers are reused from block to block.
// The blocks of a segment it moves away from (Bind, or destruction) are released
// (SegmentReader::ReleaseBlocks): a query reads a segment's blocks once, and a pass over a large
// store would otherwise keep every page it read resident (a scan of a 100M-row store, gigabytes).
// Per segment, not per block: blocks are revisited within a segment, and a page read again after
// a release is faulted in again.
class BlockCache {
 public:
  explicit BlockCache(const SegmentReader* seg = nullptr) : seg_(seg) {}
  ~BlockCache() { Release(); }
  BlockCache(const BlockCache&) = delete;
  BlockCache& operator=(const BlockCache&) = delete;
  // Moves to another segment, keeping the column buffers: a query over many segments then
  // allocates and zero-fills them once, not once per segment.
  void Bind(const SegmentReader& seg) {
    Release();
    seg_ = &seg;
    Reset(SIZE_MAX);
  }
  size_t block() const { return block_; }
  void Reset(size_t block) {
    block_ = block;
    for (bool& l : loaded_) l = false;
  }
  Result<const DecodedColumn*> Get(int column) {
    if (!loaded_[column]) {
      RETURN_IF_ERROR(seg_->ReadColumn(block_, column, &cols_[column]));
      loaded_[column] = true;
      read_any_ = true;
    }
    return &cols_[column];
  }

 private:
  // Releases the blocks of the bound segment if any was read.
  void Release() {
    if (seg_ != nullptr && read_any_) seg_->ReleaseBlocks();
    read_any_ = false;
  }

  const SegmentReader* seg_;
  size_t block_ = SIZE_MAX;
  bool loaded_[kNumColumns] = {};
  bool read_any_ = false;  // a column of the bound segment was read
  DecodedColumn cols_[kNumColumns];
};

// "Involves any of these actor patterns" decided once per dictionary value of a segment's four
// actor columns (as ActorMatches: a code that starts with a pattern, a country equal to a 3-letter
// one), so that a row is four lookups instead of string comparisons.
class ActorMatchTables {
 public:
  // Decodes the actor dictionaries of `seg` when they are not yet.
  Status Build(const SegmentReader& seg, std::span<const std::string> patterns) {
    RETURN_IF_ERROR(seg.NeedDicts({kSrcCode, kSrcCountry, kTgtCode, kTgtCountry}));
    for (int k = 0; k < 4; ++k) {
      const std::vector<std::string_view>& dict = seg.dict(kActorColumns[k]);
      match_[k].assign(dict.size(), 0);
      for (size_t v = 0; v < dict.size(); ++v) {
        ActorRow one;
        (k % 2 == 0 ? one.code : one.country) = dict[v];
        for (const std::string& p : patterns) match_[k][v] |= ActorMatches(one, p);
      }
    }
    built_ = true;
    return Status::Ok();
  }
  bool built() const { return built_; }
  // Row i of a block whose actor columns (kActorColumns order) are `actors`.
  bool Matches(const DecodedColumn* const* actors, uint32_t i) const {
    return match_[0][actors[0]->ids[i]] | match_[1][actors[1]->ids[i]] |
           match_[2][actors[2]->ids[i]] | match_[3][actors[3]->ids[i]];
  }

 private:
  bool built_ = false;
  std::vector<uint8_t> match_[4];
};

// Fills `row` from the decoded columns of a block at index i. `row`'s strings view `seg`'s
// dictionaries and the columns' buffers. kDir is not a field of EventRow (read cols[kDir]).
inline void FillRow(const SegmentReader& seg, const DecodedColumn* const* cols, uint32_t i,
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

}  // namespace entente::store

#endif  // ENTENTE_STORE_ROW_DECODE_H_
