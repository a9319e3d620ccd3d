// The store's crash-safety promise, operation by operation. For every file operation an ingest
// (with the merge after it), a compaction or a recovery makes, a crash there (MemEnv's power-cut
// model: unsynced bytes and names are lost) must leave the last durable commit exactly, and an
// injected error there (ENOSPC with a short write, EIO) must be reported with the path and the
// reason and lose nothing committed. After either, the store opens, and the same work done again
// completes with exact contents and no leftover file.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "store/fault_env.h"
#include "store/manifest.h"
#include "store/mem_env.h"
#include "store/store.h"
#include "store/test_events.h"

namespace entente::store {
namespace {

constexpr char kDir[] = "/db/s";

// What the store at kDir holds, order-free (test_events.h Identities).
std::vector<std::string> Contents(Env* env) {
  auto store = Store::Open(kDir, OpenMode::kRead, env);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return {"<cannot open: " + store.status().ToString() + ">"};
  return Identities(store->get());
}

// Every file in the store is one the MANIFEST names, the MANIFEST or the LOCK.
void ExpectNoLeftovers(MemEnv* mem) {
  auto m = ReadManifest(mem, kDir);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  std::set<std::string> expected = {std::string(kDir) + "/MANIFEST", std::string(kDir) + "/LOCK"};
  for (const SegmentInfo& s : m->segments) expected.insert(std::string(kDir) + "/" + s.name);
  std::set<std::string> files = mem->Files();
  std::erase_if(files, [](const std::string& f) { return f.find("/set-aside/") != f.npos; });
  EXPECT_EQ(files, expected);
}

// How many commits the log's first `done` operations made durable: a MANIFEST rename followed
// by a sync of the store's directory is one a power cut cannot undo.
int DurableCommits(const std::vector<std::string>& log, size_t done) {
  int commits = 0;
  bool pending = false;
  for (size_t i = 0; i < std::min(done, log.size()); ++i) {
    if (log[i] == std::string("rename ") + kDir + "/MANIFEST") pending = true;
    if (pending && log[i] == std::string("syncdir ") + kDir) {
      ++commits;
      pending = false;
    }
  }
  return commits;
}

std::string Describe(const FaultEnv& fault, int64_t n) {
  std::vector<std::string> log = fault.Log();
  return "fault at operation " + std::to_string(n) + ": " +
         (n < static_cast<int64_t>(log.size()) ? log[n] : "?");
}

// The work under test, from one committed state to the next: it opens the store through `env`
// and returns what it reports.
using Work = std::function<Status(Env* env)>;

// A small after-ingest merge: every ingest's segment is merged with the earlier ones once there
// are two, so an ingest's operations include a merge and its commit.
CompactionPolicy EagerMerge() {
  CompactionPolicy p;
  p.tiers = {{1'000'000, 1, true}};
  p.max_own_segments = 1;
  return p;
}

// No merge after an ingest: segments stay one per ingest, for Compact to merge.
CompactionPolicy NoMerge() {
  CompactionPolicy p;
  p.tiers = {};
  p.max_own_segments = 1'000'000;
  return p;
}

Status IngestWith(Env* env, const std::vector<Event>& events, const CompactionPolicy& policy) {
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open(kDir, OpenMode::kWrite, env));
  store->set_compaction_policy(policy);
  IngestStats stats;
  RETURN_IF_ERROR(store->IngestEvents(events, &stats));
  if (!stats.compact_warning.empty()) return Status::StoreError(stats.compact_warning);
  return Status::Ok();
}

class StoreFaultTest : public ::testing::Test {
 protected:
  // Builds the committed state `prepare` makes, then for each operation index of `work` (and one
  // past the last), injects `fault` there and checks the promise. `before` and `after` are the
  // contents of the last commit and of the work's; the work's commit number `changing` (1 for
  // its first) is the one that changes the contents (the others merge or create).
  void ForEachOperation(const Work& prepare, const Work& work, Fault fault, int changing = 1) {
    MemEnv prepared;
    ASSERT_TRUE(prepare(&prepared).ok());
    const std::vector<std::string> before = Contents(&prepared);
    std::vector<std::string> after;
    {
      std::unique_ptr<MemEnv> mem = prepared.Clone();
      ASSERT_TRUE(work(mem.get()).ok());
      after = Contents(mem.get());
    }
    ASSERT_NE(before, after);
    const bool failed_before = HasFailure();
    int64_t n = 0;
    for (;; ++n) {
      std::unique_ptr<MemEnv> mem = prepared.Clone();
      FaultEnv env(mem.get());
      env.FailAt(n, fault);
      Status s = work(&env);
      if (!env.fired()) {
        EXPECT_TRUE(s.ok()) << s.ToString();
        break;
      }
      SCOPED_TRACE(Describe(env, n));
      const bool committed = DurableCommits(env.Log(), static_cast<size_t>(n)) >= changing;
      CheckAfterFault(mem.get(), committed, fault, s, before, after);
      if (HasFailure() && !failed_before) break;  // one operation's story is enough to read
      // The same work again, on the store as the fault left it: complete, nothing left behind.
      Status again = work(mem.get());
      EXPECT_TRUE(again.ok()) << again.ToString();
      EXPECT_EQ(Contents(mem.get()), after);
      ExpectNoLeftovers(mem.get());
      if (HasFailure() && !failed_before) break;
    }
    EXPECT_GT(n, 10) << "the work made too few operations to test anything";
    RecordProperty("operations", static_cast<int>(n));
  }

