#include "server/api.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/analysis.h"
#include "core/cameo.h"
#include "report/report.h"
#include "report/report_json.h"
#include "report/triangle.h"

namespace entente::server {

using nlohmann::json;

namespace {

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

ApiResponse ErrorResponse(const Status& s) {
  ApiResponse r;
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotSupported: r.status = 400; break;
    case StatusCode::kNotFound: r.status = 404; break;
    default: r.status = 500;
  }
  std::string code(StatusCodeName(s.code()));
  std::string snake;
  for (char c : code) {  // "Invalid argument" -> "invalid_argument"
    snake += c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  r.body = Dump(json{{"error", json{{"code", snake}, {"message", s.message()}}}});
  return r;
}

ApiResponse JsonResponse(const json& j) {
  ApiResponse r;
  r.body = Dump(j);
  return r;
}

std::string Param(const Params& p, const std::string& name, std::string fallback = "") {
  auto it = p.find(name);
  return it == p.end() ? fallback : it->second;
}

Result<std::string> ActorParam(const Params& p, const std::string& name) {
  std::string text = Param(p, name);
  if (text.empty()) {
    return Status::InvalidArgument(fmt::format("missing parameter '{}' (e.g. {}=PAK)", name, name));
  }
  std::string out;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) || out.size() >= 30) {
      return Status::InvalidArgument(
          fmt::format("bad {}='{}': expected a CAMEO actor code such as PAK", name, text));
    }
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

Result<int> IntParam(const Params& p, const std::string& name, int fallback, int lo, int hi) {
  std::string text = Param(p, name);
  if (text.empty()) return fallback;
  int v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v < lo || v > hi) {
    return Status::InvalidArgument(
        fmt::format("bad {}='{}': expected a whole number from {} to {}", name, text, lo, hi));
  }
  return v;
}

struct DyadArgs {
  std::string a, b;
  analysis::SeriesOptions series;
};

// by, from, to (shared by most endpoints).
Status RangeParams(const Params& p, analysis::SeriesOptions* o) {
  ASSIGN_OR_RETURN(o->period, ParsePeriod(Param(p, "by", "year")));
  if (std::string from = Param(p, "from"); !from.empty()) {
    ASSIGN_OR_RETURN(DateValue d, ParseDate(from));
    o->from = d.days;
  }
  if (std::string to = Param(p, "to"); !to.empty()) {
    ASSIGN_OR_RETURN(o->to, ParseDateRangeEnd(to));
  }
  if (o->from && o->to && *o->from > *o->to) {
    return Status::InvalidArgument("'from' is after 'to'");
  }
  return Status::Ok();
}

Result<DyadArgs> ParseDyad(const Params& p) {
  DyadArgs d;
  ASSIGN_OR_RETURN(d.a, ActorParam(p, "a"));
  ASSIGN_OR_RETURN(d.b, ActorParam(p, "b"));
  if (d.a == d.b) return Status::InvalidArgument(fmt::format("a and b are both {}", d.a));
  RETURN_IF_ERROR(RangeParams(p, &d.series));
  return d;
}

Status RequireEvents(const analysis::Series& s, EventSource& source) {
  if (s.total_events() > 0) return Status::Ok();
  return Status::NotFound(
      fmt::format("no events between {} and {} in the {}", s.a, s.b, source.Describe()));
}

}  // namespace

Api::Api(EventSource* source) : source_(source) {}

