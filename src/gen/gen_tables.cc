// Loads data/gen/*.tsv (see gen_tables.h and tools/derive_gen_tables.py).
#include "gen/gen_tables.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/cameo.h"
#include "core/embedded.h"
#include "core/tsv.h"

namespace entente::gen {
namespace {

using Fields = std::vector<std::string_view>;

// Calls fn(fields) for every record of the embedded table; Corruption when it is missing or a
// record has fewer than `min_fields` fields.
Status ForEachRecord(std::string_view name, size_t min_fields,
                     const std::function<Status(const Fields&)>& fn) {
  std::string path = "gen/" + std::string(name);
  std::optional<std::string_view> bytes = EmbeddedFile(path);
  if (!bytes) return Status::Corruption("generator table not compiled in: data/" + path);
  Status status;
  ForEachTsvRecord(*bytes, /*skip_header=*/true, [&](const Fields& f, int line) {
    if (!status.ok()) return;
    if (f.size() < min_fields) {
      status = Status::Corruption("data/" + path + ":" + std::to_string(line) + ": expected " +
                                  std::to_string(min_fields) + " fields, got " +
                                  std::to_string(f.size()));
      return;
    }
    status = fn(f);
    if (!status.ok()) {
      status =
          Status::Corruption("data/" + path + ":" + std::to_string(line) + ": " + status.message());
    }
  });
  return status;
}

Result<double> Number(std::string_view s) {
  std::string t(s);
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (t.empty() || end != t.c_str() + t.size()) {
    return Status::InvalidArgument("not a number: '" + t + "'");
  }
  return v;
}

Result<AliasTable> MakeTable(const std::vector<double>& w, std::string_view what) {
  double sum = 0;
  for (double x : w) sum += x;
  if (w.empty() || !(sum > 0))
    return Status::Corruption("empty generator table: " + std::string(what));
  return AliasTable(w);
}

// Reads the records of `name` (at least `min_fields` each), each weighing the number in column
// `weight_column`; `keep` stores what a record means. *table then draws the kept records by
// weight.
Status LoadWeighted(std::string_view name, size_t min_fields, size_t weight_column,
                    AliasTable* table, const std::function<Status(const Fields&)>& keep) {
  std::vector<double> w;
  RETURN_IF_ERROR(ForEachRecord(name, min_fields, [&](const Fields& f) -> Status {
    ASSIGN_OR_RETURN(double n, Number(f[weight_column]));
    RETURN_IF_ERROR(keep(f));
    w.push_back(n);
    return Status::Ok();
  }));
  ASSIGN_OR_RETURN(*table, MakeTable(w, name));
  return Status::Ok();
}

// Dense ids for string codes; id 0 is reserved for "" (none).
class Interner {
 public:
  Interner() { Id(""); }
  uint32_t Id(std::string_view s) {
    auto [it, added] = ids_.emplace(s, static_cast<uint32_t>(names_.size()));
    if (added) names_.push_back(s);
    return it->second;
  }
  std::optional<uint32_t> Find(std::string_view s) const {
    auto it = ids_.find(s);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }
  const std::vector<std::string_view>& names() const { return names_; }

