// Finding the dedupe keys that several segments hold, over more keys than fit in memory.
//
// An ingest checks each run it writes against the keys already accepted. Keys kept in memory are
// checked at once; keys beyond the in-memory budget live only in segment files, and checking every
// run against all of them reads every such file once per run: at 100M rows, ~500 runs against up
// to ~500 files each. FindRepeatedKeys checks many segments against each other in one pass
// instead: every key is read once, written to one of a few temporary files by its top bits, and
// each file is sorted on its own, so memory stays within a budget whatever the number of keys.
#ifndef ENTENTE_STORE_REPEATED_KEYS_H_
#define ENTENTE_STORE_REPEATED_KEYS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/env.h"
#include "store/segment_format.h"

namespace entente::store {

// A segment's dedupe keys: where they are (SegmentReader::keys_ref) and the segment's place in
// the order of acceptance (lower: accepted first).
struct KeySource {
  std::string path;
  BlobRef keys;
  uint64_t rows = 0;
  uint32_t order = 0;
};

// Every key that more than one source holds is kept by the source of the lowest order and
// repeated in the others: returns, by the order of each source that repeats keys, those keys
// (ascending). Sources of equal order never repeat each other's keys (REQUIRES). Temporary
// files go in `dir` (named *.tmp: a writer that finds them after a crash removes them) and are
// removed on return; `memory` bounds the keys held at once.
Result<std::map<uint32_t, std::vector<uint64_t>>> FindRepeatedKeys(
    Env* env, const std::string& dir, const std::vector<KeySource>& sources, size_t memory);

}  // namespace entente::store

#endif  // ENTENTE_STORE_REPEATED_KEYS_H_
