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

// Meant as: when a store holds more segments than this after an ingest, the ingest merges the
// smallest ones into one before it commits. NOT IMPLEMENTED YET (nothing reads this): a 10M-row
// ingest leaves 50 segments, and a dyad query then decodes 1-2 blocks in each (~0.35 ms per
// segment measured, docs/BENCHMARKS.md "Store"), where one merged segment would need ~7 blocks.
inline constexpr int kMaxSegments = 32;

}  // namespace entente::store::config

#endif  // ENTENTE_STORE_STORE_CONFIG_H_
