// `entente generate`: a synthetic GDELT 2.0 event export for benchmarks and tests.
//
// Output is exactly the layout of GDELT 2.0 *.export.CSV files: 61 tab-separated columns, no
// header, LF line ends, UTF-8, no quoting (see ../shared/data/PROVENANCE.md). Values follow
// distributions learned from real exports (gen_tables.h): which actors have a country (a third of
// actor slots hold only a role such as GOV, a third of Actor2 fields are blank), actors per
// country and country pairs, event codes, mentions/sources/articles, tone per QuadClass, places,
// report lag, URL hosts and path shapes. Names and places have GDELT's long tails (long_tail.h):
// a million rows name ~20,000 actors and ~35,000 places, ten million ~86,000 and ~195,000. Rows
// come in article clusters as in real exports (an article yields several events that share its URL
// and usually its tone and actors), because a generator that draws every field independently makes
// files that compress far worse than real ones, and one that repeats a few rows makes files that
// compress far better; either would mislead a storage benchmark.
//
// Time: rows are in DATEADDED order (as if the 15-minute exports were concatenated), spread over
// [from, to] with a density that grows linearly to `growth` times its starting value, so the
// yearly volume grows as GDELT's did. GLOBALEVENTID increases by one per row from 410,000,000
// (about where GDELT 2.0 began in February 2015).
//
// Guarantees: the same options give the same bytes on every build (own PRNG, no standard
// distributions, no hash-order dependence); memory is constant in the row count (one output
// buffer and a window of recent articles); every row has 61 fields, codes from the codebook,
// valid dates.
#ifndef ENTENTE_GEN_GDELT_GENERATOR_H_
#define ENTENTE_GEN_GDELT_GENERATOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"
#include "gen/gen_tables.h"

namespace entente::gen {

// Tunables of the generator, each with its reason.
namespace tuning {
// Last-year volume over first-year volume (GDELT grew from ~40M to ~100M+ events/year).
inline constexpr double kGrowth = 3.0;
// Word counts behind AvgTone (GDELT tone = 100 * (positive - negative) / words): tone values are
// rationals k/words, printed with 15 significant digits as GDELT does.
inline constexpr int kMinWords = 120;
inline constexpr int kMaxWords = 1500;
// Output is handed to the sink in blocks of about this size.
inline constexpr size_t kBlockBytes = 1 << 20;
}  // namespace tuning

// GLOBALEVENTID of row 0: each seed numbers its rows in a block of its own (10^12 ids, a million
// seeds before blocks repeat), so files of different seeds ingest as different events while one
// seed's file always has the same ids. Seed 1 starts at 410000000, near real GDELT 2.0's ids.
inline uint64_t FirstEventId(uint64_t seed) {
  return 410'000'000ULL + ((seed - 1) % 1'000'000ULL) * 1'000'000'000'000ULL;
}

struct GenerateOptions {
  uint64_t rows = 1000000;
  uint64_t seed = 1;
  Days from = DaysFromCivil(2015, 2, 18);
  Days to = DaysFromCivil(2024, 12, 31);
};

// Receives the file in blocks; a non-OK status stops generation and is returned.
using ByteSink = std::function<Status(std::string_view)>;

// Writes `options.rows` rows to `sink`. InvalidArgument for an empty or reversed date range;
// Corruption if the embedded tables are broken; the sink's error otherwise.
Status GenerateGdelt2(const GenerateOptions& options, const ByteSink& sink);

// The generator one row at a time (for tests and for callers that interleave).
class Gdelt2Generator {
 public:
  // REQUIRES: `tables` outlives the generator; options.from <= options.to.
  Gdelt2Generator(const GenTables& tables, const GenerateOptions& options);
  ~Gdelt2Generator();
  Gdelt2Generator(const Gdelt2Generator&) = delete;
  Gdelt2Generator& operator=(const Gdelt2Generator&) = delete;

  // Appends row number `i` (0-based; rows must be asked for in order) with its newline.
  void AppendRow(uint64_t i, std::string* out);

 private:
  struct Geo;
  struct Actor;
  struct Article;
  struct State;
  Days AdvanceClock(uint64_t i);
  void DrawPair(uint32_t* c1, uint32_t* c2);
  Actor DrawActor(uint32_t country, double p_blank);
  bool HasPlaces(uint32_t country) const;
  Geo PlaceIn(uint32_t country);  // REQUIRES: HasPlaces(country)
  Geo HomeOf(uint32_t c1, uint32_t c2);
  void DrawGeo(Article& a);
  void DrawTone(int quad, std::string* tone);
  Article& ChooseArticle(int quad, bool* reused);
  std::string_view ActorText(const Actor& actor, uint32_t country, int k);
  std::string_view GeoText(const Geo& g, int k);

  const GenTables& t_;
  GenerateOptions options_;
  Rng rng_;
  State* state_;
};

}  // namespace entente::gen

#endif  // ENTENTE_GEN_GDELT_GENERATOR_H_
