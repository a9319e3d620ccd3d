// A run: rows one ingest worker has parsed, held compactly until the run is full, then sorted by
// (dyad, date), deduplicated within itself and written as one segment. Runs bound ingest memory:
// a worker never holds more than config::kRunBytes, whatever the input size.
//
// Each row is a fixed-size PackedRow (packed_row.h): dictionary columns are interned into the
// run's dictionaries as the row arrives, the plain strings go to an arena, numbers stay numbers.
// The segment writer then maps run dictionary ids to its own through arrays (AddPacked).
//
// Thread safety: one RunBuilder per worker; not shared.
#ifndef ENTENTE_STORE_RUN_BUILDER_H_
#define ENTENTE_STORE_RUN_BUILDER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/event.h"
#include "store/packed_row.h"
#include "store/string_interner.h"

namespace entente::store {

class RunBuilder {
 public:
  struct Entry {
    uint64_t key = 0;       // EventKeyHash
    uint32_t row = 0;       // index of the PackedRow (input order)
    uint32_t a = 0, b = 0;  // dyad country ids (into dyad_string()), a's string <= b's
    Days date = 0;
    bool flipped = false;  // source is b
    bool duplicate = false;
  };

  // `expected_rows`: the most rows the run will get, when the caller knows (events already in
  // memory); the buffers are then reserved for that many rather than for a whole run.
  explicit RunBuilder(uint64_t expected_rows = UINT64_MAX);

  void Add(const EventRow& e);
  size_t bytes() const {
    return plain_.size() + rows_.size() * (sizeof(PackedRow) + sizeof(Entry)) + dict_bytes_;
  }
  size_t rows() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  // Sorts by (dyad, date) and marks rows whose key repeats an earlier row of the run.
  // Returns the number of duplicates marked.
  int64_t SortAndDedupe();
  // Keys of rows not marked duplicate, ascending, with their entry index. REQUIRES:
  // SortAndDedupe() was called; hands the list over (a second call returns nothing).
  std::vector<std::pair<uint64_t, uint32_t>> SortedKeys() { return std::move(sorted_keys_); }

  std::vector<Entry>& entries() { return entries_; }
  std::string_view dyad_string(uint32_t id) const { return dyads_.value(id); }
  const PackedRow& row(uint32_t i) const { return rows_[i]; }
  // The row's plain strings, back to back (PackedRow::plain_len says where each ends).
  const char* plain(const PackedRow& r) const { return plain_.data() + r.plain_offset; }
  // The run's dictionaries: dicts()[i] holds the values of column kDictColumns[i].
  // Id 0 is always "" in each.
  const StringInterner* const* dicts() const { return dict_ptrs_; }
  // Hints the CPU to load row `i` (rows are read in sorted order, i.e. scattered over memory),
  // then, once it is in cache, the row's plain strings: a writer calls PrefetchRow a few rows
  // ahead of PrefetchPlain, so that reading plain_offset does not itself wait on memory.
  void PrefetchRow(uint32_t i) const {
    const char* p = reinterpret_cast<const char*>(&rows_[i]);
    for (size_t line = 0; line < sizeof(PackedRow); line += 64) __builtin_prefetch(p + line);
  }
  void PrefetchPlain(uint32_t i) const {
    const PackedRow& r = rows_[i];
    const char* p = plain_.data() + r.plain_offset;
    uint32_t n = 0;
    for (uint32_t len : r.plain_len) n += len;
    for (uint32_t off = 0; off < n; off += 64) __builtin_prefetch(p + off);
  }
  void Clear();

 private:
  struct Dict {
    StringInterner strings;
    uint32_t last_id = 0;  // the last value's id: a repeat of it skips the hash
    bool has_last = false;
  };
  uint32_t Intern(int i, std::string_view v) {
    if (v.empty()) return 0;  // most actor attribute columns are empty in most rows
    Dict& d = dicts_[i];
    if (d.has_last && StringInterner::Same(d.strings.value(d.last_id), v)) return d.last_id;
    size_t before = d.strings.size();
    d.last_id = d.strings.Id(v);
    d.has_last = true;
    if (d.strings.size() != before) dict_bytes_ += v.size() + 32;
    return d.last_id;
  }

  uint64_t expected_rows_;
  std::vector<PackedRow> rows_;
  std::vector<Entry> entries_;
  std::string plain_;
  Dict dicts_[kNumDictColumns];
  const StringInterner* dict_ptrs_[kNumDictColumns];
  size_t dict_bytes_ = 0;
  StringInterner dyads_;
  std::vector<std::pair<uint64_t, uint32_t>> sorted_keys_;
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_RUN_BUILDER_H_
