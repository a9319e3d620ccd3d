// Hand-computed series: counts per QuadClass, Goldstein sum and mean, net cooperation, intensity,
// filled empty periods, weights and smoothing.
#include <gtest/gtest.h>

#include "analysis/analysis.h"
#include "analysis/test_events.h"

namespace entente::analysis {
namespace {

using testing::MakeEvent;

VectorEventSource Fixture() {
  std::vector<Event> ev = {
      MakeEvent("2010-03-01", "PAK", "RUS", "042", 1, 1.9f, "", 10),
      MakeEvent("2010-05-01", "RUSGOV", "PAKGOV", "057", 1, 8.0f),
      MakeEvent("2010-06-01", "PAK", "RUS", "112", 3, -2.0f),
      MakeEvent("2010-07-01", "PAK", "IND", "190", 4, -10.0f),  // involves PAK, not the dyad
      MakeEvent("2012-01-01", "RUS", "PAK", "062", 2, 6.4f, "", 2),
      MakeEvent("2012-02-01", "USA", "CHN", "040", 1, 1.0f),  // involves neither
  };
  return VectorEventSource("fixture", ev);
}

TEST(SeriesTest, HandComputedYearly) {
  VectorEventSource src = Fixture();
  SeriesOptions o;
  Result<Series> s = BuildSeries(src, "PAK", "RUS", o);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->points.size(), 3u);  // 2010, 2011 (filled), 2012
  const SeriesPoint& y2010 = s->points[0];
  EXPECT_EQ(y2010.label, "2010");
  EXPECT_EQ(y2010.events, 3);
  EXPECT_DOUBLE_EQ(y2010.vcoop, 2);
  EXPECT_DOUBLE_EQ(y2010.vconf, 1);
  EXPECT_NEAR(y2010.goldstein_sum, 1.9 + 8.0 - 2.0, 1e-5);
  EXPECT_NEAR(y2010.goldstein_mean, 7.9 / 3, 1e-5);
  EXPECT_NEAR(y2010.net_coop, (2.0 - 1.0) / 3, 1e-12);
  EXPECT_NEAR(y2010.intensity, 3.0 / 4, 1e-12);  // 4 events involve PAK or RUS
  EXPECT_EQ(s->points[1].label, "2011");
  EXPECT_EQ(s->points[1].events, 0);
  EXPECT_EQ(s->points[1].net_coop, 0);
  EXPECT_DOUBLE_EQ(s->points[2].mcoop, 1);
  EXPECT_DOUBLE_EQ(s->points[2].net_coop, 1);
  EXPECT_DOUBLE_EQ(s->points[2].intensity, 1);
}

TEST(SeriesTest, DirectedAndArticlesWeight) {
  VectorEventSource src = Fixture();
  SeriesOptions o;
  o.directed = true;
  o.weight = Weight::kArticles;
  Result<Series> s = BuildSeries(src, "PAK", "RUS", o);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->points.size(), 1u);  // only PAK->RUS events: 2010
  // 042 with 10 articles, 112 with none (counts once): weight 11.
  EXPECT_EQ(s->points[0].events, 2);
  EXPECT_DOUBLE_EQ(s->points[0].weight, 11);
  EXPECT_NEAR(s->points[0].net_coop, (10.0 - 1.0) / 11, 1e-12);
  EXPECT_NEAR(s->points[0].goldstein_mean, (10 * 1.9 - 2.0) / 11, 1e-5);
}

TEST(SeriesTest, FromToExtendsGridWithZeros) {
  VectorEventSource src = Fixture();
  SeriesOptions o;
  o.period = Period::kQuarter;
  o.from = ParseDate("2009-07-01")->days;
  o.to = ParseDate("2010-12-31")->days;
  Result<Series> s = BuildSeries(src, "PAK", "RUS", o);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->points.size(), 6u);
  EXPECT_EQ(s->points[0].label, "2009-Q3");
  EXPECT_EQ(s->points[0].events, 0);
  EXPECT_EQ(s->points[3].label, "2010-Q2");
  EXPECT_EQ(s->points[3].events, 2);  // May and June
  EXPECT_EQ(s->points[5].label, "2010-Q4");
}

