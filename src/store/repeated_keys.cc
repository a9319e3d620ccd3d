#include "store/repeated_keys.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "store/file_util.h"
#include "store/segment_reader.h"

namespace entente::store {
namespace {

struct KeyAt {
  uint64_t key;
  uint32_t order;
  uint32_t unused;
};
static_assert(sizeof(KeyAt) == 16);

// Removes the partition files however FindRepeatedKeys returns.
class Partitions {
 public:
  Partitions(Env* env, std::string dir, size_t n) : env_(env), dir_(std::move(dir)), files_(n) {}
  ~Partitions() {
    const size_t n = files_.size();
    files_.clear();  // closed before they are removed
    for (size_t p = 0; p < n; ++p) (void)env_->Remove(Path(p));
  }
  std::string Path(size_t p) const { return fmt::format("{}/dedupe-{}.tmp", dir_, p); }
  Status Create() {
    for (size_t p = 0; p < files_.size(); ++p) {
      ASSIGN_OR_RETURN(files_[p], env_->NewWritableFile(Path(p)));
    }
    return Status::Ok();
  }
  // The partition of `key` by its top bits: keys are hashes, so partitions are about equal.
  size_t Of(uint64_t key) const {
    return static_cast<size_t>((static_cast<unsigned __int128>(key) * files_.size()) >> 64);
  }
  Status Add(uint64_t key, uint32_t order) {
    KeyAt k{key, order, 0};
    return files_[Of(key)]->Append(std::string_view(reinterpret_cast<const char*>(&k), sizeof k));
  }
  // Closes the files; sizes() then says how many bytes each holds.
  Status CloseAll() {
    for (auto& f : files_) {
      sizes_.push_back(f->size());
      RETURN_IF_ERROR(f->Close());
    }
    return Status::Ok();
  }
  const std::vector<uint64_t>& sizes() const { return sizes_; }
  size_t size() const { return files_.size(); }

 private:
  Env* env_;
  std::string dir_;
  std::vector<std::unique_ptr<WritableFile>> files_;
  std::vector<uint64_t> sizes_;
};

// The repeats within one partition's keys (`size` bytes written to `path`).
Status FindRepeatsIn(Env* env, const std::string& path, uint64_t size,
                     std::map<uint32_t, std::vector<uint64_t>>* out) {
  std::vector<KeyAt> keys(size / sizeof(KeyAt));
  if (!keys.empty()) {
    // Straight into the vector: a copy through a string would hold the partition twice.
    RETURN_IF_ERROR(
        env->ReadRange(path, 0, keys.size() * sizeof(KeyAt), reinterpret_cast<char*>(keys.data())));
  }
  std::sort(keys.begin(), keys.end(), [](const KeyAt& x, const KeyAt& y) {
    return x.key != y.key ? x.key < y.key : x.order < y.order;
  });
  for (size_t i = 1; i < keys.size(); ++i) {
    if (keys[i].key == keys[i - 1].key) (*out)[keys[i].order].push_back(keys[i].key);
  }
  return Status::Ok();
}

}  // namespace

Result<std::map<uint32_t, std::vector<uint64_t>>> FindRepeatedKeys(
    Env* env, const std::string& dir, const std::vector<KeySource>& sources, size_t memory) {
  uint64_t total = 0;
  for (const KeySource& s : sources) total += s.rows;
  const size_t per_partition = std::max<size_t>(memory / sizeof(KeyAt), 1024);
  Partitions parts(env, dir, static_cast<size_t>(total / per_partition) + 1);
  RETURN_IF_ERROR(parts.Create());
  for (const KeySource& s : sources) {
    Status err;
    RETURN_IF_ERROR(SegmentReader::ForEachKeyIn(env, s.path, s.keys, s.rows, [&](uint64_t k) {
      if (err.ok()) err = parts.Add(k, s.order);
    }));
    RETURN_IF_ERROR(err);
  }
  RETURN_IF_ERROR(parts.CloseAll());
  std::map<uint32_t, std::vector<uint64_t>> repeated;
  for (size_t p = 0; p < parts.size(); ++p) {
    RETURN_IF_ERROR(FindRepeatsIn(env, parts.Path(p), parts.sizes()[p], &repeated));
  }
  // Partitions cover ascending key ranges and each is sorted, so every list is ascending.
  return repeated;
}

}  // namespace entente::store
