#include "store/ingester.h"

#include <functional>
#include <set>

#include "store/file_util.h"
#include "store/repeated_keys.h"
#include "store/segment_merge.h"
#include "store/segment_writer.h"
#include "store/store_config.h"

namespace entente::store {

namespace {

// Marks every entry of `keys` (ascending) whose key `for_each_key` yields (ascending).
Result<int64_t> MarkKeys(
    const std::function<Status(const std::function<void(uint64_t)>&)>& for_each_key,
    const std::vector<std::pair<uint64_t, uint32_t>>& keys,
    std::vector<RunBuilder::Entry>* entries) {
  if (keys.empty()) return int64_t{0};
  size_t i = 0;
  int64_t marked = 0;
  RETURN_IF_ERROR(for_each_key([&](uint64_t k) {
    while (i < keys.size() && keys[i].first < k) ++i;
    if (i < keys.size() && keys[i].first == k) {
      RunBuilder::Entry& e = (*entries)[keys[i].second];
      if (!e.duplicate) {
        e.duplicate = true;
        ++marked;
      }
    }
  }));
  return marked;
}

}  // namespace

Result<int64_t> MarkStoredKeys(const SegmentReader& reader,
                               const std::vector<std::pair<uint64_t, uint32_t>>& keys,
                               std::vector<RunBuilder::Entry>* entries) {
  if (reader.rows() == 0) return int64_t{0};
  return MarkKeys([&](const auto& visit) { return reader.ForEachKey(visit); }, keys, entries);
}

Ingester::Ingester(Env* env, std::string dir, Manifest base,
                   std::vector<const SegmentReader*> existing, int workers, size_t key_budget,
                   uint64_t expected_rows)
    : env_(env),
      dir_(std::move(dir)),
      manifest_(std::move(base)),
      existing_(std::move(existing)),
      key_budget_(key_budget) {
  for (int i = 0; i < workers; ++i) runs_.push_back(std::make_unique<RunBuilder>(expected_rows));
}

Ingester::~Ingester() = default;

void Ingester::SetError(const Status& s) {
  std::lock_guard<std::mutex> l(mu_);
  if (error_.ok()) error_ = s;
  failed_ = true;
}

Status Ingester::status() {
  std::lock_guard<std::mutex> l(mu_);
  return error_;
}

bool Ingester::Add(int worker, const EventRow& e) {
  if (failed_.load(std::memory_order_relaxed)) return false;
  RunBuilder* run = runs_[worker].get();
  run->Add(e);
  rows_.fetch_add(1, std::memory_order_relaxed);
  if (run->bytes() >= config::kRunBytes) {
    Status s = FlushRun(run);
    if (!s.ok()) {
      SetError(s);
      return false;
    }
  }
  return true;
}

Status Ingester::FinishWorker(int worker) {
  if (failed_.load()) return status();  // the ingest is abandoned: write nothing more
  Status s = FlushRun(runs_[worker].get());
  if (!s.ok()) SetError(s);
  return s;
}

Status Ingester::FlushRun(RunBuilder* run) {
  if (run->empty()) return Status::Ok();
  int64_t rows = static_cast<int64_t>(run->rows());
  int64_t dups = run->SortAndDedupe();
  auto keys = std::make_shared<std::vector<std::pair<uint64_t, uint32_t>>>(run->SortedKeys());
  std::vector<RunBuilder::Entry>& entries = run->entries();

  // Under the lock: drop keys already stored, written by this ingest, or being written by another
  // worker right now; then announce ours, so runs flushed after this point skip them too.
  std::string name, path;
  uint32_t order = 0;
  bool defer = false;
  {
    std::lock_guard<std::mutex> l(mu_);
    if (!loaded_existing_) {
      // The store's keys, once, as far as they fit; the rest stay on disk in existing_.
      loaded_existing_ = true;
      std::vector<const SegmentReader*> on_disk;
      std::vector<uint64_t> seg_keys;
      for (const SegmentReader* r : existing_) {
        if (!KeysFit(r->rows())) {
          on_disk.push_back(r);
          continue;
        }
        seg_keys.clear();
        seg_keys.reserve(r->rows());
        RETURN_IF_ERROR(r->ForEachKey([&](uint64_t k) { seg_keys.push_back(k); }));
        accepted_.Insert(seg_keys);
      }
      existing_ = std::move(on_disk);
    }
    accepted_.ForEachHit(*keys, [&](size_t i) {
      RunBuilder::Entry& e = entries[(*keys)[i].second];
      if (!e.duplicate) {
        e.duplicate = true;
        ++dups;
      }
    });
    order = next_order_++;
    if (!existing_.empty() || !written_.empty()) {
      defer = disk_checks_ >= config::kImmediateDiskChecks;
      if (!defer) {
        ++disk_checks_;
        ASSIGN_OR_RETURN(int64_t n, MarkKeysOnDisk(*keys, &entries));
        dups += n;
      }
    }
    for (const auto& other : in_flight_) {
      size_t i = 0;
      for (const auto& [k, idx] : *other) {
        while (i < keys->size() && (*keys)[i].first < k) ++i;
        if (i < keys->size() && (*keys)[i].first == k && !entries[(*keys)[i].second].duplicate) {
          entries[(*keys)[i].second].duplicate = true;
          ++dups;
        }
      }
    }
    counts_.rows += rows;
    counts_.duplicates += dups;
    if (dups == rows) {
      run->Clear();
      return Status::Ok();
    }
    // Keys of rows still to write (those just marked are not ours to claim).
    std::erase_if(*keys, [&](const auto& kv) { return entries[kv.second].duplicate; });
    in_flight_.push_back(keys);
    name = SegmentFileName(manifest_.next_segment++);
    path = dir_ + "/" + name;
    written_info_.push_back(SegmentInfo{name});  // from here Abort() removes the file
  }
  auto done = [&](Status s) -> Status {
    std::lock_guard<std::mutex> l(mu_);
    std::erase(in_flight_, keys);
    return s;
  };

  // Outside the lock: encode, compress and write (the expensive part runs on every worker).
  SegmentSummary sum;
  {
    auto w = SegmentWriter::Create(env_, path);
    if (!w.ok()) return done(w.status());
    (*w)->SetSourceDicts(run->dicts());
    std::vector<uint64_t> sorted_keys(keys->size());
    for (size_t i = 0; i < keys->size(); ++i) sorted_keys[i] = (*keys)[i].first;
    (*w)->SetSortedKeys(std::move(sorted_keys));
    constexpr size_t kRowAhead = 16, kPlainAhead = 8;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (i + kRowAhead < entries.size()) run->PrefetchRow(entries[i + kRowAhead].row);
      if (i + kPlainAhead < entries.size()) run->PrefetchPlain(entries[i + kPlainAhead].row);
      const RunBuilder::Entry& en = entries[i];
      if (en.duplicate) continue;
      const PackedRow& r = run->row(en.row);
      Status s = (*w)->AddPacked(r, run->plain(r), run->dyad_string(en.a), run->dyad_string(en.b),
                                 en.flipped);
      if (!s.ok()) return done(s);
    }
    Status s = (*w)->Finish(&sum);
    if (!s.ok()) return done(s);
  }
  run->Clear();
  std::lock_guard<std::mutex> l(mu_);
  std::erase(in_flight_, keys);
  const bool fits = KeysFit(keys->size());
  if (fits) accepted_.Insert(*keys);
  if (!fits || defer) {  // later runs, or Commit, read this segment's keys from its file
    auto reader = SegmentReader::Open(env_, path);
    if (!reader.ok()) return reader.status();
    WrittenSegment where{path, (*reader)->keys_ref(), (*reader)->rows(), order};
    if (!fits) written_.push_back(where);
    if (defer) deferred_.push_back(DeferredSegment{name, where});
  }
  for (SegmentInfo& info : written_info_) {
    if (info.name != name) continue;
    info.rows = sum.rows;
    info.bytes = sum.bytes;
    info.min_date = sum.min_date;
    info.max_date = sum.max_date;
  }
  counts_.stored += static_cast<int64_t>(sum.rows);
  return Status::Ok();
}

