// Dictionary ids for a column's strings while a segment is written: the first string seen gets
// id 0, the next new one 1, and so on.
//
// Why not std::unordered_map<std::string, uint32_t>: ingest interns ~30 dictionary columns of
// every row, and the node map's prime-modulo bucket and pointer chase per lookup were ~10% of
// ingest CPU. This is a flat open-addressing table (power-of-two size, linear probing) of
// (hash, id) pairs; the strings themselves sit in one growing arena. The hash is inline (most
// dictionary values are a few bytes: a call to std::hash's out-of-line murmur cost more than it).
//
// Thread safety: one interner per column per writer; not shared.
#ifndef ENTENTE_STORE_STRING_INTERNER_H_
#define ENTENTE_STORE_STRING_INTERNER_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace entente::store {

class StringInterner {
 public:
  StringInterner() : slots_(kInitialSlots) {}

  uint32_t Id(std::string_view s) {
    uint64_t h = Hash(s);
    uint32_t tag = static_cast<uint32_t>(h >> 32);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.id == kEmpty) return Insert(s, h);
      if (slot.tag == tag && Same(value(slot.id), s)) return slot.id;
    }
  }

  size_t size() const { return spans_.size(); }
  std::string_view value(uint32_t id) const {
    return std::string_view(bytes_.data() + spans_[id].offset, spans_[id].length);
  }
  // Forgets every string (keeps the memory for the next use).
  void Clear() {
    slots_.assign(kInitialSlots, Slot{});
    bytes_.clear();
    spans_.clear();
    hashes_.clear();
  }
  // Bytes held for the strings (not counting the table).
  size_t bytes() const { return bytes_.size() + spans_.size() * (sizeof(Span) + 8); }

  // a == b, inline for the short strings dictionaries hold (a libc memcmp call per lookup was
  // ~5% of ingest CPU).
  static bool Same(std::string_view a, std::string_view b) {
    size_t n = a.size();
    if (n != b.size()) return false;
    const char *p = a.data(), *q = b.data();
    if (n >= 8) {
      if (n > 16) return std::memcmp(p, q, n) == 0;
      uint64_t x0, y0, x1, y1;  // two 8-byte words, overlapping when n < 16
      std::memcpy(&x0, p, 8);
      std::memcpy(&y0, q, 8);
      std::memcpy(&x1, p + n - 8, 8);
      std::memcpy(&y1, q + n - 8, 8);
      return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    if (n >= 4) {
      uint32_t x0, y0, x1, y1;
      std::memcpy(&x0, p, 4);
      std::memcpy(&y0, q, 4);
      std::memcpy(&x1, p + n - 4, 4);
      std::memcpy(&y1, q + n - 4, 4);
      return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    for (size_t i = 0; i < n; ++i) {
      if (p[i] != q[i]) return false;
    }
    return true;
  }

  // 64-bit hash of a short string: 8-byte words, multiply-xorshift mixed (wyhash-like).
  static uint64_t Hash(std::string_view s) {
    constexpr uint64_t kMul = 0x9e3779b97f4a7c15ull;
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = n * kMul;
    while (n >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = Mix(h ^ w);
      p += 8;
      n -= 8;
    }
    if (n > 0) {
      uint64_t w = 0;
      std::memcpy(&w, p, n);
      h = Mix(h ^ w ^ (uint64_t{n} << 59));
    }
    return Mix(h ^ (h >> 29));
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static constexpr size_t kInitialSlots = 64;
  static uint64_t Mix(uint64_t x) {
    __uint128_t m = static_cast<__uint128_t>(x) * 0xbf58476d1ce4e5b9ull;
    return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
  }
  struct Span {
    uint64_t offset;
    uint32_t length;
  };
  struct Slot {
    uint32_t tag = 0;  // high half of the hash: most mismatches end here
    uint32_t id = kEmpty;
  };

  uint32_t Insert(std::string_view s, uint64_t h) {
    uint32_t id = static_cast<uint32_t>(spans_.size());
    spans_.push_back(Span{bytes_.size(), static_cast<uint32_t>(s.size())});
    bytes_.append(s);
    hashes_.push_back(h);
    if (2 * spans_.size() > slots_.size()) {
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
  std::string bytes_;             // every distinct string, back to back
  std::vector<Span> spans_;       // by id
  std::vector<uint64_t> hashes_;  // by id, for rehashing
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_STRING_INTERNER_H_
