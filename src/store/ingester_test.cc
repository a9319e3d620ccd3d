// The Ingester on its own: dedupe within and across runs, with the keys in memory or only on disk,
// and the deferred check at Commit that rewrites runs without the repeats it finds.
#include "store/ingester.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "store/env.h"
#include "store/manifest.h"
#include "store/segment_reader.h"
#include "store/store.h"
#include "store/store_config.h"
#include "store/test_events.h"
#include "testing.h"

namespace entente::store {
namespace {

// Readers of the segments `m` names, in its order.
void OpenSegments(const std::string& dir, const Manifest& m,
                  std::vector<std::unique_ptr<SegmentReader>>* readers) {
  for (const SegmentInfo& s : m.segments) {
    auto r = SegmentReader::Open(Env::Default(), dir + "/" + s.name);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    readers->push_back(std::move(r).value());
  }
}

std::vector<const SegmentReader*> Pointers(const std::vector<std::unique_ptr<SegmentReader>>& v) {
  std::vector<const SegmentReader*> out;
  for (const auto& r : v) out.push_back(r.get());
  return out;
}

TEST(IngesterTest, DedupeKeysInMemoryOrOnDisk) {
  std::vector<Event> events = RandomEvents(6000, 7);
  const int64_t unique = static_cast<int64_t>(Unique(events).size());  // random keys may repeat
  for (size_t budget : {size_t{0}, config::kDedupeKeyBytes}) {
    testing::TempDir dir;
    Manifest committed;
    {
      Ingester ing(Env::Default(), dir.path(), Manifest{}, {}, 2, budget);
      // Worker 0: the first 4000; worker 1: rows 3000-5999, so 1000 repeat across the runs.
      for (size_t i = 0; i < 4000; ++i) ASSERT_TRUE(ing.Add(0, ViewOf(events[i])));
      for (size_t i = 3000; i < 6000; ++i) ASSERT_TRUE(ing.Add(1, ViewOf(events[i])));
      IngestCounts counts;
      ASSERT_TRUE(ing.Commit(&counts, &committed).ok());
      EXPECT_EQ(counts.rows, 7000);
      EXPECT_EQ(counts.stored, unique);
      EXPECT_EQ(counts.duplicates, 7000 - unique);
    }
    ASSERT_EQ(committed.segments.size(), 2u);
    std::vector<std::unique_ptr<SegmentReader>> readers;
    ASSERT_NO_FATAL_FAILURE(OpenSegments(dir.path(), committed, &readers));
    std::vector<const SegmentReader*> existing = Pointers(readers);
    Ingester again(Env::Default(), dir.path(), committed, existing, 2, budget);
    for (size_t i = 0; i < 3000; ++i) ASSERT_TRUE(again.Add(0, ViewOf(events[i])));
    for (size_t i = 3000; i < 6000; ++i) ASSERT_TRUE(again.Add(1, ViewOf(events[i])));
    IngestCounts counts;
    Manifest next;
    ASSERT_TRUE(again.Commit(&counts, &next).ok());
    EXPECT_EQ(counts.stored, 0);
    EXPECT_EQ(counts.duplicates, 6000);
    EXPECT_EQ(next.segments.size(), 2u);
  }
}

// Runs past config::kImmediateDiskChecks are checked against keys on disk only at Commit, and
// rewritten without their repeats: the same rows and counts as a check run by run.
TEST(IngesterTest, DeferredDiskCheckDropsRepeatsAtCommit) {
  std::vector<Event> events = RandomEvents(9000, 11);
  std::vector<Event> unique = Unique(events);
  constexpr int kWorkers = 8;
  static_assert(kWorkers > config::kImmediateDiskChecks + 2);
  // Worker w: rows [1000w, 1000w + 1500): 500 repeat in the next worker's run.
  auto feed = [&](Ingester* ing) {
    for (int w = 0; w < kWorkers; ++w) {
      for (size_t i = 1000 * size_t(w); i < 1000 * size_t(w) + 1500; ++i) {
        if (!ing->Add(w, ViewOf(events[i]))) return false;
      }
    }
    return true;
  };
  const int64_t fed = kWorkers * 1500;
  int64_t distinct = 0;
  {
    std::set<uint64_t> keys;
    for (size_t i = 0; i < 1000 * kWorkers + 500; ++i) keys.insert(EventKeyHash(ViewOf(events[i])));
    distinct = static_cast<int64_t>(keys.size());
  }
  testing::TempDir dir;
  Manifest committed;
  {
    Ingester ing(Env::Default(), dir.path(), Manifest{}, {}, kWorkers, 0);  // no key kept in memory
    ASSERT_TRUE(feed(&ing));
    IngestCounts counts;
    ASSERT_TRUE(ing.Commit(&counts, &committed).ok());
    EXPECT_EQ(counts.rows, fed);
    EXPECT_EQ(counts.stored, distinct);
    EXPECT_EQ(counts.duplicates, fed - distinct);
  }
  auto listed = Env::Default()->ListDir(dir.path());
  ASSERT_TRUE(listed.ok());
  for (const std::string& n : *listed) EXPECT_FALSE(n.ends_with(".tmp")) << n;
  {
    auto store = Store::Open(dir.path(), OpenMode::kRead);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ((*store)->events(), distinct);
    std::vector<Event> first(events.begin(), events.begin() + 1000 * kWorkers + 500);
    std::vector<std::string> want;
    for (const Event& e : Unique(first)) want.push_back(EventIdentity(ViewOf(e)));
    std::sort(want.begin(), want.end());
    EXPECT_EQ(Identities(store->get()), want);
  }

  // Everything again: every run is a repeat of the store, found at once or at Commit.
  std::vector<std::unique_ptr<SegmentReader>> readers;
  ASSERT_NO_FATAL_FAILURE(OpenSegments(dir.path(), committed, &readers));
  std::vector<const SegmentReader*> existing = Pointers(readers);
  Ingester again(Env::Default(), dir.path(), committed, existing, kWorkers, 0);
  ASSERT_TRUE(feed(&again));
  IngestCounts counts;
  Manifest next;
  ASSERT_TRUE(again.Commit(&counts, &next).ok());
  EXPECT_EQ(counts.stored, 0);
  EXPECT_EQ(counts.duplicates, fed);
  EXPECT_EQ(next.segments.size(), committed.segments.size());
}

}  // namespace
}  // namespace entente::store
