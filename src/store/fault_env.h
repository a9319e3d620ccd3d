// An Env over another that fails on purpose: the Nth operation from FailAt returns an error, or
// "crashes" (it and every later operation fail, as if the process had died there; the test then
// calls MemEnv::Crash and opens the store again). Operations are counted in the order they are
// made: creating, appending to, syncing and closing a file, mapping or reading one, renaming,
// removing, creating and syncing directories, listing, stat and locking.
//
// Thread-safe; with several threads writing, which operation gets a number is up to the
// scheduler, so systematic tests run their writers on one thread.
#ifndef ENTENTE_STORE_FAULT_ENV_H_
#define ENTENTE_STORE_FAULT_ENV_H_

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "store/env.h"

namespace entente::store {

enum class Fault {
  kCrash,    // this and every later operation fail
  kNoSpace,  // ENOSPC; an Append writes half of its bytes first (a short write)
  kIoError,  // EIO (a failed fsync, a bad sector)
};

class FaultEnv final : public Env {
 public:
  explicit FaultEnv(Env* base) : base_(base) {}

  // Restarts the count; the operation numbered `n` from here (0 is the next one) fails with
  // `fault`. n < 0: none fails (the count still runs).
  void FailAt(int64_t n, Fault fault);
  int64_t operations() const;  // counted since the last FailAt
  bool crashed() const;
  bool fired() const;  // the fault has happened
  // "append /s/seg-00000001.ens" for each operation counted: what a failing test prints.
  std::vector<std::string> Log() const;

  // Each operation: counted (and failed if its number came), then done by the base Env.
  Result<std::unique_ptr<WritableFile>> NewWritableFile(const std::string& path) override;
  Result<std::unique_ptr<MappedFile>> MapFile(const std::string& path) override {
    RETURN_IF_ERROR(Next("map", path));
    return base_->MapFile(path);
  }
  Status ReadFile(const std::string& path, std::string* out) override {
    RETURN_IF_ERROR(Next("read", path));
    return base_->ReadFile(path, out);
  }
  Status ReadRange(const std::string& path, uint64_t offset, uint64_t size, char* out) override {
    RETURN_IF_ERROR(Next("pread", path));
    return base_->ReadRange(path, offset, size, out);
  }
  Status Rename(const std::string& from, const std::string& to) override {
    RETURN_IF_ERROR(Next("rename", to));
    return base_->Rename(from, to);
  }
  Status Remove(const std::string& path) override {
    RETURN_IF_ERROR(Next("remove", path));
    return base_->Remove(path);
  }
  Status CreateDirs(const std::string& dir) override {
    RETURN_IF_ERROR(Next("mkdir", dir));
    return base_->CreateDirs(dir);
  }
  Status SyncDir(const std::string& dir) override {
    RETURN_IF_ERROR(Next("syncdir", dir));
    return base_->SyncDir(dir);
  }
  Result<std::vector<std::string>> ListDir(const std::string& dir) override {
    RETURN_IF_ERROR(Next("list", dir));
    return base_->ListDir(dir);
  }
  Result<FileStamp> Stat(const std::string& path) override {
    RETURN_IF_ERROR(Next("stat", path));
    return base_->Stat(path);
  }
  Result<std::unique_ptr<FileLock>> LockFile(const std::string& path,
                                             std::string_view holder) override {
    RETURN_IF_ERROR(Next("lock", path));
    return base_->LockFile(path, holder);
  }

  // Counts an operation on `path`; a non-OK result is the injected failure. *short_write is set
  // when an Append should write half its bytes before failing.
  Status Next(const char* what, const std::string& path, bool* short_write = nullptr);

 private:
  Env* base_;
  mutable std::mutex mu_;
  int64_t count_ = 0;
  int64_t fail_at_ = -1;
  Fault fault_ = Fault::kCrash;
  bool crashed_ = false;
  bool fired_ = false;
  std::vector<std::string> log_;
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_FAULT_ENV_H_
