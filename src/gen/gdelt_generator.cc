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

}  // namespace

struct Gdelt2Generator::Article {
  std::string url;
  std::string tone;
  uint32_t home_place = 0;
  // The article's latest event, which the next event of the article may repeat in part.
  uint32_t c1 = 0, c2 = 0;
  uint32_t actor1 = 0, actor2 = 0;  // indexes into GenTables::actors[c1], [c2]
  uint32_t geo1 = kNoPlace, geo2 = kNoPlace, geo_action = kNoPlace;
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
  std::vector<char> row;  // scratch for one row
};

Gdelt2Generator::Gdelt2Generator(const GenTables& tables, const GenerateOptions& options)
    : t_(tables), options_(options), rng_(options.seed), state_(new State) {
  state_->recent.resize(static_cast<size_t>(tables.params.recent_article_window));
  state_->row.resize(tables.max_row_bytes);
}

Gdelt2Generator::~Gdelt2Generator() { delete state_; }

void Gdelt2Generator::AppendRow(uint64_t i, std::string* out) {
  State& s = *state_;
  const GenParams& p = t_.params;

  // --- When: position i of n on a density growing linearly by kGrowth over the range. ---------
  const double g = tuning::kGrowth - 1.0;
  const double u = (static_cast<double>(i) + 0.5) / static_cast<double>(options_.rows);
  const double x =
      g > 0 ? (-1.0 + std::sqrt(1.0 + 2.0 * g * u * (1.0 + g / 2.0))) / g : u;  // inverse CDF
  const int64_t minutes = static_cast<int64_t>(options_.to - options_.from + 1) * 1440;
  int64_t minute =
      std::min<int64_t>(static_cast<int64_t>(x * static_cast<double>(minutes)), minutes - 1);
  minute -= minute % 15;  // exports come every 15 minutes
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
  const Days added_day = options_.from + static_cast<Days>(minute / 1440);

  auto draw_pair = [&](uint32_t* c1, uint32_t* c2) {
    if (rng_.Chance(tuning::kPairFromTable)) {
      const auto& pr = t_.pairs[t_.pair_table.Sample(rng_)];
      *c1 = pr.first;
      *c2 = pr.second;
    } else {
      *c1 = t_.country1_table.Sample(rng_);
      *c2 = t_.country2_table.Sample(rng_);
    }
  };
  auto place_in = [&](uint32_t country, uint32_t fallback) -> uint32_t {
    if (!t_.fips_by_country[country].empty()) {
      uint32_t f = t_.fips_by_country[country][t_.fips_tables_by_country[country].Sample(rng_)];
      return t_.places_by_fips[f][t_.place_tables_by_fips[f].Sample(rng_)];
    }
    return fallback;
  };
  auto draw_tone = [&](int quad, std::string* tone) {
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
  };

  // --- Which article reports it, and what the event shares with the article's last one. -------
  const EventCodeText& code = t_.codes[t_.code_table.Sample(rng_)];
  const double r = rng_.Uniform();
  bool reused = false;
  if (s.filled > 0 && r < p.p_same_article_as_previous) {
    reused = true;
  } else if (s.filled > 0 && r < p.p_same_article_as_previous + p.p_recent_article) {
    s.current = rng_.Below(static_cast<uint32_t>(s.filled));
    reused = true;
  }
  if (!reused) {
    s.current = s.next_slot;
    s.next_slot = (s.next_slot + 1) % s.recent.size();
    if (s.filled < s.recent.size()) ++s.filled;
    Article& a = s.recent[s.current];
    a.url.clear();
    const UrlShape& shape = t_.urls[t_.url_table.Sample(rng_)];
    ExpandUrl(shape, t_.words, t_.word_table, rng_, &a.url);
    draw_tone(code.quad, &a.tone);
  }
  Article& a = s.recent[s.current];
  const std::string* tone = &a.tone;
  if (reused && !rng_.Chance(p.p_tone_shared_in_article)) {
    draw_tone(code.quad, &s.tone);
    tone = &s.tone;
  }
  const bool same_pair = reused && rng_.Chance(p.p_pair_shared_in_article);
  const bool same_actors = same_pair && rng_.Chance(p.p_actors_shared_given_pair);
  const bool same_geo = same_actors && rng_.Chance(p.p_geo_shared_given_actors);
  if (!same_pair) {
    draw_pair(&a.c1, &a.c2);
    if (!reused) a.home_place = place_in(a.c1, place_in(a.c2, t_.place_table.Sample(rng_)));
  }
  if (!same_actors) {
    a.actor1 = t_.actor_tables[a.c1].Sample(rng_);
    a.actor2 = t_.actor_tables[a.c2].Sample(rng_);
  }
  const std::string& actor1 = t_.actors[a.c1][a.actor1];
  const std::string& actor2 = t_.actors[a.c2][a.actor2];
  if (!same_geo) {
    const bool has1 = !actor1.empty() && actor1[0] != '\t';
    const bool has2 = !actor2.empty() && actor2[0] != '\t';
    a.geo1 = has1 && rng_.Chance(p.p_actor1_geo) ? place_in(a.c1, a.home_place) : kNoPlace;
    a.geo2 = has2 && rng_.Chance(p.p_actor2_geo) ? place_in(a.c2, a.home_place) : kNoPlace;
    const double ra = rng_.Uniform();
    if (ra < p.p_action_geo_actor1) {
      a.geo_action = a.geo1 != kNoPlace ? a.geo1 : a.home_place;
    } else if (ra < p.p_action_geo_actor1 + p.p_action_geo_actor2) {
      a.geo_action = a.geo2 != kNoPlace ? a.geo2 : a.home_place;
    } else if (ra < p.p_action_geo_actor1 + p.p_action_geo_actor2 + p.p_action_geo_none) {
      a.geo_action = kNoPlace;
    } else {
      a.geo_action = a.home_place;  // elsewhere: where the story is
    }
  }
  auto geo = [&](uint32_t place) {
    return place == kNoPlace ? kEmptyGeo : std::string_view(t_.places[place]);
  };

  // --- Write the 61 columns. -----------------------------------------------------------------
  RowWriter w(s.row.data());
  w.Uint(FirstEventId(options_.seed) + i);
  w.Tab();
  FormatEventDay(added_day - t_.lags[t_.lag_table.Sample(rng_)], &s.event_day);
  w.Put(s.event_day.text);
  w.Tab();
  w.Put(actor1);
  w.Tab();
  w.Put(actor2);
  w.Tab();
  w.Char(rng_.Chance(p.p_is_root) ? '1' : '0');
  w.Tab();
  w.Put(code.text);
  w.Tab();
  w.Put(t_.counts[t_.count_table.Sample(rng_)]);
  w.Tab();
  w.Put(*tone);
  w.Tab();
  w.Put(geo(a.geo1));
  w.Tab();
  w.Put(geo(a.geo2));
  w.Tab();
  w.Put(geo(a.geo_action));
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
