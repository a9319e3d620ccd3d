#include "store/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>
#include <unordered_set>

#include "store/file_util.h"
#include "store/ingester.h"
#include "store/manifest.h"
#include "store/segment_merge.h"
#include "store/segment_reader.h"
#include "store/store_config.h"
#include "store/store_lock.h"

namespace entente::store {

Store::Store() : manifest_(std::make_unique<Manifest>()) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, OpenMode mode, Env* env) {
  auto s = std::unique_ptr<Store>(new Store());
  s->env_ = env;
  s->dir_ = dir;
  s->mode_ = mode;
  if (mode == OpenMode::kWrite) {
    RETURN_IF_ERROR(env->CreateDirs(dir));
    ASSIGN_OR_RETURN(s->lock_, StoreLock::Acquire(env, dir));
    RETURN_IF_ERROR(s->Load());
    // A new store gets its (empty) MANIFEST before any segment is written, so segments without a
    // MANIFEST always mean a lost one (ReadManifest), never a first ingest that died. Only a
    // MANIFEST known to be missing is written: a failed stat must not empty a store.
    if (Result<FileStamp> st = env->Stat(dir + "/" + kManifestName); !st.ok()) {
      if (st.status().code() != StatusCode::kNotFound) return st.status();
      RETURN_IF_ERROR(CommitManifest(env, dir, Manifest{}));
    }
    RETURN_IF_ERROR(s->RemoveLeftovers());
  } else {
    RETURN_IF_ERROR(s->Load());
  }
  return s;
}

uint64_t Store::SegmentBytes() const {
  uint64_t bytes = 0;
  for (const auto& seg : segments_) bytes += seg->file_bytes();
  return bytes;
}

FileStamp Store::ManifestStamp() const {
  Result<FileStamp> st = env_->Stat(dir_ + "/" + kManifestName);
  return st.ok() ? *st : FileStamp{};
}

void Store::KeepBlocksResident() {
  keep_blocks_ = true;
  for (const auto& seg : segments_) seg->KeepBlocksResident();
}

Status Store::Refresh() {
  if (ManifestStamp() == manifest_stamp_) return Status::Ok();
  return Load();
}

uint64_t Store::Generation() const {
  if (manifest_stamp_ == FileStamp{}) return 0;
  uint64_t h = 1469598103934665603ull;  // FNV-1a over the three fields
  for (uint64_t v : {manifest_stamp_.ino, manifest_stamp_.size,
                     static_cast<uint64_t>(manifest_stamp_.mtime_ns)}) {
    h = (h ^ v) * 1099511628211ull;
  }
  return h == 0 ? 1 : h;
}

Status Store::Load() {
  // A reader may race a writer that replaces the manifest and deletes merged segments: when a
  // named segment is gone, the manifest has moved on; read it again.
  Status last;
  for (int attempt = 0; attempt < 5; ++attempt) {
    // Stamped before reading: a commit in between makes the next Refresh load again, never miss.
    FileStamp stamp = ManifestStamp();
    ASSIGN_OR_RETURN(Manifest m, ReadManifest(env_, dir_));
    std::vector<std::unique_ptr<SegmentReader>> segs;
    last = Status::Ok();
    for (const SegmentInfo& info : m.segments) {
      auto r = SegmentReader::Open(env_, dir_ + "/" + info.name);
      if (!r.ok()) {
        last = r.status();
        break;
      }
      if ((*r)->rows() != info.rows) {
        last = Status::Corruption(fmt::format("{}/{}: holds {} rows, the manifest says {}", dir_,
                                              info.name, (*r)->rows(), info.rows));
        break;
      }
      if (keep_blocks_) (*r)->KeepBlocksResident();
      segs.push_back(std::move(*r));
    }
    if (last.ok()) {
      *manifest_ = std::move(m);
      segments_ = std::move(segs);
      manifest_stamp_ = stamp;
      return Status::Ok();
    }
    if (last.code() != StatusCode::kNotFound) return last;
    if (mode_ == OpenMode::kWrite) break;  // no one else commits while we hold the lock
  }
  if (last.code() == StatusCode::kNotFound) {
    // The MANIFEST names a segment that is not there (deleted by hand, a bad copy): the store is
    // damaged, not the thing the user asked for missing.
    return Status::StoreError(last.message() + " (a segment the MANIFEST names is missing)");
  }
  return last;
}