ApiResponse Api::Handle(std::string_view path, const Params& p) {
  std::lock_guard<std::mutex> lock(mu_);
  EventSource& src = *source_;
  auto run = [&]() -> Result<ApiResponse> {
    // The server runs for hours while ingests and compactions commit: every request sees the
    // store's latest commit (and lets go of segments a compaction replaced).
    RETURN_IF_ERROR(src.Refresh());
    if (path == "/api/info") {
      // What the source holds, and the dyads and countries for the page's pickers.
      AggregateQuery q;
      q.by_period = false;
      q.by_dyad = true;
      ASSIGN_OR_RETURN(std::vector<AggregateRow> rows, src.Aggregate(q));
      std::map<std::pair<std::string, std::string>, int64_t> dyads;
      std::map<std::string, int64_t> countries;
      int64_t total = 0;
      for (const AggregateRow& r : rows) {
        total += r.events;
        if (r.a == r.b) continue;
        dyads[std::minmax(r.a, r.b)] += r.events;
        countries[r.a] += r.events;
        countries[r.b] += r.events;
      }
      std::vector<std::pair<int64_t, std::pair<std::string, std::string>>> ranked;
      for (const auto& [k, n] : dyads) ranked.push_back({n, k});
      std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
      });
      json top = json::array();
      for (size_t i = 0; i < ranked.size() && i < 200; ++i) {
        top.push_back(json{{"a", ranked[i].second.first},
                           {"b", ranked[i].second.second},
                           {"events", ranked[i].first}});
      }
      json cs = json::array();
      for (const auto& [code, n] : countries) {
        cs.push_back(json{{"code", code}, {"name", report::ActorDisplayName(code)}, {"events", n}});
      }
      Days first = 0, last = 0;
      bool any = false;
      RETURN_IF_ERROR(src.Scan(EventFilter{}, [&](const EventRow& e) {
        if (!any || e.date < first) first = e.date;
        if (!any || e.date > last) last = e.date;
        any = true;
        return true;
      }));
      return JsonResponse(json{{"source", src.Describe()},
                               {"is_embedded_chronicle", IsChronicle()},
                               {"events", total},
                               {"first_date", any ? json(FormatDate(first)) : json(nullptr)},
                               {"last_date", any ? json(FormatDate(last)) : json(nullptr)},
                               {"dyads", std::move(top)},
                               {"countries", std::move(cs)},
                               {"report_format", report::kReportFormatVersion}});
    }
    if (path == "/api/dyad") {
      ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p));
      ASSIGN_OR_RETURN(analysis::Series s, analysis::BuildSeries(src, d.a, d.b, d.series));
      RETURN_IF_ERROR(RequireEvents(s, src));
      return JsonResponse(report::SeriesJson(s));
    }
    if (path == "/api/phases") {
      ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p));
      ASSIGN_OR_RETURN(analysis::PhaseResult r,
                       analysis::FindPhases(src, d.a, d.b, d.series, analysis::PhaseOptions{}));
      RETURN_IF_ERROR(RequireEvents(r.series, src));
      json j = report::PhasesJson(r);
      j["series"] = report::SeriesJson(r.series);
      return JsonResponse(j);
    }
    if (path == "/api/key-events") {
      ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p));
      analysis::KeyEventOptions o;
      ASSIGN_OR_RETURN(o.top, IntParam(p, "top", 20, 1, 500));
      o.from = d.series.from;
      o.to = d.series.to;
      ASSIGN_OR_RETURN(std::vector<analysis::KeyEvent> k,
                       analysis::FindKeyEvents(src, d.a, d.b, o));
      if (k.empty()) {
        return Status::NotFound(fmt::format("no events between {} and {}", d.a, d.b));
      }
      return JsonResponse(json{{"a", d.a}, {"b", d.b}, {"events", report::KeyEventsJson(k)}});
    }
    if (path == "/api/sectors") {
      ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p));
      ASSIGN_OR_RETURN(std::vector<analysis::SectorPoint> s,
                       analysis::BuildSectorSeries(src, d.a, d.b, d.series));
      if (s.empty()) return Status::NotFound(fmt::format("no events between {} and {}", d.a, d.b));
      return JsonResponse(json{{"a", d.a}, {"b", d.b}, {"sectors", report::SectorsJson(s)}});
    }
    if (path == "/api/compare") {
      // dyads=PAK-RUS,IND-RUS...; or a=&b=: that dyad and its neighbourhood (as the report).
      analysis::SeriesOptions so;
      RETURN_IF_ERROR(RangeParams(p, &so));
      so.with_intensity = false;
      std::vector<analysis::DyadName> dyads;
      if (std::string list = Param(p, "dyads"); !list.empty()) {
        size_t start = 0;
        while (start <= list.size()) {
          size_t comma = std::min(list.find(',', start), list.size());
          std::string item = list.substr(start, comma - start);
          size_t dash = item.find_first_of("-_:");
          if (dash == std::string::npos) {
            return Status::InvalidArgument(
                fmt::format("bad dyad '{}' in dyads: expected A-B such as PAK-RUS", item));
          }
          Params one{{"a", item.substr(0, dash)}, {"b", item.substr(dash + 1)}};
          ASSIGN_OR_RETURN(std::string a, ActorParam(one, "a"));
          ASSIGN_OR_RETURN(std::string b, ActorParam(one, "b"));
          dyads.push_back({a, b});
          start = comma + 1;
        }
      } else {
        ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p));
        report::ReportOptions ro;
        ro.a = d.a;
        ro.b = d.b;
        ro.from = so.from;
        ro.to = so.to;
        ASSIGN_OR_RETURN(std::vector<report::DyadCount> n, report::FindTriangleDyads(src, ro));
        dyads.push_back({d.a, d.b});
        for (const report::DyadCount& c : n) dyads.push_back({c.a, c.b});
      }
      if (dyads.size() < 2 || dyads.size() > 20) {
        return Status::InvalidArgument("compare takes 2 to 20 dyads");
      }
      analysis::CompareOptions co;
      ASSIGN_OR_RETURN(co.max_lag, IntParam(p, "max_lag", 3, 0, 20));
      ASSIGN_OR_RETURN(analysis::Comparison c, analysis::CompareDyads(src, dyads, so, co));
      return JsonResponse(report::ComparisonJson(c));
    }
    if (path == "/api/scan") {
      analysis::ScanOptions o;
      ASSIGN_OR_RETURN(o.period, ParsePeriod(Param(p, "by", "year")));
      ASSIGN_OR_RETURN(o.window, IntParam(p, "window", 1, 1, 100));
      ASSIGN_OR_RETURN(o.top, IntParam(p, "top", 20, 1, 1000));
      ASSIGN_OR_RETURN(int min_events, IntParam(p, "min_events", 10, 0, 1000000000));
      o.min_events = min_events;
      ASSIGN_OR_RETURN(analysis::ScanResult r, analysis::ScanDyads(src, o));
      return JsonResponse(report::ScanJson(r));
    }
    if (path == "/api/report" || path == "/report.html") {
      ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p));
      report::ReportOptions ro;
      ro.a = d.a;
      ro.b = d.b;
      ro.period = d.series.period;
      ro.from = d.series.from;
      ro.to = d.series.to;
      ASSIGN_OR_RETURN(ro.top_events, IntParam(p, "top", 15, 1, 200));
      ro.source_description = src.Describe();
      ro.source_is_chronicle = IsChronicle();
      ASSIGN_OR_RETURN(report::ReportData data, report::BuildReport(src, ro));
      if (path == "/api/report") return JsonResponse(report::ReportJson(data));
      ApiResponse r;
      r.content_type = "text/html; charset=utf-8";
      r.body = report::RenderReportHtml(data);
      return r;
    }
    return Status::NotFound(fmt::format("no such endpoint: {}", path));
  };
  Result<ApiResponse> r = run();
  if (!r.ok()) return ErrorResponse(r.status());
  return std::move(r).value();
}

}  // namespace entente::server
