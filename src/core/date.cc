#include "core/date.h"

#include <fmt/format.h>

#include <charconv>

#include "core/enum_names.h"

namespace entente {
namespace {

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

Status BadDate(std::string_view text) {
  return Status::InvalidArgument(
      fmt::format("bad date '{}': expected YYYY, YYYY-MM, YYYY-MM-DD or YYYYMMDD", text));
}

}  // namespace

Days DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

CivilDate CivilFromDays(Days z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

bool IsValidCivil(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

bool ParseYmdCompact(std::string_view t, Days* out) {
  if (t.size() != 8) return false;
  int v[8];
  for (int i = 0; i < 8; ++i) {
    unsigned c = static_cast<unsigned char>(t[i]) - '0';
    if (c > 9) return false;
    v[i] = static_cast<int>(c);
  }
  int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
  int m = v[4] * 10 + v[5];
  int d = v[6] * 10 + v[7];
  if (!IsValidCivil(y, m, d)) return false;
  *out = DaysFromCivil(y, m, d);
  return true;
}

Result<DateValue> ParseDate(std::string_view t) {
  int y = 0, m = 1, d = 1;
  DatePrecision p = DatePrecision::kDay;
  if (t.find('/') != std::string_view::npos) {  // M/D/YYYY
    size_t a = t.find('/'), b = t.find('/', a + 1);
    if (b == std::string_view::npos || !ParseInt(t.substr(0, a), &m) ||
        !ParseInt(t.substr(a + 1, b - a - 1), &d) || !ParseInt(t.substr(b + 1), &y) ||
        t.size() - b - 1 != 4) {
      return BadDate(t);
    }
  } else if (t.size() == 4) {
    if (!ParseInt(t, &y)) return BadDate(t);
    p = DatePrecision::kYear;
  } else if (t.size() == 6 && ParseInt(t, &y)) {  // YYYYMM
    m = y % 100;
    y /= 100;
    p = DatePrecision::kMonth;
  } else if (t.size() == 7 && t[4] == '-') {
    if (!ParseInt(t.substr(0, 4), &y) || !ParseInt(t.substr(5, 2), &m)) return BadDate(t);
    p = DatePrecision::kMonth;
  } else if (t.size() == 8) {
    Days days;
    if (!ParseYmdCompact(t, &days)) return BadDate(t);
    return DateValue{days, DatePrecision::kDay};
  } else if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
    if (!ParseInt(t.substr(0, 4), &y) || !ParseInt(t.substr(5, 2), &m) ||
        !ParseInt(t.substr(8, 2), &d)) {
      return BadDate(t);
    }
  } else {
    return BadDate(t);
  }
  if (!IsValidCivil(y, m, d)) return BadDate(t);
  return DateValue{DaysFromCivil(y, m, d), p};
}

Result<Days> ParseDateRangeEnd(std::string_view text) {
  ASSIGN_OR_RETURN(DateValue v, ParseDate(text));
  CivilDate c = CivilFromDays(v.days);
  switch (v.precision) {
    case DatePrecision::kDay: return v.days;
    case DatePrecision::kMonth: return DaysFromCivil(c.year, c.month, DaysInMonth(c.year, c.month));
    case DatePrecision::kYear: return DaysFromCivil(c.year, 12, 31);
  }
  return v.days;
}

std::string FormatDate(Days days, DatePrecision precision) {
  CivilDate c = CivilFromDays(days);
  switch (precision) {
    case DatePrecision::kYear: return fmt::format("{:04d}", c.year);
    case DatePrecision::kMonth: return fmt::format("{:04d}-{:02d}", c.year, c.month);
    case DatePrecision::kDay: break;
  }
  return fmt::format("{:04d}-{:02d}-{:02d}", c.year, c.month, c.day);
}

namespace {

constexpr EnumName<DatePrecision> kPrecisionNames[] = {
    {"day", DatePrecision::kDay}, {"month", DatePrecision::kMonth}, {"year", DatePrecision::kYear}};

constexpr EnumName<Period> kPeriodNames[] = {{"year", Period::kYear},
                                             {"quarter", Period::kQuarter},
                                             {"month", Period::kMonth},
                                             {"week", Period::kWeek},
                                             {"day", Period::kDay}};

}  // namespace

std::string_view PrecisionName(DatePrecision precision) {
  return NameOfEnum(precision, kPrecisionNames);
}

Result<DatePrecision> ParsePrecision(std::string_view t) {
  return ParseEnumName(t, kPrecisionNames, "date precision");
}

Result<Period> ParsePeriod(std::string_view t) { return ParseEnumName(t, kPeriodNames, "period"); }

std::string_view PeriodName(Period p) { return NameOfEnum(p, kPeriodNames); }

Days PeriodStart(Days days, Period p) {
  CivilDate c = CivilFromDays(days);
  switch (p) {
    case Period::kYear: return DaysFromCivil(c.year, 1, 1);
    case Period::kQuarter: return DaysFromCivil(c.year, (c.month - 1) / 3 * 3 + 1, 1);
    case Period::kMonth: return DaysFromCivil(c.year, c.month, 1);
    case Period::kWeek: {
      // 1970-01-01 was a Thursday; Monday-based weekday index.
      int wd = ((days % 7) + 7 + 3) % 7;
      return days - wd;
    }
    case Period::kDay: return days;
  }
  return days;
}

Days NextPeriodStart(Days start, Period p) {
  CivilDate c = CivilFromDays(start);
  switch (p) {
    case Period::kYear: return DaysFromCivil(c.year + 1, 1, 1);
    case Period::kQuarter:
      return c.month >= 10 ? DaysFromCivil(c.year + 1, 1, 1)
                           : DaysFromCivil(c.year, c.month + 3, 1);
    case Period::kMonth:
      return c.month == 12 ? DaysFromCivil(c.year + 1, 1, 1)
                           : DaysFromCivil(c.year, c.month + 1, 1);
    case Period::kWeek: return start + 7;
    case Period::kDay: return start + 1;
  }
  return start + 1;
}

std::string FormatPeriod(Days start, Period p) {
  CivilDate c = CivilFromDays(start);
  switch (p) {
    case Period::kYear: return fmt::format("{:04d}", c.year);
    case Period::kQuarter: return fmt::format("{:04d}-Q{}", c.year, (c.month - 1) / 3 + 1);
    case Period::kMonth: return fmt::format("{:04d}-{:02d}", c.year, c.month);
    case Period::kWeek:
    case Period::kDay: return FormatDate(start);
  }
  return FormatDate(start);
}

double FractionalYear(Days days) {
  CivilDate c = CivilFromDays(days);
  Days y0 = DaysFromCivil(c.year, 1, 1), y1 = DaysFromCivil(c.year + 1, 1, 1);
  return c.year + static_cast<double>(days - y0) / (y1 - y0);
}

}  // namespace entente
