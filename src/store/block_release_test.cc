// What a query leaves mapped: a query that reads blocks lets go of each segment's blocks when it
// is done with them (so a pass over a large store does not keep it all resident), unless the
// store keeps its blocks resident for a long-lived reader; a merge lets go of what it has read.
#include <gtest/gtest.h>

#include "store/mem_env.h"
#include "store/store.h"
#include "store/test_events.h"

namespace entente::store {
namespace {

constexpr char kDir[] = "/s";

class BlockReleaseTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(IngestInto(&env_, kDir, RandomEvents(3000, 7)).ok()); }
  std::unique_ptr<Store> Reader() {
    auto s = Store::Open(kDir, OpenMode::kRead, &env_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }
  // A series the period cube cannot answer (bounds inside a month): it reads the rows.
  static AggregateQuery RowQuery() {
    AggregateQuery q;
    q.by_period = true;
    q.period = Period::kMonth;
    q.filter.from = 1;  // 1970-01-02
    return q;
  }
  MemEnv env_;
};

TEST_F(BlockReleaseTest, AQueryLetsGoOfTheBlocksItRead) {
  std::unique_ptr<Store> s = Reader();
  ASSERT_NE(s, nullptr);
  const uint64_t before = env_.released_bytes();
  ASSERT_TRUE(s->Aggregate(RowQuery()).ok());
  EXPECT_GT(env_.released_bytes(), before);
}

TEST_F(BlockReleaseTest, AStoreThatKeepsBlocksResidentLetsGoOfNothing) {
  std::unique_ptr<Store> s = Reader();
  ASSERT_NE(s, nullptr);
  s->KeepBlocksResident();
  const uint64_t before = env_.released_bytes();
  auto kept = s->Aggregate(RowQuery());
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(env_.released_bytes(), before);
  // The same answer either way.
  std::unique_ptr<Store> other = Reader();
  auto released = other->Aggregate(RowQuery());
  ASSERT_TRUE(released.ok());
  ASSERT_EQ(kept->size(), released->size());
  for (size_t i = 0; i < kept->size(); ++i) EXPECT_EQ((*kept)[i].events, (*released)[i].events);
}

TEST_F(BlockReleaseTest, CompactionLetsGoOfWhatItMerged) {
  ASSERT_TRUE(IngestInto(&env_, kDir, RandomEvents(3000, 8)).ok());
  auto store = Store::Open(kDir, OpenMode::kWrite, &env_);
  ASSERT_TRUE(store.ok());
  const uint64_t before = env_.released_bytes();
  CompactStats cs;
  ASSERT_TRUE((*store)->Compact(CompactOptions{}, &cs).ok());
  EXPECT_GT(env_.released_bytes(), before);
}

}  // namespace
}  // namespace entente::store
