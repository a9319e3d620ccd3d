// The distributions `entente generate` samples from, learned from real GDELT exports by
// tools/derive_gen_tables.py and compiled into the binary from data/gen/*.tsv (table format 1;
// each file says atop what it holds; docs/BENCHMARKS.md#generator says how they were checked).
//
// Loading turns every table into an AliasTable over pre-joined output text, so that the row
// writer only copies bytes: an actor is its 10 GDELT fields already joined by tabs, a place its 8
// geo fields, an event code its code/base/root/quad/Goldstein. Countries and FIPS codes are
// interned to dense ids so per-row lookups are vector indexing, not hashing.
//
// Ownership: string_views point into the embedded tables (static storage); the GenTables object
// owns the joined strings. Immutable after Load; safe to share between threads.
#ifndef ENTENTE_GEN_GEN_TABLES_H_
#define ENTENTE_GEN_GEN_TABLES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "gen/alias_table.h"
#include "gen/long_tail.h"
#include "gen/url_shape.h"

namespace entente::gen {

// Scalars of data/gen/params.tsv (names as in the file).
struct GenParams {
  double p_is_root = 0.6;
  double p_same_article_as_previous = 0.33;
  double p_recent_article = 0.29;
  int recent_article_window = 64;
  double p_tone_shared_in_article = 0.93;
  double p_pair_shared_in_article = 0.59;
  double p_actors_shared_given_pair = 0.58;  // same 20 Actor fields as the article's last event
  double p_geo_shared_given_actors = 0.6;    // and then the same three geo blocks too
  double p_actor1_geo = 0.97;
  double p_actor2_geo = 0.98;
  double p_action_geo_actor1 = 0.62;
  double p_action_geo_actor2 = 0.19;
  double p_action_geo_none = 0.02;
  double sample_bytes_per_row = 397;
  // Who has a country, per row (the rest: neither actor has one).
  double p_pair_both_countries = 0.23;
  double p_pair_actor1_country_only = 0.33;
  double p_pair_actor2_country_only = 0.19;
  // Of the actor slots without a country, how many are blank (the rest: a role such as GOV).
  double p_actor1_blank_given_no_country = 0.23;
  double p_actor2_blank_given_no_country = 0.54;
  // Long tails (long_tail.h): distinct values per million rows, their growth exponent, and the
  // share of country actors' names (of city-level places) that come from the tail.
  double names_per_million = 20000;
  double names_growth_exponent = 0.64;
  double names_tail_share = 0.16;
  double places_per_million = 35000;
  double places_growth_exponent = 0.75;
  double places_tail_share = 0.5;
};

namespace tuning {
// Share of the rows whose actors both have a country that draw their pair from the learned pair
// table; the rest pair two countries drawn independently from the learned marginals. The samples
// hold ~2,200 such rows, so the pair table alone would almost never produce dyads they lack
// (PAK-RUS appears once, IND-RUS never); independence fills them in, which gives PAK-RUS ~1.3 and
// IND-RUS ~0.4 per 10k rows, PAK-USA ~19 (GDELT's own shares are of this order).
inline constexpr double kPairFromTable = 0.8;
}  // namespace tuning

// Which actors of a row have a country.
enum PairCell : uint32_t { kBothCountries = 0, kActor1Only = 1, kActor2Only = 2, kNoCountry = 3 };

struct EventCodeText {
  std::string text;  // "code\tbase\troot\tquad\tgoldstein"
  std::string_view code;
  int quad = 0;
};

struct GenTables {
  GenParams params;

  // Country ids: 0 is "no country"; names[id] is the CAMEO code.
  std::vector<std::string_view> country_names;
  std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (actor1 country, actor2 country)
  // Which actors have a country (PairCell), then a pair of that cell: pair_tables[cell] draws an
  // index into cell_pairs[cell], which indexes `pairs`.
  AliasTable cell_table;
  std::vector<uint32_t> cell_pairs[4];
  AliasTable pair_tables[4];
  AliasTable country1_table, country2_table;  // marginals over country ids, excluding 0 (none)
  // Per country id: actor tuples, each the 10 Actor fields joined by tabs (no trailing tab). The
  // blank actor is not among them (p_actor*_blank_given_no_country say how often it occurs).
  std::vector<std::vector<std::string>> actors;
  std::vector<AliasTable> actor_tables;
  std::string blank_actor;  // ten empty fields
  LongTail name_tail;

  std::vector<EventCodeText> codes;
  AliasTable code_table;

  std::vector<std::string> counts;  // "mentions\tsources\tarticles"
  AliasTable count_table;

  // Tone bins per QuadClass 1..4 (index 0 unused): bin starts, width 0.5.
  std::vector<double> tone_bins[5];
  AliasTable tone_tables[5];

  // Places: the 8 geo fields joined by tabs. FIPS ids index places_by_fips.
  std::vector<std::string> places;
  AliasTable place_table;
  std::vector<std::vector<uint32_t>> places_by_fips;
  std::vector<AliasTable> place_tables_by_fips;
  // Per country id: FIPS ids where its actors are located (empty when unknown).
  std::vector<std::vector<uint32_t>> fips_by_country;
  std::vector<AliasTable> fips_tables_by_country;
  // City-level places (types 3 and 4) as bases of tail places, per place id and per FIPS id.
  std::vector<PlaceBase> place_bases;  // indexed by place id; type empty when not a city
  std::vector<std::vector<uint32_t>> cities_by_fips;
  LongTail place_tail;

  std::vector<int> lags;  // days between event and report
  AliasTable lag_table;

  std::vector<UrlShape> urls;
  AliasTable url_table;
  std::vector<std::string_view> words;
  AliasTable word_table;

  // An upper bound on the bytes of one generated row (longest actor twice, longest place three
  // times, longest code, counts and URL expansion, plus the fixed-width columns).
  size_t max_row_bytes = 0;
};

// Parses the embedded data/gen tables. Corruption when a table is missing or malformed (a build
// problem, reported rather than asserted so that `entente generate` fails with a message).
Result<GenTables> LoadGenTables();

}  // namespace entente::gen

#endif  // ENTENTE_GEN_GEN_TABLES_H_