 private:
  std::map<std::string_view, uint32_t> ids_;
  std::vector<std::string_view> names_;
};

std::string_view NoneToEmpty(std::string_view s) { return s == "-" ? std::string_view() : s; }

Status LoadParams(GenParams* p) {
  std::map<std::string_view, double*> doubles = {
      {"p_is_root", &p->p_is_root},
      {"p_same_article_as_previous", &p->p_same_article_as_previous},
      {"p_recent_article", &p->p_recent_article},
      {"p_tone_shared_in_article", &p->p_tone_shared_in_article},
      {"p_pair_shared_in_article", &p->p_pair_shared_in_article},
      {"p_actors_shared_given_pair", &p->p_actors_shared_given_pair},
      {"p_geo_shared_given_actors", &p->p_geo_shared_given_actors},
      {"p_actor1_geo", &p->p_actor1_geo},
      {"p_actor2_geo", &p->p_actor2_geo},
      {"p_action_geo_actor1", &p->p_action_geo_actor1},
      {"p_action_geo_actor2", &p->p_action_geo_actor2},
      {"p_action_geo_none", &p->p_action_geo_none},
      {"sample_bytes_per_row", &p->sample_bytes_per_row},
      {"p_pair_both_countries", &p->p_pair_both_countries},
      {"p_pair_actor1_country_only", &p->p_pair_actor1_country_only},
      {"p_pair_actor2_country_only", &p->p_pair_actor2_country_only},
      {"p_actor1_blank_given_no_country", &p->p_actor1_blank_given_no_country},
      {"p_actor2_blank_given_no_country", &p->p_actor2_blank_given_no_country},
      {"names_per_million", &p->names_per_million},
      {"names_growth_exponent", &p->names_growth_exponent},
      {"names_tail_share", &p->names_tail_share},
      {"places_per_million", &p->places_per_million},
      {"places_growth_exponent", &p->places_growth_exponent},
      {"places_tail_share", &p->places_tail_share}};
  return ForEachRecord("params.tsv", 2, [&](const Fields& f) -> Status {
    ASSIGN_OR_RETURN(double v, Number(f[1]));
    if (f[0] == "recent_article_window") {
      if (v < 1 || v > 4096) return Status::InvalidArgument("recent_article_window out of range");
      p->recent_article_window = static_cast<int>(v);
    } else if (auto it = doubles.find(f[0]); it != doubles.end()) {
      *it->second = v;
    }
    return Status::Ok();
  });
}

// The state of one LoadGenTables: the tables being filled, the country and FIPS id spaces, and
// the weights that become alias tables once every id space is complete.
struct Loader {
  GenTables t;
  Interner countries, fips;
  std::vector<double> pair_w, place_w;
  std::vector<std::vector<double>> actor_w, fips_w, by_fips_w;
  std::vector<double> country1_w, country2_w;  // marginals of the independent pair model
};

// pairs.tsv, actors.tsv, countryfips.tsv and places.tsv: who acts, with whom, and where.
Status LoadCountryFiles(Loader& l) {
  GenTables& t = l.t;
  Interner& countries = l.countries;
  Interner& fips = l.fips;
  std::vector<double>& pair_w = l.pair_w;
  std::vector<std::vector<double>>& actor_w = l.actor_w;
  std::vector<std::vector<double>>& fips_w = l.fips_w;
  std::vector<double>& place_w = l.place_w;
  std::vector<std::vector<double>>& by_fips_w = l.by_fips_w;
  // Country pairs and their marginals.
  RETURN_IF_ERROR(ForEachRecord("pairs.tsv", 3, [&](const Fields& f) -> Status {
    ASSIGN_OR_RETURN(double n, Number(f[2]));
    t.pairs.emplace_back(countries.Id(NoneToEmpty(f[0])), countries.Id(NoneToEmpty(f[1])));
    pair_w.push_back(n);
    return Status::Ok();
  }));

  // Actor tuples per country.
  RETURN_IF_ERROR(ForEachRecord("actors.tsv", 12, [&](const Fields& f) -> Status {
    ASSIGN_OR_RETURN(double n, Number(f[11]));
    uint32_t c = countries.Id(NoneToEmpty(f[0]));
    if (t.actors.size() <= c) {
      t.actors.resize(c + 1);
      actor_w.resize(c + 1);
    }
    std::string joined(f[1]);
    for (int i = 2; i <= 10; ++i) {
      joined += '\t';
      joined += f[i];
    }
    t.actors[c].push_back(std::move(joined));
    actor_w[c].push_back(n);
    return Status::Ok();
  }));

  // Where actors of each country are located.
  RETURN_IF_ERROR(ForEachRecord("countryfips.tsv", 3, [&](const Fields& f) -> Status {
    ASSIGN_OR_RETURN(double n, Number(f[2]));
    uint32_t c = countries.Id(f[0]);
    if (t.fips_by_country.size() <= c) {
      t.fips_by_country.resize(c + 1);
      fips_w.resize(c + 1);
    }
    t.fips_by_country[c].push_back(fips.Id(f[1]));
    fips_w[c].push_back(n > 0 ? n : 1);  // a bare ISO3->FIPS fact weighs as one sighting
    return Status::Ok();
  }));

  // Places, overall and per FIPS country.
  RETURN_IF_ERROR(ForEachRecord("places.tsv", 9, [&](const Fields& f) -> Status {
    ASSIGN_OR_RETURN(double n, Number(f[8]));
    std::string joined(f[0]);
    for (int i = 1; i <= 7; ++i) {
      joined += '\t';
      joined += f[i];
    }
    uint32_t id = static_cast<uint32_t>(t.places.size());
    t.places.push_back(std::move(joined));
    place_w.push_back(n);
    uint32_t fp = fips.Id(f[2]);
    if (t.places_by_fips.size() <= fp) {
      t.places_by_fips.resize(fp + 1);
      by_fips_w.resize(fp + 1);
    }
    t.places_by_fips[fp].push_back(id);
    by_fips_w[fp].push_back(n);
    PlaceBase base;
    if (f[0] == "3" || f[0] == "4") {
      base.type = f[0];
      const size_t comma = f[1].find(',');
      base.region = comma == std::string_view::npos ? std::string_view() : f[1].substr(comma);
      base.codes = std::string_view(f[2].data(), static_cast<size_t>(f[4].end() - f[2].begin()));
      ASSIGN_OR_RETURN(base.lat, Number(f[5]));
      ASSIGN_OR_RETURN(base.lon, Number(f[6]));
    }
    t.place_bases.push_back(base);
    return Status::Ok();
  }));
  ASSIGN_OR_RETURN(t.place_table, MakeTable(place_w, "places.tsv"));

  return Status::Ok();
}

// The pair model: first which actors have a country (learned per row from the whole exports),
// then a pair of that kind by its count.
Status BuildPairCells(Loader& l) {
  GenTables& t = l.t;
  const GenParams& p = t.params;
  std::vector<double> cell_w = {
      p.p_pair_both_countries, p.p_pair_actor1_country_only, p.p_pair_actor2_country_only,
      1.0 - p.p_pair_both_countries - p.p_pair_actor1_country_only - p.p_pair_actor2_country_only};
  ASSIGN_OR_RETURN(t.cell_table, MakeTable(cell_w, "params.tsv p_pair_*"));
  std::vector<double> w[4];
  for (size_t i = 0; i < t.pairs.size(); ++i) {
    const auto [a, b] = t.pairs[i];
    const uint32_t cell =
        a != 0 ? (b != 0 ? kBothCountries : kActor1Only) : (b != 0 ? kActor2Only : kNoCountry);
    t.cell_pairs[cell].push_back(static_cast<uint32_t>(i));
    w[cell].push_back(l.pair_w[i]);
  }
  for (int c = 0; c < 4; ++c) {
    ASSIGN_OR_RETURN(t.pair_tables[c], MakeTable(w[c], "pairs.tsv"));
  }
  return Status::Ok();
}

// Sizes every per-id vector to the final id spaces and builds their alias tables.
Status BuildCountryTables(Loader& l) {
  GenTables& t = l.t;
  std::vector<double>& pair_w = l.pair_w;
  std::vector<std::vector<double>>& actor_w = l.actor_w;
  std::vector<std::vector<double>>& fips_w = l.fips_w;
  std::vector<std::vector<double>>& by_fips_w = l.by_fips_w;
  const size_t nc = l.countries.names().size(), nf = l.fips.names().size();
  t.country_names = l.countries.names();
  t.actors.resize(nc);
  actor_w.resize(nc);
  t.actor_tables.resize(nc);
  for (size_t c = 0; c < nc; ++c) {
    if (!t.actors[c].empty()) t.actor_tables[c] = AliasTable(actor_w[c]);
  }
  t.places_by_fips.resize(nf);
  by_fips_w.resize(nf);
  t.place_tables_by_fips.resize(nf);
  t.cities_by_fips.resize(nf);
  for (size_t i = 0; i < nf; ++i) {
    if (!t.places_by_fips[i].empty()) t.place_tables_by_fips[i] = AliasTable(by_fips_w[i]);
    for (uint32_t id : t.places_by_fips[i]) {
      if (!t.place_bases[id].type.empty()) t.cities_by_fips[i].push_back(id);
    }
  }
  t.fips_by_country.resize(nc);
  fips_w.resize(nc);
  t.fips_tables_by_country.resize(nc);
  for (size_t c = 0; c < nc; ++c) {
    // Keep only FIPS codes that have places; a country located nowhere we know stays empty.
    std::vector<uint32_t> keep;
    std::vector<double> w;
    for (size_t k = 0; k < t.fips_by_country[c].size(); ++k) {
      if (!t.places_by_fips[t.fips_by_country[c][k]].empty()) {
        keep.push_back(t.fips_by_country[c][k]);
        w.push_back(fips_w[c][k]);
      }
    }
    t.fips_by_country[c] = keep;
    if (!keep.empty()) t.fips_tables_by_country[c] = AliasTable(w);
    fips_w[c] = w;
  }
  // Marginals over actors that have a country (id 0, none, excluded): the independent part of
  // the pair model fills in country-country dyads the samples are too small to show.
  std::vector<double> m1(nc, 0), m2(nc, 0);
  for (size_t i = 0; i < t.pairs.size(); ++i) {
    m1[t.pairs[i].first] += pair_w[i];
    m2[t.pairs[i].second] += pair_w[i];
  }
  m1[0] = m2[0] = 0;
  l.country1_w = m1;
  l.country2_w = m2;
  ASSIGN_OR_RETURN(t.country1_table, MakeTable(m1, "pairs.tsv country1"));
  RETURN_IF_ERROR(BuildPairCells(l));
  ASSIGN_OR_RETURN(t.country2_table, MakeTable(m2, "pairs.tsv country2"));
  for (const auto& [a, b] : t.pairs) {
    if (t.actors[a].empty() || t.actors[b].empty()) {
      return Status::Corruption("data/gen/pairs.tsv: country without actors in actors.tsv: " +
                                std::string(t.country_names[t.actors[a].empty() ? a : b]));
    }
  }

  return Status::Ok();
}

// eventcodes.tsv, counts.tsv, tone.tsv and lag.tsv: what happened, how widely, how it read, when.
Status LoadEventFiles(GenTables& t) {
  // Event codes, checked against the codebook.
  RETURN_IF_ERROR(
      LoadWeighted("eventcodes.tsv", 2, 1, &t.code_table, [&](const Fields& f) -> Status {
        const EventCodeInfo* info = LookupEventCode(f[0]);
        if (!info) return Status::InvalidArgument("not a CAMEO event code: " + std::string(f[0]));
        char g[16];
        auto [end, ec] =
            std::to_chars(g, g + sizeof g, info->goldstein, std::chars_format::fixed, 1);
        (void)ec;
        EventCodeText e;
        e.code = info->code;
        e.quad = info->quad;
        e.text = std::string(info->code) + '\t' + std::string(info->base) + '\t' +
                 std::string(info->root) + '\t' + std::to_string(info->quad) + '\t' +
                 std::string(g, end);
        t.codes.push_back(std::move(e));
        return Status::Ok();
      }));

  RETURN_IF_ERROR(LoadWeighted("counts.tsv", 4, 3, &t.count_table, [&](const Fields& f) -> Status {
    for (int i = 0; i < 3; ++i) RETURN_IF_ERROR(Number(f[i]).status());
    t.counts.push_back(std::string(f[0]) + '\t' + std::string(f[1]) + '\t' + std::string(f[2]));
    return Status::Ok();
  }));

  std::vector<double> tone_w[5];
  RETURN_IF_ERROR(ForEachRecord("tone.tsv", 3, [&](const Fields& f) -> Status {
    ASSIGN_OR_RETURN(double q, Number(f[0]));
    ASSIGN_OR_RETURN(double bin, Number(f[1]));
    ASSIGN_OR_RETURN(double n, Number(f[2]));
    if (q < 1 || q > 4) return Status::InvalidArgument("QuadClass out of range");
    t.tone_bins[static_cast<int>(q)].push_back(bin);
    tone_w[static_cast<int>(q)].push_back(n);
    return Status::Ok();
  }));
  for (int q = 1; q <= 4; ++q) {
    ASSIGN_OR_RETURN(t.tone_tables[q], MakeTable(tone_w[q], "tone.tsv"));
  }

  std::vector<double> lag_w;
  RETURN_IF_ERROR(ForEachRecord("lag.tsv", 2, [&](const Fields& f) -> Status {
    ASSIGN_OR_RETURN(double d, Number(f[0]));
    ASSIGN_OR_RETURN(double n, Number(f[1]));
    if (d < 0 || d > 3660) return Status::InvalidArgument("lag out of range");
    t.lags.push_back(static_cast<int>(d));
    lag_w.push_back(n);
    return Status::Ok();
  }));
  ASSIGN_OR_RETURN(t.lag_table, MakeTable(lag_w, "lag.tsv"));

  return Status::Ok();
}

// urls.tsv and urlwords.tsv: URL shapes and the words that fill them.
Status LoadUrlFiles(GenTables& t) {
  RETURN_IF_ERROR(LoadWeighted("urls.tsv", 3, 2, &t.url_table, [&](const Fields& f) -> Status {
    ASSIGN_OR_RETURN(UrlShape shape, ParseUrlShape(f[0], f[1]));
    t.urls.push_back(std::move(shape));
    return Status::Ok();
  }));

  RETURN_IF_ERROR(LoadWeighted("urlwords.tsv", 2, 1, &t.word_table, [&](const Fields& f) -> Status {
    t.words.push_back(f[0]);
    return Status::Ok();
  }));

  return Status::Ok();
}

// How often a row draws an actor of each country, per slot (expected draws per row), following the
// pair model of gdelt_generator.cc: a cell, then a learned pair of it or (for two countries, in a
// share of rows) two countries drawn independently.
std::vector<double> CountryDraws(const Loader& l, int slot) {
  const GenTables& t = l.t;
  std::vector<double> out(t.country_names.size(), 0);
  double cell_total[4] = {0, 0, 0, 0};
  for (uint32_t cell = 0; cell < 4; ++cell) {
    for (uint32_t i : t.cell_pairs[cell]) cell_total[cell] += l.pair_w[i];
  }
  const GenParams& p = t.params;
  const double cell_p[4] = {p.p_pair_both_countries, p.p_pair_actor1_country_only,
                            p.p_pair_actor2_country_only, 0};
  for (uint32_t cell = 0; cell < 4; ++cell) {
    const double from_table = cell == kBothCountries ? tuning::kPairFromTable : 1.0;
    for (uint32_t i : t.cell_pairs[cell]) {
      const uint32_t c = slot == 1 ? t.pairs[i].first : t.pairs[i].second;
      out[c] += cell_p[cell] * from_table * l.pair_w[i] / cell_total[cell];
    }
  }
  const std::vector<double>& m = slot == 1 ? l.country1_w : l.country2_w;
  double m_total = 0;
  for (double w : m) m_total += w;
  for (size_t c = 0; c < m.size(); ++c) {
    out[c] += p.p_pair_both_countries * (1 - tuning::kPairFromTable) * m[c] / m_total;
  }
  out[0] = 0;
  return out;
}

// Sets the long tails of names and places so that a million generated rows hold the distinct
// values params.tsv learned. How many draws a million rows make follows from the article model
// (gdelt_generator.cc): actors are drawn afresh unless the row repeats its article's actors, places
// unless it repeats its article's places, and each new article draws a home place.
void FitTails(Loader& l) {
  GenTables& t = l.t;
  const GenParams& p = t.params;
  const double reused = p.p_same_article_as_previous + p.p_recent_article;
  const double fresh_actors =
      1 - reused * p.p_pair_shared_in_article * p.p_actors_shared_given_pair;
  const double fresh_places = 1 - reused * p.p_pair_shared_in_article *
                                      p.p_actors_shared_given_pair * p.p_geo_shared_given_actors;
  const std::vector<double> draws1 = CountryDraws(l, 1), draws2 = CountryDraws(l, 2);

  std::set<std::string_view> head_names;
  for (const auto& per_country : t.actors) {
    for (const std::string& a : per_country) {
      const size_t start = a.find('\t') + 1, end = a.find('\t', start);
      head_names.insert(std::string_view(a).substr(start, end - start));
    }
  }
  double country_slots = 0;
  for (size_t c = 0; c < draws1.size(); ++c) country_slots += draws1[c] + draws2[c];
  t.name_tail = LongTail::Fit(p.names_tail_share, p.names_growth_exponent,
                              p.names_per_million - static_cast<double>(head_names.size()),
                              1e6 * fresh_actors * country_slots);

  // City draws per FIPS country: a country's actors are placed (p_actor*_geo) in its FIPS
  // countries by their weights, then in one of their places, a city by the cities' share; a new
  // article's home place is its Actor1's country's (approximately: Actor2's when Actor1 has none).
  const size_t nf = t.places_by_fips.size();
  std::vector<double> city_share(nf, 0);
  for (size_t f = 0; f < nf; ++f) {
    double all = 0, cities = 0;
    for (uint32_t id : t.places_by_fips[f]) {
      all += l.place_w[id];
      if (!t.place_bases[id].type.empty()) cities += l.place_w[id];
    }
    city_share[f] = all > 0 ? cities / all : 0;
  }
  std::vector<double> city_draws(nf, 0);
  for (size_t c = 1; c < draws1.size(); ++c) {
    const double placed =
        1e6 * (fresh_places * (draws1[c] * p.p_actor1_geo + draws2[c] * p.p_actor2_geo) +
               (1 - reused) * (draws1[c] > 0 ? draws1[c] : draws2[c]));
    double fips_total = 0;
    for (double w : l.fips_w[c]) fips_total += w;
    for (size_t k = 0; k < t.fips_by_country[c].size(); ++k) {
      const uint32_t f = t.fips_by_country[c][k];
      city_draws[f] += placed * l.fips_w[c][k] / fips_total * city_share[f];
    }
  }
  double all_city_draws = 0;
  for (double d : city_draws) all_city_draws += d;
  t.place_tail = LongTail::Fit(p.places_tail_share, p.places_growth_exponent,
                               p.places_per_million - static_cast<double>(t.places.size()),
                               all_city_draws, city_draws);
}

// The longest row the tables can produce, so the writer can reserve once.
size_t MaxRowBytes(const GenTables& t) {
  size_t actor = 0, place = 0, code = 0, count = 0, word = 0, url = 0;
  for (const auto& per_country : t.actors) {
    for (const std::string& a : per_country) actor = std::max(actor, a.size());
  }
  for (const std::string& p : t.places) place = std::max(place, p.size());
  for (const EventCodeText& c : t.codes) code = std::max(code, c.text.size());
  for (const std::string& c : t.counts) count = std::max(count, c.size());
  for (std::string_view w : t.words) word = std::max(word, w.size());
  for (const UrlShape& u : t.urls) {
    size_t n = u.host.size();
    for (const UrlPiece& p : u.pieces) {
      n += p.kind == UrlPiece::kLiteral                                  ? p.text.size()
           : (p.kind == UrlPiece::kDigits || p.kind == UrlPiece::kAlnum) ? p.length
                                                                         : word;
    }
    url = std::max(url, n);
  }
  // A tail name or city replaces a learned one by up to two words (and a place's coordinates and
  // feature id by at most 40 bytes).
  const size_t tail = 2 * word + 1;
  actor += tail;
  place += tail + 40;
  // id 20, dates 30, root flag 1, tone 24, DATEADDED 14, 61 separators and the newline.
  return 2 * actor + 3 * std::max(place, size_t{8}) + code + count + url + 20 + 30 + 1 + 24 + 14 +
         62;
}

}  // namespace

Result<GenTables> LoadGenTables() {
  Loader l;
  RETURN_IF_ERROR(LoadParams(&l.t.params));
  RETURN_IF_ERROR(LoadCountryFiles(l));
  RETURN_IF_ERROR(BuildCountryTables(l));
  RETURN_IF_ERROR(LoadEventFiles(l.t));
  RETURN_IF_ERROR(LoadUrlFiles(l.t));
  FitTails(l);
  l.t.blank_actor.assign(9, '\t');
  l.t.max_row_bytes = MaxRowBytes(l.t);
  return std::move(l.t);
}

}  // namespace entente::gen
