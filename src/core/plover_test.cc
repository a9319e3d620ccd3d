// The CAMEO-to-PLOVER table: every CAMEO code from root 03 on has a PLOVER event, the roots the
// source leaves out have none, and every line of the PLOVER project's own table (in
// ../shared/data; skipped with a message when absent) is answered as that line says.
#include "core/plover.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>

#include "core/cameo.h"
#include "testing.h"

namespace entente {
namespace {

TEST(PloverTest, EveryCameoCodeFromRootThreeOnHasAnEvent) {
  int mapped = 0;
  for (const EventCodeInfo& info : AllEventCodes()) {
    const PloverCoding* p = PloverOf(info.code);
    if (info.root == "01" || info.root == "02") {
      EXPECT_EQ(p, nullptr) << info.code;
    } else {
      ASSERT_NE(p, nullptr) << info.code;
      EXPECT_FALSE(p->event.empty()) << info.code;
      ++mapped;
    }
  }
  EXPECT_GT(mapped, 250);
}

TEST(PloverTest, CodesMapByThemselvesThenByBaseAndRoot) {
  const PloverCoding* ceasefire = PloverOf("0871");
  ASSERT_NE(ceasefire, nullptr);
  EXPECT_EQ(ceasefire->event, "RETREAT");
  EXPECT_EQ(ceasefire->mode, "ceasefire");
  EXPECT_EQ(ceasefire->context, "military");
  EXPECT_EQ(PloverOf("042")->mode, "visit");
  EXPECT_EQ(PloverOf("196")->context, "legal;military");
  EXPECT_EQ(PloverOf("1951")->mode, "heavy-weapons");  // not listed: its base 195's row
  EXPECT_EQ(PloverOf("08")->event, "CONCEDE");         // the first of root 08's two lines
  EXPECT_EQ(PloverOf("084")->event, "RETREAT");
  EXPECT_EQ(PloverOf("010"), nullptr);
  EXPECT_EQ(PloverOf(""), nullptr);
  EXPECT_EQ(PloverOf("9"), nullptr);
}

TEST(PloverTest, AnswersEveryLineOfThePloverProjectsTable) {
  auto path = testing::SharedData("cameo/plover/CAMEO2PLOVER-2021.txt");
  if (!path) GTEST_SKIP() << "shared data not found: cameo/plover/CAMEO2PLOVER-2021.txt";
  std::istringstream lines(testing::ReadFileOrDie(*path));
  const std::regex row(R"(^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*?)\s*,.*)");
  int checked = 0;
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    const PloverCoding* p = PloverOf(m[1].str());
    ASSERT_NE(p, nullptr) << line;
    EXPECT_EQ(p->event, m[2].str()) << line;
    EXPECT_EQ(p->mode, m[3].str()) << line;
    ++checked;
  }
  EXPECT_GT(checked, 250);
}

}  // namespace
}  // namespace entente
