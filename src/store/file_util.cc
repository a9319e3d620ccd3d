#include "store/file_util.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace entente::store {
namespace {
constexpr size_t kWriteBuffer = 1 << 20;
}

Status ErrnoStatus(const std::string& path, int err) {
  std::string msg = fmt::format("{}: {}", path, std::strerror(err));
  if (err == ENOENT) return Status::NotFound(msg);
  return Status::StoreError(msg);
}

Result<std::unique_ptr<WritableFile>> WritableFile::Create(const std::string& path) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus(path, errno);
  return std::unique_ptr<WritableFile>(new WritableFile(path, fd));
}

WritableFile::~WritableFile() {
  if (fd_ >= 0) close(fd_);
}

Status WritableFile::Append(std::string_view bytes) {
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

Status WritableFile::WriteAll(std::string_view bytes) {
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

Status WritableFile::Flush() {
  RETURN_IF_ERROR(WriteAll(buf_));
  buf_.clear();
  return Status::Ok();
}

Status WritableFile::Sync() {
  RETURN_IF_ERROR(Flush());
  if (fdatasync(fd_) != 0) return ErrnoStatus(path_, errno);
  return Status::Ok();
}

Status WritableFile::Close() {
  Status s = Flush();
  if (close(fd_) != 0 && s.ok()) s = ErrnoStatus(path_, errno);
  fd_ = -1;
  return s;
}

Result<std::unique_ptr<MappedFile>> MappedFile::Open(const std::string& path) {
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
  return std::unique_ptr<MappedFile>(new MappedFile(path, addr, size));
}

MappedFile::~MappedFile() {
  if (addr_) munmap(addr_, size_);
}

Status SyncDir(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(dir, errno);
  int rc = fsync(fd);
  int err = errno;
  close(fd);
  if (rc != 0) return ErrnoStatus(dir, err);
  return Status::Ok();
}

Status ReadWholeFile(const std::string& path, std::string* out) {
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

Status ReadFileRange(const std::string& path, uint64_t offset, uint64_t size, std::string* out) {
  out->resize(size);
  return ReadFileRangeInto(path, offset, size, out->data());
}

Status ReadFileRangeInto(const std::string& path, uint64_t offset, uint64_t size, char* out) {
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

Status WriteFileAtomic(const std::string& dir, const std::string& name, std::string_view bytes) {
  std::string tmp = dir + "/" + name + ".tmp";
  {
    ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> f, WritableFile::Create(tmp));
    Status s = f->Append(bytes);
    if (s.ok()) s = f->Sync();
    if (s.ok()) s = f->Close();
    if (!s.ok()) {
      unlink(tmp.c_str());
      return s;
    }
  }
  std::string final_path = dir + "/" + name;
  if (rename(tmp.c_str(), final_path.c_str()) != 0) {
    int err = errno;
    unlink(tmp.c_str());
    return ErrnoStatus(final_path, err);
  }
  return SyncDir(dir);
}

Result<std::vector<std::string>> ListDir(const std::string& dir) {
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

bool FileExists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

uint64_t FileSizeOr0(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

std::string FileName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace entente::store
