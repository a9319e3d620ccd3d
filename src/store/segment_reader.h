// Reads a segment file through mmap: checks the trailer and the meta's CRC on open, then hands
// out decoded columns of single blocks on demand (each blob's CRC is checked before it is
// decompressed). Every error names the file: "<path>: checksum mismatch in block 3 column url".
//
// Thread safety: a SegmentReader is immutable after Open(); ReadColumn() may be called from many
// threads at once (each with its own DecodedColumn).
#ifndef ENTENTE_STORE_SEGMENT_READER_H_
#define ENTENTE_STORE_SEGMENT_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "store/column_codec.h"
#include "store/file_util.h"
#include "store/period_cube.h"
#include "store/segment_format.h"

namespace entente::store {

class SegmentReader {
 public:
  static Result<std::unique_ptr<SegmentReader>> Open(const std::string& path);

  const std::string& path() const { return file_->path(); }
  uint64_t rows() const { return rows_; }
  uint64_t file_bytes() const { return file_->data().size(); }
  Days min_date() const { return min_date_; }
  Days max_date() const { return max_date_; }
  const std::vector<BlockMeta>& blocks() const { return blocks_; }
  const std::vector<DyadEntry>& dyads() const { return dyads_; }
  // Indexes of the directory entries a dyad filter with two 3-letter patterns a, b can match:
  // the entry keyed (a, b) (binary search; entries are in key order) and every impure entry
  // whose tags hold both (see DyadEntry). Ascending.
  std::vector<size_t> DyadCandidates(std::string_view a, std::string_view b) const;
  // The pre-aggregate; null for a version 1 segment (which has none).
  const PeriodCube* cube() const { return has_cube_ ? &cube_ : nullptr; }
  // The dictionary of a kDict column; views live as long as the reader.
  const std::vector<std::string_view>& dict(int column) const { return dicts_[column]; }

  // Decodes `column` of block `block` into `out`.
  Status ReadColumn(size_t block, int column, DecodedColumn* out) const;
  // Calls `visit` with the segment's dedupe keys in ascending order; streams (constant memory).
  Status ForEachKey(const std::function<void(uint64_t)>& visit) const;
  // Where the keys are, so that ForEachKeyIn can read them later without keeping the reader
  // (and its meta, a few MB) open.
  const BlobRef& keys_ref() const { return keys_; }
  // The same as ForEachKey for the segment at `path` whose keys frame is `keys` (`rows` keys),
  // read with pread into a buffer that is freed on return: an ingest checks the keys of every
  // segment it wrote so far this way in constant memory.
  static Status ForEachKeyIn(const std::string& path, const BlobRef& keys, uint64_t rows,
                             const std::function<void(uint64_t)>& visit);
  // Reads and checks every blob (for `info --check`).
  Status Verify() const;

 private:
  SegmentReader() = default;
  Status Parse();
  // `block` < 0 means the keys frame (for messages).
  Status ReadBlob(const BlobRef& ref, std::string* out, int64_t block, int column) const;

  std::unique_ptr<MappedFile> file_;
  std::string meta_raw_;  // the decompressed meta; dictionary views point into it
  uint64_t rows_ = 0;
  Days min_date_ = 0, max_date_ = 0;
  std::vector<std::string_view> dicts_[kNumColumns];
  std::vector<BlockMeta> blocks_;
  std::vector<DyadEntry> dyads_;
  // Indexes of the entries that are not pure, ascending, under each of their tags: a dyad lookup
  // intersects two lists instead of comparing the tags of every impure entry (which was a third
  // of a dyad query's time over 30 segments).
  std::unordered_map<std::string_view, std::vector<uint32_t>> impure_by_tag_;
  BlobRef keys_;
  uint32_t version_ = 0;
  bool has_cube_ = false;
  PeriodCube cube_;
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_SEGMENT_READER_H_
