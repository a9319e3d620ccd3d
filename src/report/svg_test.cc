#include "report/svg.h"

#include <gtest/gtest.h>

#include <cmath>

#include "report/html_text.h"

namespace entente::report {
namespace {

TEST(HtmlText, EscapesEverythingThatCouldBreakMarkup) {
  EXPECT_EQ(Escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(Escape("Pakistan–Russia"), "Pakistan–Russia");  // UTF-8 passes through
}

TEST(HtmlText, OnlyHttpLinksAreSafe) {
  EXPECT_TRUE(IsSafeLink("https://dawn.com/news/1842853"));
  EXPECT_TRUE(IsSafeLink("http://www.rusconsulkarachi.mid.ru/RUSSIA-PAKISTAN.htm"));
  EXPECT_FALSE(IsSafeLink("javascript:alert(1)"));
  EXPECT_FALSE(IsSafeLink("data:text/html,hi"));
  EXPECT_FALSE(IsSafeLink("https://x.org/a\"onmouseover=\"x"));
  EXPECT_FALSE(IsSafeLink("https://x.org/a b"));
  EXPECT_FALSE(IsSafeLink(""));
}

TEST(HtmlText, Numbers) {
  EXPECT_EQ(Signed(0.4249, 2), "+0.42");
  EXPECT_EQ(Signed(-0.001, 2), "+0.00");  // never "-0.00"
  EXPECT_EQ(Signed(NAN, 2), "n/a");
  EXPECT_EQ(Fixed(3.14159, 1), "3.1");
  EXPECT_EQ(Thousands(1204), "1,204");
  EXPECT_EQ(Thousands(1234567), "1,234,567");
  EXPECT_EQ(Thousands(-999), "-999");
  EXPECT_EQ(Coord(12.04), "12");
  EXPECT_EQ(Coord(12.25), "12.3");
}

TEST(Svg, NiceTicksCoverTheRangeWithRoundSteps) {
  std::vector<double> t = NiceTicks(0, 37, 4);
  ASSERT_GE(t.size(), 3u);
  EXPECT_EQ(t.front(), 0);
  EXPECT_EQ(t[1], 10);
  EXPECT_LE(t.back(), 37);
}

TEST(Svg, IntegerTicksForCounts) {
  for (double t : NiceTicks(0, 7, 3, true)) EXPECT_EQ(t, std::floor(t));
  std::vector<double> small = NiceTicks(0, 2, 4, true);
  EXPECT_EQ(small, (std::vector<double>{0, 1, 2}));
}

TEST(Svg, YearTicksPickDecadesForLongSpans) {
  std::vector<int> t = YearTicks(1947, 2026, 10);
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t.front(), 1950);
  EXPECT_EQ(t[1], 1960);
  EXPECT_EQ(t.back(), 2020);
  std::vector<int> short_span = YearTicks(2018, 2024, 10);
  EXPECT_EQ(short_span.front(), 2018);
  EXPECT_EQ(short_span[1], 2019);
}

TEST(Svg, PolylineBreaksAtGapsAndDotsLonePoints) {
  Svg svg(100, 50, "c", "label");
  double nan = std::nan("");
  svg.Polyline({{0, 10}, {10, 20}, {20, nan}, {30, 5}, {40, nan}, {50, 1}, {60, 2}},
               "stroke=\"k\"");
  std::string out = svg.Finish();
  EXPECT_NE(out.find("d=\"M0 10L10 20M30 5h0M50 1L60 2\""), std::string::npos) << out;
  EXPECT_NE(out.find("viewBox=\"0 0 100 50\""), std::string::npos);
  EXPECT_TRUE(out.ends_with("</svg>\n"));
}

TEST(Svg, AllGapsWriteNoPath) {
  Svg svg(10, 10, "c", "l");
  svg.Polyline({{0, std::nan("")}}, "");
  EXPECT_EQ(svg.Finish().find("<path"), std::string::npos);
}

TEST(Svg, TextAndTitlesAreEscaped) {
  Svg svg(10, 10, "c", "a<b");
  svg.Text(1, 2, "<script>", "start");
  svg.Rect(0, 0, 5, 5, "fill=\"red\"", "x & y");
  std::string out = svg.Finish();
  EXPECT_EQ(out.find("<script>"), std::string::npos);
  EXPECT_NE(out.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(out.find("<title>x &amp; y</title>"), std::string::npos);
  EXPECT_NE(out.find("aria-label=\"a&lt;b\""), std::string::npos);
}

TEST(Svg, NegativeRectSizesAreNormalised) {
  Svg svg(10, 10, "c", "l");
  svg.Rect(5, 5, -3, -2, "");
  EXPECT_NE(svg.Finish().find("x=\"2\" y=\"3\" width=\"3\" height=\"2\""), std::string::npos);
}

}  // namespace
}  // namespace entente::report
