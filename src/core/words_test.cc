#include "core/words.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(Words, WordStartIgnoresCaseAndSkipsWordInsides) {
  for (std::string_view text : {"Oil deal signed", "russian-oil", "http://x.com/OIL/1", "oil"}) {
    EXPECT_TRUE(ContainsWordStart(text, "oil")) << text;
    EXPECT_TRUE(LowerText(text).HasWordStart("oil")) << text;
  }
  for (std::string_view text : {"turmoil", "boil over", "", "oi"}) {
    EXPECT_FALSE(ContainsWordStart(text, "oil")) << text;
    EXPECT_FALSE(LowerText(text).HasWordStart("oil")) << text;
  }
  // A later match counts when the first is inside a word.
  EXPECT_TRUE(LowerText("turmoil over oil").HasWordStart("oil"));
  EXPECT_TRUE(ContainsWord("turmoil", "oil"));
}

}  // namespace
}  // namespace entente
