// Statistics (hand-checked values), lead/lag on series with a known lag, and the scan fixture.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/analysis.h"
#include "analysis/stats.h"
#include "analysis/test_events.h"

namespace entente::analysis {
namespace {

using testing::MakeEvent;

TEST(StatsTest, PearsonAndAutocorrelation) {
  EXPECT_NEAR(Pearson({1, 2, 3, 4}, {2, 4, 6, 8}), 1, 1e-12);
  EXPECT_NEAR(Pearson({1, 2, 3}, {1, 3, 2}), 0.5, 1e-12);
  EXPECT_TRUE(std::isnan(Pearson({1, 1, 1}, {1, 2, 3})));
  // x = 1,2,3,4: mean 2.5, num = (-1.5)(-0.5) + (-0.5)(0.5) + (0.5)(1.5) = 1.25, den = 5.
  EXPECT_NEAR(Lag1Autocorrelation({1, 2, 3, 4}), 0.25, 1e-12);
  EXPECT_NEAR(EffectiveSampleSize(100, 0.5, 0.5), 100 * 0.75 / 1.25, 1e-12);
}

TEST(StatsTest, StudentT) {
  // t = 2.228 with 10 df is the 97.5% quantile: two-sided p = 0.05.
  EXPECT_NEAR(StudentTwoSidedP(2.228, 10), 0.05, 5e-4);
  EXPECT_NEAR(StudentTwoSidedP(0, 10), 1, 1e-12);
  // 1 df is Cauchy: P(|T| > 1) = 0.5.
  EXPECT_NEAR(StudentTwoSidedP(1, 1), 0.5, 1e-9);
  EXPECT_NEAR(RegularizedIncompleteBeta(1, 1, 0.3), 0.3, 1e-12);
}

TEST(CompareTest, FindsKnownLead) {
  std::mt19937 rng(5);
  std::normal_distribution<double> noise(0, 1);
  const int n = 80, lag = 2;
  std::vector<double> x(n), y(n);
  for (int t = 0; t < n; ++t) x[t] = noise(rng);
  for (int t = 0; t < n; ++t) y[t] = (t >= lag ? x[t - lag] : 0) + 0.3 * noise(rng);
  std::vector<bool> all(n, true);
  PairStats s = CorrelateSeries(x, all, y, all, 4);
  EXPECT_EQ(s.best_lag, 2);  // x leads y by two periods
  EXPECT_GT(s.r_at_lag, 0.9);
  EXPECT_LT(s.p_at_lag, 1e-6);
  EXPECT_LT(std::fabs(s.r), 0.35);
  PairStats back = CorrelateSeries(y, all, x, all, 4);
  EXPECT_EQ(back.best_lag, -2);
}

TEST(CompareTest, DyadsOnOneGrid) {
  std::vector<Event> ev;
  for (int year = 2000; year < 2010; ++year) {
    bool good = year % 3 == 0;
    std::string d = std::to_string(year);
    ev.push_back(MakeEvent(d, "PAK", "RUS", good ? "057" : "112", good ? 1 : 3, good ? 8 : -2));
    if (year >= 2002) {
      ev.push_back(MakeEvent(d, "PAK", "USA", good ? "112" : "057", good ? 3 : 1, good ? -2 : 8));
    }
  }
  VectorEventSource src("t", ev);
  Result<Comparison> c =
      CompareDyads(src, {{"PAK", "RUS"}, {"PAK", "USA"}}, SeriesOptions{}, CompareOptions{});
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->series.size(), 2u);
  EXPECT_EQ(c->series[0].points.size(), 10u);
  EXPECT_EQ(c->series[1].points.size(), 10u);  // same grid, 2000-2001 empty for PAK-USA
  ASSERT_EQ(c->pairs.size(), 1u);
  EXPECT_EQ(c->pairs[0].n, 8);
  EXPECT_NEAR(c->pairs[0].r, -1, 1e-12);
}

// Adds `coop` cooperative (040) and `conf` conflictual (112) events of a towards b on `date`.
void AddEvents(std::vector<Event>* ev, const std::string& date, const std::string& a,
               const std::string& b, int coop, int conf = 0) {
  for (int i = 0; i < coop; ++i) ev->push_back(MakeEvent(date, a, b, "040", 1, 1));
  for (int i = 0; i < conf; ++i) ev->push_back(MakeEvent(date, a, b, "112", 3, -2));
}

// ScanDyads over `ev` for dyads with at least five events.
Result<ScanResult> ScanFiveOrMore(const std::vector<Event>& ev, bool states_only = true) {
  VectorEventSource src("t", ev);
  ScanOptions o;
  o.min_events = 5;
  o.states_only = states_only;
  return ScanDyads(src, o);
}

TEST(ScanTest, Fixture) {
  std::vector<Event> ev;
  // PAK-RUS warms: 2022 (5 coop, 5 conf: 0) -> 2023 (10 coop: 1); history 2019-2021 net 0, 0.5, 0.
  AddEvents(&ev, "2019", "PAK", "RUS", 5, 5);
  AddEvents(&ev, "2020", "RUS", "PAK", 3, 1);
  AddEvents(&ev, "2021", "PAK", "RUS", 2, 2);
  AddEvents(&ev, "2022", "PAK", "RUS", 5, 5);
  AddEvents(&ev, "2023", "PAK", "RUS", 10, 0);
  // IND-PAK cools slightly; USA-CHN too few events.
  AddEvents(&ev, "2022", "IND", "PAK", 6, 4);
  AddEvents(&ev, "2023", "PAK", "IND", 5, 5);
  AddEvents(&ev, "2022", "USA", "CHN", 1, 0);
  AddEvents(&ev, "2023", "USA", "CHN", 1, 0);
  Result<ScanResult> r = ScanFiveOrMore(ev);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->dyads_considered, 3);
  const ScanRow& top = r->rows[0];
  EXPECT_EQ(top.a + "-" + top.b, "PAK-RUS");
  EXPECT_EQ(top.events_before, 10);
  EXPECT_EQ(top.events_after, 10);
  EXPECT_DOUBLE_EQ(top.change, 1.0);
  // History diffs before 2023: 0.5 - 0 = 0.5, 0 - 0.5 = -0.5, 0 - 0 = 0: sd = 0.5, z = 2.
  EXPECT_NEAR(top.z, 2.0, 1e-12);
  EXPECT_EQ(r->rows[1].a + "-" + r->rows[1].b, "IND-PAK");
  EXPECT_NEAR(r->rows[1].change, -0.2, 1e-12);
  EXPECT_TRUE(std::isnan(r->rows[1].z));  // one diff only
  EXPECT_EQ(FormatDate(r->after_start), "2023-01-01");
  EXPECT_EQ(FormatDate(r->before_start), "2022-01-01");
}