 private:
  void CheckAfterFault(MemEnv* mem, bool committed, Fault fault, const Status& s,
                       const std::vector<std::string>& before,
                       const std::vector<std::string>& after) {
    if (fault != Fault::kCrash && !s.ok()) {
      // An error names the file and the OS's reason.
      const char* reason = fault == Fault::kNoSpace ? "No space left on device" : "Input/output";
      EXPECT_NE(s.message().find(reason), std::string::npos) << s.ToString();
      EXPECT_NE(s.message().find(kDir), std::string::npos) << s.ToString();
    }
    if (fault != Fault::kCrash) {
      // Without a power cut, the store is at one commit or the other, and at the new one when
      // the work said it succeeded.
      std::vector<std::string> now = Contents(mem);
      EXPECT_TRUE(now == before || now == after) << now.size() << " events";
      if (s.ok()) {
        EXPECT_EQ(now, after);
      }
    }
    mem->Crash();
    std::vector<std::string> now = Contents(mem);
    if (fault == Fault::kCrash) {
      // Exactly the last durable commit: before it unless the MANIFEST's rename was synced.
      EXPECT_EQ(now.size(), (committed ? after : before).size());
      EXPECT_TRUE(now == (committed ? after : before));
    } else {
      EXPECT_TRUE(now == before || now == after) << now.size() << " events after a power cut";
      if (committed) {
        EXPECT_EQ(now, after);
      }
    }
  }
};

TEST_F(StoreFaultTest, IngestWithItsMergeSurvivesACrashAtEveryOperation) {
  const std::vector<Event> events = Unique(RandomEvents(500, 41));
  const std::vector<Event> first(events.begin(), events.begin() + 250);
  const std::vector<Event> second(events.begin() + 175, events.end());  // 75 already stored
  ForEachOperation([&](Env* env) { return IngestWith(env, first, EagerMerge()); },
                   [&](Env* env) { return IngestWith(env, second, EagerMerge()); }, Fault::kCrash);
}

TEST_F(StoreFaultTest, IngestReportsEachErrorAndLosesNothing) {
  const std::vector<Event> events = Unique(RandomEvents(500, 43));
  const std::vector<Event> first(events.begin(), events.begin() + 250);
  const std::vector<Event> second(events.begin() + 175, events.end());
  for (Fault fault : {Fault::kNoSpace, Fault::kIoError}) {
    SCOPED_TRACE(fault == Fault::kNoSpace ? "ENOSPC" : "EIO");
    ForEachOperation([&](Env* env) { return IngestWith(env, first, EagerMerge()); },
                     [&](Env* env) { return IngestWith(env, second, EagerMerge()); }, fault);
  }
}

TEST_F(StoreFaultTest, FirstIngestIntoANewStore) {
  const std::vector<Event> events = Unique(RandomEvents(200, 47));
  for (Fault fault : {Fault::kCrash, Fault::kNoSpace, Fault::kIoError}) {
    ForEachOperation([&](Env* env) { return env->CreateDirs("/db"); },
                     [&](Env* env) { return IngestWith(env, events, NoMerge()); }, fault,
                     /*changing=*/2);  // the first commit is the new store's empty MANIFEST
  }
}

TEST_F(StoreFaultTest, CompactionSurvivesACrashOrAnErrorAtEveryOperation) {
  const std::vector<Event> events = Unique(RandomEvents(480, 53));
  auto prepare = [&](Env* env) -> Status {
    for (size_t i = 0; i < 4; ++i) {
      std::vector<Event> part(events.begin() + i * 120, events.begin() + (i + 1) * 120);
      RETURN_IF_ERROR(IngestWith(env, part, NoMerge()));
    }
    return Status::Ok();
  };
  // The work: one more ingest (so that the contents change) and a full compaction.
  const std::vector<Event> more = Unique(RandomEvents(100, 59));
  auto work = [&](Env* env) -> Status {
    ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open(kDir, OpenMode::kWrite, env));
    store->set_compaction_policy(NoMerge());
    IngestStats ingest;
    RETURN_IF_ERROR(store->IngestEvents(more, &ingest));
    CompactStats stats;
    return store->Compact(CompactOptions{}, &stats);
  };
  for (Fault fault : {Fault::kCrash, Fault::kNoSpace, Fault::kIoError}) {
    ForEachOperation(prepare, work, fault);
  }
}

}  // namespace
}  // namespace entente::store
