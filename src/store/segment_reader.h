// Reads a segment file through mmap. Open() checks the trailer and decodes the footer (version 3:
// a few KB, whatever the segment's size); the meta's parts (block index, each dictionary, pages of
// the dyad directory, the impure entries by tag, the period cube) are read, checked by CRC and
// decoded the first time a query asks for them, and kept. A version 1 or 2 file has its meta in
// one frame and is decoded whole on open. Every error names the file and the part:
// "<path>: checksum mismatch in dictionary of src_code", "<path>: block 3 column url: ...".
//
// Thread safety: the accessors below may be called from many threads at once; a part is decoded
// once (under a mutex) and immutable after. ReadColumn() may be called from many threads at once
// (each with its own DecodedColumn).
#ifndef ENTENTE_STORE_SEGMENT_READER_H_
#define ENTENTE_STORE_SEGMENT_READER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "store/actor_cube.h"
#include "store/coding.h"
#include "store/column_codec.h"
#include "store/file_util.h"
#include "store/period_cube.h"
#include "store/segment_format.h"

namespace entente::store {

class SegmentReader {
 public:
  static Result<std::unique_ptr<SegmentReader>> Open(Env* env, const std::string& path);

  const std::string& path() const { return file_->path(); }
  uint32_t version() const { return version_; }
  uint64_t rows() const { return rows_; }
  uint64_t file_bytes() const { return file_->data().size(); }
  // The file's last kSegmentTrailerSize bytes (the meta's place, size and checksum): with the
  // path, they tell one segment file from another written under the same name.
  std::string_view trailer() const {
    std::string_view d = file_->data();
    return d.substr(d.size() - kSegmentTrailerSize);
  }
  Days min_date() const { return min_date_; }
  Days max_date() const { return max_date_; }
  size_t dyad_count() const { return dyad_count_; }
  // Whether the segment has a period cube (version 2 on).
  bool has_cube() const { return version_ >= 2; }

  Result<const std::vector<BlockMeta>*> Blocks() const;
  // Decodes the dictionaries of `columns` (kDict columns); then dict(c) is valid for each.
  Status NeedDicts(std::initializer_list<int> columns) const;
  Status NeedAllDicts() const;
  // REQUIRES: NeedDicts() of `column` returned OK. Views live as long as the reader.
  const std::vector<std::string_view>& dict(int column) const { return dicts_[column]; }
  // The cube; null for a version 1 segment (which has none).
  Result<const PeriodCube*> Cube() const;
  // Rows per dataset, by name (version 3; empty for older versions, whose rows must be read).
  const std::vector<std::pair<std::string_view, uint64_t>>& dataset_rows() const {
    return dataset_rows_;
  }
  // Whether the segment has an actor cube (version 3 on).
  bool has_actor_cube() const { return version_ >= 3; }
  // The actor cube's cells of `tag` (actor_cube.h), by month; null when no event has it.
  // REQUIRES: has_actor_cube().
  Result<const std::vector<CubeCell>*> ActorCells(std::string_view tag) const;
  // The directory entries a dyad filter with two 3-letter patterns a, b can match: the entry
  // keyed (a, b) (one page decoded) and every impure entry whose tags hold both (see DyadEntry),
  // in row order. Pointers live as long as the reader.
  Result<std::vector<const DyadEntry*>> DyadCandidates(std::string_view a,
                                                       std::string_view b) const;
  // Every entry, in row order (decodes the whole directory).
  Result<std::vector<const DyadEntry*>> AllDyads() const;

  // Decodes `column` of block `block` into `out`. REQUIRES: Blocks() returned OK.
  Status ReadColumn(size_t block, int column, DecodedColumn* out) const;
  // A hint that block `block` will not be read again soon (MappedFile::Release): a pass over
  // every block, such as a merge, then keeps only the blocks it is reading resident.
  // REQUIRES: Blocks() returned OK.
  void ReleaseBlock(size_t block) const;
  // The same for every block: a query done with this segment. REQUIRES: Blocks() returned OK.
  void ReleaseBlocks() const;
  // Makes the two calls above do nothing: for a long-lived reader that reads the same blocks
  // again and again (`serve`), where faulting them back in would cost more than their pages.
  // REQUIRES: called before the reader is shared between threads.
  void KeepBlocksResident() { keep_blocks_ = true; }
  // Calls `visit` with the segment's dedupe keys in ascending order; streams (constant memory).
  Status ForEachKey(const std::function<void(uint64_t)>& visit) const;
  // Where the keys are, so that ForEachKeyIn can read them later without keeping the reader.
  const BlobRef& keys_ref() const { return keys_; }
  // The same as ForEachKey for the segment at `path` whose keys frame is `keys` (`rows` keys),
  // read with pread into a buffer that is freed on return: an ingest checks the keys of every
  // segment it wrote so far this way in constant memory.
  static Status ForEachKeyIn(Env* env, const std::string& path, const BlobRef& keys, uint64_t rows,
                             const std::function<void(uint64_t)>& visit);
  // Reads and checks every part and every blob (for `info --check`).
  Status Verify() const;

