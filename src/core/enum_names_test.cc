#include "core/enum_names.h"

#include <gtest/gtest.h>

#include "core/date.h"
#include "core/event_source.h"

namespace entente {
namespace {

enum class Signal { kCoop, kVolume, kKind };

constexpr EnumName<Signal> kSignalNames[] = {{"coop", Signal::kCoop},
                                             {"tone", Signal::kCoop},
                                             {"volume", Signal::kVolume},
                                             {"kind", Signal::kKind}};

TEST(EnumNames, ParseFindsEveryNameAndPrintUsesTheFirst) {
  EXPECT_EQ(*ParseEnumName("coop", kSignalNames, "signal"), Signal::kCoop);
  EXPECT_EQ(*ParseEnumName("tone", kSignalNames, "signal"), Signal::kCoop);
  EXPECT_EQ(*ParseEnumName("kind", kSignalNames, "signal"), Signal::kKind);
  EXPECT_EQ(NameOfEnum(Signal::kCoop, kSignalNames), "coop");
  EXPECT_EQ(NameOfEnum(Signal::kVolume, kSignalNames), "volume");
  EXPECT_EQ(NameOfEnum(static_cast<Signal>(9), kSignalNames), "?");
}

TEST(EnumNames, ErrorListsTheNamesWithSecondNamesInBrackets) {
  Result<Signal> r = ParseEnumName("Coop", kSignalNames, "signal");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "bad signal 'Coop': expected coop (or tone), volume or kind");
}

TEST(EnumNames, DatePrecisionRoundTrips) {
  for (DatePrecision p : {DatePrecision::kDay, DatePrecision::kMonth, DatePrecision::kYear}) {
    EXPECT_EQ(*ParsePrecision(PrecisionName(p)), p);
  }
  EXPECT_EQ(PrecisionName(DatePrecision::kMonth), "month");
  EXPECT_EQ(ParsePrecision("week").status().message(),
            "bad date precision 'week': expected day, month or year");
}

TEST(EnumNames, PeriodAndWeightRoundTrip) {
  for (Period p : {Period::kYear, Period::kQuarter, Period::kMonth, Period::kWeek, Period::kDay}) {
    EXPECT_EQ(*ParsePeriod(PeriodName(p)), p);
  }
  for (Weight w : {Weight::kEvents, Weight::kMentions, Weight::kArticles}) {
    EXPECT_EQ(*ParseWeight(WeightName(w)), w);
  }
  EXPECT_EQ(ParsePeriod("fortnight").status().message(),
            "bad period 'fortnight': expected year, quarter, month, week or day");
  EXPECT_EQ(ParseWeight("tone").status().message(),
            "bad weight 'tone': expected events, mentions or articles");
}

}  // namespace
}  // namespace entente
