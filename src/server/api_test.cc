// The API over a store that changes under it: ingests and a compaction committed by another
// writer while the API holds the store open are visible on the next request.
#include "server/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "testing.h"

namespace entente::server {
namespace {

std::vector<Event> Events(int first, int n) {
  std::vector<Event> out;
  for (int i = first; i < first + n; ++i) {
    Event e;
    e.dataset = "test";
    e.id = std::to_string(i);
    e.date = static_cast<Days>(15000 + i);
    e.source.code = i % 2 ? "PAKGOV" : "RUSGOV";
    e.source.country = e.source.code.substr(0, 3);
    e.target.code = i % 2 ? "RUSGOV" : "PAKGOV";
    e.target.country = e.target.code.substr(0, 3);
    e.code = "042";
    e.root_code = "04";
    e.quad = 1;
    e.goldstein = 1.9f;
    out.push_back(e);
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

}  // namespace
}  // namespace entente::server
