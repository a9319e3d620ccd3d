#include "io/fields.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <random>
#include <string>

#include "io/fields_internal.h"
#include "io/line_numbers.h"

namespace entente::io {
namespace {

TEST(SplitTabs, KeepsEmptyFieldsAndCountsBeyondMax) {
  std::string_view f[4];
  EXPECT_EQ(SplitTabs("a\t\tb", f, 4), 3);
  EXPECT_EQ(f[0], "a");
  EXPECT_EQ(f[1], "");
  EXPECT_EQ(f[2], "b");
  EXPECT_EQ(SplitTabs("1\t2\t3\t4\t5\t6", f, 4), 6);
  EXPECT_EQ(f[3], "4");
  EXPECT_EQ(SplitTabs("", f, 4), 1);
  EXPECT_EQ(SplitTabs("x\t", f, 4), 2);
  EXPECT_EQ(f[1], "");
}

TEST(Utf8, AcceptsValidRejectsInvalid) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii text that is long enough"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Moskva \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"),
            std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98\x80"), std::string_view::npos);  // U+1F600
  EXPECT_EQ(FindInvalidUtf8("abcdefghij\xFF"), 10u);
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("ab\xED\xA0\x80"), 2u);      // surrogate
  EXPECT_EQ(FindInvalidUtf8("ab\xE2\x82"), 2u);          // cut short
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);    // past U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("Pakistan\x82Russia"), 8u);  // a stray cp1252 byte
}

TEST(Utf8, CheckLineNamesTheField) {
  RowError err;
  EXPECT_TRUE(CheckLineUtf8("a\tb\tc", &err));
  EXPECT_FALSE(CheckLineUtf8("a\tb\tc\xFF", &err));
  EXPECT_EQ(err.column, 3);
  EXPECT_NE(err.reason.find("invalid UTF-8"), std::string::npos);
}

TEST(Numbers, ParseStrictly) {
  int32_t i = 0;
  EXPECT_TRUE(ParseInt32("42", &i));
  EXPECT_EQ(i, 42);
  EXPECT_TRUE(ParseInt32("-7", &i));
  EXPECT_EQ(i, -7);
  EXPECT_FALSE(ParseInt32("4x", &i));
  EXPECT_FALSE(ParseInt32("", &i));
  EXPECT_FALSE(ParseInt32("99999999999", &i));
  float f = 0;
  EXPECT_TRUE(ParseFloat("0.58708414872799", &f));
  EXPECT_NEAR(f, 0.587084f, 1e-6);
  EXPECT_TRUE(ParseFloat("-10", &f));
  EXPECT_EQ(f, -10.0f);
  EXPECT_FALSE(ParseFloat("1.5.2", &f));
  EXPECT_FALSE(ParseFloat("nan", &f));
  EXPECT_FALSE(ParseFloat("", &f));
  f = NAN;
  EXPECT_TRUE(ParseFloatOrEmpty("", &f));
  EXPECT_TRUE(std::isnan(f));
  int64_t big = 0;
  EXPECT_TRUE(ParseInt64("20180326044500", &big));
  EXPECT_EQ(big, 20180326044500);
  EXPECT_TRUE(AllDigits("0314"));
  EXPECT_FALSE(AllDigits("03a"));
  EXPECT_FALSE(AllDigits(""));
}

// The splitter against the obvious loop, on random lines of tabs, letters and high bytes, of every
// length around the 64-byte blocks, with every field limit the readers use.
TEST(SplitTabs, MatchesNaiveSplitOnRandomLines) {
  std::mt19937 rng(7);
  const char alphabet[] = {'\t', '\t', 'a', 'b', '7', '.', ' ', '\xC3', '\xA9', '\0'};
  for (int iter = 0; iter < 20000; ++iter) {
    size_t len = rng() % 300;
    std::string line;
    for (size_t i = 0; i < len; ++i) line += alphabet[rng() % sizeof alphabet];
    for (int max : {1, 4, 26, 61, 64, 128, 200}) {
      std::vector<std::string_view> want;
      size_t start = 0;
      for (size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == '\t') {
          want.push_back(std::string_view(line).substr(start, i - start));
          start = i + 1;
        }
      }
      std::vector<std::string_view> got(static_cast<size_t>(max));
      bool ascii = false;
      int n = SplitTabs(line, got.data(), max, &ascii);
      ASSERT_EQ(n, static_cast<int>(want.size())) << line;
      for (int k = 0; k < std::min(n, max); ++k) {
        ASSERT_EQ(got[static_cast<size_t>(k)], want[static_cast<size_t>(k)]) << k;
        ASSERT_EQ(got[static_cast<size_t>(k)].data(), want[static_cast<size_t>(k)].data());
      }
      ASSERT_EQ(ascii, line.find_first_of("\xC3\xA9") == std::string::npos);
    }
  }
}

