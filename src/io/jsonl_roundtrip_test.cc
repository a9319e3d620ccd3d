// What the JSONL writer side (event_fields.h) writes, the JSONL reader reads back: every field,
// for every format's events.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "io/event_fields.h"
#include "io/reader.h"
#include "io/reader_test_util.h"
#include "testing.h"

namespace entente::io {
namespace {

std::string ToJson(const EventRow& e) {
  std::vector<FieldValue> values;
  EventFieldValues(e, true, &values);
  nlohmann::ordered_json j;
  const auto& names = EventColumnsFull();
  for (size_t i = 0; i < values.size(); ++i) {
    switch (values[i].kind) {
      case FieldValue::kNull: j[names[i]] = nullptr; break;
      case FieldValue::kInt: j[names[i]] = values[i].i; break;
      case FieldValue::kReal: j[names[i]] = values[i].d; break;
      case FieldValue::kText: j[names[i]] = values[i].s; break;
    }
  }
  return j.dump();
}

void ExpectRoundTrip(const std::vector<Event>& events) {
  std::string jsonl;
  for (const Event& e : events) jsonl += ToJson(ViewOf(e)) + "\n";
  testutil::ReadResult back = testutil::ReadBytes("rt.jsonl", jsonl);
  ASSERT_TRUE(back.status.ok()) << back.status.ToString();
  EXPECT_EQ(back.stats.format, Format::kJsonl);
  EXPECT_EQ(back.stats.rejected, 0);
  ASSERT_EQ(back.events.size(), events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    // Same text, again, when written a second time: nothing lost or changed.
    EXPECT_EQ(ToJson(ViewOf(back.events[i])), ToJson(ViewOf(events[i])));
    EXPECT_EQ(EventKeyHash(ViewOf(back.events[i])), EventKeyHash(ViewOf(events[i])));
  }
}

TEST(JsonlRoundTrip, AuthoredGdeltRows) {
  std::string rows;
  for (int i = 0; i < 20; ++i) {
    rows +=
        testutil::Gdelt2Row(77 + i, "20190101", "PAKGOV", "PAK", "RUSMIL", "RUS", "0311") + "\n";
  }
  testutil::ReadResult r = testutil::ReadBytes("g.CSV", rows);
  ASSERT_EQ(r.events.size(), 20u);
  ExpectRoundTrip(r.events);
}

TEST(JsonlRoundTrip, SharedSamples) {
  for (const char* rel :
       {"gdelt1/gdelt-demo/events.csv", "icews/andybega-icews/events.2018.sample.tab"}) {
    ENTENTE_REQUIRE_SHARED(path, rel);
    testutil::ReadResult r = testutil::ReadFile(path);
    ASSERT_TRUE(r.status.ok());
    ExpectRoundTrip(r.events);
  }
}

}  // namespace
}  // namespace entente::io
