#include "coder/trie.h"

namespace entente::coder {
namespace {

inline uint64_t Key(uint32_t node, uint32_t id) { return ((uint64_t(node) << 32) | id) + 1; }
inline size_t HashKey(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  return size_t(k);
}

}  // namespace

TokenTrie::TokenTrie() : table_(1024), payloads_(1) {}

void TokenTrie::Grow() {
  std::vector<Slot> old;
  old.swap(table_);
  table_.assign(old.size() * 2, Slot());
  size_t mask = table_.size() - 1;
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    size_t h = HashKey(s.key) & mask;
    while (table_[h].key != 0) h = (h + 1) & mask;
    table_[h] = s;
  }
}

uint32_t TokenTrie::Child(uint32_t node, uint32_t id) const {
  uint64_t k = Key(node, id);
  size_t mask = table_.size() - 1;
  size_t h = HashKey(k) & mask;
  while (true) {
    const Slot& s = table_[h];
    if (s.key == k) return s.child;
    if (s.key == 0) return 0;
    h = (h + 1) & mask;
  }
}

uint32_t TokenTrie::Insert(const uint32_t* ids, size_t n) {
  uint32_t node = 0;
  for (size_t i = 0; i < n; ++i) {
    uint32_t next = Child(node, ids[i]);
    if (next == 0) {
      if ((used_ + 1) * 2 > table_.size()) Grow();
      next = uint32_t(payloads_.size());
      payloads_.emplace_back();
      uint64_t k = Key(node, ids[i]);
      size_t mask = table_.size() - 1;
      size_t h = HashKey(k) & mask;
      while (table_[h].key != 0) h = (h + 1) & mask;
      table_[h] = Slot{k, next};
      ++used_;
    }
    node = next;
  }
  return node;
}

void TokenTrie::AddPayload(uint32_t node, uint32_t payload) {
  for (uint32_t p : payloads_[node]) {
    if (p == payload) return;
  }
  payloads_[node].push_back(payload);
}

size_t TokenTrie::LongestMatch(const uint32_t* ids, size_t n, uint32_t* node) const {
  size_t best = 0;
  uint32_t cur = 0;
  for (size_t i = 0; i < n; ++i) {
    if (ids[i] == 0) break;
    cur = Child(cur, ids[i]);
    if (cur == 0) break;
    if (!payloads_[cur].empty()) {
      best = i + 1;
      *node = cur;
    }
  }
  return best;
}

}  // namespace entente::coder
