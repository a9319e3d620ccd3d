#include "clickhouse/schema.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "clickhouse/sql.h"

namespace entente::clickhouse {
namespace {

constexpr std::string_view kActorFields[] = {"code",   "name",      "country",   "known_group",
                                             "ethnic", "religion1", "religion2", "type1",
                                             "type2",  "type3"};

// Column definitions in row order.
std::vector<std::pair<std::string, std::string>> Columns() {
  std::vector<std::pair<std::string, std::string>> c = {
      {"dataset", "String"}, {"id", "String"},     {"key", "UInt64"},
      {"ver", "UInt64"},     {"date", "Int32"},    {"precision", "UInt8"},
      {"month", "Int32"},    {"quarter", "Int32"}, {"year", "Int32"}};
  for (std::string_view side : {"s_", "t_"}) {
    for (std::string_view f : kActorFields)
      c.push_back({std::string(side) + std::string(f), "String"});
  }
  for (auto [n, t] : std::initializer_list<std::pair<const char*, const char*>>{
           {"s_dyad", "String"},      {"t_dyad", "String"},     {"da", "String"},
           {"db", "String"},          {"odd", "UInt8"},         {"is_root", "UInt8"},
           {"code", "String"},        {"base_code", "String"},  {"root_code", "String"},
           {"quad", "Int8"},          {"goldstein", "Float32"}, {"mentions", "Int32"},
           {"sources", "Int32"},      {"articles", "Int32"},    {"tone", "Float32"},
           {"geo_country", "String"}, {"geo_name", "String"},   {"lat", "Float32"},
           {"lon", "Float32"},        {"date_added", "Int64"},  {"url", "String"},
           {"sector", "String"},      {"text", "String"},       {"citation", "String"}}) {
    c.push_back({n, t});
  }
  return c;
}

constexpr int kNumColumns = 9 + 20 + 24;

void Field(std::string_view s, std::string* out) {
  AppendTsvField(s, out);
  *out += '\t';
}

template <class T>
void Number(T v, std::string* out) {
  fmt::format_to(std::back_inserter(*out), "{}\t", v);
}

template <class T>
bool ParseInt(std::string_view s, T* v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

bool ParseFloat(std::string_view s, float* v) {
  if (s == "nan" || s == "-nan") {
    *v = NAN;
    return true;
  }
  if (s == "inf" || s == "-inf") {
    *v = s[0] == '-' ? -INFINITY : INFINITY;
    return true;
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

bool OddActors(const EventRow& e) {
  auto odd = [](const ActorRow& a) {
    return !a.country.empty() && !(a.country.size() == 3 && a.code.starts_with(a.country));
  };
  return odd(e.source) || odd(e.target);
}

std::vector<std::string> CreateStatements(std::string_view db, std::string_view cluster) {
  std::string cols;
  for (const auto& [n, t] : Columns())
    cols += fmt::format("{}{} {}", cols.empty() ? "" : ", ", n, t);
  std::vector<std::string> out = {
      fmt::format("CREATE DATABASE IF NOT EXISTS {}", db),
      fmt::format(
          "CREATE TABLE IF NOT EXISTS {}.events_local ({}) ENGINE = ReplacingMergeTree(ver) "
          "ORDER BY (odd, da, db, date, key)",
          db, cols)};
  if (!cluster.empty()) {
    out.push_back(fmt::format(
        "CREATE TABLE IF NOT EXISTS {0}.events AS {0}.events_local ENGINE = Distributed({1}, {0}, "
        "events_local, cityHash64(da, db))",
        db, cluster));
  }
  return out;
}

std::string EventsTable(std::string_view db, std::string_view cluster) {
  return fmt::format("{}.{}", db, cluster.empty() ? "events_local" : "events");
}

const std::string& ColumnList() {
  static const std::string list = [] {
    std::string s;
    for (const auto& [n, t] : Columns()) s += (s.empty() ? "" : ", ") + n;
    return s;
  }();
  return list;
}

void AppendRow(const EventRow& e, uint64_t version, std::string* out) {
  Field(e.dataset, out);
  Field(e.id, out);
  Number(EventKeyHash(e), out);
  Number(version, out);
  Number(e.date, out);
  Number(static_cast<int>(e.precision), out);
  Number(PeriodStart(e.date, Period::kMonth), out);
  Number(PeriodStart(e.date, Period::kQuarter), out);
  Number(PeriodStart(e.date, Period::kYear), out);
  for (const ActorRow* a : {&e.source, &e.target}) {
    for (std::string_view s : {a->code, a->name, a->country, a->known_group, a->ethnic,
                               a->religion1, a->religion2, a->type1, a->type2, a->type3}) {
      Field(s, out);
    }
  }
  std::string_view x = DyadCountry(e.source), y = DyadCountry(e.target);
  Field(x, out);
  Field(y, out);
  Field(std::min(x, y), out);
  Field(std::max(x, y), out);
  Number(OddActors(e) ? 1 : 0, out);
  Number(e.is_root ? 1 : 0, out);
  Field(e.code, out);
  Field(e.base_code, out);
  Field(e.root_code, out);
  Number(static_cast<int>(e.quad), out);
  Number(e.goldstein, out);
  Number(e.mentions, out);
  Number(e.sources, out);
  Number(e.articles, out);
  Number(e.tone, out);
  Field(e.geo_country, out);
  Field(e.geo_name, out);
  Number(e.lat, out);
  Number(e.lon, out);
  Number(e.date_added, out);
  Field(e.url, out);
  Field(e.sector, out);
  Field(e.text, out);
  AppendTsvField(e.citation, out);
  *out += '\n';
}

Status RowDecoder::Decode(std::string_view line, EventRow* row) {
  std::string_view f[kNumColumns];
  int n = 0;
  size_t start = 0;
  while (n < kNumColumns) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) tab = line.size();
    f[n++] = line.substr(start, tab - start);
    start = tab + 1;
    if (tab == line.size()) break;
  }
  if (n != kNumColumns || start <= line.size()) {
    return Status::Corruption(
        fmt::format("clickhouse: an answer row has {} fields, expected {}: {}", n, kNumColumns,
                    line.substr(0, 200)));
  }
  if (storage_.size() < kNumColumns) storage_.resize(kNumColumns);
  int i = 0;
  auto str = [&]() -> std::string_view {
    std::string_view s = f[i];
    if (s.find('\\') != std::string_view::npos) {
      storage_[i] = UnescapeTsv(s);
      s = storage_[i];
    }
    ++i;
    return s;
  };
  bool ok = true;
  auto num = [&](auto* v) { ok = ParseInt(f[i++], v) && ok; };
  auto flt = [&](float* v) { ok = ParseFloat(f[i++], v) && ok; };
  row->dataset = str();
  row->id = str();
  i += 2;  // key, ver
  num(&row->date);
  int prec = 0, is_root = 0, quad = 0;
  num(&prec);
  row->precision = static_cast<DatePrecision>(prec);
  i += 3;  // month, quarter, year
  for (ActorRow* a : {&row->source, &row->target}) {
    for (std::string_view* s : {&a->code, &a->name, &a->country, &a->known_group, &a->ethnic,
                                &a->religion1, &a->religion2, &a->type1, &a->type2, &a->type3}) {
      *s = str();
    }
  }
  i += 5;  // s_dyad, t_dyad, da, db, odd
  num(&is_root);
  row->is_root = is_root != 0;
  row->code = str();
  row->base_code = str();
  row->root_code = str();
  num(&quad);
  row->quad = static_cast<int8_t>(quad);
  flt(&row->goldstein);
  num(&row->mentions);
  num(&row->sources);
  num(&row->articles);
  flt(&row->tone);
  row->geo_country = str();
  row->geo_name = str();
  flt(&row->lat);
  flt(&row->lon);
  num(&row->date_added);
  row->url = str();
  row->sector = str();
  row->text = str();
  row->citation = str();
  if (!ok) {
    return Status::Corruption(
        fmt::format("clickhouse: an answer row has a bad number: {}", line.substr(0, 200)));
  }
  return Status::Ok();
}

}  // namespace entente::clickhouse