Result<int64_t> Ingester::MarkKeysOnDisk(const std::vector<std::pair<uint64_t, uint32_t>>& keys,
                                         std::vector<RunBuilder::Entry>* entries) {
  int64_t marked = 0;
  for (const SegmentReader* r : existing_) {
    ASSIGN_OR_RETURN(int64_t n, MarkStoredKeys(*r, keys, entries));
    marked += n;
  }
  for (const WrittenSegment& w : written_) {
    auto for_each = [&](const std::function<void(uint64_t)>& visit) {
      return SegmentReader::ForEachKeyIn(env_, w.path, w.keys, w.rows, visit);
    };
    ASSIGN_OR_RETURN(int64_t n, MarkKeys(for_each, keys, entries));
    marked += n;
  }
  return marked;
}

Status Ingester::CheckDeferred() {
  if (deferred_.empty()) return Status::Ok();
  // Every segment whose keys are only on disk, and the deferred ones (some are both).
  std::vector<KeySource> sources;
  std::set<std::string> listed;
  for (const SegmentReader* r : existing_) {
    sources.push_back(KeySource{r->path(), r->keys_ref(), r->rows(), 0});
  }
  auto add = [&](const WrittenSegment& w) {
    if (listed.insert(w.path).second) sources.push_back(KeySource{w.path, w.keys, w.rows, w.order});
  };
  for (const WrittenSegment& w : written_) add(w);
  for (const DeferredSegment& d : deferred_) add(d.where);
  ASSIGN_OR_RETURN(auto repeated, FindRepeatedKeys(env_, dir_, sources, config::kDedupeKeyBytes));
  for (const DeferredSegment& d : deferred_) {
    auto it = repeated.find(d.where.order);
    if (it != repeated.end()) RETURN_IF_ERROR(RewriteWithout(d, it->second));
  }
  return Status::Ok();
}

