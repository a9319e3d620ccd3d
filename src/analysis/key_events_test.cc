// Salience: classes, actor levels, media, novelty, near-duplicate merging, sectors.
#include <gtest/gtest.h>

#include "analysis/analysis.h"
#include "analysis/salience.h"
#include "analysis/test_events.h"

namespace entente::analysis {
namespace {

using testing::MakeEvent;

TEST(SalienceTest, ClassesAndLevels) {
  Event agreement = MakeEvent("2014-11-20", "PAKGOV", "RUSGOV", "057", 1, 8.0f);
  agreement.source.name = "Defence Minister Khawaja Asif";
  EventRow row = ViewOf(agreement);
  EXPECT_EQ(ClassifyEvent(row).name, "agreement");
  EXPECT_DOUBLE_EQ(ClassifyEvent(row).score, 3.0);
  EXPECT_EQ(ClassifyLevel(row).phrase, "defence minister");

  Event cancelled = MakeEvent("2012-10-01", "RUSGOV", "PAKGOV", "042", 1, 1.9f,
                              "Putin postpones his visit to Islamabad");
  cancelled.source.name = "President Vladimir Putin";
  EXPECT_EQ(ClassifyEvent(ViewOf(cancelled)).name, "cancellation");
  EXPECT_EQ(EventDirection(ViewOf(cancelled)), -1);
  EXPECT_EQ(ClassifyLevel(ViewOf(cancelled)).phrase, "head of state or government");

  Event deputy = MakeEvent("2012-10-01", "RUSGOV", "PAKGOV", "042", 1, 1.9f);
  deputy.source.name = "Deputy Prime Minister";
  EXPECT_DOUBLE_EQ(ClassifyLevel(ViewOf(deputy)).score, 1.0);
  EXPECT_EQ(ClassifyEvent(ViewOf(MakeEvent("1980", "RUS", "AFG", "190", 4, -10))).name, "fighting");
  EXPECT_EQ(ClassifyEvent(ViewOf(MakeEvent("1980", "USA", "PAK", "0721", 2, 7))).name,
            "military aid");
}

TEST(SalienceTest, MediaScore) {
  EXPECT_DOUBLE_EQ(MediaScore(0), 0);
  EXPECT_NEAR(MediaScore(9), 0.6, 1e-12);  // 0.6 * log10(10)
  EXPECT_DOUBLE_EQ(MediaScore(100000000), 2.0);
}

TEST(KeyEventsTest, MergesSameDaySameDyadSameCode) {
  std::vector<Event> ev = {
      MakeEvent("2021-05-01", "PAK", "RUS", "057", 1, 8.0f, "gas pipeline", 4),
      MakeEvent("2021-05-01", "RUS", "PAK", "057", 1, 8.0f, "gas pipeline deal", 5),
      MakeEvent("2021-05-01", "PAK", "RUS", "042", 1, 1.9f),
  };
  std::vector<KeyEvent> k = RankKeyEvents(ev, 10);
  ASSERT_EQ(k.size(), 2u);
  EXPECT_EQ(k[0].event.code, "057");
  EXPECT_EQ(k[0].merged, 2);
  EXPECT_EQ(k[0].articles, 9);
  // 3 (agreement) + 0 (no level) + 0.6 log10(10) (media) + 1 (first on record).
  EXPECT_NEAR(k[0].salience, 3 + 0.6 + 1, 1e-9);
  EXPECT_EQ(k[0].why, "signed agreement; 9 articles; first on record");
}

TEST(KeyEventsTest, NoveltyCountsYearsSinceTheSameClass) {
  std::vector<Event> ev = {
      MakeEvent("1990-01-01", "PAK", "RUS", "057", 1, 8.0f),
      MakeEvent("1995-01-01", "PAK", "RUS", "057", 1, 8.0f),
      MakeEvent("2010-06-01", "PAK", "RUS", "057", 1, 8.0f),
  };
  std::vector<KeyEvent> k = RankKeyEvents(ev, 10);
  ASSERT_EQ(k.size(), 3u);
  // 1990 first on record, 2010 first in 15 years (both 4); 1995 not novel (3).
  EXPECT_EQ(k[0].why, "signed agreement; first on record");
  EXPECT_EQ(k[1].why, "signed agreement; first in 15 years");
  EXPECT_EQ(k[2].why, "signed agreement");
  EXPECT_DOUBLE_EQ(k[2].salience, 3.0);
}

TEST(KeyEventsTest, FindKeyEventsTopAndDyad) {
  VectorEventSource src("t", {MakeEvent("2000", "PAK", "RUS", "040", 1, 1.0f),
                              MakeEvent("2001", "PAK", "RUS", "190", 4, -10.0f),
                              MakeEvent("2001", "PAK", "USA", "057", 1, 8.0f)});
  KeyEventOptions o;
  o.top = 1;
  Result<std::vector<KeyEvent>> k = FindKeyEvents(src, "PAK", "RUS", o);
  ASSERT_TRUE(k.ok());
  ASSERT_EQ(k->size(), 1u);
  EXPECT_EQ(k->front().event.code, "190");
}

TEST(SectorTest, Rules) {
  Event e = MakeEvent("2021", "PAK", "RUS", "057", 1, 8.0f, "Pakistan Stream Gas Pipeline deal");
  EXPECT_EQ(ClassifySector(ViewOf(e)), Sector::kEnergy);
  e.sector = "defense";
  EXPECT_EQ(ClassifySector(ViewOf(e)), Sector::kDefence);  // the field wins
  EXPECT_EQ(ClassifySector(ViewOf(MakeEvent("2016", "PAK", "RUS", "062", 2, 6.4f))),
            Sector::kDefence);
  EXPECT_EQ(ClassifySector(ViewOf(MakeEvent("2016", "PAK", "RUS", "040", 1, 1, "turmoil"))),
            Sector::kDiplomacy);  // "oil" must start a word
  Event bus = MakeEvent("2016", "PAKBUS", "RUS", "040", 1, 1);
  EXPECT_EQ(ClassifySector(ViewOf(bus)), Sector::kTrade);
  EXPECT_EQ(ClassifySector(
                ViewOf(MakeEvent("2016", "PAK", "RUS", "040", 1, 1, "students and universities"))),
            Sector::kCulture);
}

TEST(SectorTest, SeriesPerPeriodAndSector) {
  VectorEventSource src("t", {MakeEvent("2015", "PAK", "RUS", "062", 2, 6.4f),
                              MakeEvent("2015", "PAK", "RUS", "1622", 4, -5.6f),
                              MakeEvent("2015", "PAK", "RUS", "040", 1, 1.0f)});
  Result<std::vector<SectorPoint>> r = BuildSectorSeries(src, "PAK", "RUS", SeriesOptions{});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].sector, Sector::kDefence);
  EXPECT_EQ((*r)[0].events, 2);
  EXPECT_DOUBLE_EQ((*r)[0].net_coop, 0);
  EXPECT_EQ((*r)[1].sector, Sector::kDiplomacy);
  EXPECT_DOUBLE_EQ((*r)[1].net_coop, 1);
}

}  // namespace
}  // namespace entente::analysis
