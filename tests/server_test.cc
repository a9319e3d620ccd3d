// e2e: the dashboard server on a free loopback port, serving the embedded chronicle; every
// endpoint answers JSON of the documented shape, bad input gets a JSON 400, an unknown path a
// JSON 404, and the page files are served. Bounded: client timeouts of 30 s, server stopped at
// the end of each test.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "analysis/test_events.h"
#include "cli/common.h"
#include "core/event_source.h"
#include "http/dashboard_server.h"
#include "io/chronicle.h"
#include "report/palette.h"
#include "server/api.h"
#include "store/actor_days.h"
#include "store/store.h"
#include "testing.h"

namespace entente {
namespace {

using nlohmann::json;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::vector<Event>> events = io::LoadEmbeddedChronicle();
    ASSERT_TRUE(events.ok()) << events.status().ToString();
    source_ = std::make_unique<VectorEventSource>("embedded chronicle", std::move(*events));
    server::ServerOptions o;
    o.port = 0;
    server_ = std::make_unique<server::DashboardServer>(source_.get(), o);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { served_ = server_->Serve(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_connection_timeout(30);
    client_->set_read_timeout(60);
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    EXPECT_TRUE(served_.ok()) << served_.ToString();
  }

  // GETs `path`, checks the status and that the body is JSON; returns it.
  json Get(const std::string& path, int want_status) {
    httplib::Result res = client_->Get(path.c_str());
    if (!res) {
      ADD_FAILURE() << path << ": no response";
      return json();
    }
    EXPECT_EQ(res->status, want_status) << path << ": " << res->body.substr(0, 300);
    EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos)
        << path;
    json j = json::parse(res->body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << path << " is not JSON: " << res->body.substr(0, 200);
    return j;
  }

  std::unique_ptr<VectorEventSource> source_;
  std::unique_ptr<server::DashboardServer> server_;
  std::unique_ptr<httplib::Client> client_;
  std::thread thread_;
  Status served_;
};

TEST_F(ServerTest, InfoListsTheChronicle) {
  json j = Get("/api/info", 200);
  EXPECT_EQ(j["source"], "embedded chronicle");
  EXPECT_EQ(j["is_embedded_chronicle"], true);
  EXPECT_GT(j["events"].get<int64_t>(), 400);
  EXPECT_LE(j["first_date"].get<std::string>(), "1948-12-31");
  ASSERT_TRUE(j["dyads"].is_array());
  ASSERT_FALSE(j["dyads"].empty());
  EXPECT_TRUE(j["dyads"][0].contains("events"));
  bool pak = false;
  for (const json& c : j["countries"]) pak = pak || (c["code"] == "PAK" && c["name"] == "Pakistan");
  EXPECT_TRUE(pak);
}

TEST_F(ServerTest, DyadPhasesKeyEventsSectors) {
  json s = Get("/api/dyad?a=PAK&b=RUS&by=year", 200);
  EXPECT_EQ(s["a"], "PAK");
  EXPECT_EQ(s["by"], "year");
  ASSERT_GT(s["points"].size(), 50u);
  for (const char* f : {"period", "start", "events", "net_coop", "goldstein_mean", "vcoop"}) {
    EXPECT_TRUE(s["points"][0].contains(f)) << f;
  }
  json p = Get("/api/phases?a=pak&b=rus", 200);
  ASSERT_GE(p["phases"].size(), 2u);
  EXPECT_TRUE(p["phases"][1]["turning_events"].is_array());
  EXPECT_TRUE(p["phases"][0].contains("label"));
  EXPECT_EQ(p["turning_points"].size(), p["phases"].size() - 1);
  json k = Get("/api/key-events?a=PAK&b=RUS&top=5", 200);
  ASSERT_EQ(k["events"].size(), 5u);
  EXPECT_TRUE(k["events"][0].contains("why"));
  EXPECT_TRUE(k["events"][0].contains("url"));
  json sec = Get("/api/sectors?a=PAK&b=RUS", 200);
  EXPECT_FALSE(sec["sectors"].empty());
}

TEST_F(ServerTest, CompareScanAndReport) {
  json c = Get("/api/compare?dyads=PAK-RUS,IND-RUS,PAK-USA&by=year", 200);
  EXPECT_EQ(c["series"].size(), 3u);
  EXPECT_EQ(c["pairs"].size(), 3u);
  EXPECT_TRUE(c["pairs"][0].contains("best_lag"));
  json t = Get("/api/compare?a=PAK&b=RUS", 200);  // the report's neighbourhood
  EXPECT_GE(t["series"].size(), 3u);
  json scan = Get("/api/scan?by=year&window=2&top=5&min_events=1", 200);
  EXPECT_TRUE(scan["rows"].is_array());
  EXPECT_TRUE(scan.contains("after_end"));
  json r = Get("/api/report?a=PAK&b=RUS", 200);
  EXPECT_EQ(r["entente_report"], 1);
  EXPECT_FALSE(r["key_events"].empty());
  EXPECT_FALSE(r["triangle"].empty());
  EXPECT_FALSE(r["headline"]["sentences"].empty());

  httplib::Result html = client_->Get("/report.html?a=PAK&b=RUS");
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200);
  EXPECT_NE(html->body.find("class=\"key-events\""), std::string::npos);
}

TEST_F(ServerTest, BadInputIsAJson400) {
  for (const char* path :
       {"/api/dyad?a=PAK", "/api/dyad?a=P;K&b=RUS", "/api/dyad?a=PAK&b=RUS&by=century",
        "/api/phases?a=PAK&b=PAK", "/api/key-events?a=PAK&b=RUS&top=abc",
        "/api/dyad?a=PAK&b=RUS&from=2020&to=2010", "/api/compare?dyads=PAKRUS",
        "/api/scan?window=0"}) {
    json j = Get(path, 400);
    EXPECT_TRUE(j["error"]["message"].is_string()) << path;
    EXPECT_EQ(j["error"]["code"], "invalid_argument") << path;
  }
}

TEST_F(ServerTest, UnknownThingsAreJson404s) {
  EXPECT_EQ(Get("/api/nothing", 404)["error"]["code"], "not_found");
  EXPECT_EQ(Get("/api/dyad?a=PAK&b=ZZZ", 404)["error"]["code"], "not_found");
  EXPECT_TRUE(Get("/no/such/page", 404).contains("error"));
}

TEST_F(ServerTest, ServesThePage) {
  for (const char* path : {"/", "/index.html", "/app.js", "/style.css"}) {
    httplib::Result res = client_->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_GT(res->body.size(), 500u) << path;
  }
  httplib::Result page = client_->Get("/");
  EXPECT_NE(page->body.find("app.js"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
  // The palette is the report's, served as a script the page loads before app.js.
  EXPECT_LT(page->body.find("palette.js"), page->body.find("app.js"));
  httplib::Result palette = client_->Get("/palette.js");
  ASSERT_TRUE(palette);
  EXPECT_EQ(palette->status, 200);
  EXPECT_NE(palette->get_header_value("Content-Type").find("text/javascript"), std::string::npos);
  EXPECT_NE(palette->body.find("const PALETTE"), std::string::npos);
  EXPECT_NE(palette->body.find(std::string(report::palette::kGoldstein)), std::string::npos);
  EXPECT_NE(palette->body.find("defence: '" + std::string(report::palette::kSector[1]) + "'"),
            std::string::npos);
}

// `serve` started on an empty store shows the chronicle, and the store once another process has
// ingested into it, without a restart (cli OpenLiveSource, Store::Refresh).
TEST(LiveSourceTest, MovesFromTheChronicleToTheStoreWhenItHasEvents) {
  testing::TempDir dir;
  cli::GlobalOptions g;
  g.store = dir.path() + "/store";  // not there yet: an empty store
  g.quiet = true;
  Result<std::unique_ptr<EventSource>> source = cli::OpenLiveSource(g);
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  server::Api api(source->get());
  auto info = [&] {
    server::ApiResponse r = api.Handle("/api/info", {});
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
    return json::parse(r.body, nullptr, false);
  };
  json before = info();
  EXPECT_EQ(before["is_embedded_chronicle"], true);
  EXPECT_GT(before["events"].get<int64_t>(), 400);

  std::vector<Event> events;
  for (int i = 0; i < 30; ++i) {
    events.push_back(analysis::testing::MakeEvent(FormatDate(static_cast<Days>(19000 + i)),
                                                  "PAKGOV", "RUSGOV", "042", 1, 1.9f));
  }
  {
    auto writer = store::Store::Open(g.store, store::OpenMode::kWrite);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    store::IngestStats st;
    ASSERT_TRUE((*writer)->IngestEvents(events, &st).ok());
  }
  json after = info();
  EXPECT_EQ(after["is_embedded_chronicle"], false);
  EXPECT_EQ(after["events"], 30);
  EXPECT_EQ(after["source"], "store " + g.store);
}

// `serve` gives its sources a shared cache of actors' day cells (store/actor_days.h): series by
// week, by day and with bounds inside a month come from it, with the same answers as a source
// that reads the rows.
TEST(LiveSourceTest, WeekSeriesFromDayCellsEqualTheRowPath) {
  testing::TempDir dir;
  cli::GlobalOptions g;
  g.store = dir.path() + "/store";
  g.quiet = true;
  std::vector<Event> events;
  const char* actors[] = {"PAKGOV", "RUSGOV", "INDMIL", "GOV", "USABUS", "RUS"};
  for (int i = 0; i < 3000; ++i) {
    events.push_back(analysis::testing::MakeEvent(
        FormatDate(static_cast<Days>(17000 + (i * 7919) % 1500)), actors[i % 6],
        actors[(i / 6 + 1 + i % 5) % 6], i % 3 ? "042" : "190", 1 + (i % 4),
        static_cast<float>(i % 21 - 10)));
    events.back().id = std::to_string(i);
  }
  {
    auto writer = store::Store::Open(g.store, store::OpenMode::kWrite);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    store::IngestStats st;
    ASSERT_TRUE((*writer)->IngestEvents(events, &st).ok());
  }
  auto cache = std::make_shared<store::ActorDayCache>(1u << 20);
  Result<std::unique_ptr<EventSource>> cached = cli::OpenLiveSource(g, cache);
  Result<std::unique_ptr<EventSource>> rows = cli::OpenLiveSource(g);
  ASSERT_TRUE(cached.ok() && rows.ok());
  server::ApiOptions o;
  o.cache_bytes = 0;
  server::Api with_cells(cached->get(), o), without(rows->get(), o);
  const std::vector<server::Params> asks = {
      {{"a", "PAK"}, {"b", "RUS"}, {"by", "week"}},
      {{"a", "RUS"}, {"b", "IND"}, {"by", "day"}, {"from", "2017-02-03"}},
      {{"a", "PAK"}, {"b", "USA"}, {"by", "month"}, {"from", "2016-11-15"}, {"to", "2018-01-20"}},
      {{"a", "GOV"}, {"b", "RUS"}, {"by", "week"}}};
  for (const server::Params& p : asks) {
    for (const char* path : {"/api/dyad", "/api/phases"}) {
      server::ApiResponse x = with_cells.Handle(path, p), y = without.Handle(path, p);
      const std::string what = std::string(path) + " a=" + p.find("a")->second;
      EXPECT_EQ(x.status, 200) << what << ": " << x.body.substr(0, 300);
      EXPECT_EQ(x.body, y.body) << what;
    }
  }
  EXPECT_GT(cache->stats().misses, 0u);
  EXPECT_GT(cache->stats().hits, 0u);
}

}  // namespace
}  // namespace entente
