// The Envs against each other (the POSIX one and MemEnv answer the same), MemEnv's power-cut
// model, and FaultEnv's counting and faults.
#include "store/env.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "store/fault_env.h"
#include "store/file_util.h"
#include "store/mem_env.h"
#include "testing.h"

namespace entente::store {
namespace {

std::string Read(Env* env, const std::string& path) {
  std::string out;
  Status s = env->ReadFile(path, &out);
  return s.ok() ? out : "<" + s.ToString() + ">";
}

Status Write(Env* env, const std::string& path, std::string_view bytes, bool sync) {
  ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> f, env->NewWritableFile(path));
  RETURN_IF_ERROR(f->Append(bytes));
  if (sync) RETURN_IF_ERROR(f->Sync());
  return f->Close();
}

std::vector<std::string> Sorted(Result<std::vector<std::string>> names) {
  if (!names.ok()) return {names.status().ToString()};
  std::sort(names->begin(), names->end());
  return *names;
}

// The same script on the POSIX Env and on MemEnv.
class EnvTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    if (GetParam()) {
      env_ = Env::Default();
      dir_ = tmp_.path() + "/d";
    } else {
      mem_ = std::make_unique<MemEnv>();
      env_ = mem_.get();
      dir_ = "/m/d";
    }
    ASSERT_TRUE(env_->CreateDirs(dir_ + "/sub").ok());
  }
  testing::TempDir tmp_;
  std::unique_ptr<MemEnv> mem_;
  Env* env_ = nullptr;
  std::string dir_;
};

TEST_P(EnvTest, FilesReadBackAsWritten) {
  const std::string a = dir_ + "/a", b = dir_ + "/b";
  ASSERT_TRUE(Write(env_, a, "hello world", true).ok());
  EXPECT_EQ(Read(env_, a), "hello world");
  auto mapped = env_->MapFile(a);
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ((*mapped)->data(), "hello world");
  std::string range;
  ASSERT_TRUE(ReadFileRange(env_, a, 6, 5, &range).ok());
  EXPECT_EQ(range, "world");
  EXPECT_EQ(ReadFileRange(env_, a, 6, 6, &range).code(), StatusCode::kCorruption);
  EXPECT_EQ(env_->FileSizeOr0(a), 11u);

  // A rename over a file gives the path another identity; a mapping keeps the old bytes.
  const FileStamp before = *env_->Stat(a);
  ASSERT_TRUE(Write(env_, b, "second", true).ok());
  ASSERT_TRUE(env_->Rename(b, a).ok());
  EXPECT_NE(env_->Stat(a)->ino, before.ino);
  EXPECT_EQ(Read(env_, a), "second");
  EXPECT_EQ((*mapped)->data(), "hello world");
  EXPECT_FALSE(env_->FileExists(b));
  EXPECT_EQ(Sorted(env_->ListDir(dir_)), (std::vector<std::string>{"a", "sub"}));

  ASSERT_TRUE(env_->Remove(a).ok());
  EXPECT_EQ(env_->Remove(a).code(), StatusCode::kNotFound);
  EXPECT_EQ(env_->Stat(a).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(env_->MapFile(a).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(env_->NewWritableFile(dir_ + "/none/x").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(env_->ListDir(dir_ + "/none").status().code(), StatusCode::kNotFound);
}

TEST_P(EnvTest, AtomicWriteReplacesTheFileAndLeavesNoTemporary) {
  ASSERT_TRUE(WriteFileAtomic(env_, dir_, "M", "one").ok());
  AtomicWrite what;
  ASSERT_TRUE(WriteFileAtomic(env_, dir_, "M", "two", &what).ok());
  EXPECT_EQ(what, AtomicWrite::kRenamed);
  EXPECT_EQ(Read(env_, dir_ + "/M"), "two");
  EXPECT_EQ(Sorted(env_->ListDir(dir_)), (std::vector<std::string>{"M", "sub"}));
}

TEST_P(EnvTest, ALockIsExclusiveAndSaysWhoHoldsIt) {
  const std::string path = dir_ + "/LOCK";
  auto first = env_->LockFile(path, "4242\n");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto second = env_->LockFile(path, "7\n");  // flock: a second open file conflicts too
  EXPECT_EQ(second.status().code(), StatusCode::kBusy);
  EXPECT_EQ(second.status().message(), "4242\n");
  first->reset();
  EXPECT_TRUE(env_->LockFile(path, "7\n").ok());
}

INSTANTIATE_TEST_SUITE_P(PosixAndMemory, EnvTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "Posix" : "Memory"; });

// The resident bytes of this process's mapping that holds `addr`, from /proc/self/smaps.
int64_t ResidentKiB(const void* addr) {
  std::ifstream smaps("/proc/self/smaps");
  const auto at = reinterpret_cast<uintptr_t>(addr);
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    uintptr_t lo = 0, hi = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx ", &lo, &hi) == 2) {
      inside = lo <= at && at < hi;
    } else if (inside && line.starts_with("Rss:")) {
      return std::stoll(line.substr(4));
    }
  }
  return -1;
}

