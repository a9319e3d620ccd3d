#include "store/store_lock.h"

#include <fmt/format.h>
#include <unistd.h>

#include <string>

namespace entente::store {

Result<std::unique_ptr<StoreLock>> StoreLock::Acquire(Env* env, const std::string& dir) {
  Result<std::unique_ptr<FileLock>> lock =
      env->LockFile(dir + "/LOCK", fmt::format("{}\n", getpid()));
  if (lock.ok()) return std::unique_ptr<StoreLock>(new StoreLock(std::move(*lock)));
  if (lock.status().code() != StatusCode::kBusy) return lock.status();
  std::string pid = lock.status().message();
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return Status::Busy(fmt::format("store is locked by pid {} ({}: another writer is running)",
                                  pid.empty() ? "?" : pid, dir));
}

}  // namespace entente::store
