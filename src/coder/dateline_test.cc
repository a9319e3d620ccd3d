#include "coder/dateline.h"

#include <gtest/gtest.h>

#include <string>

namespace entente::coder {
namespace {

Days Day(const char* d) { return ParseDate(d)->days; }

TEST(DatelineTest, PlaceDateAgencyAndDash) {
  const std::string doc =
      "ISLAMABAD, Oct. 4 (Reuters) - Pakistan's army chief met Russia's defence minister.";
  auto d = FindDateline(doc, Day("2012-10-06"));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->place, "ISLAMABAD");
  EXPECT_EQ(d->begin, 0u);
  EXPECT_EQ(doc.substr(d->end, 10), "Pakistan's");
  ASSERT_TRUE(d->date.has_value());
  EXPECT_EQ(d->date->days, Day("2012-10-04"));
}

TEST(DatelineTest, AfterAHeadlineWithEmDashAndAFullDate) {
  const std::string doc =
      "Russia and Pakistan hold talks\n"
      "NEW DELHI, 12 March 2014 \xE2\x80\x94 India said on Wednesday that ...";
  auto d = FindDateline(doc, Day("2014-03-20"));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->place, "NEW DELHI");
  EXPECT_EQ(doc.substr(d->end, 5), "India");
  ASSERT_TRUE(d->date.has_value());
  EXPECT_EQ(d->date->days, Day("2014-03-12"));
}

TEST(DatelineTest, WithoutADateStillADateline) {
  auto d = FindDateline("KYIV, Ukraine (AP) -- Shelling resumed.", Day("2022-03-01"));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->place, "KYIV");
  EXPECT_FALSE(d->date.has_value());
}

TEST(DatelineTest, SentencesAreNotDatelines) {
  for (const char* doc : {"Pakistan and Russia - old friends - met again.",
                          "UN, NATO and others - all of them - protested.",  // "UN" is 2 letters
                          "The US, Russia and China met.", "WASHINGTON, which sanctioned Moscow,",
                          "NATO, the EU and Russia - a trio - met.", "", "MOSCOW,"}) {
    EXPECT_FALSE(FindDateline(doc, Day("2020-01-01")).has_value()) << doc;
  }
  // A dash too far from the place's comma is not a dateline's.
  std::string far = "MOSCOW, " + std::string(100, 'x') + " - y";
  EXPECT_FALSE(FindDateline(far, Day("2020-01-01")).has_value());
}

}  // namespace
}  // namespace entente::coder
