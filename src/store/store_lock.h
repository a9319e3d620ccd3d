// The writer lock: an exclusive lock (flock(LOCK_EX|LOCK_NB) in the POSIX Env) on <store>/LOCK,
// with the holder's pid written inside so a second writer can say who holds it ("store is locked
// by pid 4242"). The kernel drops the lock when the holder dies (kill -9 included), so there is
// never a stale lock to clean by hand. Readers never take it: they read the manifest, which is
// only ever replaced by rename.
#ifndef ENTENTE_STORE_STORE_LOCK_H_
#define ENTENTE_STORE_STORE_LOCK_H_

#include <memory>
#include <string>

#include "core/status.h"
#include "store/env.h"

namespace entente::store {

class StoreLock {
 public:
  // Busy("store is locked by pid N") when another process holds it.
  static Result<std::unique_ptr<StoreLock>> Acquire(Env* env, const std::string& dir);
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

 private:
  explicit StoreLock(std::unique_ptr<FileLock> lock) : lock_(std::move(lock)) {}
  std::unique_ptr<FileLock> lock_;  // released when the StoreLock goes
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_STORE_LOCK_H_
