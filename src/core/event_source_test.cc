#include "core/event_source.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

Event MakeEvent(std::string src, std::string tgt, std::string date, std::string code, float gold,
                int mentions = 1) {
  Event e;
  e.dataset = "test";
  e.source.code = src;
  e.source.country = src.substr(0, 3);
  e.target.code = tgt;
  e.target.country = tgt.substr(0, 3);
  e.date = ParseDate(date)->days;
  e.code = code;
  e.root_code = code.substr(0, 2);
  e.quad = static_cast<int8_t>(QuadClassOfRoot(e.root_code));
  e.goldstein = gold;
  e.mentions = mentions;
  return e;
}

TEST(FilterTest, ActorPatternsMatchCodePrefixOrCountry) {
  Event e = MakeEvent("PAKGOV", "RUSMIL", "2012-10-04", "042", 1.9);
  EventRow r = ViewOf(e);
  EXPECT_TRUE(ActorMatches(r.source, "PAK"));
  EXPECT_TRUE(ActorMatches(r.source, "PAKGOV"));
  EXPECT_FALSE(ActorMatches(r.source, "PAKMIL"));
  Event gov = e;
  gov.source.code = "GOV";  // GDELT: role only, country in its own column
  EXPECT_TRUE(ActorMatches(ViewOf(gov).source, "PAK"));
  EXPECT_FALSE(ActorMatches(ViewOf(gov).source, "PAKGOV"));
}

TEST(FilterTest, DyadIsUndirectedUnlessAskedOtherwise) {
  Event fwd = MakeEvent("PAK", "RUS", "2012-10-04", "042", 1.9);
  Event back = MakeEvent("RUS", "PAK", "2012-10-05", "043", 2.8);
  EventFilter f;
  f.dyad_a = "PAK";
  f.dyad_b = "RUS";
  EXPECT_TRUE(Matches(f, ViewOf(fwd)));
  EXPECT_TRUE(Matches(f, ViewOf(back)));
  f.directed = true;
  EXPECT_TRUE(Matches(f, ViewOf(fwd)));
  EXPECT_FALSE(Matches(f, ViewOf(back)));
}

TEST(FilterTest, DatesCodesAndQuadNarrow) {
  Event e = MakeEvent("PAK", "RUS", "2012-10-04", "0571", 8.0);
  EventFilter f;
  f.from = ParseDate("2012-10-04")->days;
  f.to = *ParseDateRangeEnd("2012-10");
  f.code_prefix = "057";
  f.quad = 1;
  EXPECT_TRUE(Matches(f, ViewOf(e)));
  f.code_prefix = "06";
  EXPECT_FALSE(Matches(f, ViewOf(e)));
  f.code_prefix.clear();
  f.to = ParseDate("2012-10-03")->days;
  EXPECT_FALSE(Matches(f, ViewOf(e)));
}

TEST(AggregatorTest, HandComputedMonthlySeries) {
  std::vector<Event> events = {
      MakeEvent("PAK", "RUS", "2012-10-04", "042", 1.9, 10),
      MakeEvent("RUS", "PAK", "2012-10-20", "111", -2.0, 2),
      MakeEvent("PAK", "RUS", "2012-11-02", "190", -10.0, 1),
      MakeEvent("PAK", "USA", "2012-11-02", "057", 8.0, 5),  // another dyad: filtered out
  };
  VectorEventSource src("test", events);
  AggregateQuery q;
  q.filter.dyad_a = "PAK";
  q.filter.dyad_b = "RUS";
  q.period = Period::kMonth;
  auto rows = src.Aggregate(q);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  const AggregateRow& oct = (*rows)[0];
  EXPECT_EQ(FormatPeriod(oct.period, Period::kMonth), "2012-10");
  EXPECT_EQ(oct.events, 2);
  EXPECT_DOUBLE_EQ(oct.quad[0], 1);
  EXPECT_DOUBLE_EQ(oct.quad[2], 1);
  EXPECT_NEAR(oct.goldstein_sum, -0.1, 1e-6);
  EXPECT_DOUBLE_EQ(oct.net_coop(), 0);
  EXPECT_DOUBLE_EQ((*rows)[1].net_coop(), -1);

  q.weight = Weight::kMentions;
  rows = src.Aggregate(q);
  ASSERT_TRUE(rows.ok());
  EXPECT_DOUBLE_EQ((*rows)[0].weight, 12);
  EXPECT_NEAR((*rows)[0].goldstein_mean(), (10 * 1.9 - 2 * 2.0) / 12, 1e-6);
  EXPECT_NEAR((*rows)[0].net_coop(), (10.0 - 2.0) / 12.0, 1e-9);
}

TEST(AggregatorTest, DyadGroupingSortsThePairUnlessDirected) {
  std::vector<Event> events = {
      MakeEvent("RUS", "PAK", "2012-10-04", "042", 1.9),
      MakeEvent("PAK", "RUS", "2012-10-05", "042", 1.9),
      MakeEvent("USA", "PAK", "2012-10-05", "042", 1.9),
  };
  VectorEventSource src("test", events);
  AggregateQuery q;
  q.by_period = false;
  q.by_dyad = true;
  auto rows = src.Aggregate(q);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].a, "PAK");
  EXPECT_EQ((*rows)[0].b, "RUS");
  EXPECT_EQ((*rows)[0].events, 2);
  q.filter.directed = true;
  rows = src.Aggregate(q);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 3u);
}

TEST(EventTest, KeyHashUsesIdWhenPresentAndContentOtherwise) {
  Event a = MakeEvent("PAK", "RUS", "2012-10-04", "042", 1.9);
  Event b = a;
  EXPECT_EQ(EventKeyHash(ViewOf(a)), EventKeyHash(ViewOf(b)));
  b.goldstein = 2.0;
  EXPECT_NE(EventKeyHash(ViewOf(a)), EventKeyHash(ViewOf(b)));
  a.id = b.id = "719024875";
  EXPECT_EQ(EventKeyHash(ViewOf(a)), EventKeyHash(ViewOf(b)));
  b.dataset = "gdelt1";
  EXPECT_NE(EventKeyHash(ViewOf(a)), EventKeyHash(ViewOf(b)));
}

TEST(EventTest, QuadClassOfRoot) {
  EXPECT_EQ(QuadClassOfRoot("01"), 1);
  EXPECT_EQ(QuadClassOfRoot("05"), 1);
  EXPECT_EQ(QuadClassOfRoot("06"), 2);
  EXPECT_EQ(QuadClassOfRoot("09"), 2);  // GDELT: Investigate is material cooperation
  EXPECT_EQ(QuadClassOfRoot("10"), 3);
  EXPECT_EQ(QuadClassOfRoot("14"), 3);  // GDELT: Protest is verbal conflict
  EXPECT_EQ(QuadClassOfRoot("15"), 4);
  EXPECT_EQ(QuadClassOfRoot("20"), 4);
  EXPECT_EQ(QuadClassOfRoot("21"), 0);
  EXPECT_EQ(QuadClassOfRoot("x1"), 0);
}

}  // namespace
}  // namespace entente