 private:
  // Widens [*begin, *end) to hold the stored frames of block `block`.
  void BlockSpan(size_t block, uint64_t* begin, uint64_t* end) const;
  // A part decoded on first use: `loaded` is set (release) after `status` is final.
  struct PartState {
    std::atomic<bool> loaded{false};
    Status status;
  };
  struct Page {
    std::string raw;  // entries' views point here (version 3)
    std::vector<DyadEntry> entries;
    std::vector<std::string_view> tags;  // the entries' tags
  };

  SegmentReader() = default;
  Status ParseTrailer(BlobRef* meta);
  Status ParseMetaHead(Decoder* d);
  static Status CheckColumnKind(Decoder* d, int c);
  Status ParseWholeMeta();  // versions 1 and 2
  Status ParseFooter();     // version 3
  // `block` < 0 means the keys frame (for messages).
  Status ReadBlob(const BlobRef& ref, std::string* out, int64_t block, int column) const;
  // Reads, checks and decompresses a part; `what` names it in errors.
  Status ReadPart(const BlobRef& ref, std::string_view what, std::string* out) const;
  template <class Decode>
  Status LoadOnce(PartState& state, Decode&& decode) const;
  Status LoadPage(size_t page) const;
  Status LoadImpure() const;

  std::unique_ptr<MappedFile> file_;
  bool keep_blocks_ = false;  // see KeepBlocksResident()
  std::string meta_raw_;      // the decompressed meta (v1/v2) or footer (v3); views point here
  uint32_t version_ = 0;
  uint64_t rows_ = 0;
  Days min_date_ = 0, max_date_ = 0;
  BlobRef keys_;

  mutable std::mutex mu_;  // held while a part is decoded
  mutable PartState blocks_state_;
  BlobRef blocks_ref_;
  mutable std::vector<BlockMeta> blocks_;
  mutable std::string blocks_raw_;  // the decompressed index (version 3)
  // Where the column refs are read: blocks_raw_, or meta_raw_ for versions 1 and 2 (whose index
  // is part of the meta); block_frames_at_[b] is where block b's refs begin in it.
  mutable std::string_view blocks_base_;
  mutable std::vector<uint32_t> block_frames_at_;

  mutable PartState dict_state_[kNumColumns];
  BlobRef dict_ref_[kNumColumns];
  uint64_t dict_count_[kNumColumns] = {};
  mutable std::string dict_raw_[kNumColumns];
  mutable std::vector<std::string_view> dicts_[kNumColumns];

  size_t dyad_count_ = 0;
  size_t page_entries_ = kDyadPageEntries;  // every page but the last (v1/v2: one page)
  std::vector<std::pair<std::string_view, std::string_view>> page_first_;
  std::vector<BlobRef> page_refs_;
  mutable std::unique_ptr<PartState[]> page_state_;
  mutable std::vector<std::unique_ptr<Page>> pages_;

  // Indexes of the entries that are not pure, ascending, under each of their tags: a dyad lookup
  // intersects two lists instead of comparing the tags of every impure entry.
  mutable PartState impure_state_;
  BlobRef impure_ref_;
  mutable std::string impure_raw_;
  // Each tag's list stays encoded in impure_raw_ until a lookup asks for it: a segment of 2M
  // rows has ~1,000 tags, and a query needs two.
  struct ImpureList {
    std::string_view tag;
    uint32_t at = 0;  // where its delta-coded entry indexes begin in impure_raw_
    uint32_t n = 0;
  };
  mutable std::vector<ImpureList> impure_lists_;  // sorted by tag
  Status ParseImpure() const;
  // The impure entries under `tag`, ascending (empty when none).
  Result<std::vector<uint32_t>> ImpureEntries(std::string_view tag) const;

  std::vector<std::pair<std::string_view, uint64_t>> dataset_rows_;
  std::vector<std::string_view> actor_first_;
  std::vector<BlobRef> actor_refs_;
  mutable std::unique_ptr<PartState[]> actor_state_;
  mutable std::vector<std::unique_ptr<ActorCubePage>> actor_pages_;
  mutable std::unordered_map<std::string, std::vector<CubeCell>> actor_cells_;  // decoded tags

  mutable PartState cube_state_;
  BlobRef cube_ref_;
  mutable std::string cube_raw_;
  mutable PeriodCube cube_;
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_SEGMENT_READER_H_
