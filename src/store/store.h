// The embedded event store: the front door of src/store (everything else in this folder is
// internal). A directory of immutable, checksummed, columnar segment files and a MANIFEST that
// names the ones that count:
//
//   <dir>/MANIFEST            the last commit (see manifest.h)
//   <dir>/seg-NNNNNNNN.ens    segments: events sorted by (dyad, date), one zstd frame per column
//                             per block of 8192 rows, with a dyad directory and per-block date
//                             ranges (see segment_format.h, docs/FORMAT.md)
//   <dir>/LOCK                the writer lock, with the writer's pid inside
//   <dir>/rejects/*.tsv       rows ingest could not read
//
// Why our own format and not SQLite/DuckDB: analysts ask "what happened between A and B, month by
// month" over hundreds of millions of rows. Keeping rows of a dyad together and sorted by date
// makes that a directory lookup plus a few block reads per segment (milliseconds), and a full
// scan reads only the 3-4 columns an aggregate needs.
//
// Guarantees: an ingest or a compaction commits atomically (kill -9 at any moment leaves the last
// commit); one writer at a time (others get Busy "store is locked by pid N"); readers never block
// and never take the lock; every byte read is checked by CRC first (Corruption names the file).
//
// Thread safety: a Store opened for reading may be used from one thread at a time (as every
// EventSource). Ingest uses its own threads internally.
#ifndef ENTENTE_STORE_STORE_H_
#define ENTENTE_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/event_source.h"
#include "core/reject.h"
#include "core/status.h"
#include "io/reader.h"
#include "store/column_codec.h"
#include "store/env.h"
#include "store/store_config.h"

namespace entente::store {

class ActorDayCache;
class Ingester;
class SegmentReader;
class StoreLock;
struct Manifest;

enum class OpenMode {
  kRead,   // never creates, never locks; a missing dir is an empty store
  kWrite,  // creates the dir, takes the writer lock, removes leftovers of dead ingests
};

struct IngestProgress {
  int64_t rows = 0;         // rows parsed so far
  int64_t bytes_done = 0;   // input bytes consumed (as stored on disk: compressed if .gz)
  int64_t bytes_total = 0;  // sum of input file sizes
};

struct IngestOptions {
  int jobs = 0;  // parsing threads; 0 = all cores
  io::Format format = io::Format::kAuto;
  RejectSink* rejects = nullptr;  // not owned; may be null (rejects only counted)
  std::function<void(const IngestProgress&)> progress;  // called ~10 times a second
};

struct IngestStats {
  int64_t files = 0;
  int64_t rows = 0;             // data rows read
  int64_t stored = 0;           // new events
  int64_t duplicates = 0;       // already in the store, or repeated in the input
  int64_t rejected = 0;         // rows the readers could not use
  int64_t bytes = 0;            // input bytes
  int compacted = 0;            // segments merged after the commit (store_config.h)
  uint64_t compacted_rows = 0;  // rows those merges rewrote
  // Set when that merge failed: the ingest itself is committed and complete; the store just keeps
  // more segments than it would.
  std::string compact_warning;
};

struct CompactOptions {
  // What every ingest does after it commits: merge segments of like size, each size tier once it
  // holds too many (CompactionPolicy). Otherwise all segments are merged, into segments of about
  // config::kCompactSegmentRows rows that each hold a range of dyads.
  bool after_ingest = false;
  // after_ingest: the segments numbered from here on were written by the ingest.
  uint64_t first_new_segment = UINT64_MAX;
  // Rows merged so far of `total`, about once per block of rows (config::kBlockRows) a merge
  // writes. Calls come from the merge's threads but one at a time, and in order: `done` never
  // decreases, and reaches `total` once every merge has succeeded. `total` is every row to be
  // rewritten, known before the first call; after_ingest, each tier's merge adds its rows to it
  // as it starts. Not called when there is nothing to merge. May be empty.
  std::function<void(uint64_t done, uint64_t total)> progress;
};

// One size tier of the after-ingest merge: the segments from the previous tier's bound up to
// `below_rows` rows, merged (smallest first) once there are more than `max_segments` of them.
// `with_new`: the segments the ingest wrote count too (else they wait for the next ingest).
struct MergeTier {
  uint64_t below_rows = 0;
  int max_segments = 0;
  bool with_new = false;
};

// The after-ingest merge (store_config.h "Compaction after every ingest"). Tests shrink it to
// exercise the policy on small data.
struct CompactionPolicy {
  std::vector<MergeTier> tiers = {
      {config::kSmallSegmentRows, config::kMaxSmallSegments, true},
      {config::kMediumSegmentRows, config::kMaxMediumSegments, false},
      {config::kLargeSegmentRows, config::kMaxLargeSegments, false},
  };
  uint64_t max_merge_rows = config::kMaxAutoMergeRows;  // rows one merge takes at most
  uint64_t segment_rows = config::kCompactSegmentRows;  // where merged output is cut
  // An ingest that wrote more than this many segments below the last tier's bound merges them
  // (smallest first, max_merge_rows at a time) until no more than this many remain.
  int max_own_segments = config::kMaxOwnSegments;
};

struct CompactStats {
  int segments_before = 0, segments_after = 0;
  int merged = 0;             // segments merged (0: nothing to do)
  int written = 0;            // segments they became
  uint64_t rows_merged = 0;   // rows rewritten
  uint64_t bytes_before = 0;  // of all segments
  uint64_t bytes_after = 0;
};

// What Store::Recover did.
struct RecoverStats {
  bool needed = false;           // false: the MANIFEST was intact and nothing was changed
  std::string damaged_manifest;  // where an unreadable MANIFEST was moved ("" if it was missing)
  int kept = 0;                  // segments the new MANIFEST names
  uint64_t rows = 0;             // events in them
  struct SetAside {
    std::string from, to, why;
  };
  std::vector<SetAside> set_aside;  // segments moved out of the way, never deleted
};

struct StoreInfo {
  int64_t events = 0;
  Days first = 0, last = 0;                               // valid when events > 0
  std::vector<std::pair<std::string, int64_t>> datasets;  // name, events; by name
  int64_t dyads = 0;
  uint64_t bytes = 0;  // on disk: segments + manifest
  int segments = 0;
};

// One block's part of a columnar scan (Store::ScanColumns).
struct ColumnBatch {
  const SegmentReader* segment = nullptr;  // its dict(c) is decoded for each asked kDict column
  const DecodedColumn* const* columns = nullptr;  // by column id; the asked ones are set
  std::span<const uint32_t> rows;  // the matching rows: indexes into the block, ascending
};

// Which share of a scan to make: part `index` of `count` (ScanColumns).
struct ScanPart {
  int index = 0;
  int count = 1;
};

class Store : public EventSource {
 public:
  // Every file operation goes through `env` (not owned; outlives the Store).
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, OpenMode mode,
                                             Env* env = Env::Default());

