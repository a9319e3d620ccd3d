#include "store/fault_env.h"

#include <cerrno>

#include "store/file_util.h"

namespace entente::store {
namespace {

class FaultWritableFile final : public WritableFile {
 public:
  FaultWritableFile(FaultEnv* env, std::unique_ptr<WritableFile> base)
      : env_(env), base_(std::move(base)) {}
  Status Append(std::string_view bytes) override {
    bool short_write = false;
    Status s = env_->Next("append", path(), &short_write);
    if (short_write) (void)base_->Append(bytes.substr(0, bytes.size() / 2));
    return s.ok() ? base_->Append(bytes) : s;
  }
  Status Sync() override {
    RETURN_IF_ERROR(env_->Next("sync", path()));
    return base_->Sync();
  }
  Status Close() override {
    RETURN_IF_ERROR(env_->Next("close", path()));
    return base_->Close();
  }
  uint64_t size() const override { return base_->size(); }
  const std::string& path() const override { return base_->path(); }

 private:
  FaultEnv* env_;
  std::unique_ptr<WritableFile> base_;
};

}  // namespace

void FaultEnv::FailAt(int64_t n, Fault fault) {
  std::lock_guard<std::mutex> l(mu_);
  count_ = 0;
  fail_at_ = n;
  fault_ = fault;
  crashed_ = fired_ = false;
  log_.clear();
}

int64_t FaultEnv::operations() const {
  std::lock_guard<std::mutex> l(mu_);
  return count_;
}

bool FaultEnv::crashed() const {
  std::lock_guard<std::mutex> l(mu_);
  return crashed_;
}

bool FaultEnv::fired() const {
  std::lock_guard<std::mutex> l(mu_);
  return fired_;
}

std::vector<std::string> FaultEnv::Log() const {
  std::lock_guard<std::mutex> l(mu_);
  return log_;
}

Status FaultEnv::Next(const char* what, const std::string& path, bool* short_write) {
  std::lock_guard<std::mutex> l(mu_);
  const int64_t n = count_++;
  log_.push_back(std::string(what) + " " + path);
  if (crashed_) return Status::IOError(path + ": the process has crashed (injected)");
  if (n != fail_at_) return Status::Ok();
  fired_ = true;
  switch (fault_) {
    case Fault::kCrash:
      crashed_ = true;
      return Status::IOError(path + ": the process has crashed (injected)");
    case Fault::kNoSpace:
      if (short_write) *short_write = true;
      return ErrnoStatus(path, ENOSPC);
    case Fault::kIoError: return ErrnoStatus(path, EIO);
  }
  return Status::Ok();
}

Result<std::unique_ptr<WritableFile>> FaultEnv::NewWritableFile(const std::string& path) {
  RETURN_IF_ERROR(Next("create", path));
  ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> f, base_->NewWritableFile(path));
  return std::unique_ptr<WritableFile>(new FaultWritableFile(this, std::move(f)));
}

}  // namespace entente::store
