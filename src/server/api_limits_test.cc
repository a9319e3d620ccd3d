// The API's bounds: a request that runs out of time answers 504 and stops reading, one that finds
// no free compute slot answers 503, requests run in parallel on their own sources, the summary
// behind /api/info is computed once per commit, absurd period grids are refused, and no answer
// exceeds the size limit; a request whose client disconnected stops reading. Blocking sources use
// condition variables with generous timeouts, never timed assertions.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "analysis/test_events.h"
#include "io/chronicle.h"
#include "server/api.h"
#include "server/test_sources.h"

namespace entente::server {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using testing::CountingSource;
using testing::GateSource;

std::vector<Event> PakRus(const std::vector<std::string>& dates) {
  std::vector<Event> out;
  for (const std::string& d : dates) {
    out.push_back(analysis::testing::MakeEvent(d, "PAKGOV", "RUSGOV", "042", 1, 1.9f));
  }
  return out;
}

std::string ErrorCode(const ApiResponse& r) {
  json j = json::parse(r.body, nullptr, false);
  return j.is_discarded() ? "" : j["error"].value("code", "");
}

TEST(ApiLimitsTest, SlowAnalysisAnswers504AndStopsReading) {
  CountingSource source(PakRus({"2001-01-01", "2002-01-01"}), milliseconds(300));
  ApiOptions o;
  o.deadline = milliseconds(50);
  Api api(&source, o);
  ApiResponse r = api.Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}});
  EXPECT_EQ(r.status, 504) << r.body;
  EXPECT_EQ(ErrorCode(r), "timeout");
  EXPECT_EQ(source.reads, 1);  // the read under way finished; no further one started
}

// A client that disconnects mid-analysis: the next read is refused, the slot is freed, nothing is
// cached; one that has gone before its turn costs no read at all.
TEST(ApiLimitsTest, DisconnectedClientStopsTheAnalysis) {
  CountingSource source(PakRus({"2001-01-01", "2002-01-01"}));
  Api api(&source);
  ApiResponse r = api.Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}},
                             [&source] { return source.reads >= 1; });
  EXPECT_EQ(r.status, 499) << r.body;
  EXPECT_EQ(ErrorCode(r), "client_closed");
  EXPECT_EQ(source.reads, 1);
  EXPECT_EQ(api.abandoned(), 1u);

  r = api.Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}}, [] { return true; });
  EXPECT_EQ(r.status, 499);
  EXPECT_EQ(source.reads, 1);
  EXPECT_EQ(api.abandoned(), 2u);

  r = api.Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}}, [] { return false; });
  EXPECT_EQ(r.status, 200) << r.body;  // the abandoned answers were not cached
}

TEST(ApiLimitsTest, NoFreeComputeSlotAnswers503) {
  GateSource source(PakRus({"2001-01-01"}));
  ApiOptions o;
  o.deadline = milliseconds(200);
  Api api(&source, o);  // one slot
  std::thread first([&] { api.Handle("/api/info", {}); });
  source.WaitInside();
  ApiResponse r = api.Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}});
  source.Open();
  first.join();
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(ErrorCode(r), "busy");
}

// Dyad aggregates wait until `parties` of them are in progress at once (30 s at most, then fail):
// only requests that really run in parallel pass.
struct Rendezvous {
  std::mutex mu;
  std::condition_variable cv;
  int arrived = 0;
  bool Meet(int parties) {
    std::unique_lock<std::mutex> lock(mu);
    ++arrived;
    cv.notify_all();
    return cv.wait_for(lock, std::chrono::seconds(30), [&] { return arrived >= parties; });
  }
};

class RendezvousSource : public VectorEventSource {
 public:
  RendezvousSource(std::vector<Event> events, Rendezvous* r)
      : VectorEventSource("rendezvous events", std::move(events)), r_(r) {}
  Result<std::vector<AggregateRow>> Aggregate(const AggregateQuery& q) override {
    if (!q.filter.dyad_a.empty() && !r_->Meet(2)) {
      return Status::IOError("the other request never ran alongside this one");
    }
    return VectorEventSource::Aggregate(q);
  }