// A random plain decimal like the datasets write: sign, up to 20 digits around an optional dot.
std::string RandomDecimal(std::mt19937& rng) {
  std::string s;
  if (rng() % 3 == 0) s += '-';
  int whole = static_cast<int>(rng() % 6), frac = static_cast<int>(rng() % 18);
  if (rng() % 10 == 0) whole = static_cast<int>(rng() % 21);
  for (int i = 0; i < whole; ++i) s += static_cast<char>('0' + rng() % 10);
  if (frac > 0 || rng() % 4 == 0) s += '.';
  for (int i = 0; i < frac; ++i) s += static_cast<char>('0' + rng() % 10);
  return s;
}

// Texts at the edges of the number grammars and of the fast paths' domains, which random numbers
// seldom hit: signs and dots alone, exponents, hex, spaces, 15 and 16 significant digits, the
// limits of 32- and 64-bit integers, a non-ASCII digit.
const std::string kOddNumbers[] = {"",
                                   "-",
                                   ".",
                                   "-.",
                                   "+1.5",
                                   "+-1",
                                   "1e5",
                                   "1.5e-3",
                                   "nan",
                                   "inf",
                                   "1.2.3",
                                   "0x10",
                                   "-0",
                                   "-0.0",
                                   "5.",
                                   ".5",
                                   "1..2",
                                   "1 ",
                                   " 1",
                                   "1.5 ",
                                   "1.\t5",
                                   "12345678",
                                   "1234567.5",
                                   "00000000000000000001.5",
                                   "0.000000000000001",
                                   "0.0000000000000001",
                                   "999999999999999",
                                   "99999999999999.9",
                                   "9.99999999999999",
                                   "1000000000000000",
                                   "-3.40282346638528859e38",
                                   "1e39",
                                   "+",
                                   "+5",
                                   "+-5",
                                   "-+5",
                                   "007",
                                   "2147483647",
                                   "2147483648",
                                   "-2147483648",
                                   "-2147483649",
                                   "9223372036854775807",
                                   "9223372036854775808",
                                   "-9223372036854775808",
                                   "12345678901234567890",
                                   "1x",
                                   "x1",
                                   "٣"};

// Same float as the general path for every input, and as (float)strtod for plain decimals of up
// to 15 significant digits (the fast path's domain), bit for bit.
TEST(Numbers, ParseFloatMatchesGeneralAndStrtod) {
  std::mt19937 rng(11);
  auto check = [](const std::string& text) {
    float fast = -123.0f, general = -123.0f;
    bool ok_fast = ParseFloat(text, &fast), ok_general = ParseFloatGeneral(text, &general);
    ASSERT_EQ(ok_fast, ok_general) << text;
    if (!ok_fast) return;
    ASSERT_EQ(std::memcmp(&fast, &general, sizeof fast), 0) << text;
  };
  for (const std::string& text : kOddNumbers) check(text);
  int strtod_checked = 0;
  for (int iter = 0; iter < 300000; ++iter) {
    std::string text = RandomDecimal(rng);
    check(text);
    // Significant digits: those from the first non-zero one.
    size_t first = text.find_first_of("123456789");
    size_t sig = 0, frac = 0;
    bool dot = false;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '.') dot = true;
      if (text[i] >= '0' && text[i] <= '9') {
        frac += dot;
        if (first != std::string::npos && i >= first) ++sig;
      }
    }
    float got = 0;
    if (sig <= 15 && frac <= 15 && ParseFloat(text, &got)) {
      float want = static_cast<float>(std::strtod(text.c_str(), nullptr));
      ASSERT_EQ(std::memcmp(&got, &want, sizeof got), 0) << text;
      ++strtod_checked;
    }
  }
  EXPECT_GT(strtod_checked, 100000);
}

// The word-at-a-time form reads past the field (up to readable_end): whatever follows, digits of
// a longer number included, it must give what ParseFloat gives.
TEST(Numbers, ParseFloatInLineMatchesParseFloat) {
  std::mt19937 rng(17);
  const char tail_chars[] = {'0', '7', '.', '\t', '-', 'e', 'x', '\n'};
  for (int iter = 0; iter < 300000; ++iter) {
    std::string text =
        iter < static_cast<int>(std::size(kOddNumbers)) ? kOddNumbers[iter] : RandomDecimal(rng);
    std::string buffer = text;
    size_t tail = rng() % 30;
    for (size_t i = 0; i < tail; ++i) buffer.push_back(tail_chars[rng() % sizeof tail_chars]);
    std::string_view view(buffer.data(), text.size());
    float want = -123.0f, got = -123.0f;
    bool ok_want = ParseFloat(view, &want);
    bool ok_got = ParseFloat(view, &got, buffer.data() + buffer.size());
    ASSERT_EQ(ok_got, ok_want) << text << " then " << buffer.substr(text.size());
    if (ok_want) {
      ASSERT_EQ(std::memcmp(&got, &want, sizeof got), 0) << text;
    }
  }
}

