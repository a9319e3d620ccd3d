// Dictionary ids for a column's strings while a segment is written: the first string seen gets
// id 0, the next new one 1, and so on.
//
// Why not std::unordered_map<std::string, uint32_t>: ingest interns ~30 dictionary columns of
// every row, and the node map's prime-modulo bucket and pointer chase per lookup were ~10% of
// ingest CPU. This is a flat open-addressing table (power-of-two size, linear probing) of
// (hash, id) pairs; the strings themselves sit in one growing arena.
//
// Thread safety: one interner per column per writer; not shared.
#ifndef ENTENTE_STORE_STRING_INTERNER_H_
#define ENTENTE_STORE_STRING_INTERNER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace entente::store {

class StringInterner {
 public:
  StringInterner() : slots_(kInitialSlots) {}

  uint32_t Id(std::string_view s) {
    uint64_t h = std::hash<std::string_view>{}(s);
    uint32_t tag = static_cast<uint32_t>(h >> 32);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.id == kEmpty) return Insert(s, h);
      if (slot.tag == tag && value(slot.id) == s) return slot.id;
    }
  }

  size_t size() const { return offsets_.size(); }
  std::string_view value(uint32_t id) const {
    return std::string_view(bytes_).substr(offsets_[id], lengths_[id]);
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static constexpr size_t kInitialSlots = 64;
  struct Slot {
    uint32_t tag = 0;  // high half of the hash: most mismatches end here
    uint32_t id = kEmpty;
  };

  uint32_t Insert(std::string_view s, uint64_t h) {
    uint32_t id = static_cast<uint32_t>(offsets_.size());
    offsets_.push_back(bytes_.size());
    lengths_.push_back(static_cast<uint32_t>(s.size()));
    bytes_.append(s);
    hashes_.push_back(h);
    if (2 * offsets_.size() > slots_.size()) {
      Rehash(slots_.size() * 2);
    } else {
      Place(h, id);
    }
    return id;
  }
  void Place(uint64_t h, uint32_t id) {
    size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].id != kEmpty) i = (i + 1) & mask;
    slots_[i] = Slot{static_cast<uint32_t>(h >> 32), id};
  }
  void Rehash(size_t n) {
    slots_.assign(n, Slot{});
    for (uint32_t id = 0; id < hashes_.size(); ++id) Place(hashes_[id], id);
  }

  std::vector<Slot> slots_;
  std::string bytes_;  // every distinct string, back to back
  std::vector<uint64_t> offsets_;
  std::vector<uint32_t> lengths_;
  std::vector<uint64_t> hashes_;  // by id, for rehashing
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_STRING_INTERNER_H_
