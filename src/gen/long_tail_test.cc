#include "gen/long_tail.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace entente::gen {
namespace {

size_t DistinctRanks(const LongTail& tail, int draws, uint64_t seed) {
  Rng rng(seed);
  std::set<uint64_t> seen;
  for (int i = 0; i < draws; ++i) {
    if (uint64_t r = tail.Draw(rng); r != 0) seen.insert(r);
  }
  return seen.size();
}

TEST(LongTail, FitsTheDistinctCountItIsAskedFor) {
  for (double exponent : {0.55, 0.64, 0.75}) {
    for (double distinct : {2000.0, 20000.0}) {
      LongTail tail = LongTail::Fit(/*share=*/0.25, exponent, distinct, /*draws=*/400000);
      const double got = static_cast<double>(DistinctRanks(tail, 400000, 7));
      EXPECT_NEAR(got / distinct, 1.0, 0.05) << "exponent " << exponent << " distinct " << distinct;
    }
  }
}

TEST(LongTail, DistinctValuesGrowAsThePowerLawSays) {
  LongTail tail = LongTail::Fit(1.0, 0.64, 5000, 50000);
  const double small = static_cast<double>(DistinctRanks(tail, 50000, 3));
  const double big = static_cast<double>(DistinctRanks(tail, 800000, 3));
  // 16 times the draws: 16^0.64 = 5.9 times the values, once past the scale of the tail.
  EXPECT_NEAR(big / small, 5.9, 0.6);
  EXPECT_NEAR(tail.ExpectedDistinct(800000) / big, 1.0, 0.05);
}

TEST(LongTail, AnEmptyTailNeverDraws) {
  LongTail none;
  Rng rng(1);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(none.Draw(rng), 0u);
  LongTail zero = LongTail::Fit(0.0, 0.6, 100, 1000);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(zero.Draw(rng), 0u);
}

TEST(LongTail, NamesAndPlacesAreFunctionsOfTheirRank) {
  const std::vector<std::string_view> words = {"harbor", "green", "valley", "stone"};
  std::string a, b;
  TailName(12345, words, &a);
  TailName(12345, words, &b);
  EXPECT_EQ(a, b);
  EXPECT_FALSE(a.empty());
  for (char c : a) EXPECT_TRUE((c >= 'A' && c <= 'Z') || c == ' ') << a;

  PlaceBase base{"4", ", Dubayy, United Arab Emirates", "AE\tAE03\t28575", 25.25, 179.9};
  TailPlace(TailPlaceHash(99, 7), base, words, &a);
  TailPlace(TailPlaceHash(99, 7), base, words, &b);
  EXPECT_EQ(a, b);
  TailPlace(TailPlaceHash(99, 8), base, words, &b);
  EXPECT_NE(a, b);  // the same rank in another country is another place
  std::vector<std::string> f;
  size_t start = 0;
  for (size_t tab; (tab = a.find('\t', start)) != std::string::npos; start = tab + 1) {
    f.push_back(a.substr(start, tab - start));
  }
  f.push_back(a.substr(start));
  ASSERT_EQ(f.size(), 8u) << a;
  EXPECT_EQ(f[0], "4");
  EXPECT_NE(f[1].find(", Dubayy, United Arab Emirates"), std::string::npos);
  EXPECT_TRUE(f[1][0] >= 'A' && f[1][0] <= 'Z') << f[1];
  EXPECT_EQ(f[2], "AE");
  EXPECT_EQ(f[3], "AE03");
  const double lat = std::stod(f[5]), lon = std::stod(f[6]);
  EXPECT_NEAR(lat, 25.25, 0.5);
  EXPECT_GE(lon, -180.0);
  EXPECT_LE(lon, 180.0);  // wrapped past the date line
  EXPECT_EQ(f[7][0], '-');
  EXPECT_EQ(f[7].size(), 9u);
}

}  // namespace
}  // namespace entente::gen
