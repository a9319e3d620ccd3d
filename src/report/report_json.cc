#include "report/report_json.h"

#include <cmath>

#include "core/cameo.h"
#include "report/headline.h"

namespace entente::report {

using nlohmann::json;

namespace {

json ActorJson(const Actor& a) {
  ActorRow row;
  row.code = a.code;
  row.country = a.country;
  return json{{"code", a.code},
              {"name", a.name.empty() ? ActorDisplayName(a.code) : a.name},
              {"country", std::string(DyadCountry(row))}};
}

}  // namespace

json NumberJson(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json EventJson(const Event& e) {
  return json{{"date", FormatDate(e.date)},
              {"date_text", FormatDate(e.date, e.precision)},
              {"precision", PrecisionName(e.precision)},
              {"dataset", e.dataset},
              {"id", e.id},
              {"source", ActorJson(e.source)},
              {"target", ActorJson(e.target)},
              {"code", e.code},
              {"code_label", std::string(EventCodeLabel(e.code))},
              {"root", e.root_code},
              {"quad", e.quad},
              {"goldstein", NumberJson(e.goldstein)},
              {"description", e.text},
              {"what", WhatHappened(e)},
              {"sector", std::string(analysis::SectorName(analysis::ClassifySector(ViewOf(e))))},
              {"url", e.url},
              {"citation", e.citation}};
}

json KeyEventJson(const analysis::KeyEvent& k) {
  json j = EventJson(k.event);
  j["salience"] = NumberJson(k.salience);
  j["why"] = k.why;
  j["label"] = k.label;
  j["event_class"] = k.event_class;
  j["merged"] = k.merged;
  j["articles"] = k.articles;
  j["score_parts"] = json{{"class", NumberJson(k.class_score)},
                          {"level", NumberJson(k.level_score)},
                          {"media", NumberJson(k.media_score)},
                          {"novelty", NumberJson(k.novelty_score)}};
  return j;
}

json KeyEventsJson(const std::vector<analysis::KeyEvent>& events) {
  json a = json::array();
  for (const analysis::KeyEvent& k : events) a.push_back(KeyEventJson(k));
  return a;
}

json SeriesJson(const analysis::Series& s) {
  json points = json::array();
  for (const analysis::SeriesPoint& p : s.points) {
    points.push_back(json{
        {"period", p.label},
        {"start", FormatDate(p.period)},
        {"events", p.events},
        {"weight", NumberJson(p.weight)},
        {"vcoop", NumberJson(p.vcoop)},
        {"mcoop", NumberJson(p.mcoop)},
        {"vconf", NumberJson(p.vconf)},
        {"mconf", NumberJson(p.mconf)},
        {"goldstein_sum", NumberJson(p.goldstein_sum)},
        {"goldstein_mean", p.goldstein_weight > 0 ? NumberJson(p.goldstein_mean) : json(nullptr)},
        {"net_coop", p.events > 0 ? NumberJson(p.net_coop) : json(nullptr)},
        {"net_coop_lo", p.events > 0 ? NumberJson(p.net_coop_lo) : json(nullptr)},
        {"net_coop_hi", p.events > 0 ? NumberJson(p.net_coop_hi) : json(nullptr)},
        {"intensity", NumberJson(p.intensity)}});
  }
  return json{{"a", s.a},
              {"b", s.b},
              {"by", std::string(PeriodName(s.period))},
              {"weight", std::string(WeightName(s.weight))},
              {"directed", s.directed},
              {"events", s.total_events()},
              {"points", std::move(points)}};
}

json SectorShareJson(const analysis::Phase& p) {
  json o = json::object();
  for (int d = 0; d < kSectorCount; ++d) {
    o[std::string(analysis::SectorName(static_cast<Sector>(d)))] = NumberJson(p.sector_share[d]);
  }
  return o;
}

json PhaseJson(const analysis::Phase& p) {
  return json{{"start", FormatDate(p.start)},
              {"end", FormatDate(p.end)},
              {"start_label", p.start_label},
              {"end_label", p.end_label},
              {"periods", p.periods},
              {"events", p.events},
              {"goldstein_mean", NumberJson(p.goldstein_mean)},
              {"net_coop", NumberJson(p.net_coop)},
              {"label", p.label},
              {"trend", p.trend},
              {"slope", NumberJson(p.slope)},
              {"turning_events", KeyEventsJson(p.turning_events)},
              {"gain", NumberJson(p.gain)},
              {"support", NumberJson(p.support)},
              {"intensity", p.has_intensity ? NumberJson(p.intensity) : json(nullptr)},
              {"sector_share", SectorShareJson(p)}};
}

json SparsityJson(const analysis::PhaseResult::Sparsity& s) {
  return json{{"turn_size", NumberJson(s.turn_size)},
              {"periods_each_side", s.periods_each_side},
              {"median_events", NumberJson(s.median_events)},
              {"events_needed", NumberJson(s.events_needed)},  // null: no count suffices
              {"sparse", s.sparse}};
}

json WeakerTurnsJson(const std::vector<analysis::WeakerTurn>& turns) {
  json a = json::array();
  for (const analysis::WeakerTurn& t : turns) {
    a.push_back(json{{"at", t.label},
                     {"gain", NumberJson(t.gain)},
                     {"support", NumberJson(t.support)},
                     {"net_coop_before", NumberJson(t.net_coop_before)},
                     {"net_coop_after", NumberJson(t.net_coop_after)},
                     {"events_before", t.events_before},
                     {"events_after", t.events_after}});
  }
  return a;
}

json PhasesJson(const analysis::PhaseResult& r) {
  json phases = json::array();
  for (const analysis::Phase& p : r.phases) phases.push_back(PhaseJson(p));
  json turns = json::array();
  for (int i : r.change_points) {
    if (i >= 0 && i < static_cast<int>(r.series.points.size())) {
      turns.push_back(r.series.points[i].label);
    }
  }
  return json{{"phases", std::move(phases)},
              {"turning_points", std::move(turns)},
              {"penalty", NumberJson(r.penalty)},
              {"weaker_turns", WeakerTurnsJson(r.weaker_turns)},
              {"weaker_threshold", NumberJson(r.weaker_threshold)},
              {"signal", std::string(analysis::TrackName(r.signal))},
              {"sparsity", SparsityJson(r.sparsity)}};
}

json TracksJson(const ReportData& d) {
  json turns = json::array();
  for (const analysis::TrackTurn& t : d.track_turns) {
    turns.push_back(json{{"track", std::string(analysis::TrackName(t.track))},
                         {"at", t.at},
                         {"start", FormatDate(t.start)},
                         {"measure", analysis::MeasureName(t)},
                         {"sector", t.measure == analysis::TrackTurn::Measure::kSectorShare
                                        ? json(std::string(analysis::SectorName(t.sector)))
                                        : json(nullptr)},
                         {"before", NumberJson(t.before)},
                         {"after", NumberJson(t.after)},
                         {"support", NumberJson(t.support)},
                         {"turning_events", KeyEventsJson(t.events)}});
  }
  json density = PhasesJson(d.density);
  density["by_count"] = d.density.density_by_count;
  return json{
      {"turns", std::move(turns)}, {"density", std::move(density)}, {"kind", PhasesJson(d.kind)}};
}

json SectorsJson(const std::vector<analysis::SectorPoint>& sectors) {
  json a = json::array();
  for (const analysis::SectorPoint& p : sectors) {
    a.push_back(json{{"period", p.label},
                     {"start", FormatDate(p.period)},
                     {"sector", std::string(analysis::SectorName(p.sector))},
                     {"events", p.events},
                     {"weight", NumberJson(p.weight)},
                     {"net_coop", NumberJson(p.net_coop)},
                     {"goldstein_mean", NumberJson(p.goldstein_mean)}});
  }
  return a;
}

json PairJson(const analysis::PairStats& p, const analysis::Comparison& c) {
  auto name = [&](int i) {
    if (i < 0 || i >= static_cast<int>(c.series.size())) return std::string();
    return c.series[i].a + "-" + c.series[i].b;
  };
  return json{{"first", name(p.first)},
              {"second", name(p.second)},
              {"n", p.n},
              {"r", NumberJson(p.r)},
              {"n_eff", NumberJson(p.n_eff)},
              {"p", NumberJson(p.p)},
              {"best_lag", p.best_lag},
              {"r_at_lag", NumberJson(p.r_at_lag)},
              {"n_at_lag", p.n_at_lag},
              {"p_at_lag", NumberJson(p.p_at_lag)}};
}

json ComparisonJson(const analysis::Comparison& c) {
  json series = json::array();
  for (const analysis::Series& s : c.series) series.push_back(SeriesJson(s));
  json pairs = json::array();
  for (const analysis::PairStats& p : c.pairs) pairs.push_back(PairJson(p, c));
  return json{{"metric", c.metric == analysis::CompareMetric::kNetCoop ? "net_coop" : "goldstein"},
              {"series", std::move(series)},
              {"pairs", std::move(pairs)}};
}

json ScanJson(const analysis::ScanResult& r) {
  json rows = json::array();
  for (const analysis::ScanRow& row : r.rows) {
    rows.push_back(json{{"dyad", row.a + "-" + row.b},
                        {"a", row.a},
                        {"b", row.b},
                        {"events_before", row.events_before},
                        {"events_after", row.events_after},
                        {"net_coop_before", NumberJson(row.net_coop_before)},
                        {"net_coop_after", NumberJson(row.net_coop_after)},
                        {"change", NumberJson(row.change)},
                        {"z", NumberJson(row.z)}});
  }
  return json{{"before_start", FormatDate(r.before_start)},
              {"after_start", FormatDate(r.after_start)},
              {"after_end", FormatDate(r.after_end)},
              {"dyads_considered", r.dyads_considered},
              {"rows", std::move(rows)}};
}

json HeadlineJson(const Headline& h) {
  return json{
      {"current_phase", h.current_label},
      {"current_trend", h.current_trend},
      {"since", h.since},
      {"current_net_coop", NumberJson(h.current_net_coop)},
      {"recent_net_coop", h.has_recent ? NumberJson(h.recent_net_coop) : json(nullptr)},
      {"before_net_coop", h.has_before ? NumberJson(h.before_net_coop) : json(nullptr)},
      {"recent_range", h.has_recent ? json(h.recent_range) : json(nullptr)},
      {"recent_direction", h.recent_direction.empty() ? json(nullptr) : json(h.recent_direction)},
      {"sentences", h.sentences},
      {"signals", KeyEventsJson(h.signals)}};
}

json ReportJson(const ReportData& d) {
  const ReportOptions& o = d.options;
  json triangle = json::array();
  for (size_t i = 0; i < d.triangle_dyads.size(); ++i) {
    const TriangleDyad& t = d.triangle_dyads[i];
    json row{{"dyad", t.a + "-" + t.b},
             {"a", t.a},
             {"b", t.b},
             {"a_name", ActorDisplayName(t.a)},
             {"b_name", ActorDisplayName(t.b)},
             {"events", t.events},
             {"vs_main", PairJson(t.vs_main, d.triangle)}};
    if (i + 1 < d.triangle.series.size()) row["series"] = SeriesJson(d.triangle.series[i + 1]);
    triangle.push_back(std::move(row));
  }
  json j{
      {"entente_report", kReportFormatVersion},
      {"dyad", json{{"a", o.a}, {"b", o.b}, {"a_name", d.a_name}, {"b_name", d.b_name}}},
      {"options", json{{"by", std::string(PeriodName(o.period))},
                       {"from", o.from ? json(FormatDate(*o.from)) : json(nullptr)},
                       {"to", o.to ? json(FormatDate(*o.to)) : json(nullptr)},
                       {"top_events", o.top_events}}},
      {"data", json{{"source", o.source_description},
                    {"is_embedded_chronicle", o.source_is_chronicle},
                    {"events", d.events},
                    {"first_date", FormatDate(d.first_date)},
                    {"last_date", FormatDate(d.last_date)}}},
      {"headline", HeadlineJson(d.headline)},
      {"series", SeriesJson(d.phases.series)},
      {"phases", PhasesJson(d.phases)},
      {"tracks", TracksJson(d)},
      {"key_events", KeyEventsJson(d.key_events)},
      {"sectors", SectorsJson(d.sectors)},
      {"triangle", std::move(triangle)},
  };
  if (!o.generated_at.empty()) j["generated_at"] = o.generated_at;
  return j;
}

std::string RenderReportJson(const ReportData& d) {  // Replace, not throw, on invalid UTF-8: a
                                                     // store may hold any bytes in a description.
  return ReportJson(d).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace entente::report