TEST(PosixEnvTest, ReleaseDropsPagesFromTheMappingAndKeepsTheBytes) {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/f";
  std::string bytes(1 << 20, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
  Env* env = Env::Default();
  ASSERT_TRUE(Write(env, path, bytes, false).ok());
  Result<std::unique_ptr<MappedFile>> f = env->MapFile(path);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  std::string_view data = (*f)->data();
  EXPECT_EQ(data, bytes);  // reads every page
  EXPECT_GE(ResidentKiB(data.data()), 1024);
  (*f)->Release(1000, 3000);  // inside one page: nothing goes
  EXPECT_GE(ResidentKiB(data.data()), 1024);
  (*f)->Release(1000, 8000);  // [1000, 9000) holds one whole 4 KiB page: only it goes
  EXPECT_EQ(ResidentKiB(data.data()), 1020);
  (*f)->Release(0, data.size() + 4096);  // past the end: clipped
  EXPECT_EQ(ResidentKiB(data.data()), 0);
  EXPECT_EQ(data, bytes);  // still readable, the same bytes
}

TEST(MemEnvTest, ACrashKeepsOnlyWhatWasSynced) {
  MemEnv mem;
  ASSERT_TRUE(mem.CreateDirs("/s").ok());
  ASSERT_TRUE(Write(&mem, "/s/old", "kept", true).ok());
  ASSERT_TRUE(mem.SyncDir("/s").ok());

  ASSERT_TRUE(Write(&mem, "/s/synced-unnamed", "x", true).ok());  // its name never synced
  auto f = mem.NewWritableFile("/s/half");
  ASSERT_TRUE(f.ok());
  ASSERT_TRUE((*f)->Append("synced").ok());
  ASSERT_TRUE((*f)->Sync().ok());
  ASSERT_TRUE((*f)->Append(" and not").ok());
  ASSERT_TRUE((*f)->Close().ok());
  ASSERT_TRUE(mem.SyncDir("/s").ok());  // names "half" and "synced-unnamed"
  ASSERT_TRUE(mem.Remove("/s/synced-unnamed").ok());
  ASSERT_TRUE(Write(&mem, "/s/new", "y", true).ok());
  ASSERT_TRUE(mem.Rename("/s/new", "/s/old").ok());  // not synced: undone by the crash
  EXPECT_EQ(Read(&mem, "/s/old"), "y");

  mem.Crash();
  EXPECT_EQ(Read(&mem, "/s/old"), "kept");
  EXPECT_EQ(Read(&mem, "/s/half"), "synced");
  EXPECT_EQ(Read(&mem, "/s/synced-unnamed"), "x");  // its removal was not synced
  EXPECT_FALSE(mem.FileExists("/s/new"));
}

TEST(MemEnvTest, ACrashReleasesLocksAndACloneIsIndependent) {
  MemEnv mem;
  ASSERT_TRUE(mem.CreateDirs("/s").ok());
  auto lock = mem.LockFile("/s/LOCK", "1\n");
  ASSERT_TRUE(lock.ok());
  ASSERT_TRUE(Write(&mem, "/s/a", "one", true).ok());
  std::unique_ptr<MemEnv> copy = mem.Clone();
  EXPECT_TRUE(copy->LockFile("/s/LOCK", "2\n").ok());  // locks are not copied
  ASSERT_TRUE(Write(copy.get(), "/s/a", "two", true).ok());
  EXPECT_EQ(Read(&mem, "/s/a"), "one");
  mem.Crash();
  EXPECT_TRUE(mem.LockFile("/s/LOCK", "3\n").ok());
  EXPECT_FALSE(mem.FileExists("/s/a"));  // its name was never synced
  EXPECT_EQ(Read(copy.get(), "/s/a"), "two");
}

TEST(FaultEnvTest, CountsOperationsAndFailsTheNth) {
  MemEnv mem;
  ASSERT_TRUE(mem.CreateDirs("/s").ok());
  FaultEnv env(&mem);
  env.FailAt(-1, Fault::kCrash);
  ASSERT_TRUE(Write(&env, "/s/a", "abcd", true).ok());  // create, append, sync, close
  EXPECT_EQ(env.operations(), 4);
  EXPECT_EQ(env.Log()[1], "append /s/a");

  env.FailAt(1, Fault::kNoSpace);  // the append: half of it written, then ENOSPC
  Status s = Write(&env, "/s/b", "abcd", true);
  EXPECT_EQ(s.code(), StatusCode::kStoreError);
  EXPECT_EQ(s.message(), "/s/b: No space left on device");
  EXPECT_EQ(Read(&mem, "/s/b"), "ab");
  EXPECT_TRUE(env.fired());
  EXPECT_FALSE(env.crashed());
  EXPECT_TRUE(env.Rename("/s/b", "/s/c").ok());  // only the one operation fails

  env.FailAt(2, Fault::kIoError);  // the fsync
  EXPECT_EQ(Write(&env, "/s/d", "x", true).message(), "/s/d: Input/output error");

  env.FailAt(0, Fault::kCrash);
  EXPECT_FALSE(env.SyncDir("/s").ok());
  EXPECT_TRUE(env.crashed());
  EXPECT_FALSE(env.FileExists("/s/c"));  // everything fails after a crash
  EXPECT_TRUE(mem.FileExists("/s/c"));
}

}  // namespace
}  // namespace entente::store
