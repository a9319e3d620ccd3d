// Env::Default: the store's file operations on a POSIX file system.
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "store/env.h"
#include "store/file_util.h"

namespace entente::store {
namespace {

constexpr size_t kWriteBuffer = 1 << 20;

class PosixWritableFile final : public WritableFile {
 public:
  PosixWritableFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~PosixWritableFile() override {
    if (fd_ >= 0) close(fd_);
  }

  Status Append(std::string_view bytes) override {
    size_ += bytes.size();
    if (buf_.size() + bytes.size() < kWriteBuffer) {
      buf_.append(bytes);
      return Status::Ok();
    }
    RETURN_IF_ERROR(Flush());
    if (bytes.size() < kWriteBuffer) {
      buf_.append(bytes);
      return Status::Ok();
    }
    return WriteAll(bytes);
  }

  Status Sync() override {
    RETURN_IF_ERROR(Flush());
    if (fdatasync(fd_) != 0) return ErrnoStatus(path_, errno);
    return Status::Ok();
  }

  Status Close() override {
    Status s = Flush();
    if (close(fd_) != 0 && s.ok()) s = ErrnoStatus(path_, errno);
    fd_ = -1;
    return s;
  }

  uint64_t size() const override { return size_; }
  const std::string& path() const override { return path_; }

 private:
  Status Flush() {
    RETURN_IF_ERROR(WriteAll(buf_));
    buf_.clear();
    return Status::Ok();
  }

  // All of it, retrying short and interrupted writes.
  Status WriteAll(std::string_view bytes) {
    const char* p = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
      ssize_t n = write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        return ErrnoStatus(path_, errno);
      }
      p += n;
      left -= n;
    }
    return Status::Ok();
  }

  std::string path_;
  int fd_;
  std::string buf_;
  uint64_t size_ = 0;
};

class PosixMappedFile final : public MappedFile {
 public:
  PosixMappedFile(std::string path, void* addr, size_t size)
      : path_(std::move(path)), addr_(addr), size_(size) {}
  ~PosixMappedFile() override {
    if (addr_) munmap(addr_, size_);
  }
  std::string_view data() const override { return {static_cast<const char*>(addr_), size_}; }
  const std::string& path() const override { return path_; }
  void Release(uint64_t offset, uint64_t size) const override {
    static const uint64_t page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
    const uint64_t end = std::min<uint64_t>(offset + size, size_);
    const uint64_t first = (offset + page - 1) / page * page, last = end / page * page;
    if (addr_ == nullptr || first >= last) return;
    // A hint: on failure the pages merely stay resident.
    (void)madvise(static_cast<char*>(addr_) + first, last - first, MADV_DONTNEED);
  }

 private:
  std::string path_;
  void* addr_;
  size_t size_;
};

class PosixFileLock final : public FileLock {
 public:
  explicit PosixFileLock(int fd) : fd_(fd) {}
  ~PosixFileLock() override {
    // A holder text left behind would mislead the next Busy message; clear it, then unlock.
    if (ftruncate(fd_, 0) != 0) {
      // Nothing to do: close() releases the lock anyway.
    }
    close(fd_);
  }

 private:
  int fd_;
};

// Reads the holder text of a lock file someone else holds.
std::string LockHolder(int fd) {
  char buf[64] = {};
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  return n > 0 ? std::string(buf, n) : "";
}

class PosixEnv final : public Env {
 public:
  Result<std::unique_ptr<WritableFile>> NewWritableFile(const std::string& path) override {
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return ErrnoStatus(path, errno);
    return std::unique_ptr<WritableFile>(new PosixWritableFile(path, fd));
  }

  Result<std::unique_ptr<MappedFile>> MapFile(const std::string& path) override {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoStatus(path, errno);
    struct stat st;
    if (fstat(fd, &st) != 0) {
      int err = errno;
      close(fd);
      return ErrnoStatus(path, err);
    }
    size_t size = static_cast<size_t>(st.st_size);
    void* addr = nullptr;
    if (size > 0) {
      addr = mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
      if (addr == MAP_FAILED) {
        int err = errno;
        close(fd);
        return ErrnoStatus(path, err);
      }
    }
    close(fd);  // the mapping keeps the file alive
    return std::unique_ptr<MappedFile>(new PosixMappedFile(path, addr, size));
  }

  Status ReadFile(const std::string& path, std::string* out) override {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoStatus(path, errno);
    out->clear();
    char buf[65536];
    for (;;) {
      ssize_t n = read(fd, buf, sizeof buf);
      if (n < 0) {
        if (errno == EINTR) continue;
        int err = errno;
        close(fd);
        return ErrnoStatus(path, err);
      }
      if (n == 0) break;
      out->append(buf, n);
    }
    close(fd);
    return Status::Ok();
  }

  Status ReadRange(const std::string& path, uint64_t offset, uint64_t size, char* out) override {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoStatus(path, errno);
    uint64_t done = 0;
    while (done < size) {
      ssize_t n = pread(fd, out + done, size - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        int err = n < 0 ? errno : 0;
        close(fd);
        if (err) return ErrnoStatus(path, err);
        return Status::Corruption(path + ": shorter than its index says");
      }
      done += static_cast<uint64_t>(n);
    }
    close(fd);
    return Status::Ok();
  }

  Status Rename(const std::string& from, const std::string& to) override {
    if (rename(from.c_str(), to.c_str()) != 0) return ErrnoStatus(to, errno);
    return Status::Ok();
  }

  Status Remove(const std::string& path) override {
    if (unlink(path.c_str()) != 0) return ErrnoStatus(path, errno);
    return Status::Ok();
  }

  Status CreateDirs(const std::string& dir) override {
    size_t pos = 0;
    while (pos != std::string::npos) {
      pos = dir.find('/', pos + 1);
      std::string partial = dir.substr(0, pos);
      if (partial.empty()) continue;
      if (mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST) return ErrnoStatus(partial, errno);
    }
    return Status::Ok();
  }

  Status SyncDir(const std::string& dir) override {
    int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return ErrnoStatus(dir, errno);
    int rc = fsync(fd);
    int err = errno;
    close(fd);
    if (rc != 0) return ErrnoStatus(dir, err);
    return Status::Ok();
  }

  Result<std::vector<std::string>> ListDir(const std::string& dir) override {
    DIR* d = opendir(dir.c_str());
    if (!d) return ErrnoStatus(dir, errno);
    std::vector<std::string> out;
    while (struct dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n != "." && n != "..") out.push_back(std::move(n));
    }
    closedir(d);
    return out;
  }

  Result<FileStamp> Stat(const std::string& path) override {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return ErrnoStatus(path, errno);
    return FileStamp{static_cast<uint64_t>(st.st_ino), static_cast<uint64_t>(st.st_size),
                     static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
  }

  Result<std::unique_ptr<FileLock>> LockFile(const std::string& path,
                                             std::string_view holder) override {
    int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return ErrnoStatus(path, errno);
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      int err = errno;
      std::string held_by = err == EWOULDBLOCK ? LockHolder(fd) : "";
      close(fd);
      if (err != EWOULDBLOCK) return ErrnoStatus(path, err);
      return Status::Busy(held_by);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, holder.data(), holder.size(), 0) < 0) {
      int err = errno;
      close(fd);
      return ErrnoStatus(path, err);
    }
    return std::unique_ptr<FileLock>(new PosixFileLock(fd));
  }
};

}  // namespace

Env* Env::Default() {
  static PosixEnv* env = new PosixEnv();  // never destroyed: used until the process exits
  return env;
}

}  // namespace entente::store
