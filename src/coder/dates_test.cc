#include "coder/dates.h"

#include <gtest/gtest.h>

namespace entente::coder {
namespace {

std::string DateIn(std::string_view sentence, std::string_view doc) {
  TokenizedSentence ts;
  Tokenize(sentence, &ts);
  auto d = ExtractDate(ts.tokens, ParseDate(doc)->days);
  if (!d) return "none";
  return FormatDate(d->days, d->precision);
}

TEST(ExtractDate, ExplicitAndRelative) {
  EXPECT_EQ(DateIn("Russia signed the deal on October 4, 2012.", "2012-10-20"), "2012-10-04");
  EXPECT_EQ(DateIn("Lavrov arrived on Oct. 4.", "2012-10-20"), "2012-10-04");
  EXPECT_EQ(DateIn("Lavrov arrived on Dec. 30.", "2013-01-02"), "2012-12-30");
  EXPECT_EQ(DateIn("The treaty of 4 October 2012 held.", "2013-01-02"), "2012-10-04");
  EXPECT_EQ(DateIn("Pakistan joined in 2007.", "2012-10-20"), "2007");
  EXPECT_EQ(DateIn("They met in October 2011.", "2012-10-20"), "2011-10");
  EXPECT_EQ(DateIn("They met yesterday.", "2012-10-20"), "2012-10-19");
  EXPECT_EQ(DateIn("They met last week.", "2012-10-20"), "2012-10-13");
  EXPECT_EQ(DateIn("They met last month.", "2012-01-20"), "2011-12");
  // 2012-10-20 was a Saturday; "on Monday" is the 15th.
  EXPECT_EQ(DateIn("They met on Monday.", "2012-10-20"), "2012-10-15");
  EXPECT_EQ(DateIn("Russia may sign a deal.", "2012-10-20"), "none");
  EXPECT_EQ(DateIn("No date here.", "2012-10-20"), "none");
}

}  // namespace
}  // namespace entente::coder
