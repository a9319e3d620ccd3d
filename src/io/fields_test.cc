#include "io/fields.h"

#include <gtest/gtest.h>

#include <cmath>

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

}  // namespace
}  // namespace entente::io
