#include "core/date.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(DateTest, CivilRoundTripAcrossEpochAndLeapYears) {
  for (Days d = DaysFromCivil(1947, 1, 1); d < DaysFromCivil(2030, 1, 1); d += 17) {
    CivilDate c = CivilFromDays(d);
    EXPECT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
  }
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);  // 2000 is leap
  EXPECT_EQ(DaysFromCivil(1900, 3, 1) - DaysFromCivil(1900, 2, 28), 1);  // 1900 is not
}

TEST(DateTest, ParsesEveryAcceptedForm) {
  auto y = ParseDate("1965");
  ASSERT_TRUE(y.ok());
  EXPECT_EQ(y->precision, DatePrecision::kYear);
  EXPECT_EQ(FormatDate(y->days, y->precision), "1965");
  auto m = ParseDate("2012-10");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(FormatDate(m->days, m->precision), "2012-10");
  auto d = ParseDate("2022-02-24");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(FormatDate(d->days), "2022-02-24");
  auto c = ParseDate("20220224");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->days, d->days);
  auto icews = ParseDate("2/24/2022");
  ASSERT_TRUE(icews.ok());
  EXPECT_EQ(icews->days, d->days);
  auto ym = ParseDate("201210");
  ASSERT_TRUE(ym.ok());
  EXPECT_EQ(FormatDate(ym->days, ym->precision), "2012-10");
}

TEST(DateTest, RejectsImpossibleDates) {
  for (const char* bad :
       {"2019-02-29", "2019-13-01", "20190230", "19x5", "", "2019-1-1", "1/2/19"}) {
    EXPECT_FALSE(ParseDate(bad).ok()) << bad;
  }
  Days out;
  EXPECT_FALSE(ParseYmdCompact("20190230", &out));
  EXPECT_TRUE(ParseYmdCompact("20200229", &out));
}

TEST(DateTest, RangeEndCoversTheWholePeriod) {
  EXPECT_EQ(FormatDate(*ParseDateRangeEnd("2012")), "2012-12-31");
  EXPECT_EQ(FormatDate(*ParseDateRangeEnd("2012-02")), "2012-02-29");
  EXPECT_EQ(FormatDate(*ParseDateRangeEnd("2012-02-10")), "2012-02-10");
}

TEST(DateTest, PeriodsBucketAndAdvance) {
  Days d = DaysFromCivil(2012, 11, 15);
  EXPECT_EQ(FormatPeriod(PeriodStart(d, Period::kYear), Period::kYear), "2012");
  EXPECT_EQ(FormatPeriod(PeriodStart(d, Period::kQuarter), Period::kQuarter), "2012-Q4");
  EXPECT_EQ(FormatPeriod(PeriodStart(d, Period::kMonth), Period::kMonth), "2012-11");
  EXPECT_EQ(FormatPeriod(PeriodStart(d, Period::kWeek), Period::kWeek), "2012-11-12");  // a Monday
  EXPECT_EQ(FormatDate(NextPeriodStart(PeriodStart(d, Period::kQuarter), Period::kQuarter)),
            "2013-01-01");
  EXPECT_EQ(FormatDate(NextPeriodStart(PeriodStart(d, Period::kMonth), Period::kMonth)),
            "2012-12-01");
  // Weeks before 1970 start on Mondays too.
  Days old = DaysFromCivil(1965, 4, 7);  // a Wednesday
  EXPECT_EQ(FormatDate(PeriodStart(old, Period::kWeek)), "1965-04-05");
}

}  // namespace
}  // namespace entente
