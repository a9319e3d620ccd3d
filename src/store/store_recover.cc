// Store::Recover: a MANIFEST rebuilt from the segments on disk (store.h). Segments are taken in
// the order of their numbers, which is the order they were written: a merge's output is numbered
// after its inputs, so when both survive, the inputs (the last commit) are kept and the output,
// whose every event they hold, is set aside.
#include <fmt/format.h>

#include <algorithm>

#include "store/file_util.h"
#include "store/manifest.h"
#include "store/segment_reader.h"
#include "store/store.h"
#include "store/store_lock.h"

namespace entente::store {
namespace {

constexpr char kSetAsideDir[] = "set-aside";

// Moves dir/name to dir/set-aside/name (durably) and records why.
Status SetAside(Env* env, const std::string& dir, const std::string& name, const std::string& why,
                RecoverStats* stats) {
  const std::string aside = dir + "/" + kSetAsideDir;
  RETURN_IF_ERROR(env->CreateDirs(aside));
  const std::string from = dir + "/" + name, to = aside + "/" + name;
  if (env->FileExists(to)) return Status::StoreError(fmt::format("{}: already exists", to));
  RETURN_IF_ERROR(env->Rename(from, to));
  RETURN_IF_ERROR(env->SyncDir(aside));
  RETURN_IF_ERROR(env->SyncDir(dir));
  stats->set_aside.push_back({from, to, why});
  return Status::Ok();
}

// Whether any of `seg`'s keys is in `kept` (sorted); else appends them to `seg_keys`.
Result<bool> SharesKeys(const SegmentReader& seg, const std::vector<uint64_t>& kept,
                        std::vector<uint64_t>* seg_keys) {
  bool shared = false;
  seg_keys->clear();
  RETURN_IF_ERROR(seg.ForEachKey([&](uint64_t k) {
    if (!shared && std::binary_search(kept.begin(), kept.end(), k)) shared = true;
    seg_keys->push_back(k);
  }));
  return shared;
}

// Moves an unreadable MANIFEST out of the way (kept beside the store for inspection).
Status MoveDamagedManifest(Env* env, const std::string& dir, RecoverStats* stats) {
  const std::string path = dir + "/" + kManifestName;
  if (!env->FileExists(path)) return Status::Ok();
  for (int i = 1;; ++i) {
    std::string to = fmt::format("{}/{}.damaged-{}", dir, kManifestName, i);
    if (env->FileExists(to)) continue;
    RETURN_IF_ERROR(env->Rename(path, to));
    stats->damaged_manifest = to;
    return env->SyncDir(dir);
  }
}

}  // namespace

Status Store::Recover(const std::string& dir, RecoverStats* stats, Env* env) {
  *stats = RecoverStats{};
  ASSIGN_OR_RETURN(std::unique_ptr<StoreLock> lock, StoreLock::Acquire(env, dir));
  Result<Manifest> current = ReadManifest(env, dir);
  if (current.ok() || current.status().code() != StatusCode::kCorruption) {
    return current.ok() ? Status::Ok() : current.status();
  }
  stats->needed = true;

  ASSIGN_OR_RETURN(std::vector<std::string> names, env->ListDir(dir));
  std::vector<std::pair<uint64_t, std::string>> numbered;
  for (const std::string& n : names) {
    if (uint64_t number = SegmentNumber(n); number != 0) numbered.push_back({number, n});
  }
  std::sort(numbered.begin(), numbered.end());

  Manifest m;
  std::vector<uint64_t> kept_keys, seg_keys;
  for (const auto& [number, name] : numbered) {
    m.next_segment = std::max(m.next_segment, number + 1);
    Result<std::unique_ptr<SegmentReader>> seg = SegmentReader::Open(env, dir + "/" + name);
    Status check = seg.ok() ? (*seg)->Verify() : seg.status();
    if (!check.ok()) {
      RETURN_IF_ERROR(SetAside(env, dir, name, check.message(), stats));
      continue;
    }
    ASSIGN_OR_RETURN(bool shared, SharesKeys(**seg, kept_keys, &seg_keys));
    if (shared) {
      RETURN_IF_ERROR(SetAside(
          env, dir, name, "holds events of a segment kept before it (a merge that never committed)",
          stats));
      continue;
    }
    size_t middle = kept_keys.size();
    kept_keys.insert(kept_keys.end(), seg_keys.begin(), seg_keys.end());
    std::inplace_merge(kept_keys.begin(), kept_keys.begin() + middle, kept_keys.end());
    m.segments.push_back(SegmentInfo{name, (*seg)->rows(), (*seg)->file_bytes(), (*seg)->min_date(),
                                     (*seg)->max_date()});
    stats->rows += (*seg)->rows();
  }
  stats->kept = static_cast<int>(m.segments.size());
  RETURN_IF_ERROR(MoveDamagedManifest(env, dir, stats));
  return CommitManifest(env, dir, m);
}

}  // namespace entente::store