Status Store::RemoveLeftovers() {
  ASSIGN_OR_RETURN(std::vector<std::string> names, env_->ListDir(dir_));
  std::set<std::string> live;
  for (const SegmentInfo& s : manifest_->segments) live.insert(s.name);
  for (const std::string& n : names) {
    bool segment = n.starts_with("seg-") && n.ends_with(".ens");
    bool tmp = n.ends_with(".tmp");
    if ((segment && !live.count(n)) || tmp) (void)env_->Remove(dir_ + "/" + n);
  }
  return Status::Ok();
}

int64_t Store::events() const { return static_cast<int64_t>(manifest_->rows()); }

std::string Store::Describe() const { return "store " + dir_; }

Status Store::IngestEvents(const std::vector<Event>& events, IngestStats* stats) {
  if (mode_ != OpenMode::kWrite) return Status::InvalidArgument("store opened read-only");
  std::vector<const SegmentReader*> existing;
  for (const auto& s : segments_) existing.push_back(s.get());
  const uint64_t first_new_segment = manifest_->next_segment;
  Ingester ing(env_, dir_, *manifest_, existing, 1, config::kDedupeKeyBytes, events.size());
  for (const Event& e : events) {
    if (!ing.Add(0, ViewOf(e))) break;
  }
  ASSIGN_OR_RETURN(int64_t rows, CommitIngest(&ing, first_new_segment, stats));
  stats->rows += rows;
  return Status::Ok();
}

Result<int64_t> Store::CommitIngest(Ingester* ing, uint64_t first_new_segment, IngestStats* stats) {
  IngestCounts counts;
  Manifest committed;
  Status s = ing->Commit(&counts, &committed);
  if (!s.ok()) {
    ing->Abort();
    return s;
  }
  stats->stored += counts.stored;
  stats->duplicates += counts.duplicates;
  if (Status loaded = Load(); !loaded.ok()) {
    return loaded.WithContext("the events are stored, but reading the store back failed");
  }
  CompactAfterIngest(first_new_segment, stats);
  return counts.rows;
}

void Store::CompactAfterIngest(uint64_t first_new_segment, IngestStats* stats) {
  CompactOptions options;
  options.after_ingest = true;
  options.first_new_segment = first_new_segment;
  CompactStats cs;
  Status s = Compact(options, &cs);
  stats->compacted += cs.merged;
  stats->compacted_rows += cs.rows_merged;
  if (!s.ok()) {
    stats->compact_warning =
        "merging the store's smaller segments failed (the ingest itself is committed): " +
        s.ToString();
  }
}

Status Store::Compact(const CompactOptions& options, CompactStats* stats) {
  if (mode_ != OpenMode::kWrite) return Status::InvalidArgument("store opened read-only");
  *stats = CompactStats{};
  stats->segments_before = stats->segments_after = static_cast<int>(segments_.size());
  stats->bytes_before = stats->bytes_after = SegmentBytes();

  if (!options.after_ingest) {
    std::vector<bool> all(segments_.size(), true);
    return segments_.size() < 2 ? Status::Ok() : MergePicked(all, options.progress, stats);
  }
  // Tier by tier, smallest first: a tier holding more than its limit of eligible segments has its
  // smallest ones merged, up to max_merge_rows (at least two). Indices are of the segments as they
  // are after the merges before (whose outputs are numbered after the ingest's segments, so later
  // tiers leave them alone in this ingest).
  auto own = [&](size_t i) { return WrittenSince(i, options.first_new_segment); };
  uint64_t lower = 0;
  for (const MergeTier& tier : policy_.tiers) {
    std::vector<size_t> members;
    for (size_t i = 0; i < segments_.size(); ++i) {
      uint64_t rows = segments_[i]->rows();
      if (rows >= lower && rows < tier.below_rows && (tier.with_new || !own(i))) {
        members.push_back(i);
      }
    }
    lower = tier.below_rows;
    if (static_cast<int>(members.size()) <= tier.max_segments) continue;
    RETURN_IF_ERROR(MergeSmallest(members, options.progress, stats));
  }
  return MergeOwnOutput(options, stats);
}

