// The store's tunables in one place, each with the reason for its value (as leveldb's dbformat.h
// `config`). Changing a value that shapes bytes on disk (block rows) does not need a format bump:
// readers take sizes from the files; only docs/FORMAT.md's layout is versioned.
#ifndef ENTENTE_STORE_STORE_CONFIG_H_
#define ENTENTE_STORE_STORE_CONFIG_H_

#include <cstddef>
#include <cstdint>

namespace entente::store::config {

// Rows per block. A block is the unit of decompression and of date skipping. 8192 rows keep a
// GDELT URL column block around 600 KB raw (zstd finds its repeats within that window) while a
// dyad query that needs 200 rows decompresses at most ~2 blocks per segment (a few hundred µs).
// 4096 cost 6% more bytes on disk for no measurable gain on the dyad series.
inline constexpr uint32_t kBlockRows = 8192;

// Bytes of parsed rows one ingest worker buffers before sorting them and writing a segment
// (a "run"). Peak memory is about jobs * kRunBytes * 1.6 (sort permutation, encoded block), so
// with the default cap of 4 busy workers it stays well under the 512 MiB promise.
inline constexpr size_t kRunBytes = 64u << 20;

// Workers that buffer runs at once, whatever --jobs says: memory is bounded by this, not by the
// number of cores (more parsing threads would only wait on the single segment writer anyway).
inline constexpr int kMaxWorkers = 4;

// Input is cut into chunks of this size at line boundaries and parsed in parallel. Large enough
// that per-chunk overhead (a reader call, a queue hop) is noise; small enough that jobs*2 chunks
// in flight stay a few tens of MB.
inline constexpr size_t kChunkBytes = 8u << 20;

// zstd level for column blocks. Level 1 writes ~2x faster than 3 and the files are only ~7%
// larger on GDELT; ingest speed is the promise we measure against DuckDB, so speed wins.
inline constexpr int kZstdLevel = 1;

// Dedupe keys an ingest keeps in memory (store/key_set.h: 8 bytes a key plus bucket slack, so
// ~5M keys): the keys of the segments it wrote, and of the store's segments while they fit. Keys
// beyond this are checked from the segments' key frames on disk, as before (exact either way;
// only slower). Bounds ingest memory at any input size: at 96 MiB a 10M-row ingest peaked at
// 473 MiB, too near the 512 MiB promise.
inline constexpr size_t kDedupeKeyBytes = 48u << 20;

// Runs of one ingest checked against the keys beyond that budget as they are written, by reading
// every segment file that holds such keys; the runs after them are checked all together when the
// ingest commits (ingester.h): reading the files once per run makes an ingest's cost grow with
// the square of its size (checked run by run, 100M rows cost 10.8 us a row against 4.9 at 10M).
// A small ingest into a large store (one or a few runs) keeps the check as it writes, which reads
// less.
inline constexpr int kImmediateDiskChecks = 4;

// Compaction after every ingest (Store::Compact with CompactOptions::after_ingest), by size
// tiers. Every ingest writes at least one segment, and a dyad query costs about 3 ms per segment
// (docs/BENCHMARKS.md "A dyad as a user runs it"), so a store fed small files (GDELT's 15-minute
// updates: a few thousand rows each) would slow down ingest by ingest.
// - Small segments (under kSmallSegmentRows) are merged into one once there are more than
//   kMaxSmallSegments of them: cheap (under 600k rows), so done at once, this ingest's included.
// - Medium (under kMediumSegmentRows: what the small merges grow into, and what one ingest run of
//   a big file writes, ~200k rows) and large ones (under kLargeSegmentRows: what medium merges
//   make) are merged once more than kMaxMediumSegments / kMaxLargeSegments of them are older
//   than this ingest, smallest first and at most kMaxAutoMergeRows rows at a time. Without these
//   tiers a store fed small files gained a segment per ~65k rows (hundreds a year of GDELT
//   updates). In these two tiers the segments the ingest itself wrote are left for a later one,
//   and the next ingest pays for at most kMaxAutoMergeRows rows per tier (one dyad range, one
//   merge worker: a few seconds, and memory within the ingest's 512 MiB) however large the
//   backlog; further ingests take the rest.
// - A large ingest does merge its own output once it wrote more than kMaxOwnSegments segments
//   below kLargeSegmentRows: one 10M-row file makes ~50 segments of ~200k rows, and a dyad query
//   pays for every segment (NOR-NZL by month at 10M rows: 68 ms on those 49 segments, 38 ms on
//   the 9 this merge leaves), so a 100M-row ingest would leave ~500. Merged kMaxAutoMergeRows at
//   a time, one merge after another, the ingest rewrites each of its rows once more (ingest 1.5x
//   slower at 10M rows) and leaves about one segment per 2M rows.
// Segments of kLargeSegmentRows or more are left alone; `entente compact` merges everything on
// request.
inline constexpr uint64_t kSmallSegmentRows = 65536;
inline constexpr int kMaxSmallSegments = 8;
inline constexpr uint64_t kMediumSegmentRows = 8 * kSmallSegmentRows;
inline constexpr int kMaxMediumSegments = 8;
inline constexpr uint64_t kLargeSegmentRows = 1'500'000;
inline constexpr int kMaxLargeSegments = 8;
inline constexpr uint64_t kMaxAutoMergeRows = 2'000'000;
inline constexpr int kMaxOwnSegments = 8;

// Rows per segment that `entente compact` writes (it closes a segment at the first dyad boundary
// past this). Not one segment for the whole store: a full scan from the rows is split between
// threads by segment (one 10M-row segment halved its speed on 2 cores), and the merge's memory
// grows with its output's dictionaries and keys (1.1 GiB for one 10M-row segment). Cut by dyad
// range, a dyad still lives in one segment, which is what makes dyad queries fast.
inline constexpr uint64_t kCompactSegmentRows = 2'000'000;

// Above this many segments `entente info` suggests `entente compact`.
inline constexpr int kMaxSegments = 32;

}  // namespace entente::store::config

#endif  // ENTENTE_STORE_STORE_CONFIG_H_
