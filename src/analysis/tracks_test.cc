#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "analysis/test_events.h"

namespace entente::analysis {
namespace {

using testing::MakeEvent;

std::vector<std::string> TurnsOf(const Tracks& t, PhaseSignal track) {
  std::vector<std::string> out;
  for (const TrackTurn& turn : t.turns) {
    if (turn.track == track) out.push_back(turn.at + " " + MeasureName(turn));
  }
  return out;
}

// PAK-RUS holds ten cordial events a year throughout (the tone never moves). From 2005 PAK's
// other news shrinks, so PAK-RUS becomes a larger share of what its actors do (a turn in
// density); from 2010 six of its ten events are defence deals (a turn in kind).
TEST(TracksTest, EachTrackFindsItsOwnTurn) {
  std::vector<Event> ev;
  for (int y = 2000; y < 2020; ++y) {
    std::string day = std::to_string(y) + "-05-10";
    for (int k = 0; k < 10; ++k) {
      bool defence = y >= 2010 && k < 6;
      ev.push_back(MakeEvent(day, "PAKGOV", "RUSGOV", defence ? "062" : "042", 1, 1.9f));
    }
    int others = y < 2005 ? 300 : 30;
    for (int k = 0; k < others; ++k) {
      ev.push_back(MakeEvent(day, "PAKGOV", "USAGOV", "042", 1, 1.9f));
    }
  }
  VectorEventSource src("tracks", ev);
  Result<Tracks> t = FindTracks(src, "PAK", "RUS", SeriesOptions{}, PhaseOptions{});
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_TRUE(TurnsOf(*t, PhaseSignal::kCoop).empty());
  EXPECT_EQ(TurnsOf(*t, PhaseSignal::kDensity), (std::vector<std::string>{"2005 intensity"}));
  EXPECT_EQ(TurnsOf(*t, PhaseSignal::kKind), (std::vector<std::string>{"2010 share defence"}));
  EXPECT_FALSE(t->density.density_by_count);
  for (const TrackTurn& turn : t->turns) {
    EXPECT_GT(turn.after, turn.before) << turn.at;
    EXPECT_GE(turn.support, 1) << turn.at;
    ASSERT_FALSE(turn.events.empty()) << turn.at;
  }
  // A turn in kind is explained by the events of the sector it turned to.
  for (const TrackTurn& turn : t->turns) {
    if (turn.track == PhaseSignal::kKind) {
      EXPECT_EQ(turn.events.front().event.code, "062");
    }
  }
  // Turns are in time order.
  for (size_t i = 1; i < t->turns.size(); ++i) {
    EXPECT_LE(t->turns[i - 1].start, t->turns[i].start);
  }
}

// A curated chronicle's record does not grow with the news: its density is the count itself.
TEST(TracksTest, ChronicleDensityIsTheCount) {
  std::vector<Event> ev;
  for (int y = 2000; y < 2020; ++y) {
    int n = y < 2010 ? 3 : 15;
    for (int k = 0; k < n; ++k) {
      Event e = MakeEvent(std::to_string(y) + "-05-10", "PAKGOV", "RUSGOV", "042", 1, 1.9f);
      e.dataset = "chronicle";
      ev.push_back(e);
    }
  }
  VectorEventSource src("chronicle", ev);
  Result<Tracks> t = FindTracks(src, "PAK", "RUS", SeriesOptions{}, PhaseOptions{});
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t->density.density_by_count);
  ASSERT_EQ(TurnsOf(*t, PhaseSignal::kDensity),
            (std::vector<std::string>{"2010 events per period"}));
}

// Two events a month, half of them conflict, cannot establish a turn of 0.5 over a year or two;
// two hundred a month can.
TEST(TracksTest, SparsityNamesTheEventsATurnNeeds) {
  auto dyad = [](int per_month) {
    std::vector<Event> ev;
    for (int m = 0; m < 24; ++m) {
      std::string day = fmt::format("{}-{:02}-15", 2010 + m / 12, m % 12 + 1);
      for (int k = 0; k < per_month; ++k) {
        bool coop = k % 2 == 0;
        ev.push_back(MakeEvent(day, "GEOGOV", "RUSGOV", coop ? "042" : "112", coop ? 1 : 3,
                               coop ? 1.9f : -2.0f));
      }
    }
    return ev;
  };
  SeriesOptions so;
  so.period = Period::kMonth;
  VectorEventSource sparse("sparse", dyad(2)), dense("dense", dyad(200));
  Result<PhaseResult> s = FindPhases(sparse, "GEO", "RUS", so, PhaseOptions{});
  Result<PhaseResult> d = FindPhases(dense, "GEO", "RUS", so, PhaseOptions{});
  ASSERT_TRUE(s.ok() && d.ok());
  EXPECT_TRUE(s->sparsity.sparse);
  EXPECT_DOUBLE_EQ(s->sparsity.median_events, 2);
  EXPECT_EQ(s->sparsity.periods_each_side, 12);
  EXPECT_GT(s->sparsity.events_needed, 2);
  EXPECT_FALSE(d->sparsity.sparse);
  EXPECT_LT(d->sparsity.events_needed, 200);
  // A larger turn needs fewer events.
  PhaseOptions big;
  big.turn_size = 1.0;
  Result<PhaseResult> b = FindPhases(sparse, "GEO", "RUS", so, big);
  ASSERT_TRUE(b.ok());
  EXPECT_LT(b->sparsity.events_needed, s->sparsity.events_needed);
}

}  // namespace
}  // namespace entente::analysis
