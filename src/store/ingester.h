// The write half of an ingest, whatever the rows come from: workers Add() rows into their own
// run; a full run is sorted, deduplicated (within itself, then against every segment already in
// the store and every segment this ingest wrote before) and written as a new segment. Commit()
// puts the new segments in the manifest in one atomic rename; until then the store is unchanged,
// and Abort() (or a crash) leaves only files the next writer deletes.
//
// Keys already accepted are kept in memory (KeySet) up to config::kDedupeKeyBytes, so checking a
// run does not re-read every earlier segment's keys. Beyond that budget the keys live only in
// segment files: the first config::kImmediateDiskChecks runs that need them read them at once;
// later runs are written unchecked against them and checked all together at Commit()
// (repeated_keys.h), which rewrites a segment without the rows found to be repeats.
//
// Thread safety: Add(w, ...) may be called concurrently for distinct workers w; Commit/Abort from
// one thread after all Adds are done. Workers encode and write their segments in parallel; only
// the dedupe step (against stored segments and the keys of runs in flight) holds the mutex.
#ifndef ENTENTE_STORE_INGESTER_H_
#define ENTENTE_STORE_INGESTER_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/status.h"
#include "store/key_set.h"
#include "store/manifest.h"
#include "store/run_builder.h"
#include "store/segment_reader.h"
#include "store/store_config.h"

namespace entente::store {

struct IngestCounts {
  int64_t rows = 0;        // rows handed to Add
  int64_t stored = 0;      // new events written
  int64_t duplicates = 0;  // rows whose key was already stored or seen earlier in this ingest
};

class Ingester {
 public:
  // `existing` are the store's current segments (not owned; must outlive the Ingester).
  // REQUIRES: the caller holds the store's writer lock.
  // `key_budget`: bytes of dedupe keys kept in memory (tests lower it to exercise the on-disk
  // path). `expected_rows`: the most rows all workers together will Add, when known.
  Ingester(Env* env, std::string dir, Manifest base, std::vector<const SegmentReader*> existing,
           int workers, size_t key_budget = config::kDedupeKeyBytes,
           uint64_t expected_rows = UINT64_MAX);
  ~Ingester();

  // Returns false once an error has happened (the caller stops feeding rows).
  bool Add(int worker, const EventRow& e);
  int64_t rows_added() const { return rows_.load(std::memory_order_relaxed); }

  // Writes the worker's last run. Called by each worker when its input is done, so that the last
  // runs are sorted, compressed and written in parallel rather than one by one in Commit().
  // REQUIRES: no further Add(worker, ...).
  Status FinishWorker(int worker);
  // Writes the last runs (of workers that did not FinishWorker) and commits the manifest.
  Status Commit(IngestCounts* counts, Manifest* committed);
  // Removes every file this ingest wrote.
  void Abort();
  Status status();

 private:
  Status FlushRun(RunBuilder* run);
  void SetError(const Status& s);
  // Marks the entries of `keys` that segments on disk hold (the store's beyond the key budget,
  // and this ingest's). REQUIRES: mu_ held.
  Result<int64_t> MarkKeysOnDisk(const std::vector<std::pair<uint64_t, uint32_t>>& keys,
                                 std::vector<RunBuilder::Entry>* entries);
  // The deferred check of Commit().
  Status CheckDeferred();
  struct DeferredSegment;
  Status RewriteWithout(const DeferredSegment& seg, const std::vector<uint64_t>& keys);

  Env* env_;
  std::string dir_;
  Manifest manifest_;
  std::vector<const SegmentReader*> existing_;
  std::vector<std::unique_ptr<RunBuilder>> runs_;
  // This ingest's segments, as much as dedupe needs: where their keys are. Not SegmentReaders:
  // each held its meta (dictionaries, dyad directory, a few MB), so ingest memory grew with the
  // input (370 MiB at 5M rows).
  struct WrittenSegment {
    std::string path;
    BlobRef keys;
    uint64_t rows = 0;
    uint32_t order = 0;  // of acceptance: the store's segments are 0, this ingest's runs from 1
  };
  // A segment written without the check against keys on disk.
  struct DeferredSegment {
    std::string name;
    WrittenSegment where;
  };
  std::vector<DeferredSegment> deferred_;
  uint32_t next_order_ = 1;
  int disk_checks_ = 0;                  // runs checked against keys on disk at once
  std::vector<WrittenSegment> written_;  // only those whose keys did not fit in accepted_
  // Keys of the segments this ingest wrote (and of the store's segments) while they fit in
  // config::kDedupeKeyBytes; existing_ then holds only the store's segments that did not fit.
  KeySet accepted_;
  size_t key_budget_;
  // Whether `n` more keys fit the budget (a bucket may double its capacity: two words a key).
  bool KeysFit(size_t n) const {
    return accepted_.bytes() + 2 * sizeof(uint64_t) * n <= key_budget_;
  }
  bool loaded_existing_ = false;
  std::vector<SegmentInfo> written_info_;
  // Sorted keys of runs being written by other workers right now (see FlushRun).
  std::vector<std::shared_ptr<std::vector<std::pair<uint64_t, uint32_t>>>> in_flight_;
  std::mutex mu_;  // guards writing segments, written_, counts_, error_
  IngestCounts counts_;
  Status error_;
  std::atomic<bool> failed_{false};
  std::atomic<int64_t> rows_{0};
};

// Whether two keys lists share elements is checked by walking the store's sorted keys: this
// marks every entry of `keys` (ascending) whose key `reader` holds; returns how many.
Result<int64_t> MarkStoredKeys(const SegmentReader& reader,
                               const std::vector<std::pair<uint64_t, uint32_t>>& keys,
                               std::vector<RunBuilder::Entry>* entries);

}  // namespace entente::store

#endif  // ENTENTE_STORE_INGESTER_H_