// The ingest's own segments below the last tier's bound (merge outputs included), merged a group
// at a time until at most max_own_segments remain (CompactionPolicy).
Status Store::MergeOwnOutput(const CompactOptions& options, CompactStats* stats) {
  const uint64_t large = policy_.tiers.empty() ? 0 : policy_.tiers.back().below_rows;
  for (;;) {
    std::vector<size_t> members;
    for (size_t i = 0; i < segments_.size(); ++i) {
      if (segments_[i]->rows() < large && WrittenSince(i, options.first_new_segment)) {
        members.push_back(i);
      }
    }
    if (static_cast<int>(members.size()) <= policy_.max_own_segments) return Status::Ok();
    const size_t before = segments_.size();
    RETURN_IF_ERROR(MergeSmallest(members, options.progress, stats));
    if (segments_.size() >= before) return Status::Ok();  // the merge could not shrink them
  }
}

bool Store::WrittenSince(size_t i, uint64_t first_segment) const {
  return SegmentNumber(manifest_->segments[i].name) >= first_segment;
}

// Merges the smallest of `members` (indices into segments_), up to max_merge_rows, at least two.
Status Store::MergeSmallest(std::vector<size_t> members,
                            const std::function<void(uint64_t, uint64_t)>& progress,
                            CompactStats* stats) {
  std::stable_sort(members.begin(), members.end(),
                   [&](size_t x, size_t y) { return segments_[x]->rows() < segments_[y]->rows(); });
  std::vector<bool> picked(segments_.size(), false);
  uint64_t rows = 0;
  int n_picked = 0;
  for (size_t i : members) {
    if (n_picked >= 2 && rows + segments_[i]->rows() > policy_.max_merge_rows) break;
    picked[i] = true;
    rows += segments_[i]->rows();
    ++n_picked;
  }
  return MergePicked(picked, progress, stats);
}