  // Rebuilds the MANIFEST of a store whose MANIFEST is missing or damaged from its segment files,
  // under the writer lock: every segment that passes all its checksums and shares no event (dedupe
  // key) with a lower-numbered one kept is named; the others are moved to <dir>/set-aside/ with
  // the reason (a damaged file; the output of a merge that died before its commit, whose events
  // the kept inputs hold). Nothing is deleted. An intact MANIFEST is left alone (needed = false).
  // A dead ingest's complete segments are kept too: their events are real, and re-ingesting the
  // file adds only what is missing. Memory: 8 bytes per event kept (the dedupe keys).
  static Status Recover(const std::string& dir, RecoverStats* stats, Env* env = Env::Default());
  ~Store() override;

  const std::string& dir() const { return dir_; }
  int64_t events() const;
  bool empty() const { return events() == 0; }

  // Reads files (each format auto-detected unless options.format says) and commits their new
  // events in one manifest update. REQUIRES: opened with kWrite.
  Status IngestFiles(const std::vector<std::string>& paths, const IngestOptions& options,
                     IngestStats* stats);
  // The same for events already in memory (the coder, tests).
  Status IngestEvents(const std::vector<Event>& events, IngestStats* stats);

  // Merges segments (see CompactOptions) and commits the new set atomically: a crash
  // or error at any point leaves the previous commit, and the merge checks that every row's dedupe
  // key survived (segment_merge.h). REQUIRES: opened with kWrite.
  Status Compact(const CompactOptions& options, CompactStats* stats);

  // For tests: the tiers of the after-ingest merge.
  void set_compaction_policy(const CompactionPolicy& policy) { policy_ = policy; }

  Result<StoreInfo> Info();
  // Reads every byte of every segment and checks it (slow; `info --check`).
  Status Verify();

