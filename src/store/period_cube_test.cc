#include "store/period_cube.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <tuple>

namespace entente::store {
namespace {

struct Row {
  Days date;
  std::string root;
  int8_t quad;
  int32_t mentions, articles;
  float goldstein;
};

// Cells written by CubeBuilder and read back by DecodeCube hold, for every (month, root, quad),
// the sums of exactly the rows in it, whatever order the rows came in.
TEST(PeriodCubeTest, DecodedCellsAreTheSumsOfTheirRows) {
  std::mt19937 rng(5);
  const char* roots[] = {"01", "04", "19", "20", ""};
  std::vector<Row> rows;
  for (int i = 0; i < 5000; ++i) {
    // Mostly in date order with some stragglers, as an ingest run is.
    const Days date = static_cast<Days>(18000 + i / 10 + (rng() % 20 == 0 ? -300 : 0));
    rows.push_back(
        {date, roots[rng() % 5], static_cast<int8_t>(rng() % 5),
         static_cast<int32_t>(rng() % 7) - 1, static_cast<int32_t>(rng() % 4),
         rng() % 6 ? static_cast<float>(static_cast<int>(rng() % 201) - 100) / 10 : NAN});
  }
  CubeBuilder builder;
  std::map<std::tuple<Days, std::string, int64_t>, CubeSums> want;
  for (const Row& r : rows) {
    builder.Add(r.date, r.root, r.quad, r.mentions, r.articles, r.goldstein);
    want[{PeriodStart(r.date, Period::kMonth), r.root, r.quad}].AddRow(r.mentions, r.articles,
                                                                       r.goldstein);
  }
  std::string meta;
  builder.Encode(&meta);
  Decoder d(meta);
  PeriodCube cube;
  ASSERT_TRUE(DecodeCube(&d, &cube).ok());
  EXPECT_TRUE(d.done());
  ASSERT_EQ(cube.cells.size(), want.size());
  for (const CubeCell& c : cube.cells) {
    auto it = want.find({c.month, std::string(cube.roots[c.root]), c.quad});
    ASSERT_NE(it, want.end()) << c.month << " " << cube.roots[c.root] << " " << c.quad;
    const CubeSums& w = it->second;
    EXPECT_EQ(c.sums.events, w.events);
    EXPECT_EQ(c.sums.mentions, w.mentions);
    EXPECT_EQ(c.sums.articles, w.articles);
    EXPECT_EQ(c.sums.gold_events, w.gold_events);
    EXPECT_EQ(c.sums.gold_mentions, w.gold_mentions);
    EXPECT_EQ(c.sums.gold_articles, w.gold_articles);
    EXPECT_NEAR(c.sums.gold_sum, w.gold_sum, 1e-9 * (1 + std::fabs(w.gold_sum)));
    EXPECT_NEAR(c.sums.gold_sum_mentions, w.gold_sum_mentions,
                1e-9 * (1 + std::fabs(w.gold_sum_mentions)));
    EXPECT_NEAR(c.sums.gold_sum_articles, w.gold_sum_articles,
                1e-9 * (1 + std::fabs(w.gold_sum_articles)));
  }
}

TEST(PeriodCubeTest, ARowWeighsItsCountsOrOneAndSkipsAMissingGoldstein) {
  CubeSums s;
  s.AddRow(5, 0, 2.5f);  // no article count: weighs 1
  s.AddRow(-1, 3, NAN);  // no Goldstein value
  EXPECT_EQ(s.events, 2);
  EXPECT_EQ(s.mentions, 6);
  EXPECT_EQ(s.articles, 4);
  EXPECT_EQ(s.gold_events, 1);
  EXPECT_EQ(s.gold_mentions, 5);
  EXPECT_EQ(s.gold_articles, 1);
  EXPECT_DOUBLE_EQ(s.gold_sum_mentions, 12.5);
  double w, gsum, gweight;
  CubeWeighted(s, Weight::kArticles, &w, &gsum, &gweight);
  EXPECT_DOUBLE_EQ(w, 4);
  EXPECT_DOUBLE_EQ(gsum, 2.5);
  EXPECT_DOUBLE_EQ(gweight, 1);
  CubeWeighted(s, Weight::kEvents, &w, &gsum, &gweight);
  EXPECT_DOUBLE_EQ(w, 2);
  EXPECT_DOUBLE_EQ(gweight, 1);
}

// The cube holds whole months by root and QuadClass: it answers exactly what is a union of them.
TEST(PeriodCubeTest, ServesOnlyWhatWholeMonthsAnswer) {
  AggregateQuery q;
  q.by_root = true;
  for (Period p : {Period::kMonth, Period::kQuarter, Period::kYear}) {
    q.period = p;
    EXPECT_TRUE(CubeServes(q)) << PeriodName(p);
  }
  q.period = Period::kWeek;
  EXPECT_FALSE(CubeServes(q));
  q.by_period = false;
  EXPECT_TRUE(CubeServes(q));  // no period: the sum of all months

  AggregateQuery bounded;
  bounded.filter.from = PeriodStart(18000, Period::kMonth);
  bounded.filter.to = PeriodStart(18400, Period::kMonth) - 1;
  bounded.filter.quad = 4;
  EXPECT_TRUE(CubeServes(bounded));
  AggregateQuery cut = bounded;
  *cut.filter.from += 1;
  EXPECT_FALSE(CubeServes(cut));
  cut = bounded;
  *cut.filter.to -= 1;
  EXPECT_FALSE(CubeServes(cut));

  for (auto narrow : {+[](AggregateQuery* x) { x->filter.actors = {"PAK"}; },
                      +[](AggregateQuery* x) { x->filter.code_prefix = "04"; },
                      +[](AggregateQuery* x) { x->filter.dataset = "gdelt2"; },
                      +[](AggregateQuery* x) { x->by_dyad = true; }}) {
    AggregateQuery x;
    narrow(&x);
    EXPECT_FALSE(CubeServes(x));
  }
}

}  // namespace
}  // namespace entente::store