// Decimals within 1e-15 of the midpoint between two floats, where rounding m * 10^-frac instead
// of dividing could pick the other float: ParseFloat must still agree with (float)strtod.
TEST(Numbers, ParseFloatNearFloatMidpoints) {
  std::mt19937 rng(19);
  std::uniform_real_distribution<float> pick(0.001f, 999.0f);
  int checked = 0;
  for (int iter = 0; iter < 200000; ++iter) {
    float a = pick(rng);
    float b = std::nextafter(a, 1000.0f);
    double mid = (static_cast<double>(a) + static_cast<double>(b)) / 2;
    // 15 significant digits, the most the fast path takes.
    int decimals = 14 - static_cast<int>(std::floor(std::log10(mid)));
    if (decimals < 0 || decimals > 15) continue;
    char text[64];
    std::snprintf(text, sizeof text, "%s%.*f", iter % 2 ? "-" : "", decimals, mid);
    float want = static_cast<float>(std::strtod(text, nullptr));
    float got = 0, in_line = 0, general = 0;
    std::string padded = std::string(text) + "\t0000000000000000000000000";
    ASSERT_TRUE(ParseFloat(text, &got)) << text;
    ASSERT_TRUE(ParseFloat(std::string_view(padded.data(), std::strlen(text)), &in_line,
                           padded.data() + padded.size()))
        << text;
    ASSERT_TRUE(ParseFloatGeneral(text, &general)) << text;
    ASSERT_EQ(std::memcmp(&got, &want, sizeof got), 0) << text;
    ASSERT_EQ(std::memcmp(&in_line, &want, sizeof got), 0) << text;
    ASSERT_EQ(std::memcmp(&general, &want, sizeof got), 0) << text;
    ++checked;
  }
  EXPECT_GT(checked, 100000);
}

// The in-line integer forms read past the field; whatever follows, they must agree with the plain
// ones (ParseDigits64 with AllDigits && ParseInt64).
TEST(Numbers, InLineIntsMatchPlainOnes) {
  std::mt19937 rng(23);
  const char tail_chars[] = {'0', '7', '.', '\t', '-', '+', 'x'};
  for (int iter = 0; iter < 300000; ++iter) {
    std::string text;
    if (rng() % 4 == 0) text += "-+"[rng() % 2];
    int len = static_cast<int>(rng() % 20);
    for (int i = 0; i < len; ++i) {
      text += rng() % 40 == 0 ? 'x' : static_cast<char>('0' + rng() % 10);
    }
    std::string buffer = text;
    size_t tail = rng() % 30;
    for (size_t i = 0; i < tail; ++i) buffer.push_back(tail_chars[rng() % sizeof tail_chars]);
    std::string_view view(buffer.data(), text.size());
    const char* end = buffer.data() + buffer.size();
    int32_t a = 5, b = 5;
    bool ok32 = ParseInt32(view, &b);
    ASSERT_EQ(ParseInt32(view, &a, end), ok32) << text;
    if (ok32) {
      ASSERT_EQ(a, b) << text;
    }
    int64_t c = 5, d = 5;
    bool ok64 = AllDigits(view) && ParseInt64(view, &d);
    ASSERT_EQ(ParseDigits64(view, &c, end), ok64) << text;
    if (ok64) {
      ASSERT_EQ(c, d) << text;
    }
  }
}

TEST(Numbers, ParseIntMatchesFromChars) {
  std::mt19937 rng(13);
  auto check = [](const std::string& text) {
    int32_t a = 5, b = 5;
    ASSERT_EQ(ParseInt32(text, &a), ParseInt32General(text, &b)) << text;
    if (ParseInt32General(text, &b)) {
      ASSERT_EQ(a, b) << text;
    }
    int64_t c = 5, d = 5;
    ASSERT_EQ(ParseInt64(text, &c), ParseInt64General(text, &d)) << text;
    if (ParseInt64General(text, &d)) {
      ASSERT_EQ(c, d) << text;
    }
  };
  for (const std::string& text : kOddNumbers) check(text);
  for (int iter = 0; iter < 200000; ++iter) {
    std::string s;
    if (rng() % 4 == 0) s += "-+"[rng() % 2];
    int len = static_cast<int>(rng() % 22);
    for (int i = 0; i < len; ++i) s += rng() % 50 == 0 ? 'x' : static_cast<char>('0' + rng() % 10);
    check(s);
  }
}

}  // namespace
}  // namespace entente::io
