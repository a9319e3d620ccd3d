#include "report/series_json_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

#include "report/report_json.h"

namespace entente::report {
namespace {

std::string TreeDump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(AppendJsonNumberTest, WritesWhatTheJsonTreeWrites) {
  std::vector<double> values = {0.0,
                                -0.0,
                                1.0,
                                -1.0,
                                0.5,
                                0.1 + 0.2,
                                1.0 / 3,
                                100000.0,
                                1e15,
                                1e16,
                                123456789012345.0,
                                1234567890123456.0,
                                1e-4,
                                1.5e-4,
                                1e-5,
                                2.5e-7,
                                1e20,
                                1.5e100,
                                -3.25e-300,
                                5e-324,
                                std::numeric_limits<double>::max(),
                                0.95,
                                -0.4231};
  std::mt19937_64 rng(7);
  for (int i = 0; i < 200000; ++i) {
    const double mantissa = std::uniform_real_distribution<double>(-10, 10)(rng);
    const int exponent = static_cast<int>(rng() % 41) - 20;
    values.push_back(mantissa * std::pow(10.0, exponent));
    values.push_back(static_cast<double>(static_cast<int64_t>(rng() % 2000000) - 1000000) / 10);
  }
  for (double v : values) {
    std::string got;
    AppendJsonNumber(v, &got);
    ASSERT_EQ(got, TreeDump(nlohmann::json(v))) << v;
  }
  std::string special;
  AppendJsonNumber(std::nan(""), &special);
  AppendJsonNumber(std::numeric_limits<double>::infinity(), &special);
  EXPECT_EQ(special, "nullnull");
}

TEST(SeriesJsonTextTest, SameBytesAsTheJsonTree) {
  std::mt19937 rng(3);
  for (Period period : {Period::kYear, Period::kWeek, Period::kDay}) {
    analysis::Series s;
    s.a = "PAK";
    s.b = period == Period::kDay ? "R\"U\\S\xc3\xa9\x01" : "RUS";  // escaped and invalid bytes
    s.period = period;
    s.weight = period == Period::kWeek ? Weight::kMentions : Weight::kEvents;
    s.directed = period == Period::kDay;
    for (int i = 0; i < 60; ++i) {
      analysis::SeriesPoint& p = s.points.emplace_back();
      p.period = static_cast<Days>(12000 + 7 * i);
      p.label = "label-" + std::to_string(i);
      p.events = rng() % 3 == 0 ? 0 : static_cast<int64_t>(rng() % 500);
      p.weight = p.events * 1.5;
      p.vcoop = rng() % 100 / 7.0;
      p.mcoop = rng() % 100;
      p.vconf = i % 5 == 0 ? std::nan("") : rng() % 100 / 3.0;
      p.mconf = 1e-6 * (rng() % 10);
      p.goldstein_sum = (static_cast<int>(rng() % 2001) - 1000) / 10.0;
      p.goldstein_weight = rng() % 4 == 0 ? 0 : 2;
      p.goldstein_mean = p.goldstein_sum / 3;
      p.net_coop = (static_cast<int>(rng() % 201) - 100) / 100.0;
      p.net_coop_lo = p.net_coop - 0.1;
      p.net_coop_hi = p.net_coop + 0.1;
      p.intensity = rng() % 1000 / 997.0;
    }
    EXPECT_EQ(SeriesJsonText(s), TreeDump(SeriesJson(s)));
  }
  EXPECT_EQ(SeriesJsonText(analysis::Series{}), TreeDump(SeriesJson(analysis::Series{})));
}

}  // namespace
}  // namespace entente::report
