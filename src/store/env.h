// Every file operation of the store goes through an Env (LevelDB's model): the real one
// (Env::Default, POSIX), MemEnv (mem_env.h: in memory, for fast tests, and able to forget what
// was never synced, as a power cut does) and FaultEnv (fault_env.h: fails or "crashes" at the
// Nth operation). The store's crash-safety promise is tested against the last two operation by
// operation, not only with kill -9 at a few moments.
//
// Errors name the path and the OS's reason ("IOError: /s/seg-00000003.ens: No space left on
// device"). Paths are plain strings; a store's files are "<dir>/<name>".
#ifndef ENTENTE_STORE_ENV_H_
#define ENTENTE_STORE_ENV_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace entente::store {

// A file being written: Append is buffered, Sync makes what was appended durable, Close flushes
// (without a sync). Writers never read back through this object.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual Status Append(std::string_view bytes) = 0;
  virtual Status Sync() = 0;
  virtual Status Close() = 0;
  virtual uint64_t size() const = 0;  // bytes appended
  virtual const std::string& path() const = 0;
};

// A whole file, read-only, for as long as the object lives (mmap in the POSIX Env: many readers
// share the pages and copy nothing).
class MappedFile {
 public:
  virtual ~MappedFile() = default;
  virtual std::string_view data() const = 0;
  virtual const std::string& path() const = 0;
  // A hint that bytes [offset, offset + size) will not be read again soon. The POSIX Env drops
  // the whole pages inside that range from this mapping (they stay in the page cache, and a later
  // read faults them back in), so a pass over a large file does not keep all of it in the
  // process's resident memory. The bytes stay readable; other mappings are unaffected.
  virtual void Release(uint64_t offset, uint64_t size) const {
    (void)offset;
    (void)size;
  }
};

// Held while it lives; the holder text given to Env::LockFile is in the lock file meanwhile.
class FileLock {
 public:
  virtual ~FileLock() = default;
};

// A file's identity: a rename over the path gives another ino (the store's change detection).
struct FileStamp {
  uint64_t ino = 0, size = 0;
  int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

class Env {
 public:
  virtual ~Env() = default;
  // The POSIX Env, shared by the whole process.
  static Env* Default();

  // Creates or truncates `path`.
  virtual Result<std::unique_ptr<WritableFile>> NewWritableFile(const std::string& path) = 0;
  virtual Result<std::unique_ptr<MappedFile>> MapFile(const std::string& path) = 0;
  virtual Status ReadFile(const std::string& path, std::string* out) = 0;
  // Exactly `size` bytes at `offset` into `out` (a shorter file is Corruption).
  virtual Status ReadRange(const std::string& path, uint64_t offset, uint64_t size, char* out) = 0;
  // Atomic: `to` is either the old file or the new one. Durable once the directory is synced.
  virtual Status Rename(const std::string& from, const std::string& to) = 0;
  virtual Status Remove(const std::string& path) = 0;
  // Creates `dir` and its missing parents; an existing one is fine.
  virtual Status CreateDirs(const std::string& dir) = 0;
  // Makes the names in `dir` (new files, renames, removals) durable.
  virtual Status SyncDir(const std::string& dir) = 0;
  // Names in `dir`, not "." and "..".
  virtual Result<std::vector<std::string>> ListDir(const std::string& dir) = 0;
  // NotFound when there is no such file.
  virtual Result<FileStamp> Stat(const std::string& path) = 0;
  // An exclusive lock on `path` (created if missing) with `holder` written inside. Held by
  // someone else: Busy, with the holder text found in the file as the message.
  virtual Result<std::unique_ptr<FileLock>> LockFile(const std::string& path,
                                                     std::string_view holder) = 0;

  bool FileExists(const std::string& path) { return Stat(path).ok(); }
  uint64_t FileSizeOr0(const std::string& path) {
    Result<FileStamp> st = Stat(path);
    return st.ok() ? st->size : 0;
  }
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_ENV_H_
