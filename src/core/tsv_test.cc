#include "core/tsv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace entente {
namespace {

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) out.emplace_back(CutAt(&text, '\n'));
  return out;
}

TEST(Tsv, CutAtVisitsEveryLineButNoneAfterTheFinalNewline) {
  EXPECT_EQ(Lines("a\nb"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Lines("a\nb\n"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Lines("\n\na\n"), (std::vector<std::string>{"", "", "a"}));
  EXPECT_EQ(Lines(""), std::vector<std::string>{});
}

TEST(Tsv, SplitOnBlanksDropsRunsOfSpacesAndTabs) {
  EXPECT_EQ(SplitOnBlanks("  a\t\tbc  d "), (std::vector<std::string_view>{"a", "bc", "d"}));
  EXPECT_EQ(SplitOnBlanks(" \t "), std::vector<std::string_view>{});
  EXPECT_EQ(SplitOnBlanks("a\r b"), (std::vector<std::string_view>{"a\r", "b"}));
}

}  // namespace
}  // namespace entente