  // EventSource.
  std::string Describe() const override;
  Status Scan(const EventFilter& filter,
              const std::function<bool(const EventRow&)>& visit) override;
  Result<std::vector<AggregateRow>> Aggregate(const AggregateQuery& query) override;
  // The events Scan visits, in the same order and with the same limit, without rows: a block at
  // a time, its decoded `columns` (store/columns.h ids) and the indexes of its matching rows.
  // Only those columns and the ones the filter reads are decoded, and kDict columns stay
  // dictionary ids, so a caller maps each id of a segment once rather than each row's string.
  // `visit` returns false to stop. With part.count > 1 (no limit then) it visits only that part of
  // the events, split at whole dyad directory entries: the parts, visited in index order, are the
  // whole scan in order, and each can run on its own thread.
  Status ScanColumns(const EventFilter& filter, std::span<const int> columns,
                     const std::function<bool(const ColumnBatch&)>& visit, ScanPart part = {});
  // At least as many events as Scan(filter) visits, from the dyad directories alone (no row is
  // read): room a caller can reserve before a scan.
  Result<int64_t> ScanBound(const EventFilter& filter);
  Result<int64_t> CountEvents(const EventFilter& filter) override;
  // From the dyad directory: an entry whose rows all match counts its row count; only entries
  // that match row by row, or that a date bound cuts, read columns (the date, the direction or
  // the actors, as the filter needs). Filters on codes, QuadClass, dataset or quality, and
  // directed ones, aggregate.
  Result<std::vector<DyadEvents>> CountByDyad(const EventFilter& filter) override;
  // Re-reads the manifest and its segments when the MANIFEST file was replaced since the last
  // load (another process committed an ingest or a compaction); one stat() otherwise.
  Status Refresh() override;
  // The loaded MANIFEST file's identity (inode, size, mtime): every commit renames a new file over
  // it. 0 when there is none (an empty store).
  uint64_t Generation() const override;

  // Answers actor volumes by week, by day or with bounds inside a month from day cells kept in
  // `cache` (actor_days.h), which readers of one process may share. For long-lived readers that
  // ask about many partners of the same actors (`serve`); without it such queries read the rows.
  void UseActorDayCache(std::shared_ptr<ActorDayCache> cache) { actor_days_ = std::move(cache); }
  // Leaves the blocks a query read mapped (SegmentReader::KeepBlocksResident), in the segments
  // loaded now and later: for long-lived readers (`serve`), which read the same blocks again.
  // Resident memory then grows up to the size of the store's files (pages the kernel may drop).
  void KeepBlocksResident();

 private:
  Store();
  Status Load();  // (re)reads the manifest and opens its segments
  Status RemoveLeftovers();
  // Commits what `ing` holds (aborting it on failure), adds its stored and duplicate counts to
  // *stats, reloads the segments and runs the merge the ingest made due (CompactAfterIngest).
  // Returns the rows the ingest took in.
  Result<int64_t> CommitIngest(Ingester* ing, uint64_t first_new_segment, IngestStats* stats);
  // The merge after an ingest that wrote segments numbered from `first_new_segment` on;
  // failures become stats->compact_warning.
  void CompactAfterIngest(uint64_t first_new_segment, IngestStats* stats);
  // Merges the segments marked in `picked` (at least two) and commits; adds to `stats`, and
  // reports rows on `progress` (may be empty) as CompactOptions::progress says.
  Status MergePicked(const std::vector<bool>& picked,
                     const std::function<void(uint64_t, uint64_t)>& progress, CompactStats* stats);
  // MergePicked of the smallest of `members` (indices into segments_): at least two, and no more
  // than CompactionPolicy::max_merge_rows rows beyond that.
  Status MergeSmallest(std::vector<size_t> members,
                       const std::function<void(uint64_t, uint64_t)>& progress,
                       CompactStats* stats);
  Status MergeOwnOutput(const CompactOptions& options, CompactStats* stats);
  // Whether segments_[i] was written from segment number `first_segment` on (by this ingest).
  bool WrittenSince(size_t i, uint64_t first_segment) const;
  uint64_t SegmentBytes() const;  // on disk, of the segments loaded

  Env* env_ = nullptr;
  std::string dir_;
  OpenMode mode_ = OpenMode::kRead;
  CompactionPolicy policy_;
  std::unique_ptr<StoreLock> lock_;
  std::unique_ptr<Manifest> manifest_;
  std::vector<std::unique_ptr<SegmentReader>> segments_;
  std::shared_ptr<ActorDayCache> actor_days_;  // may be null
  bool keep_blocks_ = false;                   // see KeepBlocksResident()
  // The MANIFEST file as last loaded (all 0 when there was none): a commit renames a new file
  // over it, which changes the inode.
  FileStamp manifest_stamp_;
  FileStamp ManifestStamp() const;
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_STORE_H_
