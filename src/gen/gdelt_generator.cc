// Writes synthetic GDELT 2.0 rows (see gdelt_generator.h for the model and its guarantees).
#include "gen/gdelt_generator.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

namespace entente::gen {
namespace {

constexpr std::string_view kEmptyGeo = "0\t\t\t\t\t\t\t";  // Type 0 and seven empty fields

// Writes `v` as `width` digits, zero padded, at p.
void PutDigits(char* p, int v, int width) {
  for (int k = width - 1; k >= 0; --k) {
    p[k] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
}

// The date columns of an event day, formatted once per distinct day.
struct DayText {
  Days day = INT32_MIN;
  std::string text;  // "SQLDATE\tMonthYear\tYear\tFractionDate"
};

void FormatEventDay(Days d, DayText* out) {
  if (out->day == d) return;
  CivilDate c = CivilFromDays(d);
  char b[32];
  PutDigits(b, c.year, 4);
  PutDigits(b + 4, c.month, 2);
  PutDigits(b + 6, c.day, 2);
  b[8] = '\t';
  PutDigits(b + 9, c.year, 4);
  PutDigits(b + 13, c.month, 2);
  b[15] = '\t';
  PutDigits(b + 16, c.year, 4);
  b[20] = '\t';
  // GDELT's FractionDate: year + ((month - 1) * 30 + day) / 365, four decimals.
  int frac = static_cast<int>(std::lround(((c.month - 1) * 30 + c.day) * 10000.0 / 365.0));
  int year = c.year;
  if (frac >= 10000) {
    frac -= 10000;
    ++year;
  }
  PutDigits(b + 21, year, 4);
  b[25] = '.';
  PutDigits(b + 26, frac, 4);
  out->day = d;
  out->text.assign(b, 30);
}

// Writes a row into the generator's scratch buffer through a raw cursor: no capacity checks and
// no terminator writes per field (a row is ~30 small pieces). The buffer holds
// GenTables::max_row_bytes, the longest row the tables can make.
class RowWriter {
 public:
  explicit RowWriter(char* p) : p_(p) {}
  void Put(std::string_view s) {
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  void Tab() { *p_++ = '\t'; }
  void Char(char c) { *p_++ = c; }
  void Uint(uint64_t v) { p_ = std::to_chars(p_, p_ + 20, v).ptr; }
  char* end() const { return p_; }

 private:
  char* p_;
};

constexpr uint32_t kNoPlace = UINT32_MAX;
constexpr uint32_t kBlankActor = UINT32_MAX;

}  // namespace

// A place: a learned one, or a tail city near learned city `place` (tail != 0, its identity).
struct Gdelt2Generator::Geo {
  uint32_t place = kNoPlace;
  uint64_t tail = 0;
};

// An actor: a learned tuple of GenTables::actors[country] (or kBlankActor), possibly renamed by
// a tail name (name_rank != 0).
struct Gdelt2Generator::Actor {
  uint32_t tuple = kBlankActor;
  uint64_t name_rank = 0;
};

struct Gdelt2Generator::Article {
  std::string url;
  std::string tone;
  Geo home_place;
  // The article's latest event, which the next event of the article may repeat in part.
  uint32_t c1 = 0, c2 = 0;
  Actor actor1, actor2;
  Geo geo1, geo2, geo_action;
};

struct Gdelt2Generator::State {
  std::vector<Article> recent;  // ring of the last `window` articles
  size_t next_slot = 0;
  size_t filled = 0;
  size_t current = 0;  // index in `recent` of the article of the previous row
  DayText event_day;
  int64_t added_minute = -1;
  char added[16];  // DATEADDED "YYYYMMDDHHMMSS"
  std::string tone;
  std::string name_text[2], geo_text[3];  // tail values of the row being written
  std::vector<char> row;                  // scratch for one row
};

Gdelt2Generator::Gdelt2Generator(const GenTables& tables, const GenerateOptions& options)
    : t_(tables), options_(options), rng_(options.seed), state_(new State) {
  state_->recent.resize(static_cast<size_t>(tables.params.recent_article_window));
  state_->row.resize(tables.max_row_bytes);
}

Gdelt2Generator::~Gdelt2Generator() { delete state_; }

// DATEADDED of row i: position i of n on a density growing linearly by kGrowth over the range,
// on the 15-minute grid of the exports. Returns its day.
Days Gdelt2Generator::AdvanceClock(uint64_t i) {
  State& s = *state_;
  const double g = tuning::kGrowth - 1.0;
  const double u = (static_cast<double>(i) + 0.5) / static_cast<double>(options_.rows);
  const double x =
      g > 0 ? (-1.0 + std::sqrt(1.0 + 2.0 * g * u * (1.0 + g / 2.0))) / g : u;  // inverse CDF
  const int64_t minutes = static_cast<int64_t>(options_.to - options_.from + 1) * 1440;
  int64_t minute =
      std::min<int64_t>(static_cast<int64_t>(x * static_cast<double>(minutes)), minutes - 1);
  minute -= minute % 15;
  if (minute != s.added_minute) {
    s.added_minute = minute;
    CivilDate c = CivilFromDays(options_.from + static_cast<Days>(minute / 1440));
    PutDigits(s.added, c.year, 4);
    PutDigits(s.added + 4, c.month, 2);
    PutDigits(s.added + 6, c.day, 2);
    PutDigits(s.added + 8, static_cast<int>(minute % 1440 / 60), 2);
    PutDigits(s.added + 10, static_cast<int>(minute % 60), 2);
    PutDigits(s.added + 12, 0, 2);
  }
  return options_.from + static_cast<Days>(minute / 1440);
}

void Gdelt2Generator::DrawPair(uint32_t* c1, uint32_t* c2) {
  const uint32_t cell = t_.cell_table.Sample(rng_);
  if (cell == kBothCountries && !rng_.Chance(tuning::kPairFromTable)) {
    *c1 = t_.country1_table.Sample(rng_);
    *c2 = t_.country2_table.Sample(rng_);
    return;
  }
  const auto& pr = t_.pairs[t_.cell_pairs[cell][t_.pair_tables[cell].Sample(rng_)]];
  *c1 = pr.first;
  *c2 = pr.second;
}

Gdelt2Generator::Actor Gdelt2Generator::DrawActor(uint32_t country, double p_blank) {
  Actor a;
  if (country == 0 && rng_.Chance(p_blank)) return a;
  a.tuple = t_.actor_tables[country].Sample(rng_);
  if (country != 0) a.name_rank = t_.name_tail.Draw(rng_);
  return a;
}

bool Gdelt2Generator::HasPlaces(uint32_t country) const {
  return !t_.fips_by_country[country].empty();
}

Gdelt2Generator::Geo Gdelt2Generator::PlaceIn(uint32_t country) {
  const uint32_t f = t_.fips_by_country[country][t_.fips_tables_by_country[country].Sample(rng_)];
  Geo g;
  g.place = t_.places_by_fips[f][t_.place_tables_by_fips[f].Sample(rng_)];
  if (!t_.place_bases[g.place].type.empty()) {
    if (const uint64_t rank = t_.place_tail.Draw(rng_); rank != 0) {
      g.tail = TailPlaceHash(rank, f);
      g.place = t_.cities_by_fips[f][g.tail % t_.cities_by_fips[f].size()];
    }
  }
  return g;
}

Gdelt2Generator::Geo Gdelt2Generator::HomeOf(uint32_t c1, uint32_t c2) {
  if (HasPlaces(c1)) return PlaceIn(c1);
  if (HasPlaces(c2)) return PlaceIn(c2);
  return Geo{t_.place_table.Sample(rng_), 0};
}

// The three geo blocks: each actor's location, and where the action took place (an actor's,
// none, or the article's home place).
void Gdelt2Generator::DrawGeo(Article& a) {
  const GenParams& p = t_.params;
  auto actor_geo = [&](const Actor& actor, uint32_t country, double p_geo) {
    if (actor.tuple == kBlankActor || !rng_.Chance(p_geo)) return Geo{};
    return HasPlaces(country) ? PlaceIn(country) : a.home_place;
  };
  a.geo1 = actor_geo(a.actor1, a.c1, p.p_actor1_geo);
  a.geo2 = actor_geo(a.actor2, a.c2, p.p_actor2_geo);
  const double ra = rng_.Uniform();
  if (ra < p.p_action_geo_actor1) {
    a.geo_action = a.geo1.place != kNoPlace ? a.geo1 : a.home_place;
  } else if (ra < p.p_action_geo_actor1 + p.p_action_geo_actor2) {
    a.geo_action = a.geo2.place != kNoPlace ? a.geo2 : a.home_place;
  } else if (ra < p.p_action_geo_actor1 + p.p_action_geo_actor2 + p.p_action_geo_none) {
    a.geo_action = Geo{};
  } else {
    a.geo_action = a.home_place;  // elsewhere: where the story is
  }
}

void Gdelt2Generator::DrawTone(int quad, std::string* tone) {
  const auto& bins = t_.tone_bins[quad];
  double lo = bins[t_.tone_tables[quad].Sample(rng_)];
  int words =
      tuning::kMinWords + static_cast<int>(rng_.Below(tuning::kMaxWords - tuning::kMinWords));
  // The k/words nearest a uniform draw in the bin.
  double want = lo + 0.5 * rng_.Uniform();
  double k = std::round(want * words / 100.0);
  double v = 100.0 * k / words;
  if (v == 0) v = 0;  // no "-0"
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 15);
  (void)ec;
  tone->assign(buf, end);
}

// Which article reports the row: the previous row's, another recent one, or a new one (with a
// URL and tone of its own). Sets *reused when the article is not new.
Gdelt2Generator::Article& Gdelt2Generator::ChooseArticle(int quad, bool* reused) {
  State& s = *state_;
  const GenParams& p = t_.params;
  const double r = rng_.Uniform();
  *reused = false;
  if (s.filled > 0 && r < p.p_same_article_as_previous) {
    *reused = true;
  } else if (s.filled > 0 && r < p.p_same_article_as_previous + p.p_recent_article) {
    s.current = rng_.Below(static_cast<uint32_t>(s.filled));
    *reused = true;
  }
  if (!*reused) {
    s.current = s.next_slot;
    s.next_slot = (s.next_slot + 1) % s.recent.size();
    if (s.filled < s.recent.size()) ++s.filled;
    Article& a = s.recent[s.current];
    a.url.clear();
    const UrlShape& shape = t_.urls[t_.url_table.Sample(rng_)];
    ExpandUrl(shape, t_.words, t_.word_table, rng_, &a.url);
    DrawTone(quad, &a.tone);
  }
  return s.recent[s.current];
}

// The 10 Actor fields; a tail name replaces the learned name (in scratch slot k).
std::string_view Gdelt2Generator::ActorText(const Actor& actor, uint32_t country, int k) {
  if (actor.tuple == kBlankActor) return t_.blank_actor;
  const std::string_view text = t_.actors[country][actor.tuple];
  if (actor.name_rank == 0) return text;
  std::string& out = state_->name_text[k];
  const size_t name = text.find('\t') + 1;
  TailName(actor.name_rank, t_.words, &out);
  out.insert(0, text.substr(0, name));
  out += text.substr(text.find('\t', name));
  return out;
}

// The 8 geo fields of a place (tail places are made in scratch slot k).
std::string_view Gdelt2Generator::GeoText(const Geo& g, int k) {
  if (g.place == kNoPlace) return kEmptyGeo;
  if (g.tail == 0) return t_.places[g.place];
  TailPlace(g.tail, t_.place_bases[g.place], t_.words, &state_->geo_text[k]);
  return state_->geo_text[k];
}

void Gdelt2Generator::AppendRow(uint64_t i, std::string* out) {
  State& s = *state_;
  const GenParams& p = t_.params;
  const Days added_day = AdvanceClock(i);

  // --- Which article reports it, and what the event shares with the article's last one. -------
  const EventCodeText& code = t_.codes[t_.code_table.Sample(rng_)];
  bool reused = false;
  Article& a = ChooseArticle(code.quad, &reused);
  const std::string* tone = &a.tone;
  if (reused && !rng_.Chance(p.p_tone_shared_in_article)) {
    DrawTone(code.quad, &s.tone);
    tone = &s.tone;
  }
  const bool same_pair = reused && rng_.Chance(p.p_pair_shared_in_article);
  const bool same_actors = same_pair && rng_.Chance(p.p_actors_shared_given_pair);
  const bool same_geo = same_actors && rng_.Chance(p.p_geo_shared_given_actors);
  if (!same_pair) {
    DrawPair(&a.c1, &a.c2);
    if (!reused) a.home_place = HomeOf(a.c1, a.c2);
  }
  if (!same_actors) {
    a.actor1 = DrawActor(a.c1, p.p_actor1_blank_given_no_country);
    a.actor2 = DrawActor(a.c2, p.p_actor2_blank_given_no_country);
  }
  if (!same_geo) DrawGeo(a);

  // --- Write the 61 columns. -----------------------------------------------------------------
  RowWriter w(s.row.data());
  w.Uint(FirstEventId(options_.seed) + i);
  w.Tab();
  FormatEventDay(added_day - t_.lags[t_.lag_table.Sample(rng_)], &s.event_day);
  w.Put(s.event_day.text);
  w.Tab();
  w.Put(ActorText(a.actor1, a.c1, 0));
  w.Tab();
  w.Put(ActorText(a.actor2, a.c2, 1));
  w.Tab();
  w.Char(rng_.Chance(p.p_is_root) ? '1' : '0');
  w.Tab();
  w.Put(code.text);
  w.Tab();
  w.Put(t_.counts[t_.count_table.Sample(rng_)]);
  w.Tab();
  w.Put(*tone);
  w.Tab();
  w.Put(GeoText(a.geo1, 0));
  w.Tab();
  w.Put(GeoText(a.geo2, 1));
  w.Tab();
  w.Put(GeoText(a.geo_action, 2));
  w.Tab();
  w.Put(std::string_view(s.added, 14));
  w.Tab();
  w.Put(a.url);
  w.Char('\n');
  assert(static_cast<size_t>(w.end() - s.row.data()) <= s.row.size());
  out->append(s.row.data(), static_cast<size_t>(w.end() - s.row.data()));
}

Status GenerateGdelt2(const GenerateOptions& options, const ByteSink& sink) {
  if (options.to < options.from) {
    return Status::InvalidArgument("the date range is empty: --from is after --to");
  }
  ASSIGN_OR_RETURN(GenTables tables, LoadGenTables());
  Gdelt2Generator gen(tables, options);
  std::string block;
  block.reserve(tuning::kBlockBytes + 4096);
  for (uint64_t i = 0; i < options.rows; ++i) {
    gen.AppendRow(i, &block);
    if (block.size() >= tuning::kBlockBytes) {
      RETURN_IF_ERROR(sink(block));
      block.clear();
    }
  }
  if (!block.empty()) RETURN_IF_ERROR(sink(block));
  return Status::Ok();
}

}  // namespace entente::gen
