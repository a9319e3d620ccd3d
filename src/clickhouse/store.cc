#include "clickhouse/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "clickhouse/schema.h"
#include "clickhouse/sql.h"

namespace entente::clickhouse {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

template <class T>
bool ParseNumber(std::string_view s, T* v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

Status BadAnswer(std::string_view what, std::string_view line) {
  return Status::StoreError(
      fmt::format("clickhouse: unexpected answer to {}: '{}'", what, line.substr(0, 200)));
}

std::string PeriodExpr(Period p) {
  switch (p) {
    case Period::kYear: return "year";
    case Period::kQuarter: return "quarter";
    case Period::kMonth: return "month";
    // As PeriodStart: 1970-01-01 was a Thursday; weeks start on Monday.
    case Period::kWeek: return "(date - (((date % 7) + 7 + 3) % 7))";
    case Period::kDay: return "date";
  }
  return "date";
}

std::string WeightExpr(Weight w) {
  switch (w) {
    case Weight::kEvents: return "toFloat64(1)";
    case Weight::kMentions: return "if(mentions > 0, toFloat64(mentions), toFloat64(1))";
    case Weight::kArticles: return "if(articles > 0, toFloat64(articles), toFloat64(1))";
  }
  return "toFloat64(1)";
}

}  // namespace

ClickHouseStore::ClickHouseStore(const StoreUrl& url) : url_(url), http_(url, url.entry) {}

Result<std::unique_ptr<ClickHouseStore>> ClickHouseStore::Open(const StoreUrl& url) {
  std::unique_ptr<ClickHouseStore> s(new ClickHouseStore(url));
  Result<std::string> pong = s->http_.Query("SELECT 1");
  if (!pong.ok()) return pong.status();
  if (std::string_view(*pong) != "1\n") return BadAnswer("SELECT 1", *pong);
  return s;
}

std::string ClickHouseStore::Describe() const { return "store " + url_.Describe(); }

std::string ClickHouseStore::Table() const { return EventsTable(url_.database, url_.cluster); }

Result<bool> ClickHouseStore::HasSchema() {
  Result<std::string> a = http_.Query("EXISTS TABLE " + Table());
  if (!a.ok()) return a.status();
  return std::string_view(*a) == "1\n";
}

Result<std::vector<Endpoint>> ClickHouseStore::ShardEndpoints() {
  if (url_.cluster.empty()) return std::vector<Endpoint>{url_.entry};
  if (!url_.shards.empty()) return url_.shards;
  // Every host of the cluster, at the entry's HTTP port (a real deployment runs one server per
  // machine on the same ports; the loopback test cluster lists its shards in the URL instead).
  ASSIGN_OR_RETURN(std::string hosts,
                   http_.Query(fmt::format("SELECT DISTINCT host_address FROM system.clusters "
                                           "WHERE cluster = {}",
                                           Quote(url_.cluster))));
  std::vector<Endpoint> out;
  size_t start = 0;
  while (start < hosts.size()) {
    size_t nl = hosts.find('\n', start);
    out.push_back(Endpoint{hosts.substr(start, nl - start), url_.entry.port});
    start = nl + 1;
  }
  if (out.empty()) {
    return Status::StoreError(fmt::format(
        "{}: the server has no cluster '{}' in its remote_servers", http_.Where(), url_.cluster));
  }
  return out;
}

Status ClickHouseStore::CreateSchema() {
  ASSIGN_OR_RETURN(std::vector<Endpoint> shards, ShardEndpoints());
  for (const Endpoint& e : shards) {
    HttpClient shard(url_, e);
    for (const std::string& sql : CreateStatements(url_.database, url_.cluster)) {
      RETURN_IF_ERROR(shard.Query(sql).status());
    }
  }
  return Status::Ok();
}

Status ClickHouseStore::Scan(const EventFilter& filter,
                             const std::function<bool(const EventRow&)>& visit) {
  if (filter.limit == 0) return Status::Ok();
  std::string sql = fmt::format("SELECT {} FROM {} FINAL {} ORDER BY da, db, date, ver DESC",
                                ColumnList(), Table(), WhereClause(filter));
  if (filter.limit > 0) sql += fmt::format(" LIMIT {}", filter.limit);
  RowDecoder decoder;
  EventRow row;
  Status bad;
  int64_t n = 0;
  RETURN_IF_ERROR(http_.QueryLines(sql, [&](std::string_view line) {
    bad = decoder.Decode(line, &row);
    if (!bad.ok()) return false;
    // The SQL WHERE is exact; this check keeps a translation slip from showing a wrong event.
    if (!Matches(filter, row)) return true;
    ++n;
    return visit(row) && (filter.limit < 0 || n < filter.limit);
  }));
  return bad;
}

Result<std::vector<AggregateRow>> ClickHouseStore::Aggregate(const AggregateQuery& q) {
  std::vector<std::string> keys;
  if (q.by_period) keys.push_back(PeriodExpr(q.period));
  if (q.by_dyad) {
    keys.push_back(q.filter.directed ? "s_dyad" : "da");
    keys.push_back(q.filter.directed ? "t_dyad" : "db");
  }
  if (q.by_root) keys.push_back("if(root_code = '', substring(code, 1, 2), root_code)");
  std::string w = WeightExpr(q.weight);
  std::string select;
  for (size_t i = 0; i < keys.size(); ++i) select += fmt::format("{} AS k{}, ", keys[i], i);
  select += fmt::format(
      "count(), sum({0}), sumIf({0}, quad = 1), sumIf({0}, quad = 2), sumIf({0}, quad = 3), "
      "sumIf({0}, quad = 4), sumIf({0} * toFloat64(goldstein), NOT isNaN(goldstein)), "
      "sumIf({0}, NOT isNaN(goldstein))",
      w);
  std::string sql =
      fmt::format("SELECT {} FROM {} FINAL {}", select, Table(), WhereClause(q.filter));
  if (!keys.empty()) {
    sql += " GROUP BY ";
    for (size_t i = 0; i < keys.size(); ++i) sql += fmt::format("{}k{}", i ? ", " : "", i);
  }
  std::vector<AggregateRow> rows;
  Status bad;
  RETURN_IF_ERROR(http_.QueryLines(sql, [&](std::string_view line) {
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != keys.size() + 8) {
      bad = BadAnswer("an aggregate", line);
      return false;
    }
    AggregateRow r;
    size_t i = 0;
    bool ok = true;
    if (q.by_period) ok = ParseNumber(f[i++], &r.period);
    if (q.by_dyad) {
      r.a = UnescapeTsv(f[i++]);
      r.b = UnescapeTsv(f[i++]);
    }
    if (q.by_root) r.root = UnescapeTsv(f[i++]);
    ok = ParseNumber(f[i++], &r.events) && ok;
    for (double* d : {&r.weight, &r.quad[0], &r.quad[1], &r.quad[2], &r.quad[3], &r.goldstein_sum,
                      &r.goldstein_weight}) {
      ok = ParseNumber(f[i++], d) && ok;
    }
    if (!ok) {
      bad = BadAnswer("an aggregate", line);
      return false;
    }
    if (r.events > 0) rows.push_back(std::move(r));
    return true;
  }));
  RETURN_IF_ERROR(bad);
  std::sort(rows.begin(), rows.end(), AggregateRowLess);
  return rows;
}

