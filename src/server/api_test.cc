// The API over a store that changes under it: ingests and a compaction committed by another
// writer while the API holds the store open are visible on the next request.
#include "server/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "analysis/test_events.h"
#include "store/store.h"
#include "testing.h"

namespace entente::server {
namespace {

// Visits between PAK and RUS, one a day from day 15000 + first.
std::vector<Event> Events(int first, int n) {
  std::vector<Event> out;
  for (int i = first; i < first + n; ++i) {
    std::string date = FormatDate(static_cast<Days>(15000 + i));
    out.push_back(i % 2 ? analysis::testing::MakeEvent(date, "PAKGOV", "RUSGOV", "042", 1, 1.9f)
                        : analysis::testing::MakeEvent(date, "RUSGOV", "PAKGOV", "042", 1, 1.9f));
  }
  return out;
}

int64_t InfoEvents(Api* api) {
  ApiResponse r = api->Handle("/api/info", {});
  EXPECT_EQ(r.status, 200) << r.body;
  nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_discarded() || !j.contains("events")) {
    ADD_FAILURE() << "no events in " << r.body.substr(0, 200);
    return -1;
  }
  return j["events"].get<int64_t>();
}

TEST(ApiTest, SeesCommitsAndCompactionsOfAnotherWriter) {
  testing::TempDir dir;
  auto writer = store::Store::Open(dir.path(), store::OpenMode::kWrite);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  store::IngestStats st;
  ASSERT_TRUE((*writer)->IngestEvents(Events(0, 100), &st).ok());

  auto reader = store::Store::Open(dir.path(), store::OpenMode::kRead);
  ASSERT_TRUE(reader.ok());
  Api api(reader->get());
  EXPECT_EQ(InfoEvents(&api), 100);

  ASSERT_TRUE((*writer)->IngestEvents(Events(100, 50), &st).ok());
  EXPECT_EQ(InfoEvents(&api), 150);

  store::CompactStats cs;
  ASSERT_TRUE((*writer)->Compact(store::CompactOptions{}, &cs).ok());
  ASSERT_EQ(cs.merged, 2);
  EXPECT_EQ(InfoEvents(&api), 150);  // the merged segment, not the two it replaced (now gone)
  ApiResponse r = api.Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}, {"by", "year"}});
  EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
}

// The dashboard's pickers list states: a role code (GOV), a region (EUR) or a blank actor is no
// country and its dyads are no relation between states; the event total still counts them.
TEST(ApiTest, InfoListsStatesOnly) {
  std::vector<Event> events = Events(0, 10);
  for (const char* other : {"GOV", "EUR"}) {
    for (int i = 0; i < 20; ++i) {
      events.push_back(
          analysis::testing::MakeEvent("2012-01-01", other, "USAGOV", "042", 1, 1.9f, "", i));
    }
  }
  events.push_back(analysis::testing::MakeEvent("2012-01-02", "", "USAGOV", "042", 1, 1.9f));
  VectorEventSource source("test events", events);
  Api api(&source);
  ApiResponse r = api.Handle("/api/info", {});
  ASSERT_EQ(r.status, 200) << r.body;
  nlohmann::json j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["events"].get<int64_t>(), 51);
  std::set<std::string> countries;
  for (const auto& c : j["countries"]) countries.insert(c["code"].get<std::string>());
  EXPECT_EQ(countries, (std::set<std::string>{"PAK", "RUS"}));
  ASSERT_EQ(j["dyads"].size(), 1u) << j["dyads"].dump();
  EXPECT_EQ(j["dyads"][0]["a"], "PAK");
  EXPECT_EQ(j["dyads"][0]["b"], "RUS");
}

}  // namespace
}  // namespace entente::server
