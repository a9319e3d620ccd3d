// BuildReport, RenderReportHtml and RenderReportJson on a small synthetic world: PAK–RUS hostile
// in the 1980s and cordial from 2000, with IND and USA as neighbours.
#include "report/report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analysis/test_events.h"
#include "core/event_source.h"
#include "report/headline.h"
#include "report/report_json.h"

namespace entente::report {
namespace {

// An event between the governments of two countries, on a day of the month that varies, with a
// source whose URL and citation need escaping.
Event Make(int year, int month, const std::string& src, const std::string& tgt,
           const std::string& code, int quad, float goldstein, const std::string& text = "") {
  Event e = analysis::testing::MakeEvent(
      FormatDate(DaysFromCivil(year, month, 1 + (year * 7 + month) % 27)), src + "GOV", tgt + "GOV",
      code, quad, goldstein, text);
  e.url = "https://example.org/" + std::to_string(year) + "?a=1&b=2";
  e.citation = "Example <Times>";
  return e;
}

std::vector<Event> World() {
  std::vector<Event> v;
  for (int y = 1980; y <= 1991; ++y) {
    for (int m = 1; m <= 12; m += 2) v.push_back(Make(y, m, "PAK", "RUS", "190", 4, -10));
    v.push_back(Make(y, 6, "RUS", "PAK", "111", 3, -2));
    v.push_back(Make(y, 3, "PAK", "USA", "057", 1, 8));
    v.push_back(Make(y, 4, "IND", "RUS", "057", 1, 8));
    v.push_back(Make(y, 5, "IND", "PAK", "190", 4, -10));
    v.push_back(Make(y, 7, "IND", "USA", "040", 1, 1));
  }
  for (int y = 2000; y <= 2012; ++y) {
    for (int m = 1; m <= 12; m += 2) v.push_back(Make(y, m, "PAK", "RUS", "040", 1, 1));
    v.push_back(Make(y, 6, "RUS", "PAK", "057", 1, 8, "Signs a <defence> agreement & more"));
    v.push_back(Make(y, 3, "PAK", "USA", "111", 3, -2));
    v.push_back(Make(y, 4, "IND", "RUS", "057", 1, 8));
    v.push_back(Make(y, 5, "IND", "PAK", "040", 1, 1));
    v.push_back(Make(y, 7, "IND", "USA", "057", 1, 8));
  }
  return v;
}

ReportOptions Options() {
  ReportOptions o;
  o.a = "PAK";
  o.b = "RUS";
  o.source_description = "test source";
  return o;
}

TEST(Report, BuildsEverySection) {
  VectorEventSource source("test source", World());
  Result<ReportData> r = BuildReport(source, Options());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const ReportData& d = *r;
  EXPECT_EQ(d.a_name, "Pakistan");
  EXPECT_EQ(d.b_name, "Russia");
  EXPECT_EQ(d.events, 12 * 7 + 13 * 7);
  EXPECT_EQ(CivilFromDays(d.first_date).year, 1980);
  EXPECT_EQ(CivilFromDays(d.last_date).year, 2012);
  ASSERT_GE(d.phases.phases.size(), 2u);
  EXPECT_EQ(d.headline.current_label, d.phases.phases.back().label);
  EXPECT_EQ(d.headline.since, d.phases.phases.back().start_label);
  EXPECT_GT(d.phases.phases.back().net_coop, 0.5);
  EXPECT_LT(d.phases.phases.front().net_coop, -0.5);
  EXPECT_FALSE(d.headline.sentences.empty());
  EXPECT_FALSE(d.key_events.empty());
  EXPECT_FALSE(d.sectors.empty());
  // Neighbours: IND and USA both deal with both sides.
  std::vector<std::string> dyads;
  for (const TriangleDyad& t : d.triangle_dyads) dyads.push_back(t.a + "-" + t.b);
  EXPECT_EQ(dyads.size(), 4u);  // PAK-USA, IND-RUS, IND-PAK, IND-USA (no RUS-USA events)
  EXPECT_NE(std::find(dyads.begin(), dyads.end(), "IND-USA"), dyads.end());
  ASSERT_EQ(d.triangle.series.size(), dyads.size() + 1);
  EXPECT_EQ(d.triangle.series[0].a + d.triangle.series[0].b, "PAKRUS");
  // PAK–USA moves against PAK–RUS in this world.
  for (const TriangleDyad& t : d.triangle_dyads) {
    if (t.a == "PAK" && t.b == "USA") {
      EXPECT_LT(t.vs_main.r, -0.5);
    }
  }
}

// Data that start inside the recent window (June 2011, last year 2013): the card names no year
// without data and compares with no empty window ("before +0.00").
TEST(Report, RecentWindowStartsWithTheData) {
  std::vector<Event> v;
  for (int y = 2011; y <= 2013; ++y) {
    for (int m = y == 2011 ? 6 : 1; m <= 12; ++m)
      v.push_back(Make(y, m, "PAK", "RUS", "040", 1, 1));
  }
  VectorEventSource source("test source", v);
  Result<ReportData> r = BuildReport(source, Options());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Headline& h = r->headline;
  ASSERT_TRUE(h.has_recent);
  EXPECT_FALSE(h.has_before);
  EXPECT_EQ(h.recent_range, "June 2011–2013");
  EXPECT_TRUE(h.recent_direction.empty());
  for (const std::string& s : h.sentences) {
    EXPECT_EQ(s.find("2009"), std::string::npos) << s;
    EXPECT_EQ(s.find("against"), std::string::npos) << s;
  }
  std::string html = RenderReportHtml(*r);
  EXPECT_EQ(html.find("before: +0.00"), std::string::npos);
  EXPECT_NE(html.find("no events before"), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(RenderReportJson(*r));
  EXPECT_TRUE(j["headline"]["before_net_coop"].is_null());
  EXPECT_TRUE(j["headline"]["recent_direction"].is_null());
}

TEST(Report, EmptyDyadIsNotFound) {
  VectorEventSource source("test source", World());
  ReportOptions o = Options();
  o.b = "CHN";
  Result<ReportData> r = BuildReport(source, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  o = Options();
  o.from = DaysFromCivil(1995, 1, 1);
  o.to = DaysFromCivil(1996, 12, 31);
  EXPECT_EQ(BuildReport(source, o).status().code(), StatusCode::kNotFound);
}

// Each stage is named once, in kReportStages order, as it starts; a dyad with no events ends the
// report in its first stage, and no later one is named.
TEST(Report, NamesEachStageOnceInOrder) {
  VectorEventSource source("test source", World());
  ReportOptions o = Options();
  std::vector<size_t> steps;
  o.on_step = [&](size_t stage) { steps.push_back(stage); };
  Result<ReportData> r = BuildReport(source, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::vector<size_t> all;
  for (size_t i = 0; i < kReportStages.size(); ++i) all.push_back(i);
  EXPECT_EQ(steps, all);
  EXPECT_FALSE(r->options.on_step);  // not kept past the call

  steps.clear();
  o.b = "CHN";
  EXPECT_EQ(BuildReport(source, o).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(steps, std::vector<size_t>{0});
}

TEST(Report, RejectsSameActorTwice) {
  VectorEventSource source("test source", World());
  ReportOptions o = Options();
  o.b = "PAK";
  EXPECT_EQ(BuildReport(source, o).status().code(), StatusCode::kInvalidArgument);
}

TEST(Report, HtmlIsSelfContainedAndEscaped) {
  VectorEventSource source("test source", World());
  Result<ReportData> r = BuildReport(source, Options());
  ASSERT_TRUE(r.ok());
  std::string html = RenderReportHtml(*r);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_TRUE(html.ends_with("</html>\n"));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  // Data are escaped: descriptions, citations and URLs.
  EXPECT_EQ(html.find("<defence>"), std::string::npos);
  EXPECT_NE(html.find("&lt;defence&gt; agreement &amp; more"), std::string::npos);
  EXPECT_NE(html.find("Example &lt;Times&gt;"), std::string::npos);
  EXPECT_NE(html.find("?a=1&amp;b=2\" rel=\"noopener noreferrer\""), std::string::npos);
  EXPECT_EQ(html.find("?a=1&b=2"), std::string::npos);
  // Every section and chart.
  for (const char* needle :
       {"id=\"summary\"", "class=\"chart series-chart\"", "class=\"chart volume-chart\"",
        "class=\"key-events\"", "id=\"triangle\"", "class=\"chart sector-chart\"", "id=\"methods\"",
        "class=\"line line-net\"", "class=\"band band-", "Turning points", "test source",
        "IND–USA"}) {
    EXPECT_NE(html.find(needle), std::string::npos) << needle;
  }
  // Deterministic.
  EXPECT_EQ(html, RenderReportHtml(*r));
}

TEST(Report, JsonCarriesTheSameContent) {
  VectorEventSource source("test source", World());
  Result<ReportData> r = BuildReport(source, Options());
  ASSERT_TRUE(r.ok());
  nlohmann::json j = nlohmann::json::parse(RenderReportJson(*r));
  EXPECT_EQ(j["entente_report"], kReportFormatVersion);
  EXPECT_EQ(j["dyad"]["a"], "PAK");
  EXPECT_EQ(j["dyad"]["b_name"], "Russia");
  EXPECT_EQ(j["data"]["events"], r->events);
  EXPECT_EQ(j["data"]["source"], "test source");
  EXPECT_EQ(j["series"]["points"].size(), r->phases.series.points.size());
  EXPECT_EQ(j["phases"]["phases"].size(), r->phases.phases.size());
  EXPECT_EQ(j["key_events"].size(), r->key_events.size());
  EXPECT_EQ(j["triangle"].size(), r->triangle_dyads.size());
  EXPECT_EQ(j["headline"]["current_phase"], r->headline.current_label);
  const nlohmann::json& k = j["key_events"][0];
  for (const char* field : {"date", "date_text", "precision", "source", "target", "code", "what",
                            "sector", "salience", "why", "url", "citation"}) {
    EXPECT_TRUE(k.contains(field)) << field;
  }
  // Empty periods (1992-1999) have null net cooperation, not 0.
  bool saw_null = false;
  for (const auto& p : j["series"]["points"]) {
    if (p["events"] == 0) {
      EXPECT_TRUE(p["net_coop"].is_null());
      saw_null = true;
    }
  }
  EXPECT_TRUE(saw_null);
}

}  // namespace
// The three tracks reach every output: the turns in time order with what moved, the HTML section,
// the JSON (with the tone's sparsity), and the wording of each measure.
TEST(Report, ShowsTheThreeTracks) {
  VectorEventSource source("test source", World());
  Result<ReportData> r = BuildReport(source, Options());
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->track_turns.empty());
  EXPECT_EQ(r->track_turns.front().track, analysis::PhaseSignal::kCoop);
  EXPECT_EQ(r->track_turns.front().at, r->phases.phases[1].start_label);
  std::string html = RenderReportHtml(*r);
  EXPECT_NE(html.find("Three tracks: tone, density, kind"), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(RenderReportJson(*r));
  EXPECT_EQ(j["tracks"]["turns"].size(), r->track_turns.size());
  EXPECT_EQ(j["tracks"]["turns"][0]["track"], "tone");
  EXPECT_EQ(j["tracks"]["turns"][0]["measure"], "net_coop");
  EXPECT_TRUE(j["tracks"]["turns"][0]["sector"].is_null());
  EXPECT_FALSE(j["tracks"]["density"]["by_count"]);
  EXPECT_TRUE(j["phases"]["sparsity"].contains("events_needed"));

  analysis::TrackTurn t;
  t.before = 0.18;
  t.after = 0.93;
  EXPECT_EQ(TrackChangeText(t, Period::kYear), "net cooperation +0.18 → +0.93");
  t.track = analysis::PhaseSignal::kDensity;
  t.measure = analysis::TrackTurn::Measure::kEventsPerPeriod;
  t.before = 6.14;
  t.after = 13.78;
  EXPECT_EQ(TrackChangeText(t, Period::kYear), "6.1 → 13.8 events a year");
  t.measure = analysis::TrackTurn::Measure::kIntensity;
  t.before = 0.012;
  t.after = 0.034;
  EXPECT_EQ(TrackChangeText(t, Period::kMonth), "1.2% → 3.4% of the actors' events");
  t.track = analysis::PhaseSignal::kKind;
  t.measure = analysis::TrackTurn::Measure::kSectorShare;
  t.sector = Sector::kDefence;
  t.before = 0;
  t.after = 0.37;
  EXPECT_EQ(TrackChangeText(t, Period::kYear), "defence 0% → 37% of events");
}

// A dyad too sparse for a turn says so under the chart, in the words `phases` uses on stderr.
TEST(Report, SaysWhenTooSparseForATurn) {
  VectorEventSource source("test source", World());
  Result<ReportData> r = BuildReport(source, Options());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(RenderReportHtml(*r).find("Too sparse"), std::string::npos);
  analysis::PhaseResult::Sparsity& sp = r->phases.sparsity;
  sp.sparse = true;
  sp.turn_size = 0.5;
  sp.median_events = 2;
  sp.events_needed = 12.4;
  sp.periods_each_side = 6;
  EXPECT_EQ(SparsityText(sp, Period::kYear),
            "too sparse for a turn of 0.5 in net cooperation: a median of 2 events per year with "
            "events, and about 13 events a year are needed to establish it over 6 years either "
            "side");
  EXPECT_NE(RenderReportHtml(*r).find("<p class=\"note\">Too sparse for a turn of 0.5"),
            std::string::npos);
}

// A lead is stated only when significant: the best of the lags tried is always some lag.
TEST(Report, LeadLagIsStatedOnlyWhenSignificant) {
  analysis::PairStats s;
  s.best_lag = 3;
  s.r_at_lag = 0.2;
  s.p_at_lag = 1.0;
  EXPECT_EQ(LeadLagPhrase(s, "PAK-RUS", "IND-RUS", Period::kYear), "no significant lead (p 1.00)");
  s.p_at_lag = 0.012;
  EXPECT_EQ(LeadLagPhrase(s, "PAK-RUS", "IND-RUS", Period::kYear),
            "PAK-RUS leads by 3 years (p 0.012)");
  s.best_lag = -1;
  EXPECT_EQ(LeadLagPhrase(s, "PAK-RUS", "IND-RUS", Period::kMonth),
            "IND-RUS leads by 1 month (p 0.012)");
}

}  // namespace entente::report
