// The layout of a segment file (seg-NNNNNNNN.ens), shared by SegmentWriter and SegmentReader.
// Bytes: docs/FORMAT.md. In short:
//   header   "ENTSEG\0\1" + format version (fixed32) + reserved (fixed32)      16 bytes
//   blobs    zstd frames: every (block, column), then the sorted dedupe keys
//   meta     one zstd frame: dictionaries, block index, dyad directory, counts
//   trailer  meta offset, compressed size, raw size (fixed64 x3), meta crc32, version,
//            magic                                                              40 bytes
// Every blob's CRC-32 (of its stored bytes) is in the meta; the meta's is in the trailer. Nothing
// is decoded before its CRC matches, so a damaged file is an error naming it, never data.
#ifndef ENTENTE_STORE_SEGMENT_FORMAT_H_
#define ENTENTE_STORE_SEGMENT_FORMAT_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "store/columns.h"

namespace entente::store {

inline constexpr std::string_view kSegmentMagic{"ENTSEG\0\1", 8};
// Version 2 appended the period cube (period_cube.h) to the meta; version 1 files (no cube) are
// still read, and queries read their rows instead. Version 3 splits the meta into parts (block
// index, each dictionary, the dyad directory in pages, the impure entries by tag, the cube), each
// its own checksummed frame named by a small footer, so that opening a segment reads the footer
// only and a query decodes only the parts it needs. Versions 1 and 2 are read whole, as before.
inline constexpr uint32_t kSegmentVersion = 3;
inline constexpr uint32_t kOldestSegmentVersion = 1;
inline constexpr size_t kSegmentHeaderSize = 16;
inline constexpr size_t kSegmentTrailerSize = 40;
// Directory entries per page (version 3): a dyad lookup decodes one page. 512 entries are about
// 10-20 KB raw, a fraction of a millisecond; a segment of 2M rows of real GDELT holds a few
// hundred thousand entries, so its footer keeps a few hundred page keys.
inline constexpr size_t kDyadPageEntries = 512;

struct BlobRef {
  uint64_t offset = 0;
  uint64_t size = 0;      // stored (compressed) bytes
  uint64_t raw_size = 0;  // after decompression
  uint32_t crc = 0;       // CRC-32 of the stored bytes
};

// A block's rows and dates: what a query needs to find the blocks it reads.
struct BlockMeta {
  uint64_t first_row = 0;
  uint32_t rows = 0;
  Days min_date = 0, max_date = 0;
};

// A block as the block index stores it: with where each column's frame is.
struct BlockRecord {
  BlockMeta meta;
  BlobRef columns[kNumColumns];
};

// One dyad's rows: [first_row, first_row + rows), sorted by date. `a` <= `b`: the dyad countries
// (DyadCountry of each side) in byte order. `tags` are every actor code's first three letters and
// every actor country seen in these rows: an actor pattern P can match a row only if P[0..3) is a
// tag. `pure` means every actor in these rows matches a 3-letter pattern exactly when its
// DyadCountry equals it (code shorter than 3 or starting with its dyad country), so the dyad
// filter of a pure entry is decided by its key without reading actor columns.
struct DyadEntry {
  std::string_view a, b;
  uint64_t first_row = 0;
  uint64_t rows = 0;
  Days min_date = 0, max_date = 0;
  bool pure = true;
  // The actor tags of an impure entry: views into its directory page's pool of tags (one
  // allocation per page, not one per entry).
  std::span<const std::string_view> tags;
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_SEGMENT_FORMAT_H_
