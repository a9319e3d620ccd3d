// The dedupe keys an ingest has already accepted, in memory: an exact set of 64-bit keys
// (EventKeyHash values, i.e. uniformly spread), cut into 4096 buckets by their top 12 bits, each
// bucket sorted.
//
// Why: checking a run's keys by decoding the keys frame of every segment the ingest had written
// before (and every segment of the store) from disk makes the work grow with the square of the
// number of segments: ~10% of ingest CPU at 5M rows (26 segments), more at 10M. Here a run of n
// keys costs n short binary searches inside small buckets, and adding it n appends plus a merge
// per bucket.
//
// Thread safety: none; the Ingester guards it with its mutex.
#ifndef ENTENTE_STORE_KEY_SET_H_
#define ENTENTE_STORE_KEY_SET_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace entente::store {

class KeySet {
 public:
  KeySet() : buckets_(kBuckets) {}

  // Calls hit(i) for every i such that keys[i] is in the set. REQUIRES: keys ascending.
  template <class Key, class Hit>
  void ForEachHit(const std::vector<Key>& keys, Hit&& hit) const {
    size_t i = 0;
    while (i < keys.size()) {
      size_t bucket = Bucket(KeyOf(keys[i]));
      const std::vector<uint64_t>& b = buckets_[bucket];
      auto it = b.begin();
      for (; i < keys.size() && Bucket(KeyOf(keys[i])) == bucket; ++i) {
        uint64_t k = KeyOf(keys[i]);
        it = std::lower_bound(it, b.end(), k);
        if (it == b.end()) {
          while (i + 1 < keys.size() && Bucket(KeyOf(keys[i + 1])) == bucket) ++i;
          continue;
        }
        if (*it == k) hit(i);
      }
    }
  }

  // Adds keys (ascending; not already in the set).
  template <class Key>
  void Insert(const std::vector<Key>& keys) {
    size_t i = 0;
    while (i < keys.size()) {
      size_t bucket = Bucket(KeyOf(keys[i]));
      std::vector<uint64_t>& b = buckets_[bucket];
      size_t old = b.size();
      size_t cap = b.capacity();
      for (; i < keys.size() && Bucket(KeyOf(keys[i])) == bucket; ++i) b.push_back(KeyOf(keys[i]));
      std::inplace_merge(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(old), b.end());
      bytes_ += (b.capacity() - cap) * sizeof(uint64_t);
    }
  }

  // Memory held (bucket capacities).
  size_t bytes() const { return bytes_ + kBuckets * sizeof(std::vector<uint64_t>); }

 private:
  static constexpr int kBits = 12;
  static constexpr size_t kBuckets = size_t{1} << kBits;
  static size_t Bucket(uint64_t k) { return static_cast<size_t>(k >> (64 - kBits)); }
  static uint64_t KeyOf(uint64_t k) { return k; }
  template <class P>
  static uint64_t KeyOf(const P& p) {
    return p.first;
  }

  std::vector<std::vector<uint64_t>> buckets_;
  size_t bytes_ = 0;
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_KEY_SET_H_