 private:
  Rendezvous* r_;
};

TEST(ApiLimitsTest, RequestsRunInParallelOnTheirOwnSources) {
  Rendezvous rendezvous;
  SourceFactory factory = [&]() -> Result<std::unique_ptr<EventSource>> {
    return std::unique_ptr<EventSource>(
        std::make_unique<RendezvousSource>(PakRus({"2001-01-01", "2003-05-01"}), &rendezvous));
  };
  ApiOptions o;
  o.compute_slots = 2;
  o.deadline = milliseconds(60000);
  auto api = Api::Open(factory, o);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  ASSERT_EQ((*api)->Handle("/api/info", {}).status, 200);  // the summary, computed once
  ApiResponse a, b;
  std::thread t([&] { a = (*api)->Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}}); });
  b = (*api)->Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}, {"by", "month"}});
  t.join();
  EXPECT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(b.status, 200) << b.body;
}

TEST(ApiLimitsTest, InfoIsComputedOncePerCommit) {
  CountingSource source(PakRus({"2001-01-01", "2002-01-01"}));
  Api api(&source);
  ApiResponse first = api.Handle("/api/info", {});
  ASSERT_EQ(first.status, 200);
  int reads = source.reads;
  ApiResponse second = api.Handle("/api/info", {});
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(source.reads, reads);
  // The dyad endpoint clips to the data's dates from the same summary: no extra pass.
  EXPECT_EQ(api.Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}}).status, 200);
  EXPECT_EQ(source.reads, reads + 2);  // the dyad's aggregate and its actors' volume
}

TEST(ApiLimitsTest, PeriodGridIsClippedToTheDataAndBounded) {
  // 1900 to 2020 by day is 43,830 periods, over the limit; the same by week is fine.
  VectorEventSource wide("wide", PakRus({"1900-01-01", "2020-01-01"}));
  Api api(&wide);
  ApiResponse r = api.Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}, {"by", "day"}});
  EXPECT_EQ(r.status, 400) << r.body.substr(0, 200);
  EXPECT_NE(r.body.find("more than 40000 periods"), std::string::npos) << r.body.substr(0, 200);
  EXPECT_EQ(api.Handle("/api/phases", {{"a", "PAK"}, {"b", "RUS"}, {"by", "day"}}).status, 400);
  EXPECT_EQ(api.Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}, {"by", "week"}}).status, 200);

  // A 40-event source asked for year 1 to 9999 by day gets the data's days, not 3.65M.
  std::vector<std::string> dates;
  for (int i = 0; i < 40; ++i) dates.push_back(FormatDate(static_cast<Days>(16000 + 10 * i)));
  VectorEventSource small("small", PakRus(dates));
  Api small_api(&small);
  ApiResponse s = small_api.Handle(
      "/api/dyad", {{"a", "PAK"}, {"b", "RUS"}, {"by", "day"}, {"from", "0001"}, {"to", "9999"}});
  ASSERT_EQ(s.status, 200) << s.body.substr(0, 200);
  json j = json::parse(s.body);
  EXPECT_EQ(j["points"].size(), 391u);  // day 16000 to day 16390
}

TEST(ApiLimitsTest, NoAnswerExceedsTheSizeLimit) {
  Result<std::vector<Event>> events = io::LoadEmbeddedChronicle();
  ASSERT_TRUE(events.ok());
  VectorEventSource chronicle("embedded chronicle", std::move(*events));
  ApiOptions o;
  o.max_response_bytes = 2000;
  Api api(&chronicle, o);
  ApiResponse r = api.Handle("/api/dyad", {{"a", "PAK"}, {"b", "RUS"}, {"by", "month"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(ErrorCode(r), "too_large");
}

}  // namespace
}  // namespace entente::server
