// A segment's events involving one 3-letter actor pattern, summed by (day, QuadClass): the day
// resolution the actor cube (actor_cube.h, by month) does not have, computed from the rows when
// first asked and kept in a bounded cache shared by the readers of one process.
//
// Why: a dyad's series by week (or with a date bound inside a month) needs "the events involving
// A or B, per period" from the rows of A and of B; for a large country that is a third of the
// store, read again for every partner of that country. A dashboard asks for many partners of the
// same few countries, so `serve` computes each country's day cells once per segment and answers
// every later week series of that country from them, exactly (actor_volume.h). A single command
// has nothing to reuse and keeps the row path: building day cells for A and for B reads more than
// the one pass over A-or-B does.
//
// Thread safety: ActorDayCache may be used from many threads at once; cells are immutable.
#ifndef ENTENTE_STORE_ACTOR_DAYS_H_
#define ENTENTE_STORE_ACTOR_DAYS_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "store/period_cube.h"
#include "store/segment_reader.h"

namespace entente::store {

// The cells of `tag` in `seg` by (day, QuadClass), sorted; CubeCell::month holds the day and
// `root` is unused. An event counts once however many of its actor fields match.
Result<std::vector<CubeCell>> ComputeActorDayCells(const SegmentReader& seg, std::string_view tag);

class ActorDayCache {
 public:
  using Cells = std::shared_ptr<const std::vector<CubeCell>>;
  // Holds at most `capacity_bytes` of cells, dropping the least recently used.
  explicit ActorDayCache(size_t capacity_bytes);

  // The cells of `tag` in `seg`, computed on the first call for that segment file and tag.
  // Segment files never change, so an entry is keyed by the file's path and its trailer (which
  // holds the meta's checksum): a file rewritten under the same name is another entry.
  Result<Cells> Get(const SegmentReader& seg, std::string_view tag);

  struct Stats {
    uint64_t hits = 0, misses = 0;
    size_t bytes = 0, entries = 0;
  };
  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    Cells cells;
    size_t bytes = 0;
  };
  const size_t capacity_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first; guarded by mu_
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // keys in lru_
  Stats stats_;                                                             // guarded by mu_
};

}  // namespace entente::store

#endif  // ENTENTE_STORE_ACTOR_DAYS_H_
