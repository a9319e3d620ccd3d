// The few file operations the store needs, with the OS's reason in every error and the path in
// front of it ("IOError: /s/seg-00000003.ens: No space left on device"). Writes go through
// WritableFile (buffered, explicit Sync), reads through MappedFile (mmap, read-only, shared
// pages, so many readers cost no copies).
#ifndef ENTENTE_STORE_FILE_UTIL_H_
#define ENTENTE_STORE_FILE_UTIL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace entente::store {

// An OS error on a store file: NotFound for ENOENT (callers decide what a missing file means),
// else StoreError (a full disk, no permission: the store is not writable or readable).
Status ErrnoStatus(const std::string& path, int err);

class WritableFile {
 public:
  static Result<std::unique_ptr<WritableFile>> Create(const std::string& path);
  ~WritableFile();
  WritableFile(const WritableFile&) = delete;
  WritableFile& operator=(const WritableFile&) = delete;

  Status Append(std::string_view bytes);
  Status Sync();   // flush our buffer and fsync
  Status Close();  // flush and close (no fsync)
  uint64_t size() const { return size_; }
  const std::string& path() const { return path_; }

 private:
  WritableFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  Status Flush();
  Status WriteAll(std::string_view bytes);  // all of it, retrying short and interrupted writes
  std::string path_;
  int fd_;
  std::string buf_;
  uint64_t size_ = 0;
};

class MappedFile {
 public:
  static Result<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view data() const { return {static_cast<const char*>(addr_), size_}; }
  const std::string& path() const { return path_; }

 private:
  MappedFile(std::string path, void* addr, size_t size)
      : path_(std::move(path)), addr_(addr), size_(size) {}
  std::string path_;
  void* addr_;
  size_t size_;
};

// fsync on a directory, so a rename or a new file name in it is durable.
Status SyncDir(const std::string& dir);
Status ReadWholeFile(const std::string& path, std::string* out);
// Reads exactly `size` bytes at `offset` (a short file is Corruption).
Status ReadFileRange(const std::string& path, uint64_t offset, uint64_t size, std::string* out);
// The same into `size` bytes at `out`.
Status ReadFileRangeInto(const std::string& path, uint64_t offset, uint64_t size, char* out);
// Writes `bytes` to dir/name.tmp, fsyncs it, renames it over dir/name and fsyncs dir.
Status WriteFileAtomic(const std::string& dir, const std::string& name, std::string_view bytes);
// Names of the entries of `dir` (not . and ..).
Result<std::vector<std::string>> ListDir(const std::string& dir);
bool FileExists(const std::string& path);
// The last component of `path` ("seg-00000003.ens" of "store/seg-00000003.ens").
std::string FileName(const std::string& path);
uint64_t FileSizeOr0(const std::string& path);

}  // namespace entente::store

#endif  // ENTENTE_STORE_FILE_UTIL_H_
