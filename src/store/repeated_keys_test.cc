#include "store/repeated_keys.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "store/file_util.h"
#include "store/segment_reader.h"
#include "store/segment_writer.h"
#include "testing.h"

namespace entente::store {
namespace {

// A one-dyad segment at dir/name whose dedupe keys are `keys`.
KeySource WriteKeys(const std::string& dir, const std::string& name,
                    const std::vector<uint64_t>& keys, uint32_t order) {
  const std::string path = dir + "/" + name;
  auto w = SegmentWriter::Create(Env::Default(), path);
  EXPECT_TRUE(w.ok());
  for (uint64_t k : keys) {
    std::string id = std::to_string(k);
    EventRow e;
    e.dataset = "test";
    e.id = id;
    e.date = 19000;
    e.source.country = "AAA";
    e.target.country = "BBB";
    EXPECT_TRUE((*w)->Add(e, "AAA", "BBB", false, k).ok());
  }
  SegmentSummary summary;
  EXPECT_TRUE((*w)->Finish(&summary).ok());
  auto r = SegmentReader::Open(Env::Default(), path);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return KeySource{path, (*r)->keys_ref(), (*r)->rows(), order};
}

// Keys spread over the whole 64-bit range (as EventKeyHash values are), so that a small memory
// budget cuts them into several partitions; sources share some on purpose.
TEST(RepeatedKeysTest, KeepsTheFirstCopyOfEachKeyInEveryPartition) {
  testing::TempDir dir;
  std::mt19937_64 rng(5);
  std::vector<uint64_t> pool(6000);
  for (uint64_t& k : pool) k = rng();
  const uint32_t orders[] = {0, 0, 3, 5, 9};
  std::vector<KeySource> sources;
  std::map<uint64_t, std::vector<uint32_t>> holders;  // key -> orders of its sources
  std::set<uint64_t> in_order_zero;
  for (size_t s = 0; s < std::size(orders); ++s) {
    std::set<uint64_t> keys;
    while (keys.size() < 1500) {
      uint64_t k = pool[rng() % pool.size()];
      // The two sources of order 0 (a store's segments) never share a key.
      if (orders[s] == 0 && in_order_zero.count(k)) continue;
      keys.insert(k);
    }
    for (uint64_t k : keys) {
      holders[k].push_back(orders[s]);
      if (orders[s] == 0) in_order_zero.insert(k);
    }
    sources.push_back(WriteKeys(dir.path(), "seg-" + std::to_string(s) + ".ens",
                                std::vector<uint64_t>(keys.begin(), keys.end()), orders[s]));
  }
  std::map<uint32_t, std::vector<uint64_t>> want;
  for (auto& [k, held] : holders) {
    std::sort(held.begin(), held.end());
    for (size_t i = 1; i < held.size(); ++i) want[held[i]].push_back(k);
  }
  ASSERT_FALSE(want.empty());

  auto got =
      FindRepeatedKeys(Env::Default(), dir.path(), sources, 16 << 10);  // ~1,000 keys a partition
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, want);
  auto names = Env::Default()->ListDir(dir.path());
  ASSERT_TRUE(names.ok());
  for (const std::string& n : *names) EXPECT_FALSE(n.ends_with(".tmp")) << n;
}

TEST(RepeatedKeysTest, DamagedKeysAreAnErrorNamingTheFile) {
  testing::TempDir dir;
  KeySource s = WriteKeys(dir.path(), "seg-1.ens", {1, 2, 3}, 1);
  s.keys.crc ^= 1;
  auto got = FindRepeatedKeys(Env::Default(), dir.path(), {s}, 1 << 20);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("seg-1.ens"), std::string::npos) << got.status().ToString();
}

}  // namespace
}  // namespace entente::store
