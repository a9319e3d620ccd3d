// An Env that keeps files in memory: fast store tests, and a model of what a power cut leaves.
// A file keeps the bytes appended up to its last Sync; a directory keeps the names it had at its
// last SyncDir (files created since vanish, renames and removals since are undone). Crash()
// applies that model, which is the strictest a POSIX file system allows: what the store does not
// sync, it may lose.
//
// Thread-safe. Directories exist once CreateDirs made them (durably, at once).
#ifndef ENTENTE_STORE_MEM_ENV_H_
#define ENTENTE_STORE_MEM_ENV_H_

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "store/env.h"

namespace entente::store {

class MemEnv final : public Env {
 public:
  MemEnv() = default;
  ~MemEnv() override = default;

  // A power cut: unsynced bytes and names are lost, and locks are released (their holder died).
  // REQUIRES: no file of this Env is still open for writing.
  void Crash();
  // The names of every file (not directory), as paths: for tests that compare what is left.
  std::set<std::string> Files();
  // A copy of every file, name and directory, synced or not (locks are not copied): one prepared
  // state for many tests.
  std::unique_ptr<MemEnv> Clone();
  // Bytes the files it mapped were told they could let go of (MappedFile::Release), in all.
  uint64_t released_bytes() const { return released_->load(); }

  Result<std::unique_ptr<WritableFile>> NewWritableFile(const std::string& path) override;
  Result<std::unique_ptr<MappedFile>> MapFile(const std::string& path) override;
  Status ReadFile(const std::string& path, std::string* out) override;
  Status ReadRange(const std::string& path, uint64_t offset, uint64_t size, char* out) override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status Remove(const std::string& path) override;
  Status CreateDirs(const std::string& dir) override;
  Status SyncDir(const std::string& dir) override;
  Result<std::vector<std::string>> ListDir(const std::string& dir) override;
  Result<FileStamp> Stat(const std::string& path) override;
  Result<std::unique_ptr<FileLock>> LockFile(const std::string& path,
                                             std::string_view holder) override;

  struct Node {
    std::string data;
    size_t synced = 0;  // bytes of data a Crash keeps
    uint64_t ino = 0;
    int64_t mtime = 0;  // a counter, bumped by every change
  };

 private:
  friend class MemWritableFile;
  friend class MemFileLock;
  // NotFound for `path` unless its directory exists.
  Status CheckParent(const std::string& path) const;
  std::shared_ptr<Node> Find(const std::string& path) const;  // null if missing

  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Node>> files_;    // path -> file, as seen now
  std::map<std::string, std::shared_ptr<Node>> durable_;  // what a Crash brings back
  std::set<std::string> dirs_;
  std::set<std::string> locked_;
  uint64_t next_ino_ = 1;
  int64_t clock_ = 0;
  // Shared with the mapped files, which may outlive the Env.
  std::shared_ptr<std::atomic<uint64_t>> released_ = std::make_shared<std::atomic<uint64_t>>(0);
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_MEM_ENV_H_
