// MergeSegments on its own, in memory: the outputs partition the dyads by range and hold every
// input row once, keys given to drop are left out, progress runs in order to the total, and a
// damaged input stops the merge with an error naming it.
#include "store/segment_merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "store/manifest.h"
#include "store/mem_env.h"
#include "store/store.h"
#include "store/test_events.h"

namespace entente::store {
namespace {

constexpr char kIn[] = "/in", kOut[] = "/out";

class SegmentMergeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    events_ = Unique(RandomEvents(3000, 71));
    auto store = Store::Open(kIn, OpenMode::kWrite, &mem_);
    ASSERT_TRUE(store.ok());
    CompactionPolicy none;
    none.tiers = {};
    none.max_own_segments = 1000;
    (*store)->set_compaction_policy(none);
    for (size_t i = 0; i < 3; ++i) {  // three segments, each with rows of most dyads
      std::vector<Event> part(events_.begin() + i * 1000,
                              events_.begin() + std::min(events_.size(), (i + 1) * 1000));
      IngestStats stats;
      ASSERT_TRUE((*store)->IngestEvents(part, &stats).ok());
    }
    ASSERT_TRUE(mem_.CreateDirs(kOut).ok());
  }

  // Readers of the input segments (opened now: a later change to the files does not reach them).
  std::vector<const SegmentReader*> Inputs() {
    auto m = ReadManifest(&mem_, kIn);
    EXPECT_TRUE(m.ok());
    readers_.clear();
    std::vector<const SegmentReader*> out;
    for (const SegmentInfo& s : m->segments) {
      auto r = SegmentReader::Open(&mem_, std::string(kIn) + "/" + s.name);
      EXPECT_TRUE(r.ok()) << r.status().ToString();
      if (!r.ok()) continue;
      readers_.push_back(std::move(*r));
      out.push_back(readers_.back().get());
    }
    return out;
  }

  Status Merge(uint64_t max_rows, std::vector<SegmentSummary>* outputs,
               const std::vector<uint64_t>& drop = {}) {
    auto next_path = [&] { return std::string(kOut) + "/" + SegmentFileName(next_++); };
    return MergeSegments(
        &mem_, Inputs(), max_rows, next_path, [&](uint64_t rows) { progress_.push_back(rows); },
        outputs, drop);
  }

  // The events of the segments of `dir` (the outputs are committed to a manifest first).
  std::vector<std::string> StoreIdentities(const char* dir,
                                           const std::vector<SegmentSummary>& outputs = {}) {
    if (!outputs.empty()) {
      Manifest m;
      m.next_segment = next_;
      for (const SegmentSummary& o : outputs) {
        m.segments.push_back(
            SegmentInfo{FileName(o.path), o.rows, o.bytes, o.min_date, o.max_date});
      }
      EXPECT_TRUE(CommitManifest(&mem_, dir, m).ok());
    }
    auto store = Store::Open(dir, OpenMode::kRead, &mem_);
    EXPECT_TRUE(store.ok());
    return store.ok() ? Identities(store->get()) : std::vector<std::string>{};
  }

  MemEnv mem_;
  std::vector<Event> events_;
  std::vector<std::unique_ptr<SegmentReader>> readers_;
  std::vector<uint64_t> progress_;
  uint64_t next_ = 1;
};

TEST_F(SegmentMergeTest, RangesPartitionTheDyadsAndKeepEveryRow) {
  std::vector<SegmentSummary> outputs;
  ASSERT_TRUE(Merge(700, &outputs).ok());
  ASSERT_GE(outputs.size(), 3u);
  uint64_t rows = 0;
  std::tuple<std::string, std::string> last_dyad;
  for (size_t i = 0; i < outputs.size(); ++i) {
    rows += outputs[i].rows;
    if (i + 1 < outputs.size()) {
      EXPECT_GE(outputs[i].rows, 700u);
    }
    auto r = SegmentReader::Open(&mem_, outputs[i].path);
    ASSERT_TRUE(r.ok());
    auto dyads = (*r)->AllDyads();
    ASSERT_TRUE(dyads.ok() && !dyads->empty());
    auto first = std::tuple(std::string(dyads->front()->a), std::string(dyads->front()->b));
    if (i > 0) {
      EXPECT_LT(last_dyad, first) << "output " << i << " overlaps the one before";
    }
    last_dyad = std::tuple(std::string(dyads->back()->a), std::string(dyads->back()->b));
  }
  EXPECT_EQ(rows, events_.size());
  EXPECT_EQ(StoreIdentities(kOut, outputs), StoreIdentities(kIn));
  ASSERT_FALSE(progress_.empty());
  EXPECT_TRUE(std::is_sorted(progress_.begin(), progress_.end()));
  EXPECT_EQ(progress_.back(), events_.size());
}

TEST_F(SegmentMergeTest, DroppedKeysAreLeftOut) {
  std::vector<uint64_t> drop;
  for (size_t i = 0; i < events_.size(); i += 60) drop.push_back(EventKeyHash(ViewOf(events_[i])));
  std::sort(drop.begin(), drop.end());
  std::vector<std::string> want = StoreIdentities(kIn);
  std::erase_if(want, [&](const std::string& id) {
    return std::binary_search(drop.begin(), drop.end(), std::stoull(id.substr(0, id.find(' '))));
  });
  std::vector<SegmentSummary> outputs;
  ASSERT_TRUE(Merge(UINT64_MAX, &outputs, drop).ok());
  ASSERT_EQ(outputs.size(), 1u);
  EXPECT_EQ(outputs[0].rows, events_.size() - drop.size());
  EXPECT_EQ(StoreIdentities(kOut, outputs), want);
}

TEST_F(SegmentMergeTest, ADamagedInputStopsTheMergeNamingIt) {
  auto m = ReadManifest(&mem_, kIn);
  ASSERT_TRUE(m.ok());
  const std::string path = std::string(kIn) + "/" + m->segments[1].name;
  std::string bytes;
  ASSERT_TRUE(mem_.ReadFile(path, &bytes).ok());
  bytes[bytes.size() / 3] ^= 0x5a;  // inside a column block: the reader opens, the merge reads it
  auto f = mem_.NewWritableFile(path);
  ASSERT_TRUE(f.ok() && (*f)->Append(bytes).ok() && (*f)->Close().ok());
  std::vector<SegmentSummary> outputs;
  Status s = Merge(700, &outputs);
  EXPECT_EQ(s.code(), StatusCode::kCorruption) << s.ToString();
  EXPECT_NE(s.message().find(path), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace entente::store
