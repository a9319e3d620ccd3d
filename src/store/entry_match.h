// How the actor parts of a filter (--source, --target, --actor, --dyad) apply to the rows of one
// dyad directory entry, so that queries decide membership once per entry instead of once per row.
//
// Why: rows of a segment are grouped by dyad, and for a pure entry (see DyadEntry) a 3-letter
// pattern matches an actor exactly when its dyad country equals it. The actor parts of a filter
// are then a function of (source country, target country) alone, i.e. of the entry's key and the
// row's `dir` bit. "Every event involving USA or RUS" over 10M rows thus reads no actor column for
// the ~99% of rows in pure entries, and skips every entry that names neither.
//
// Invariant: the result never drops a row that Matches() would keep; kPerRow rows must be checked
// with ActorPartsMatch (exact, the same as Matches()).
#ifndef ENTENTE_STORE_ENTRY_MATCH_H_
#define ENTENTE_STORE_ENTRY_MATCH_H_

#include "core/event.h"
#include "core/filter.h"
#include "store/segment_format.h"

namespace entente::store {

enum class EntryMatch {
  kNone,         // no row of the entry matches
  kAll,          // every row matches (as far as actors go)
  kForwardOnly,  // rows with dir 0 (source is the entry's a) match, the others do not
  kFlippedOnly,  // rows with dir 1 (source is the entry's b) match, the others do not
  kPerRow,       // decide row by row with ActorPartsMatch
};

// Ignores the date, code, quad and dataset parts (the caller checks those).
EntryMatch MatchEntry(const DyadEntry& e, const EventFilter& f);

// Whether the filter has any actor part (source, target, actors, a full dyad).
bool HasActorParts(const EventFilter& f);

// The actor parts of Matches(f, row) for a row whose sides are `source` and `target` (only their
// code and country are read).
bool ActorPartsMatch(const EventFilter& f, const ActorRow& source, const ActorRow& target);

}  // namespace entente::store

#endif  // ENTENTE_STORE_ENTRY_MATCH_H_
