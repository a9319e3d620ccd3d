#include "server/endpoints.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "analysis/analysis.h"
#include "io/chronicle.h"
#include "report/report.h"
#include "report/report_json.h"
#include "report/series_json_text.h"
#include "report/triangle.h"
#include "server/endpoint_params.h"

namespace entente::server {

using nlohmann::json;

namespace {

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

ApiResponse JsonResponse(const json& j) {
  ApiResponse r;
  r.body = Dump(j);
  return r;
}

bool IsChronicle(EventSource& src) { return src.Describe() == io::kEmbeddedChronicleName; }

Status RequireEvents(const analysis::Series& s, EventSource& source) {
  if (s.total_events() > 0) return Status::Ok();
  return analysis::NoDyadEvents(s.a, s.b, " in the " + source.Describe());
}

Result<ApiResponse> Info(EventSource& src, const DataSummary& d) {
  return JsonResponse(json{{"source", src.Describe()},
                           {"is_embedded_chronicle", IsChronicle(src)},
                           {"events", d.events},
                           {"first_date", d.first ? json(FormatDate(*d.first)) : json(nullptr)},
                           {"last_date", d.last ? json(FormatDate(*d.last)) : json(nullptr)},
                           {"dyads", d.dyads},
                           {"countries", d.countries},
                           {"report_format", report::kReportFormatVersion}});
}

Result<ApiResponse> Dyad(const Params& p, EventSource& src, const DataSummary& data) {
  ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p, data));
  ASSIGN_OR_RETURN(analysis::Series s, analysis::BuildSeries(src, d.a, d.b, d.series));
  RETURN_IF_ERROR(RequireEvents(s, src));
  ApiResponse r;
  r.body = report::SeriesJsonText(s);  // the bytes of SeriesJson(s), without the tree
  return r;
}

Result<ApiResponse> Phases(const Params& p, EventSource& src, const DataSummary& data) {
  ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p, data));
  ASSIGN_OR_RETURN(analysis::PhaseResult r,
                   analysis::FindPhases(src, d.a, d.b, d.series, analysis::PhaseOptions{}));
  RETURN_IF_ERROR(RequireEvents(r.series, src));
  json j = report::PhasesJson(r);
  j["series"] = report::SeriesJson(r.series);
  return JsonResponse(j);
}

Result<ApiResponse> KeyEvents(const Params& p, EventSource& src, const DataSummary& data) {
  ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p, data));
  analysis::KeyEventOptions o;
  ASSIGN_OR_RETURN(o.top, IntParam(p, "top", 20, 1, 500));
  o.from = d.series.from;
  o.to = d.series.to;
  o.quality = d.series.quality;
  ASSIGN_OR_RETURN(std::vector<analysis::KeyEvent> k, analysis::FindKeyEvents(src, d.a, d.b, o));
  if (k.empty()) return analysis::NoDyadEvents(d.a, d.b);
  return JsonResponse(json{{"a", d.a}, {"b", d.b}, {"events", report::KeyEventsJson(k)}});
}

Result<ApiResponse> Sectors(const Params& p, EventSource& src, const DataSummary& data) {
  ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p, data));
  ASSIGN_OR_RETURN(std::vector<analysis::SectorPoint> s,
                   analysis::BuildSectorSeries(src, d.a, d.b, d.series));
  if (s.empty()) return analysis::NoDyadEvents(d.a, d.b);
  return JsonResponse(json{{"a", d.a}, {"b", d.b}, {"sectors", report::SectorsJson(s)}});
}

// dyads=PAK-RUS,IND-RUS...; or a=&b=: that dyad and its neighbourhood (as the report).
Result<ApiResponse> Compare(const Params& p, EventSource& src, const DataSummary& data) {
  analysis::SeriesOptions so;
  RETURN_IF_ERROR(RangeParams(p, data, &so));
  so.with_intensity = false;
  std::vector<analysis::DyadName> dyads;
  if (std::string list = Param(p, "dyads"); !list.empty()) {
    ASSIGN_OR_RETURN(dyads, DyadListParam(list));
  } else {
    ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p, data));
    report::ReportOptions ro;
    ro.a = d.a;
    ro.b = d.b;
    ro.from = so.from;
    ro.to = so.to;
    ro.quality = so.quality;
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

Result<ApiResponse> Scan(const Params& p, EventSource& src, const DataSummary&) {
  analysis::ScanOptions o;
  ASSIGN_OR_RETURN(o.period, ParsePeriod(Param(p, "by", "year")));
  ASSIGN_OR_RETURN(o.window, IntParam(p, "window", 1, 1, 100));
  ASSIGN_OR_RETURN(o.top, IntParam(p, "top", 20, 1, 1000));
  ASSIGN_OR_RETURN(int min_events, IntParam(p, "min_events", 10, 0, 1000000000));
  o.min_events = min_events;
  ASSIGN_OR_RETURN(o.quality, QualityParams(p));
  ASSIGN_OR_RETURN(analysis::ScanResult r, analysis::ScanDyads(src, o));
  return JsonResponse(report::ScanJson(r));
}

Result<ApiResponse> Report(const Params& p, EventSource& src, const DataSummary& data, bool html) {
  ASSIGN_OR_RETURN(DyadArgs d, ParseDyad(p, data));
  report::ReportOptions ro;
  ro.a = d.a;
  ro.b = d.b;
  ro.period = d.series.period;
  ro.from = d.series.from;
  ro.to = d.series.to;
  ro.quality = d.series.quality;
  ASSIGN_OR_RETURN(ro.top_events, IntParam(p, "top", 15, 1, 200));
  ro.source_description = src.Describe();
  ro.source_is_chronicle = IsChronicle(src);
  ASSIGN_OR_RETURN(report::ReportData r, report::BuildReport(src, ro));
  if (!html) return JsonResponse(report::ReportJson(r));
  ApiResponse out;
  out.content_type = "text/html; charset=utf-8";
  out.body = report::RenderReportHtml(r);
  return out;
}

// The routes: every endpoint answers GET (and HEAD); the server refuses other methods with 405
// before routing (request_policy.h).
using Handler = Result<ApiResponse> (*)(const Params&, EventSource&, const DataSummary&);
struct Route {
  std::string_view path;
  Handler handler;
};

constexpr Route kRoutes[] = {
    {"/api/info", [](const Params&, EventSource& s, const DataSummary& d) { return Info(s, d); }},
    {"/api/dyad", Dyad},
    {"/api/phases", Phases},
    {"/api/key-events", KeyEvents},
    {"/api/sectors", Sectors},
    {"/api/compare", Compare},
    {"/api/scan", Scan},
    {"/api/report",
     [](const Params& p, EventSource& s, const DataSummary& d) { return Report(p, s, d, false); }},
    {"/report.html",
     [](const Params& p, EventSource& s, const DataSummary& d) { return Report(p, s, d, true); }},
};

const Route* RouteOf(std::string_view path) {
  for (const Route& r : kRoutes) {
    if (r.path == path) return &r;
  }
  return nullptr;
}

}  // namespace

bool IsEndpoint(std::string_view path) { return RouteOf(path) != nullptr; }

Result<ApiResponse> ServeEndpoint(std::string_view path, const Params& p, EventSource& src,
                                  const DataSummary& data) {
  const Route* route = RouteOf(path);
  if (route == nullptr) return Status::NotFound(fmt::format("no such endpoint: {}", path));
  return route->handler(p, src, data);
}

}  // namespace entente::server
