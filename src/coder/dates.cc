#include "coder/dates.h"

#include <array>
#include <string_view>

namespace entente::coder {
namespace {

int MonthOf(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::array<std::string_view, 12> kShort = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; ++i) {
    if (w == kFull[i] || w == kShort[i]) return i + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

int WeekdayOf(std::string_view w) {  // 0 = Monday
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (w == kDays[i]) return i;
  }
  return -1;
}

int Number(std::string_view w, int lo, int hi) {
  if (w.empty() || w.size() > 4) return -1;
  int v = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v >= lo && v <= hi ? v : -1;
}

int DayNumber(std::string_view w) {  // "4", "4th", "21st"
  size_t n = 0;
  while (n < w.size() && w[n] >= '0' && w[n] <= '9') ++n;
  if (n == 0 || n > 2) return -1;
  std::string_view suffix = w.substr(n);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return -1;
  }
  return Number(w.substr(0, n), 1, 31);
}

DateValue Day(int y, int m, int d) { return {DaysFromCivil(y, m, d), DatePrecision::kDay}; }

}  // namespace

std::optional<DateValue> ExtractDate(const std::vector<Token>& t, Days doc) {
  CivilDate dc = CivilFromDays(doc);
  size_t n = t.size();
  auto text = [&](size_t i) { return i < n ? t[i].text : std::string_view(); };
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = t[i].text;
    if (w == "yesterday") return DateValue{doc - 1, DatePrecision::kDay};
    if (w == "today") return DateValue{doc, DatePrecision::kDay};
    if (w == "last" || w == "earlier") {
      std::string_view x = text(i + 1);
      if (x == "week") return DateValue{doc - 7, DatePrecision::kDay};
      if (x == "month") {
        int y = dc.year, m = dc.month - 1;
        if (m == 0) {
          m = 12;
          --y;
        }
        return DateValue{DaysFromCivil(y, m, 1), DatePrecision::kMonth};
      }
      if (x == "year") return DateValue{DaysFromCivil(dc.year - 1, 1, 1), DatePrecision::kYear};
    }
    if (int wd = WeekdayOf(w); wd >= 0 && t[i].cap) {
      int doc_wd = int(((doc % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
      int back = (doc_wd - wd + 7) % 7;
      return DateValue{doc - back, DatePrecision::kDay};
    }
    if (int m = MonthOf(w); m > 0 && t[i].cap) {
      if (w == "may" &&
          !(i + 1 < n && (DayNumber(text(i + 1)) > 0 || Number(text(i + 1), 1800, 2100) > 0))) {
        if (!(i > 0 && (text(i - 1) == "in" || text(i - 1) == "since"))) continue;
      }
      size_t j = i + 1;
      if (j < n && t[j].text == ".") ++j;
      int d = DayNumber(text(j));
      if (d > 0) {
        size_t k = j + 1;
        if (k < n && t[k].text == ",") ++k;
        int y = Number(text(k), 1800, 2100);
        if (y > 0 && IsValidCivil(y, m, d)) return Day(y, m, d);
        y = dc.year;
        if (IsValidCivil(y, m, d) && DaysFromCivil(y, m, d) > doc + 1) --y;
        if (IsValidCivil(y, m, d)) return Day(y, m, d);
        continue;
      }
      // "4 October 2012"
      if (i > 0) {
        int d2 = DayNumber(text(i - 1));
        int y2 = Number(text(j), 1800, 2100);
        if (d2 > 0 && y2 > 0 && IsValidCivil(y2, m, d2)) return Day(y2, m, d2);
      }
      int y = Number(text(j), 1800, 2100);
      if (j < n && t[j].text == ",") y = Number(text(j + 1), 1800, 2100);
      if (y > 0) return DateValue{DaysFromCivil(y, m, 1), DatePrecision::kMonth};
      if (i > 0 && (text(i - 1) == "in" || text(i - 1) == "since")) {
        int y3 = dc.year;
        if (DaysFromCivil(y3, m, 1) > doc) --y3;
        return DateValue{DaysFromCivil(y3, m, 1), DatePrecision::kMonth};
      }
      continue;
    }
    if ((w == "in" || w == "since") && i + 1 < n) {
      int y = Number(text(i + 1), 1800, 2100);
      if (y > 0 && text(i + 1).size() == 4 && y != dc.year) {
        return DateValue{DaysFromCivil(y, 1, 1), DatePrecision::kYear};
      }
    }
  }
  return std::nullopt;
}

}  // namespace entente::coder
