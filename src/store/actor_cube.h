// A segment's pre-aggregate by actor (format version 3): its events summed by (tag, month,
// QuadClass), where an event's tags are the 3-letter patterns an actor filter matches it by (the
// first three letters of either actor's code, and either actor's country; filter.h
// ActorMatches), each counted once per event. It answers "the events involving A or B, per
// period" (the denominator of a dyad's intensity) without reading the rows of A and B, which for
// a large country is a third of the store: |A or B| = cube(A) + cube(B) - |A and B|, and the
// events involving both are among the few rows a dyad lookup of (A, B) reads anyway.
//
// Stored in pages of whole tags, each page its own checksummed part, so a lookup of one tag
// decodes one page. Sums are exact integers (events, weights) and doubles (Goldstein sums), as in
// the period cube (period_cube.h).
#ifndef ENTENTE_STORE_ACTOR_CUBE_H_
#define ENTENTE_STORE_ACTOR_CUBE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "store/coding.h"
#include "store/period_cube.h"
#include "store/string_interner.h"

namespace entente::store {

// Tag cells per page (a page holds whole tags, so a tag with more cells has a page of its own).
// A lookup decompresses and checks a whole page for the cells of one tag: a segment of a few
// months has about a dozen cells per tag, and at 2048 cells a page held ~170 tags, so a dyad
// query on a store of 50 such segments decompressed 3.7 MB of pages for 1,200 cells. At 256 a
// page is about 9 KB raw.
inline constexpr size_t kActorCubePageCells = 256;

class ActorCubeBuilder {
 public:
  // `tags` are the row's tag ids (from TagId), possibly repeated.
  void Add(const uint32_t* tags, int n, Days date, int8_t quad, int32_t mentions, int32_t articles,
           float goldstein);
  // The id of a tag; kNoTag for a value that is no tag (shorter than 3 letters).
  static constexpr uint32_t kNoTag = UINT32_MAX;
  uint32_t CodeTag(std::string_view code);
  uint32_t CountryTag(std::string_view country);
  // Pages of encoded cells, in tag order, and each page's first tag.
  void Encode(std::vector<std::string>* pages, std::vector<std::string>* first_tags) const;

 private:
  StringInterner tags_;
  Days month_start_ = 1, month_next_ = 0;
  std::unordered_map<uint64_t, CubeSums> cells_;  // (tag id, month, quad)
};

// One page, indexed: each tag's cell count and encoded cells (views into `raw`).
struct ActorCubePage {
  std::string raw;
  std::unordered_map<std::string_view, std::pair<uint64_t, std::string_view>> tags;
};
Status IndexActorCubePage(ActorCubePage* page);
// A tag's cells (month, quad, sums; `root` unused), by month.
Status DecodeActorCells(uint64_t n, std::string_view bytes, std::vector<CubeCell>* cells);

}  // namespace entente::store

#endif  // ENTENTE_STORE_ACTOR_CUBE_H_
