// The CAMEO-to-PLOVER table: every CAMEO code from root 03 on has a PLOVER event, the roots the
// source leaves out have none, and every line of the PLOVER project's own table (in
// ../shared/data; skipped with a message when absent) is answered as that line says.
#include "core/plover.h"

#include <gtest/gtest.h>

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

// "0871: RETREAT, ceasefire, military # Declare truce": the code, event and mode, trimmed; false
// for root lines ("08: RETREAT"), comments and blank lines.
bool ReadSourceLine(const std::string& line, std::string* code, std::string* event,
                    std::string* mode) {
  auto trim = [](std::string s) {
    s.erase(0, s.find_first_not_of(' '));
    s.erase(s.find_last_not_of(' ') + 1);
    return s;
  };
  size_t colon = line.find(':'), comma = line.find(',');
  if (colon < 3 || colon > 4 || comma == std::string::npos || line[0] == '#') return false;
  *code = line.substr(0, colon);
  if (code->find_first_not_of("0123456789") != std::string::npos) return false;
  *event = trim(line.substr(colon + 1, comma - colon - 1));
  size_t next = line.find(',', comma + 1);
  *mode = trim(line.substr(comma + 1, next == std::string::npos ? 0 : next - comma - 1));
  return next != std::string::npos;
}

TEST(PloverTest, AnswersEveryLineOfThePloverProjectsTable) {
  auto path = testing::SharedData("cameo/plover/CAMEO2PLOVER-2021.txt");
  if (!path) GTEST_SKIP() << "shared data not found: cameo/plover/CAMEO2PLOVER-2021.txt";
  std::istringstream lines(testing::ReadFileOrDie(*path));
  int checked = 0;
  for (std::string line, code, event, mode; std::getline(lines, line);) {
    if (!ReadSourceLine(line, &code, &event, &mode)) continue;
    const PloverCoding* p = PloverOf(code);
    ASSERT_NE(p, nullptr) << line;
    EXPECT_EQ(p->event, event) << line;
    EXPECT_EQ(p->mode, mode) << line;
    ++checked;
  }
  EXPECT_GT(checked, 250);
}

}  // namespace
}  // namespace entente
