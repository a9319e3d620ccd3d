#include "store/mem_env.h"

#include <cerrno>

#include "store/file_util.h"

namespace entente::store {
namespace {

std::string ParentOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

class MemMappedFile final : public MappedFile {
 public:
  MemMappedFile(std::string path, std::string data, std::shared_ptr<std::atomic<uint64_t>> released)
      : path_(std::move(path)), data_(std::move(data)), released_(std::move(released)) {}
  std::string_view data() const override { return data_; }
  const std::string& path() const override { return path_; }
  void Release(uint64_t offset, uint64_t size) const override {
    if (offset < data_.size()) *released_ += std::min<uint64_t>(size, data_.size() - offset);
  }

 private:
  std::string path_;
  std::string data_;  // a copy: later writes to the path do not move it
  std::shared_ptr<std::atomic<uint64_t>> released_;
};

}  // namespace

class MemWritableFile final : public WritableFile {
 public:
  MemWritableFile(MemEnv* env, std::string path, std::shared_ptr<MemEnv::Node> node)
      : env_(env), path_(std::move(path)), node_(std::move(node)) {}
  Status Append(std::string_view bytes) override {
    if (closed_) return Status::StoreError(path_ + ": written after Close");
    std::lock_guard<std::mutex> l(env_->mu_);
    node_->data.append(bytes);
    node_->mtime = ++env_->clock_;
    size_ += bytes.size();
    return Status::Ok();
  }
  Status Sync() override {
    std::lock_guard<std::mutex> l(env_->mu_);
    node_->synced = node_->data.size();
    return Status::Ok();
  }
  Status Close() override {
    closed_ = true;
    return Status::Ok();
  }
  uint64_t size() const override { return size_; }
  const std::string& path() const override { return path_; }

 private:
  MemEnv* env_;
  std::string path_;
  std::shared_ptr<MemEnv::Node> node_;
  uint64_t size_ = 0;
  bool closed_ = false;
};

class MemFileLock final : public FileLock {
 public:
  MemFileLock(MemEnv* env, std::string path) : env_(env), path_(std::move(path)) {}
  ~MemFileLock() override {
    std::lock_guard<std::mutex> l(env_->mu_);
    env_->locked_.erase(path_);
    if (auto it = env_->files_.find(path_); it != env_->files_.end()) it->second->data.clear();
  }

