// Dates as a day count, and the calendar periods analysis buckets them into.
//
// An event date is `Days`: days since 1970-01-01 in the proleptic Gregorian calendar, negative
// before 1970 (the chronicle starts in 1947). Four bytes, totally ordered, cheap to bucket. A date
// known only to the month or year is stored at the first day of that month or year with a
// DatePrecision flag beside it, so that sorting and range filters still work and reports can say
// "1965-04" instead of inventing a day.
#ifndef ENTENTE_CORE_DATE_H_
#define ENTENTE_CORE_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace entente {

using Days = int32_t;

enum class DatePrecision : uint8_t { kDay = 0, kMonth = 1, kYear = 2 };

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain).
Days DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(Days days);
bool IsValidCivil(int year, int month, int day);

struct DateValue {
  Days days = 0;
  DatePrecision precision = DatePrecision::kDay;
};

// Parses the forms users and datasets write: YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD, YYYYMM (GDELT
// MonthYear), M/D/YYYY and MM/DD/YYYY (ICEWS exports). Rejects impossible dates (2019-02-30).
Result<DateValue> ParseDate(std::string_view text);

// For the end of an inclusive range: "2012" means up to 2012-12-31, "2012-10" up to 2012-10-31.
Result<Days> ParseDateRangeEnd(std::string_view text);

// Fast path for readers: exactly eight digits YYYYMMDD. Returns false when not a valid date.
bool ParseYmdCompact(std::string_view text, Days* out);

// "2012-10-04", "2012-10" or "2012" per precision.
std::string FormatDate(Days days, DatePrecision precision = DatePrecision::kDay);

// "day", "month" or "year": how much of an ISO date is known (event outputs write the full date,
// the first of the month or year when less is known, and this beside it).
std::string_view PrecisionName(DatePrecision precision);
Result<DatePrecision> ParsePrecision(std::string_view text);

enum class Period : uint8_t { kYear, kQuarter, kMonth, kWeek, kDay };

Result<Period> ParsePeriod(std::string_view text);  // year|quarter|month|week|day
std::string_view PeriodName(Period period);

// The first day of the period containing `days` (weeks start on Monday, ISO style).
Days PeriodStart(Days days, Period period);
// The first day of the period after the one starting at `start`.
Days NextPeriodStart(Days start, Period period);
// The label of the period starting at `start`: "2012", "2012-Q4", "2012-10", "2012-10-01" (week
// and day use the start date).
std::string FormatPeriod(Days start, Period period);
// The year as a fraction, for plotting and regressions: 2012-07-02 -> about 2012.5.
double FractionalYear(Days days);

}  // namespace entente

#endif  // ENTENTE_CORE_DATE_H_