Status Store::MergePicked(const std::vector<bool>& picked,
                          const std::function<void(uint64_t, uint64_t)>& progress,
                          CompactStats* stats) {
  Manifest next = *manifest_;
  std::vector<std::string> new_names;
  auto next_path = [&] {
    new_names.push_back(SegmentFileName(next.next_segment++));
    return dir_ + "/" + new_names.back();
  };
  // The rows of earlier merges of this compaction count as done: progress runs over all of it.
  const uint64_t done_before = stats->rows_merged;
  std::vector<const SegmentReader*> inputs;
  std::vector<std::string> old_names;
  for (size_t i = 0; i < segments_.size(); ++i) {
    if (!picked[i]) continue;
    inputs.push_back(segments_[i].get());
    old_names.push_back(manifest_->segments[i].name);
    stats->rows_merged += segments_[i]->rows();
  }
  const uint64_t total = stats->rows_merged;
  std::function<void(uint64_t)> on_rows;
  if (progress) on_rows = [&](uint64_t merged) { progress(done_before + merged, total); };
  std::vector<SegmentSummary> outputs;
  AtomicWrite renamed = AtomicWrite::kNotRenamed;
  Status s = MergeSegments(env_, inputs, policy_.segment_rows, next_path, on_rows, &outputs);
  if (s.ok()) {
    // The merged segments take the place of the first one they replace, so a scan still meets
    // the events in roughly the order they were ingested.
    next.segments.clear();
    bool placed = false;
    for (size_t i = 0; i < segments_.size(); ++i) {
      if (!picked[i]) {
        next.segments.push_back(manifest_->segments[i]);
        continue;
      }
      if (placed) continue;
      for (const SegmentSummary& o : outputs) {
        next.segments.push_back(
            SegmentInfo{FileName(o.path), o.rows, o.bytes, o.min_date, o.max_date});
      }
      placed = true;
    }
    s = env_->SyncDir(dir_);  // the new segments' names are durable before the manifest names them
    if (s.ok()) s = CommitManifest(env_, dir_, next, &renamed);
  }
  if (!s.ok() && renamed == AtomicWrite::kRenamed) {
    // The MANIFEST names the merged segments now; the inputs are leftovers for the next writer.
    return Status::StoreError("the merge is committed, but a power cut could still undo it: " +
                              s.message());
  }
  if (!s.ok()) {
    for (const std::string& n : new_names) (void)env_->Remove(dir_ + "/" + n);
    return s;
  }
  // Committed. The old files are no longer named; a crash before they are removed leaves them
  // to the next writer's RemoveLeftovers. Readers that still map them keep working (POSIX).
  RETURN_IF_ERROR(Load());
  for (const std::string& old : old_names) (void)env_->Remove(dir_ + "/" + old);
  stats->merged += static_cast<int>(inputs.size());
  stats->written += static_cast<int>(outputs.size());
  stats->segments_after = static_cast<int>(segments_.size());
  stats->bytes_after = SegmentBytes();
  return Status::Ok();
}

Result<StoreInfo> Store::Info() {
  StoreInfo info;
  info.events = events();
  info.segments = static_cast<int>(segments_.size());
  info.bytes = env_->FileSizeOr0(dir_ + "/" + kManifestName) + SegmentBytes();
  std::map<std::string, int64_t> datasets;
  // Distinct dyads over the segments' directories (views into their pages, which stay loaded).
  struct PairHash {
    size_t operator()(const std::pair<std::string_view, std::string_view>& p) const {
      const std::hash<std::string_view> h;
      return h(p.first) * 0x9e3779b97f4a7c15ULL ^ h(p.second);
    }
  };
  std::unordered_set<std::pair<std::string_view, std::string_view>, PairHash> dyads;
  bool first = true;
  DecodedColumn col;
  for (const auto& seg : segments_) {
    if (seg->rows() == 0) continue;
    if (first || seg->min_date() < info.first) info.first = seg->min_date();
    if (first || seg->max_date() > info.last) info.last = seg->max_date();
    first = false;
    ASSIGN_OR_RETURN(std::vector<const DyadEntry*> entries, seg->AllDyads());
    for (const DyadEntry* d : entries) dyads.emplace(d->a, d->b);
    if (seg->version() >= 3) {
      for (const auto& [name, n] : seg->dataset_rows()) datasets[std::string(name)] += n;
      continue;
    }
    RETURN_IF_ERROR(seg->NeedDicts({kDataset}));
    ASSIGN_OR_RETURN(const std::vector<BlockMeta>* blocks, seg->Blocks());
    std::vector<int64_t> counts(seg->dict(kDataset).size());
    for (size_t b = 0; b < blocks->size(); ++b) {
      RETURN_IF_ERROR(seg->ReadColumn(b, kDataset, &col));
      for (uint32_t id : col.ids) ++counts[id];
    }
    for (size_t i = 0; i < counts.size(); ++i) {
      if (counts[i]) datasets[std::string(seg->dict(kDataset)[i])] += counts[i];
    }
  }
  info.dyads = static_cast<int64_t>(dyads.size());
  info.datasets.assign(datasets.begin(), datasets.end());
  return info;
}

Status Store::Verify() {
  for (const auto& seg : segments_) RETURN_IF_ERROR(seg->Verify());
  return Status::Ok();
}

}  // namespace entente::store