Result<int64_t> ClickHouseStore::CountEvents(const EventFilter& filter) {
  ASSIGN_OR_RETURN(std::string a, http_.Query(fmt::format("SELECT count() FROM {} FINAL {}",
                                                          Table(), WhereClause(filter))));
  int64_t n = 0;
  if (a.empty() || !ParseNumber(std::string_view(a).substr(0, a.size() - 1), &n)) {
    return BadAnswer("a count", a);
  }
  return n;
}

Result<int64_t> ClickHouseStore::Events() {
  ASSIGN_OR_RETURN(bool has, HasSchema());
  if (!has) return int64_t{0};
  return CountEvents(EventFilter{});
}

Status ClickHouseStore::Refresh() {
  ASSIGN_OR_RETURN(bool has, HasSchema());
  if (!has) {
    generation_ = rows_ = 0;
    return Status::Ok();
  }
  // Raw rows (no FINAL: cheap) and the lowest version: every insert lowers the second (versions
  // decrease with time), a merge that drops copies changes the first.
  ASSIGN_OR_RETURN(std::string a,
                   http_.Query(fmt::format("SELECT count(), min(ver) FROM {}", Table())));
  std::vector<std::string_view> f = SplitTabs(std::string_view(a).substr(0, a.size() - 1));
  uint64_t n = 0, ver = 0;
  if (a.empty() || f.size() != 2 || !ParseNumber(f[0], &n) || !ParseNumber(f[1], &ver)) {
    return BadAnswer("a count", a);
  }
  rows_ = n;
  generation_ = n == 0 ? 0 : (n * 0x9E3779B97F4A7C15ull) ^ ver;
  return Status::Ok();
}

Result<ClusterInfo> ClickHouseStore::Info() {
  ClusterInfo info;
  ASSIGN_OR_RETURN(bool has, HasSchema());
  if (!has) return info;
  ASSIGN_OR_RETURN(std::string a, http_.Query(fmt::format("SELECT count(), min(date), max(date), "
                                                          "uniqExact(da, db) FROM {} FINAL",
                                                          Table())));
  std::vector<std::string_view> f = SplitTabs(std::string_view(a).substr(0, a.size() - 1));
  if (f.size() != 4 || !ParseNumber(f[0], &info.events) || !ParseNumber(f[1], &info.first) ||
      !ParseNumber(f[2], &info.last) || !ParseNumber(f[3], &info.dyads)) {
    return BadAnswer("info", a);
  }
  Status bad;
  auto pairs = [&](std::string sql, std::vector<std::pair<std::string, int64_t>>* out) {
    return http_.QueryLines(sql, [&](std::string_view line) {
      std::vector<std::string_view> g = SplitTabs(line);
      int64_t n = 0;
      if (g.size() != 2 || !ParseNumber(g[1], &n)) {
        bad = BadAnswer("info", line);
        return false;
      }
      out->push_back({UnescapeTsv(g[0]), n});
      return true;
    });
  };
  RETURN_IF_ERROR(pairs(fmt::format("SELECT dataset, count() FROM {} FINAL GROUP BY dataset "
                                    "ORDER BY dataset",
                                    Table()),
                        &info.datasets));
  RETURN_IF_ERROR(bad);
  if (!url_.cluster.empty()) {
    // Raw rows (before dedupe) on each shard: how evenly the dyads spread.
    ASSIGN_OR_RETURN(std::vector<Endpoint> shards, ShardEndpoints());
    for (const Endpoint& e : shards) {
      HttpClient shard(url_, e);
      ASSIGN_OR_RETURN(std::string c, shard.Query(fmt::format("SELECT count() FROM {}.events_local",
                                                              url_.database)));
      int64_t n = 0;
      if (c.empty() || !ParseNumber(std::string_view(c).substr(0, c.size() - 1), &n)) {
        return BadAnswer("a count", c);
      }
      info.shards.push_back({fmt::format("{}:{}", e.host, e.port), n});
    }
  }
  return info;
}

}  // namespace entente::clickhouse
