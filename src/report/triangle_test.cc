#include "report/triangle.h"

#include <gtest/gtest.h>

namespace entente::report {
namespace {

DyadEvents Row(std::string a, std::string b, int64_t n) { return {std::move(a), std::move(b), n}; }

ReportOptions Options() {
  ReportOptions o;
  o.a = "PAK";
  o.b = "RUS";
  o.max_partners = 2;
  o.max_triangle_dyads = 12;
  o.min_triangle_events = 5;
  return o;
}

TEST(Triangle, PartnersBothSidesDealWithComeFirst) {
  std::vector<DyadEvents> rows = {
      Row("PAK", "RUS", 300), Row("IND", "RUS", 80), Row("IND", "PAK", 120),
      Row("PAK", "USA", 150), Row("RUS", "USA", 40), Row("AFG", "PAK", 400),  // AFG: PAK only
      Row("IND", "USA", 30),  Row("CHN", "PAK", 2),  Row("IGOUNO", "PAK", 99)};
  std::vector<DyadCount> d = ChooseTriangleDyads(rows, Options());
  // Partners: IND (min 80) and USA (min 40); AFG has no RUS events, CHN too few, IGOs never.
  std::vector<std::string> names;
  for (const DyadCount& c : d) names.push_back(c.a + "-" + c.b);
  EXPECT_EQ(names,
            (std::vector<std::string>{"PAK-USA", "IND-PAK", "IND-RUS", "RUS-USA", "IND-USA"}));
  EXPECT_EQ(d[0].events, 150);
}

TEST(Triangle, SumsBothDirectionsAndCapsTheCount) {
  std::vector<DyadEvents> rows = {Row("PAK", "RUS", 10), Row("RUS", "IND", 6), Row("IND", "RUS", 6),
                                  Row("PAK", "IND", 9), Row("IND", "PAK", 1)};
  ReportOptions o = Options();
  o.max_triangle_dyads = 2;  // A–B plus one
  std::vector<DyadCount> d = ChooseTriangleDyads(rows, o);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].a + "-" + d[0].b, "IND-RUS");
  EXPECT_EQ(d[0].events, 12);
}

// Roles (GOV, BUS), regions (EUR, WST) and blanks deal with everyone; they are not neighbours.
TEST(Triangle, PartnersAreStatesOnly) {
  std::vector<DyadEvents> rows = {
      Row("PAK", "RUS", 300), Row("EUR", "PAK", 500), Row("EUR", "RUS", 500),
      Row("PAK", "WST", 400), Row("RUS", "WST", 400), Row("GOV", "PAK", 900),
      Row("GOV", "RUS", 900), Row("IND", "PAK", 50),  Row("IND", "RUS", 40)};
  std::vector<DyadCount> d = ChooseTriangleDyads(rows, Options());
  std::vector<std::string> names;
  for (const DyadCount& c : d) names.push_back(c.a + "-" + c.b);
  EXPECT_EQ(names, (std::vector<std::string>{"IND-PAK", "IND-RUS"}));
}

TEST(Triangle, NoPartnersNoDyads) {
  EXPECT_TRUE(ChooseTriangleDyads({Row("PAK", "RUS", 10)}, Options()).empty());
}

}  // namespace
}  // namespace entente::report
