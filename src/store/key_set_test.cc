#include "store/key_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <utility>
#include <vector>

namespace entente::store {
namespace {

// Keys are hashes: uniformly spread, so some buckets get many and most few. Batches are inserted
// as ingest runs are (ascending, new keys only) and every query is checked against std::set.
TEST(KeySetTest, AnswersAsASetWouldOverManyBatches) {
  std::mt19937_64 rng(7);
  KeySet set;
  std::set<uint64_t> truth;
  for (int batch = 0; batch < 40; ++batch) {
    std::vector<uint64_t> query;
    for (int i = 0; i < 2000; ++i) query.push_back(rng() >> (batch % 3 == 0 ? 20 : 0));
    for (uint64_t k : truth) {
      if (rng() % 50 == 0) query.push_back(k);  // some keys already held
    }
    std::sort(query.begin(), query.end());
    query.erase(std::unique(query.begin(), query.end()), query.end());

    std::vector<size_t> hits;
    set.ForEachHit(query, [&](size_t i) { hits.push_back(i); });
    std::vector<size_t> want;
    std::vector<uint64_t> fresh;
    for (size_t i = 0; i < query.size(); ++i) {
      if (truth.count(query[i])) {
        want.push_back(i);
      } else {
        fresh.push_back(query[i]);
      }
    }
    ASSERT_EQ(hits, want) << "batch " << batch;
    set.Insert(fresh);
    truth.insert(fresh.begin(), fresh.end());
  }
  EXPECT_GE(set.bytes(), truth.size() * sizeof(uint64_t));  // every key held is counted
}

// Keys may travel with a payload (key, row) as the ingester's do; only the key counts.
TEST(KeySetTest, TakesKeyRowPairs) {
  KeySet set;
  set.Insert(std::vector<std::pair<uint64_t, uint32_t>>{{5, 0}, {1ull << 63, 1}});
  std::vector<std::pair<uint64_t, uint32_t>> query = {{4, 9}, {5, 8}, {(1ull << 63) + 1, 7}};
  std::vector<size_t> hits;
  set.ForEachHit(query, [&](size_t i) { hits.push_back(i); });
  EXPECT_EQ(hits, (std::vector<size_t>{1}));
}

}  // namespace
}  // namespace entente::store
