#include "store/store_lock.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "testing.h"

namespace entente::store {
namespace {

TEST(StoreLockTest, ASecondWriterIsToldWhichPidHoldsIt) {
  testing::TempDir dir;
  auto first = StoreLock::Acquire(Env::Default(), dir.path());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto second = StoreLock::Acquire(Env::Default(), dir.path());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kBusy);
  EXPECT_NE(second.status().ToString().find("locked by pid " + std::to_string(getpid())),
            std::string::npos)
      << second.status().ToString();
  first->reset();
  EXPECT_TRUE(StoreLock::Acquire(Env::Default(), dir.path()).ok());
}

// The kernel releases the lock of a process killed with SIGKILL: no stale lock to clean by hand.
TEST(StoreLockTest, AKilledHolderLeavesNoLock) {
  testing::TempDir dir;
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto held = StoreLock::Acquire(Env::Default(), dir.path());
    const char c = held.ok() ? 'y' : 'n';
    if (write(ready[1], &c, 1) != 1) _exit(2);
    alarm(30);  // never outlives a parent that failed before killing it
    pause();
    _exit(0);
  }
  char c = 0;
  ASSERT_EQ(read(ready[0], &c, 1), 1);
  ASSERT_EQ(c, 'y');
  auto busy = StoreLock::Acquire(Env::Default(), dir.path());
  EXPECT_FALSE(busy.ok());
  EXPECT_NE(busy.status().ToString().find("pid " + std::to_string(child)), std::string::npos);
  kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(StoreLock::Acquire(Env::Default(), dir.path()).ok());
  close(ready[0]);
  close(ready[1]);
}

}  // namespace
}  // namespace entente::store