// GDELT's Actor codes hold roles (GOV, BUS), regions (EUR) and blanks besides states: scan ranks
// dyads of two states unless asked for every actor, and its windows end at the last period of
// the dyads it ranks (a GOV-USA row in 2024 does not move them past the states' 2023).
TEST(ScanTest, StatesOnlyByDefault) {
  std::vector<Event> ev;
  for (const char* year : {"2022", "2023"}) {
    AddEvents(&ev, year, "PAK", "RUS", 6);
    AddEvents(&ev, year, "GOV", "USA", 6);
    AddEvents(&ev, year, "BUS", "USA", 6);
    AddEvents(&ev, year, "EUR", "RUS", 6);
  }
  AddEvents(&ev, "2024", "GOV", "USA", 6);
  Result<ScanResult> states = ScanFiveOrMore(ev);
  ASSERT_TRUE(states.ok());
  ASSERT_EQ(states->rows.size(), 1u);
  EXPECT_EQ(states->rows[0].a + "-" + states->rows[0].b, "PAK-RUS");
  EXPECT_EQ(states->dyads_considered, 1);
  EXPECT_EQ(FormatDate(states->after_start), "2023-01-01");
  Result<ScanResult> all = ScanFiveOrMore(ev, /*states_only=*/false);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(FormatDate(all->after_start), "2024-01-01");
  EXPECT_EQ(all->dyads_in_both, 1);  // the others have nothing in 2024
  ASSERT_EQ(all->rows.size(), 1u);
  EXPECT_EQ(all->rows[0].a + "-" + all->rows[0].b, "GOV-USA");
}

}  // namespace
}  // namespace entente::analysis
