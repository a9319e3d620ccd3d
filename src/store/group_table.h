// The group sums of one aggregate: a flat open-addressing hash table from a group key (period,
// dyad id, root id) to its sums, kept in one array in first-seen order.
//
// Why not std::unordered_map: rows come sorted by dyad and date, so when grouping by root the key
// changes on almost every row, and a node-based map (even with a small cache of recent groups in
// front) is a hot spot of the per-row loop, itself the largest share of a full-scan aggregate.
// Here a lookup is one hash and usually one probe in a table of 16-byte slots that stays in L1
// for the few thousand groups of a typical aggregate.
//
// Thread safety: one table per thread.
#ifndef ENTENTE_STORE_GROUP_TABLE_H_
#define ENTENTE_STORE_GROUP_TABLE_H_

#include <cstdint>
#include <vector>

#include "core/date.h"
#include "core/event_source.h"

namespace entente::store {

struct GroupKey {
  Days period = 0;
  uint32_t dyad = 0;
  uint32_t root = 0;
  bool operator==(const GroupKey& o) const {
    return period == o.period && dyad == o.dyad && root == o.root;
  }
};

struct GroupSums {
  int64_t events = 0;
  double weight = 0, quad[4] = {}, gsum = 0, gweight = 0;

  // Copies the sums into `row` (its period, dyad and root are the caller's).
  void CopyTo(AggregateRow* row) const {
    row->events = events;
    row->weight = weight;
    for (int k = 0; k < 4; ++k) row->quad[k] = quad[k];
    row->goldstein_sum = gsum;
    row->goldstein_weight = gweight;
  }
};

class GroupTable {
 public:
  GroupTable() : slots_(kInitialSlots) {}

  // The sums of `key`, created zero on first use. The reference is valid until the next call.
  GroupSums& Get(const GroupKey& key) {
    size_t mask = slots_.size() - 1;
    size_t i = Hash(key) & mask;
    while (slots_[i].index != kEmpty) {
      if (slots_[i].key == key) return sums_[slots_[i].index];
      i = (i + 1) & mask;
    }
    return Insert(key);
  }

  size_t size() const { return keys_.size(); }
  const GroupKey& key(size_t i) const { return keys_[i]; }
  const GroupSums& sums(size_t i) const { return sums_[i]; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static constexpr size_t kInitialSlots = 1024;
  struct Slot {
    GroupKey key;
    uint32_t index = kEmpty;
  };
  static size_t Hash(const GroupKey& k) {
    uint64_t h = static_cast<uint32_t>(k.period) * 0x9E3779B97F4A7C15ull;
    h ^= (static_cast<uint64_t>(k.dyad) << 20 ^ k.root) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<size_t>(h ^ (h >> 31));
  }
  // Out of line: taken once per group, not once per row.
  [[gnu::noinline]] GroupSums& Insert(const GroupKey& key) {
    if (2 * (keys_.size() + 1) > slots_.size()) Grow();
    size_t mask = slots_.size() - 1;
    size_t i = Hash(key) & mask;
    while (slots_[i].index != kEmpty) i = (i + 1) & mask;
    slots_[i].key = key;
    slots_[i].index = static_cast<uint32_t>(keys_.size());
    keys_.push_back(key);
    sums_.emplace_back();
    return sums_.back();
  }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.index == kEmpty) continue;
      size_t i = Hash(s.key) & mask;
      while (slots_[i].index != kEmpty) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::vector<GroupKey> keys_;
  std::vector<GroupSums> sums_;
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_GROUP_TABLE_H_
