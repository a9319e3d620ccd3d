#include "store/file_util.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace entente::store {

Status ErrnoStatus(const std::string& path, int err) {
  std::string msg = fmt::format("{}: {}", path, std::strerror(err));
  if (err == ENOENT) return Status::NotFound(msg);
  return Status::StoreError(msg);
}

Status ReadFileRange(Env* env, const std::string& path, uint64_t offset, uint64_t size,
                     std::string* out) {
  out->resize(size);
  return env->ReadRange(path, offset, size, out->data());
}

Status WriteFileAtomic(Env* env, const std::string& dir, const std::string& name,
                       std::string_view bytes, AtomicWrite* what) {
  if (what) *what = AtomicWrite::kNotRenamed;
  std::string tmp = dir + "/" + name + ".tmp";
  {
    ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> f, env->NewWritableFile(tmp));
    Status s = f->Append(bytes);
    if (s.ok()) s = f->Sync();
    if (s.ok()) s = f->Close();
    if (!s.ok()) {
      (void)env->Remove(tmp);
      return s;
    }
  }
  if (Status s = env->Rename(tmp, dir + "/" + name); !s.ok()) {
    (void)env->Remove(tmp);
    return s;
  }
  if (what) *what = AtomicWrite::kRenamed;
  return env->SyncDir(dir);
}

std::string FileName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace entente::store
