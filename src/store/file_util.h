// Helpers over an Env (env.h) that the store's parts share, with the OS's reason in every error
// and the path in front of it.
#ifndef ENTENTE_STORE_FILE_UTIL_H_
#define ENTENTE_STORE_FILE_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/env.h"

namespace entente::store {

// An OS error on a store file: NotFound for ENOENT (callers decide what a missing file means),
// else StoreError (a full disk, no permission: the store is not writable or readable).
Status ErrnoStatus(const std::string& path, int err);

// Exactly `size` bytes at `offset` into *out (a short file is Corruption).
Status ReadFileRange(Env* env, const std::string& path, uint64_t offset, uint64_t size,
                     std::string* out);

// What WriteFileAtomic did when it failed: a failure after the rename leaves the new file in
// place (a reader sees it; a power cut may bring back the old one).
enum class AtomicWrite { kNotRenamed, kRenamed };

// Writes `bytes` to dir/name.tmp, fsyncs it, renames it over dir/name and fsyncs dir. On
// failure *what (may be null) says whether the rename had happened.
Status WriteFileAtomic(Env* env, const std::string& dir, const std::string& name,
                       std::string_view bytes, AtomicWrite* what = nullptr);

// The last component of `path` ("seg-00000003.ens" of "store/seg-00000003.ens").
std::string FileName(const std::string& path);

}  // namespace entente::store

#endif  // ENTENTE_STORE_FILE_UTIL_H_
