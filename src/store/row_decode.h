// Finding a row's block and turning a decoded block back into rows: shared by the read paths
// (store_query.cc) and the segment merge (segment_merge.cc), so both see a stored row the same way.
#ifndef ENTENTE_STORE_ROW_DECODE_H_
#define ENTENTE_STORE_ROW_DECODE_H_

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/event.h"
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