 private:
  MemEnv* env_;
  std::string path_;
};

void MemEnv::Crash() {
  std::lock_guard<std::mutex> l(mu_);
  files_ = durable_;
  for (auto& [path, node] : files_) node->data.resize(node->synced);
  locked_.clear();
}

std::set<std::string> MemEnv::Files() {
  std::lock_guard<std::mutex> l(mu_);
  std::set<std::string> out;
  for (const auto& [path, node] : files_) out.insert(path);
  return out;
}

std::unique_ptr<MemEnv> MemEnv::Clone() {
  std::lock_guard<std::mutex> l(mu_);
  auto copy = std::make_unique<MemEnv>();
  std::map<const Node*, std::shared_ptr<Node>> copied;  // a file under two maps stays one file
  auto copy_of = [&](const std::shared_ptr<Node>& node) {
    std::shared_ptr<Node>& c = copied[node.get()];
    if (!c) c = std::make_shared<Node>(*node);
    return c;
  };
  for (const auto& [path, node] : files_) copy->files_[path] = copy_of(node);
  for (const auto& [path, node] : durable_) copy->durable_[path] = copy_of(node);
  copy->dirs_ = dirs_;
  copy->next_ino_ = next_ino_;
  copy->clock_ = clock_;
  return copy;
}

Status MemEnv::CheckParent(const std::string& path) const {
  if (dirs_.count(ParentOf(path))) return Status::Ok();
  return ErrnoStatus(path, ENOENT);
}

std::shared_ptr<MemEnv::Node> MemEnv::Find(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : it->second;
}

Result<std::unique_ptr<WritableFile>> MemEnv::NewWritableFile(const std::string& path) {
  std::lock_guard<std::mutex> l(mu_);
  RETURN_IF_ERROR(CheckParent(path));
  // A new file under the old name, as unlink-and-create: a mapping of the old one keeps its bytes.
  auto node = std::make_shared<Node>();
  node->ino = next_ino_++;
  node->mtime = ++clock_;
  files_[path] = node;
  return std::unique_ptr<WritableFile>(new MemWritableFile(this, path, std::move(node)));
}

Result<std::unique_ptr<MappedFile>> MemEnv::MapFile(const std::string& path) {
  std::lock_guard<std::mutex> l(mu_);
  std::shared_ptr<Node> node = Find(path);
  if (!node) return ErrnoStatus(path, ENOENT);
  return std::unique_ptr<MappedFile>(new MemMappedFile(path, node->data, released_));
}

Status MemEnv::ReadFile(const std::string& path, std::string* out) {
  std::lock_guard<std::mutex> l(mu_);
  std::shared_ptr<Node> node = Find(path);
  if (!node) return ErrnoStatus(path, ENOENT);
  *out = node->data;
  return Status::Ok();
}

Status MemEnv::ReadRange(const std::string& path, uint64_t offset, uint64_t size, char* out) {
  std::lock_guard<std::mutex> l(mu_);
  std::shared_ptr<Node> node = Find(path);
  if (!node) return ErrnoStatus(path, ENOENT);
  if (offset > node->data.size() || node->data.size() - offset < size) {
    return Status::Corruption(path + ": shorter than its index says");
  }
  node->data.copy(out, size, offset);
  return Status::Ok();
}

Status MemEnv::Rename(const std::string& from, const std::string& to) {
  std::lock_guard<std::mutex> l(mu_);
  std::shared_ptr<Node> node = Find(from);
  if (!node) return ErrnoStatus(from, ENOENT);
  RETURN_IF_ERROR(CheckParent(to));
  files_.erase(from);
  files_[to] = std::move(node);
  return Status::Ok();
}

Status MemEnv::Remove(const std::string& path) {
  std::lock_guard<std::mutex> l(mu_);
  if (files_.erase(path) == 0) return ErrnoStatus(path, ENOENT);
  return Status::Ok();
}

Status MemEnv::CreateDirs(const std::string& dir) {
  std::lock_guard<std::mutex> l(mu_);
  for (size_t pos = 0; pos != std::string::npos;) {
    pos = dir.find('/', pos + 1);
    std::string partial = dir.substr(0, pos);
    if (!partial.empty()) dirs_.insert(partial);
  }
  return Status::Ok();
}

Status MemEnv::SyncDir(const std::string& dir) {
  std::lock_guard<std::mutex> l(mu_);
  if (!dirs_.count(dir)) return ErrnoStatus(dir, ENOENT);
  std::erase_if(durable_, [&](const auto& kv) { return ParentOf(kv.first) == dir; });
  for (const auto& [path, node] : files_) {
    if (ParentOf(path) == dir) durable_[path] = node;
  }
  return Status::Ok();
}

Result<std::vector<std::string>> MemEnv::ListDir(const std::string& dir) {
  std::lock_guard<std::mutex> l(mu_);
  if (!dirs_.count(dir)) return ErrnoStatus(dir, ENOENT);
  std::vector<std::string> out;
  for (const auto& [path, node] : files_) {
    if (ParentOf(path) == dir) out.push_back(FileName(path));
  }
  for (const std::string& d : dirs_) {
    if (ParentOf(d) == dir) out.push_back(FileName(d));
  }
  return out;
}

Result<FileStamp> MemEnv::Stat(const std::string& path) {
  std::lock_guard<std::mutex> l(mu_);
  if (dirs_.count(path)) return FileStamp{};
  std::shared_ptr<Node> node = Find(path);
  if (!node) return ErrnoStatus(path, ENOENT);
  return FileStamp{node->ino, node->data.size(), node->mtime};
}

Result<std::unique_ptr<FileLock>> MemEnv::LockFile(const std::string& path,
                                                   std::string_view holder) {
  std::lock_guard<std::mutex> l(mu_);
  RETURN_IF_ERROR(CheckParent(path));
  std::shared_ptr<Node>& node = files_[path];
  if (!node) {
    node = std::make_shared<Node>();
    node->ino = next_ino_++;
  }
  if (locked_.count(path)) return Status::Busy(node->data);
  node->data = holder;
  node->mtime = ++clock_;
  locked_.insert(path);
  return std::unique_ptr<FileLock>(new MemFileLock(this, path));
}

}  // namespace entente::store
