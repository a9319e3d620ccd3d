// Merging segments: the work of compaction (Store::Compact). Every segment is already sorted by
// (dyad, date), so a k-way merge over one decoded block per input streams the rows of a dyad
// range into a SegmentWriter in order, in memory bounded by the number of inputs, not their size.
//
// The merge re-derives each row's dedupe key from the stored row and checks that the multiset of
// keys it wrote equals the inputs' stored keys (count, sum and xor). A row that did not survive
// storage bit for bit would otherwise be a silent duplicate at the next re-ingest; with the check
// it is an error and the store keeps its old segments.
#ifndef ENTENTE_STORE_SEGMENT_MERGE_H_
#define ENTENTE_STORE_SEGMENT_MERGE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/segment_reader.h"
#include "store/segment_writer.h"

namespace entente::store {

// Threads that merge dyad ranges at once. Each holds one decoded block per input (about 5 MB):
// on a 10M-row store of 50 segments two workers took the merge from 40 to 25 s and its anonymous
// memory from 358 to 609 MiB (docs/BENCHMARKS.md "Compaction").
inline constexpr size_t kMaxMergeWorkers = 2;

// Writes the rows of `inputs` as new segments (fsynced; not yet in any manifest), one per range
// of dyads of at least `max_rows` rows (the last may hold fewer; a dyad is never split), in dyad
// order, each at a path from `next_path()` (called once per output, in order, before any is
// written). The outputs partition the dyads by range: a dyad query then finds its rows in one
// output, a full scan still has several segments to spread over threads, and the ranges are
// merged in parallel. On error, files at the paths handed out are the caller's to remove.
// `on_rows` (may be empty) gets the rows written so far, about once per config::kBlockRows rows
// and as each output is finished: called from the worker threads, one call at a time, with
// counts that never decrease and end at the inputs' rows.
// Rows whose key is in `drop` (ascending) are left out (an ingest removing rows it found to be
// repeats after writing them); an output left without rows is not written.
// REQUIRES: inputs hold disjoint keys (true of a store's segments: ingest deduplicates).
Status MergeSegments(Env* env, const std::vector<const SegmentReader*>& inputs, uint64_t max_rows,
                     const std::function<std::string()>& next_path,
                     const std::function<void(uint64_t rows)>& on_rows,
                     std::vector<SegmentSummary>* outputs, const std::vector<uint64_t>& drop = {});

}  // namespace entente::store

#endif  // ENTENTE_STORE_SEGMENT_MERGE_H_