// Replaces the deferred segment by one without the rows of `keys` (or by none).
Status Ingester::RewriteWithout(const DeferredSegment& seg, const std::vector<uint64_t>& keys) {
  ASSIGN_OR_RETURN(std::unique_ptr<SegmentReader> reader,
                   SegmentReader::Open(env_, seg.where.path));
  std::string name;
  auto next_path = [&] {
    name = SegmentFileName(manifest_.next_segment++);
    written_info_.push_back(SegmentInfo{name});  // from here Abort() removes the file
    return dir_ + "/" + name;
  };
  std::vector<SegmentSummary> out;
  RETURN_IF_ERROR(MergeSegments(env_, {reader.get()}, UINT64_MAX, next_path, {}, &out, keys));
  reader.reset();
  std::erase_if(written_info_, [&](const SegmentInfo& s) {
    return s.name == seg.name || (out.empty() && s.name == name);
  });
  for (SegmentInfo& info : written_info_) {
    if (out.empty() || info.name != name) continue;
    info.rows = out[0].rows;
    info.bytes = out[0].bytes;
    info.min_date = out[0].min_date;
    info.max_date = out[0].max_date;
  }
  (void)env_->Remove(seg.where.path);
  const int64_t dropped = static_cast<int64_t>(keys.size());
  std::lock_guard<std::mutex> l(mu_);
  counts_.stored -= dropped;
  counts_.duplicates += dropped;
  return Status::Ok();
}

Status Ingester::Commit(IngestCounts* counts, Manifest* committed) {
  RETURN_IF_ERROR(status());
  for (auto& run : runs_) RETURN_IF_ERROR(FlushRun(run.get()));
  // The runs' buffers and the in-memory keys are done with: the deferred check and the merge
  // after the ingest run within the same memory promise, so they must not find them still held.
  runs_.clear();
  accepted_ = KeySet();
  RETURN_IF_ERROR(CheckDeferred());
  if (!written_info_.empty()) {
    Manifest next = manifest_;
    for (const SegmentInfo& s : written_info_) next.segments.push_back(s);
    RETURN_IF_ERROR(env_->SyncDir(dir_));  // the new segment names are durable before the manifest
    AtomicWrite what;
    if (Status s = CommitManifest(env_, dir_, next, &what); !s.ok()) {
      if (what == AtomicWrite::kNotRenamed) return s;
      // The MANIFEST names the new segments now: they are no longer ours to remove.
      written_info_.clear();
      return Status::StoreError("the events are stored, but a power cut could still undo it: " +
                                s.message());
    }
    manifest_ = next;
  }
  *counts = counts_;
  *committed = manifest_;
  written_info_.clear();  // committed: no longer ours to remove
  written_.clear();
  deferred_.clear();
  return Status::Ok();
}

void Ingester::Abort() {
  std::lock_guard<std::mutex> l(mu_);
  written_.clear();
  for (const SegmentInfo& s : written_info_) (void)env_->Remove(dir_ + "/" + s.name);
  written_info_.clear();
}

}  // namespace entente::store
