// Merging segments into one: the work of compaction (Store::Compact). Every segment is already
// sorted by (dyad, date), so a k-way merge over one decoded block per input streams the rows into
// a SegmentWriter in order, in memory bounded by the number of inputs, not their size.
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

// Writes the rows of `inputs` as new segments (fsynced; not yet in any manifest), each at the
// path `next_path()` returns when it is started. A segment is closed at the first dyad boundary
// after it holds `max_rows` rows, so the outputs partition the dyads by range: a dyad query then
// finds its rows in one output, and a full scan still has several segments to spread over
// threads. On error, files already started are the caller's to remove.
// REQUIRES: inputs hold disjoint keys (true of a store's segments: ingest deduplicates).
Status MergeSegments(const std::vector<const SegmentReader*>& inputs, uint64_t max_rows,
                     const std::function<std::string()>& next_path,
                     std::vector<SegmentSummary>* outputs);

}  // namespace entente::store

#endif  // ENTENTE_STORE_SEGMENT_MERGE_H_
