// A run: rows one ingest worker has parsed, held compactly (each row serialized once into an
// arena, ~1.1x its text size) until the run is full, then sorted by (dyad, date), deduplicated
// within itself and written as one segment. Runs bound ingest memory: a worker never holds more
// than config::kRunBytes, whatever the input size.
//
// Thread safety: one RunBuilder per worker; not shared.
#ifndef ENTENTE_STORE_RUN_BUILDER_H_
#define ENTENTE_STORE_RUN_BUILDER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/event.h"

namespace entente::store {

class RunBuilder {
 public:
  struct Entry {
    uint32_t a = 0, b = 0;  // dyad country ids (into dyad_strings()), a's string <= b's
    Days date = 0;
    bool flipped = false;  // source is b
    bool duplicate = false;
    uint64_t key = 0;     // EventKeyHash
    uint64_t offset = 0;  // of the serialized row in the arena
  };

  void Add(const EventRow& e);
  size_t bytes() const { return arena_.size() + entries_.size() * sizeof(Entry); }
  size_t rows() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  // Sorts by (dyad, date) and marks rows whose key repeats an earlier row of the run.
  // Returns the number of duplicates marked.
  int64_t SortAndDedupe();
  // Keys of rows not marked duplicate, ascending, with their entry index.
  std::vector<std::pair<uint64_t, uint32_t>> SortedKeys() const;

  std::vector<Entry>& entries() { return entries_; }
  const std::string& dyad_string(uint32_t id) const { return *dyad_strings_[id]; }
  // The row at `offset`; views point into the arena (valid until Clear()).
  EventRow RowAt(uint64_t offset) const;
  // Hints the CPU to load the row at `offset` (rows are read in sorted order, i.e. scattered
  // over the arena: without this, RowAt's cache misses were the largest single cost of ingest).
  void PrefetchRow(uint64_t offset) const {
    const char* p = arena_.data() + offset;
    for (int line = 0; line < 4; ++line) __builtin_prefetch(p + 64 * line);
  }
  void Clear();

 private:
  uint32_t InternDyad(std::string_view s);
  std::string arena_;
  std::vector<Entry> entries_;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> dyad_ids_;
  std::vector<const std::string*> dyad_strings_;
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_RUN_BUILDER_H_
