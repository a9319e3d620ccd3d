// A row as an ingest run holds it between parsing and writing: dictionary columns already
// interned (ids into the run's own dictionaries), numbers in place, and the four plain (mostly
// unique) strings back to back in the run's arena. Fixed size, so sorting the run and writing
// it in sorted order touches ~200 bytes per row and never hashes or compares a dictionary string
// again (the segment writer maps run ids to segment ids through an array, see
// SegmentWriter::AddPacked).
//
// Before this, a run serialized every field of every row into an arena, read each row back into
// an EventRow in sorted order and the writer interned ~27 strings per row: the copies, the
// re-parse and the string hashing/comparing were about a third of ingest CPU.
#ifndef ENTENTE_STORE_PACKED_ROW_H_
#define ENTENTE_STORE_PACKED_ROW_H_

#include <array>
#include <cstdint>

#include "store/columns.h"

namespace entente::store {

namespace packed_internal {
constexpr int Count(ColumnKind k) {
  int n = 0;
  for (int c = 0; c < kNumColumns; ++c) n += KindOf(c) == k ? 1 : 0;
  return n;
}
template <ColumnKind K, int N>
constexpr std::array<int, N> ColumnsOf() {
  std::array<int, N> out{};
  int n = 0;
  for (int c = 0; c < kNumColumns; ++c) {
    if (KindOf(c) == K) out[n++] = c;
  }
  return out;
}
}  // namespace packed_internal

inline constexpr int kNumDictColumns = packed_internal::Count(ColumnKind::kDict);
inline constexpr int kNumPlainColumns = packed_internal::Count(ColumnKind::kPlain);
// The dictionary / plain columns in column order: PackedRow::dict[i] is column kDictColumns[i].
inline constexpr std::array<int, kNumDictColumns> kDictColumns =
    packed_internal::ColumnsOf<ColumnKind::kDict, kNumDictColumns>();
inline constexpr std::array<int, kNumPlainColumns> kPlainColumns =
    packed_internal::ColumnsOf<ColumnKind::kPlain, kNumPlainColumns>();

// Index of a dictionary column in kDictColumns (-1 for other columns).
constexpr int DictIndex(int column) {
  for (int i = 0; i < kNumDictColumns; ++i) {
    if (kDictColumns[i] == column) return i;
  }
  return -1;
}

struct PackedRow {
  uint32_t dict[kNumDictColumns];  // ids into the run's dictionaries
  uint32_t plain_len[kNumPlainColumns];
  uint64_t plain_offset;  // of the first plain string in the run's arena; the others follow
  int64_t date_added;
  Days date;
  int32_t mentions, sources, articles;
  float goldstein, tone, lat, lon;
  uint8_t precision, is_root;
  int8_t quad;
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_PACKED_ROW_H_
