#include "io/byte_stream.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace entente::io {

FileStream::~FileStream() {
  if (map_ != nullptr) ::munmap(map_, static_cast<size_t>(size_));
  if (fd_ >= 0) ::close(fd_);
}

bool FileStream::InMemory(std::string_view* bytes) {
  if (map_ == nullptr) {
    if (fd_ < 0 || size_ <= 0) return false;
    void* p = ::mmap(nullptr, static_cast<size_t>(size_), PROT_READ, MAP_PRIVATE, fd_, 0);
    if (p == MAP_FAILED) return false;
    map_ = p;
    // Sequential hint: aggressive readahead, and pages behind the reader may be dropped first.
    ::madvise(map_, static_cast<size_t>(size_), MADV_SEQUENTIAL);
  }
  *bytes = std::string_view(static_cast<const char*>(map_), static_cast<size_t>(size_))
               .substr(static_cast<size_t>(position_));
  return true;
}

Status FileStream::Open(const std::string& path) {
  path_ = path;
  fd_ = path == "-" ? ::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0)
                    : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    int err = errno;
    std::string msg = fmt::format("{}: cannot open: {}", path, std::strerror(err));
    return err == ENOENT ? Status::NotFound(msg) : Status::IOError(msg);
  }
  struct stat st;
  if (::fstat(fd_, &st) != 0) {
    return Status::IOError(fmt::format("{}: cannot stat: {}", path, std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) return Status::InvalidArgument(fmt::format("{}: is a directory", path));
  regular_ = S_ISREG(st.st_mode);
  size_ = regular_ ? st.st_size : 0;
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return Status::Ok();
}

Result<std::string> FileStream::PeekPrefix(size_t n) {
  if (!regular_) {  // no pread on a pipe: read the prefix now and keep it for Read()
    while (peeked_.size() < n) {
      char buf[64];
      ASSIGN_OR_RETURN(size_t got, ReadFd(buf, std::min(sizeof buf, n - peeked_.size())));
      if (got == 0) break;
      peeked_.append(buf, got);
    }
    return peeked_.substr(0, n);
  }
  std::string out(n, '\0');
  ssize_t got;
  do {
    got = ::pread(fd_, out.data(), n, 0);
  } while (got < 0 && errno == EINTR);
  if (got < 0) return Status::IOError(fmt::format("{}: read: {}", path_, std::strerror(errno)));
  out.resize(static_cast<size_t>(got));
  return out;
}

Result<std::string> FileStream::ReadAll() {
  std::string out;
  char buf[1 << 16];
  for (;;) {
    ASSIGN_OR_RETURN(size_t got, Read(buf, sizeof buf));
    if (got == 0) return out;
    out.append(buf, got);
  }
}

Result<size_t> FileStream::Read(char* buf, size_t n) {
  if (peeked_pos_ < peeked_.size() && n > 0) {
    size_t k = std::min(n, peeked_.size() - peeked_pos_);
    std::memcpy(buf, peeked_.data() + peeked_pos_, k);
    peeked_pos_ += k;
    return k;
  }
  return ReadFd(buf, n);
}

Result<size_t> FileStream::ReadFd(char* buf, size_t n) {
  for (;;) {
    ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) {
      position_ += got;
      return static_cast<size_t>(got);
    }
    if (errno != EINTR) {
      return Status::IOError(fmt::format("{}: read: {}", path_, std::strerror(errno)));
    }
  }
}

Result<size_t> MemoryStream::Read(char* buf, size_t n) {
  size_t k = std::min(n, bytes_.size() - pos_);
  std::memcpy(buf, bytes_.data() + pos_, k);
  pos_ += k;
  return k;
}

Container DetectContainer(std::string_view p) {
  if (p.size() >= 2 && static_cast<unsigned char>(p[0]) == 0x1f &&
      static_cast<unsigned char>(p[1]) == 0x8b) {
    return Container::kGzip;
  }
  // Local file header, or the end-of-central-directory record of an empty archive.
  if (p.size() >= 4 && p[0] == 'P' && p[1] == 'K' &&
      ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6))) {
    return Container::kZip;
  }
  return Container::kPlain;
}

}  // namespace entente::io
