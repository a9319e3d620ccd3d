// Writes one segment file from rows that arrive sorted by (dyad, date). Streaming: only the
// current block (kBlockRows rows), the dictionaries and the keys are in memory, so a merge of
// many segments writes one big segment in constant memory per column.
//
// Not crash-safe by itself: the file is complete only after Finish() (which fsyncs); the store
// puts it in the manifest after that, and removes files the manifest does not name.
#ifndef ENTENTE_STORE_SEGMENT_WRITER_H_
#define ENTENTE_STORE_SEGMENT_WRITER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/event.h"
#include "core/status.h"
#include "store/actor_cube.h"
#include "store/column_codec.h"
#include "store/file_util.h"
#include "store/packed_row.h"
#include "store/period_cube.h"
#include "store/segment_format.h"
#include "store/string_interner.h"

namespace entente::store {

struct SegmentSummary {
  std::string path;
  uint64_t rows = 0;
  uint64_t bytes = 0;
  Days min_date = 0, max_date = 0;
};

class SegmentWriter {
 public:
  static Result<std::unique_ptr<SegmentWriter>> Create(Env* env, const std::string& path);
  ~SegmentWriter();

  // REQUIRES: (dyad_a, dyad_b, e.date) >= that of the previous row; dyad_a <= dyad_b are the
  // DyadCountry values of the two sides; `flipped` says the source is dyad_b. `key` is
  // EventKeyHash(e), unique within the segment.
  Status Add(const EventRow& e, std::string_view dyad_a, std::string_view dyad_b, bool flipped,
             uint64_t key);

  // The same for a row whose dictionary columns are ids into `dicts` (dicts[i] holds column
  // kDictColumns[i]; set once before the first AddPacked, they must outlive the writer's use) and
  // whose plain strings are at `plain`, back to back. Each distinct source id is interned once;
  // after that a row's ids are mapped through arrays. Writes the same bytes as Add would.
  void SetSourceDicts(const StringInterner* const* dicts);
  Status AddPacked(const PackedRow& r, const char* plain, std::string_view dyad_a,
                   std::string_view dyad_b, bool flipped);
  // The keys of every row added, ascending (saves Finish a sort). Use with AddPacked, which
  // takes no key.
  void SetSortedKeys(std::vector<uint64_t> keys) {
    keys_ = std::move(keys);
    keys_sorted_ = true;
  }
  // Writes the rest, fsyncs and closes. The writer is done after this.
  Status Finish(SegmentSummary* summary);
  uint64_t rows() const { return rows_; }

 private:
  struct Dict {
    StringInterner strings;
    uint32_t last_id = 0;  // the last value's id: a repeat of it skips the hash
    bool has_last = false;
  };
  explicit SegmentWriter(std::unique_ptr<WritableFile> file);
  uint32_t Intern(int column, std::string_view v);
  Status FlushBlock();
  // Compresses `raw` into a checksummed frame appended to the file (a part of the meta).
  Result<BlobRef> WritePart(std::string_view raw);
  Status WriteDyadDirectory(std::string* footer);
  void CloseDyad();
  void OpenDyadFor(std::string_view a, std::string_view b, Days date);
  Status EndRow(Days date);

  std::unique_ptr<WritableFile> file_;
  Dict dicts_[kNumColumns];
  ColumnValues block_[kNumColumns];
  std::vector<BlockRecord> blocks_;
  uint64_t rows_ = 0;
  uint32_t block_rows_ = 0;
  Days block_min_ = 0, block_max_ = 0;
  Days min_date_ = 0, max_date_ = 0;
  std::vector<uint64_t> keys_;
  bool keys_sorted_ = false;

  // AddPacked: the source dictionaries, each source id's segment id (kUnmapped until first
  // seen), and per source id of the four actor code/country columns the serial of the last dyad
  // whose tags it was added to.
  static constexpr uint32_t kUnmapped = UINT32_MAX;
  const StringInterner* const* source_ = nullptr;
  std::vector<uint32_t> remap_[kNumDictColumns];
  std::vector<uint32_t> tag_seen_[4];
  uint32_t dyad_serial_ = 0;

  struct OpenDyad {
    std::string a, b;
    uint64_t first_row = 0;
    Days min_date = 0, max_date = 0;
    bool pure = true;
    std::vector<std::string> tags;
  };
  bool has_dyad_ = false;
  OpenDyad dyad_;
  std::vector<OpenDyad> dyads_;
  std::vector<uint64_t> dyad_rows_;
  CubeBuilder cube_;
  // The actor cube, and per segment dictionary id of the four actor code/country columns its tag
  // id (kUnmapped until first seen).
  ActorCubeBuilder actor_cube_;
  std::vector<uint32_t> actor_tag_[4];
  std::vector<uint64_t> dataset_rows_;  // rows per dataset dictionary id
  void AddActorCube(Days date, int8_t quad, int32_t mentions, int32_t articles, float goldstein);
  std::string raw_, packed_;  // scratch
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_SEGMENT_WRITER_H_