TEST(SeriesTest, SmoothingIsRatioOfSmoothedSums) {
  Series s;
  for (int i = 0; i < 3; ++i) {
    SeriesPoint p;
    p.period = i;
    s.points.push_back(p);
  }
  // Period 0: 3 coop events; period 1 empty; period 2: 1 conflict event.
  s.points[0].vcoop = 3;
  s.points[0].weight = 3;
  s.points[0].net_coop = 1;
  s.points[2].vconf = 1;
  s.points[2].weight = 1;
  s.points[2].net_coop = -1;
  SmoothSeries(&s, SmoothMethod::kMovingAverage, 3);
  // Centre: (3 - 1) / (3 + 0 + 1) = 0.5 (not the mean of 1, 0, -1); ends use what exists.
  EXPECT_DOUBLE_EQ(s.points[1].net_coop, 0.5);
  EXPECT_DOUBLE_EQ(s.points[0].net_coop, 1.0);
  EXPECT_DOUBLE_EQ(s.points[2].net_coop, -1.0);
}

TEST(SeriesTest, EwmaAlpha) {
  Series s;
  for (int i = 0; i < 2; ++i) {
    SeriesPoint p;
    p.period = i;
    p.vcoop = 1;
    p.weight = 1;
    p.net_coop = 1;
    s.points.push_back(p);
  }
  s.points[1].vcoop = 0;
  s.points[1].vconf = 1;
  s.points[1].net_coop = -1;
  SmoothSeries(&s, SmoothMethod::kEwma, 3);  // alpha 0.5
  // Sums: coop*w: 1, then 0.5*(-1) + 0.5*1 = 0; weights: 1, 1 -> 0.
  EXPECT_DOUBLE_EQ(s.points[1].net_coop, 0.0);
}

TEST(SeriesTest, NetCoopCarriesAWilsonInterval) {
  // Three cooperative events of three: +1, but three events cannot say more than "above 0.05".
  VectorEventSource src("t", {MakeEvent("2010-01-01", "PAK", "RUS", "042", 1, 1.9f),
                              MakeEvent("2010-02-01", "PAK", "RUS", "042", 1, 1.9f),
                              MakeEvent("2010-03-01", "PAK", "RUS", "042", 1, 1.9f),
                              MakeEvent("2012-03-01", "PAK", "RUS", "112", 3, -2.0f)});
  Result<Series> s = BuildSeries(src, "PAK", "RUS", SeriesOptions{});
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->points.size(), 3u);
  const SeriesPoint& y2010 = s->points[0];
  EXPECT_DOUBLE_EQ(y2010.net_coop, 1);
  EXPECT_NEAR(y2010.net_coop_lo, 0.0516, 1e-3);  // Wilson, z 1.645, n 3, p 1
  EXPECT_DOUBLE_EQ(y2010.net_coop_hi, 1);
  const SeriesPoint& y2012 = s->points[2];  // one conflictual event: the mirror image, wider
  EXPECT_DOUBLE_EQ(y2012.net_coop_lo, -1);
  EXPECT_NEAR(y2012.net_coop_hi, 0.460, 1e-3);
  EXPECT_GT(y2012.net_coop_hi - y2012.net_coop_lo, y2010.net_coop_hi - y2010.net_coop_lo);
}

TEST(SeriesTest, SmoothedIntervalStandsOnTheWindowsEvents) {
  // A moving average of 3 pools the events of 3 periods: the middle period's interval is that
  // of all 4 events, narrower than its own single event's.
  VectorEventSource src("t", {MakeEvent("2010", "PAK", "RUS", "042", 1, 1.9f),
                              MakeEvent("2010", "PAK", "RUS", "042", 1, 1.9f),
                              MakeEvent("2011", "PAK", "RUS", "112", 3, -2.0f),
                              MakeEvent("2012", "PAK", "RUS", "042", 1, 1.9f)});
  SeriesOptions o;
  o.smooth = SmoothMethod::kMovingAverage;
  o.smooth_window = 3;
  Result<Series> smoothed = BuildSeries(src, "PAK", "RUS", o);
  Result<Series> raw = BuildSeries(src, "PAK", "RUS", SeriesOptions{});
  ASSERT_TRUE(smoothed.ok() && raw.ok());
  const SeriesPoint& mid = smoothed->points[1];
  EXPECT_NEAR(mid.net_coop, 0.5, 1e-12);  // 3 cooperative, 1 conflictual
  // Wilson at p 0.75, n 4: [0.356, 0.942] as a share.
  EXPECT_NEAR(mid.net_coop_lo, 2 * 0.356 - 1, 1e-3);
  EXPECT_NEAR(mid.net_coop_hi, 2 * 0.942 - 1, 1e-3);
  EXPECT_LT(mid.net_coop_hi - mid.net_coop_lo,
            raw->points[1].net_coop_hi - raw->points[1].net_coop_lo);
}

TEST(SeriesTest, EmptyDyadIsEmptySeries) {
  VectorEventSource src = Fixture();
  Result<Series> s = BuildSeries(src, "AFG", "RUS", SeriesOptions{});
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->points.empty());
}

}  // namespace
}  // namespace entente::analysis
