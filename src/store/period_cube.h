// A segment's pre-aggregate: its events summed by (month, root code, QuadClass), with every sum an
// aggregate can ask for (events; mentions and articles weights; Goldstein sums and weights under
// each weight). Stored in the segment's meta (format version 2, docs/FORMAT.md), so it is written,
// checksummed, fsynced and committed with the rows it sums: it can never disagree with them.
//
// Why: an aggregate with no actor filter and no dyad grouping ("events by root code and year over
// everything") otherwise decodes four columns of every row, 10M rows in about a quarter of a
// second on two cores; a segment of ~150k rows holds only a few thousand cells (~120 months x
// ~20 roots x QuadClass), so the cube answers the same question from ~50x fewer values. Months
// and not days: every coarser period (quarter, year) is a union of months, and a day cube would
// be nearly as large as the rows. Queries the cube cannot answer exactly (dyads, actors, a date
// bound inside a month, code prefixes, datasets, weeks, days) read the rows.
//
// Thread safety: a PeriodCube is immutable once decoded.
#ifndef ENTENTE_STORE_PERIOD_CUBE_H_
#define ENTENTE_STORE_PERIOD_CUBE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/event.h"
#include "core/event_source.h"
#include "core/status.h"
#include "store/coding.h"
#include "store/string_interner.h"

namespace entente::store {

struct CubeSums {
  int64_t events = 0;
  int64_t mentions = 0, articles = 0;  // sums of the weights (a count of 0 or less weighs 1)
  int64_t gold_events = 0;             // events with a Goldstein value
  int64_t gold_mentions = 0, gold_articles = 0;                       // their weights
  double gold_sum = 0, gold_sum_mentions = 0, gold_sum_articles = 0;  // weight x Goldstein
  void Add(const CubeSums& o);
  // One row: a count of 0 or less weighs 1; Goldstein sums skip NaN.
  void AddRow(int32_t mentions, int32_t articles, float goldstein);
};

struct CubeCell {
  Days month = 0;     // PeriodStart(date, kMonth)
  uint32_t root = 0;  // index into PeriodCube::roots
  int64_t quad = 0;
  CubeSums sums;
};

struct PeriodCube {
  std::vector<std::string_view> roots;  // views into the segment's meta
  std::vector<CubeCell> cells;
};

// Writer side: fed every row of a segment, then appended to its meta.
class CubeBuilder {
 public:
  void Add(const EventRow& e);
  // The same from the fields the cube reads; `root` as Add(e) takes it (root code, else RootOf).
  void Add(Days date, std::string_view root, int8_t quad, int32_t mentions, int32_t articles,
           float goldstein);
  void Encode(std::string* meta) const;

 private:
  Days month_start_ = 1, month_next_ = 0;  // the last row's month (rows come mostly in order)
  std::map<std::tuple<Days, std::string, int64_t>, CubeSums> cells_;
  // Cells by (month, root's index in roots_, quad): a row finds its cell without building a
  // string or walking the map (map nodes do not move, so the pointers stay valid).
  StringInterner roots_;
  std::unordered_map<uint64_t, CubeSums*> index_;
};

// A cell's sums: six varints (events, mentions, articles, gold_events, gold_mentions,
// gold_articles) and three fixed64 doubles (the Goldstein sums), docs/FORMAT.md.
void PutCubeSums(std::string* out, const CubeSums& s);
void GetCubeSums(Decoder* d, CubeSums* s);

// Reader side. Views in `out` point into the decoder's buffer.
Status DecodeCube(Decoder* d, PeriodCube* out);

// Whether the cube answers `q` exactly: no actor parts, no dyad grouping, no code prefix or
// dataset, a month/quarter/year period (or none), and date bounds on month boundaries.
bool CubeServes(const AggregateQuery& q);

// The weighted sums of a cell for `w`, as the row path would have added them.
void CubeWeighted(const CubeSums& s, Weight w, double* weight, double* gold_sum,
                  double* gold_weight);

}  // namespace entente::store

#endif  // ENTENTE_STORE_PERIOD_CUBE_H_
