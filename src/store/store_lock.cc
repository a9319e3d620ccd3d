#include "store/store_lock.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "store/file_util.h"

namespace entente::store {

Result<std::unique_ptr<StoreLock>> StoreLock::Acquire(const std::string& dir) {
  std::string path = dir + "/LOCK";
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus(path, errno);
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    if (err != EWOULDBLOCK) {
      close(fd);
      return ErrnoStatus(path, err);
    }
    char buf[32] = {};
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    close(fd);
    std::string pid = n > 0 ? std::string(buf, n) : "?";
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return Status::Busy(fmt::format("store is locked by pid {} ({}: another writer is running)",
                                    pid.empty() ? "?" : pid, dir));
  }
  std::string pid = fmt::format("{}\n", getpid());
  if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    int err = errno;
    close(fd);
    return ErrnoStatus(path, err);
  }
  return std::unique_ptr<StoreLock>(new StoreLock(fd));
}

StoreLock::~StoreLock() {
  // Leave the pid in place would mislead the next Busy message; clear it, then unlock.
  if (ftruncate(fd_, 0) != 0) {
    // Nothing to do: the lock is released by close() anyway.
  }
  close(fd_);
}

}  // namespace entente::store
