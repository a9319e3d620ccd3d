// Salience: classes, actor levels, media, novelty, near-duplicate merging, sectors.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "analysis/analysis.h"
#include "analysis/key_events_internal.h"
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

TEST(KeyEventsTest, MergesTheTwoHalvesOfOneVisit) {
  // A visits B (042) and B hosts A (043) the same day: one visit, two reports.
  std::vector<Event> ev = {
      MakeEvent("2012-10-02", "GEO", "RUS", "042", 1, 1.9f, "", 3),
      MakeEvent("2012-10-02", "RUS", "GEO", "043", 1, 2.8f, "", 4),
      MakeEvent("2012-10-03", "RUS", "GEO", "043", 1, 2.8f),  // another day: another row
  };
  std::vector<KeyEvent> k = RankKeyEvents(ev, 10);
  ASSERT_EQ(k.size(), 2u);
  EXPECT_EQ(k[0].merged, 2);
  EXPECT_EQ(k[0].articles, 7);
  EXPECT_EQ(k[1].merged, 1);
}

TEST(KeyEventsTest, ASingleSourceExtremeCodeDoesNotOutrankACorroboratedAgreement) {
  Event cleansing = MakeEvent("2012-05-01", "GEO", "RUS", "203", 4, -10.0f, "", 5);
  cleansing.sources = 1;
  Event agreement = MakeEvent("2012-06-01", "GEO", "RUS", "057", 1, 8.0f, "", 5);
  agreement.sources = 4;
  std::vector<KeyEvent> k = RankKeyEvents({cleansing, agreement}, 10);
  ASSERT_EQ(k.size(), 2u);
  EXPECT_EQ(k[0].event.code, "057");
  EXPECT_DOUBLE_EQ(k[1].class_score, 4 * 0.5);  // mass violence, half trusted
  EXPECT_NE(k[1].why.find("only 1 source (class x0.50)"), std::string::npos) << k[1].why;
  EXPECT_EQ(k[0].why.find("source"), std::string::npos) << k[0].why;  // 4 sources: 94%
  // Without a count of sources (chronicle, ICEWS) nothing is scaled.
  std::vector<KeyEvent> plain = RankKeyEvents({MakeEvent("2012", "GEO", "RUS", "203", 4, -10)}, 10);
  EXPECT_DOUBLE_EQ(plain[0].class_score, 4);
}

TEST(KeyEventsTest, RecordStartSkipsStrayEarlyRows) {
  std::vector<Event> ev;
  ev.push_back(MakeEvent("2003-02-01", "USA", "FRA", "040", 1, 1));  // recalled in a 2011 article
  for (int day = 1; day <= 28; ++day) {
    for (const char* month : {"2011-06-", "2011-07-", "2011-08-"}) {
      ev.push_back(MakeEvent(fmt::format("{}{:02}", month, day), "USA", "FRA", "040", 1, 1));
    }
  }
  VectorEventSource src("t", ev);
  Result<std::optional<Days>> start = RecordStart(src, "");
  ASSERT_TRUE(start.ok());
  EXPECT_EQ(*start, ParseDate("2011-06-01")->days);
}

TEST(KeyEventsTest, NoveltyIsNotReadOffTheStartOfTheRecordOrTheRange) {
  // The data begin in 2011: nothing there is "first in 10 years" or "first on record".
  std::vector<Event> ev;
  for (int m = 1; m <= 12; ++m) {
    ev.push_back(MakeEvent(fmt::format("2011-{:02}-10", m), "GEO", "RUS", "057", 1, 8.0f));
  }
  VectorEventSource recent("t", ev);
  Result<std::vector<KeyEvent>> k = FindKeyEvents(recent, "GEO", "RUS", KeyEventOptions{});
  ASSERT_TRUE(k.ok());
  for (const KeyEvent& e : *k) EXPECT_EQ(e.novelty_score, 0) << e.why;

  // A store from 1990: an agreement in 2005 after one in 1999 is not new, even when the range
  // asked starts in 2005; one in 2020 is the first in 15 years.
  std::vector<Event> long_record;
  for (int y = 1990; y <= 2020; ++y) {
    long_record.push_back(MakeEvent(fmt::format("{}-03-01", y), "USA", "FRA", "040", 1, 1));
  }
  long_record.push_back(MakeEvent("1999-05-01", "GEO", "RUS", "057", 1, 8.0f));
  long_record.push_back(MakeEvent("2005-05-01", "GEO", "RUS", "057", 1, 8.0f));
  long_record.push_back(MakeEvent("2020-05-01", "GEO", "RUS", "057", 1, 8.0f));
  VectorEventSource store("t", long_record);
  KeyEventOptions o;
  o.from = ParseDate("2005-01-01")->days;
  k = FindKeyEvents(store, "GEO", "RUS", o);
  ASSERT_TRUE(k.ok());
  ASSERT_EQ(k->size(), 2u);
  EXPECT_EQ((*k)[0].why, "signed agreement; first in 15 years");
  EXPECT_EQ((*k)[1].why, "signed agreement");
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
