#include "coder/text.h"

#include <gtest/gtest.h>

#include <random>

namespace entente::coder {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> r;
  SplitSentences(text, &r);
  std::vector<std::string> out;
  for (auto [b, e] : r) out.emplace_back(text.substr(b, e - b));
  return out;
}

std::vector<std::string> Tokens(std::string_view s) {
  TokenizedSentence ts;
  Tokenize(s, &ts);
  std::vector<std::string> out;
  for (const Token& t : ts.tokens) out.emplace_back(t.text);
  return out;
}

TEST(SplitSentences, KeepsAbbreviationsAndTitles) {
  auto s = Sentences(
      "Mr. Putin met Gen. Bajwa in the U.S. capital on Jan. 4. Lt. Col-Gen. Ivanov said No. 5 "
      "was ready. Z. A. Bhutto left! Dr. Khan stayed? Yes.");
  ASSERT_EQ(s.size(), 5u) << ::testing::PrintToString(s);
  EXPECT_EQ(s[0], "Mr. Putin met Gen. Bajwa in the U.S. capital on Jan. 4.");
  EXPECT_EQ(s[1], "Lt. Col-Gen. Ivanov said No. 5 was ready.");
  EXPECT_EQ(s[2], "Z. A. Bhutto left!");
  EXPECT_EQ(s[3], "Dr. Khan stayed?");
}

TEST(SplitSentences, BlankLineEndsParagraph) {
  auto s = Sentences("A headline without a period\n\nRussia visited Pakistan.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "A headline without a period");
}

TEST(Tokenize, PossessivesHyphensNegationAcronyms) {
  EXPECT_EQ(
      Tokens("Pakistan's Pak-Russia U.S. didn't"),
      (std::vector<std::string>{"pakistan", "'s", "pak", "-", "russia", "u.s.", "did", "n't"}));
  EXPECT_EQ(Tokens("Indo-Pak talks, 1,000 troops."),
            (std::vector<std::string>{"indo", "-", "pak", "talks", ",", "1,000", "troops", "."}));
  // Typographic apostrophe and quotes.
  EXPECT_EQ(Tokens("Russia\xE2\x80\x99"
                   "s \xE2\x80\x9C"
                   "deal\xE2\x80\x9D"),
            (std::vector<std::string>{"russia", "'s", "\"", "deal", "\""}));
}

TEST(Tokenize, OffsetsAndCase) {
  TokenizedSentence ts;
  Tokenize("Moscow hosted IMRAN", &ts);
  ASSERT_EQ(ts.tokens.size(), 3u);
  EXPECT_TRUE(ts.tokens[0].cap);
  EXPECT_FALSE(ts.tokens[1].cap);
  EXPECT_EQ(ts.tokens[2].text, "imran");
  EXPECT_EQ(ts.tokens[2].begin, 14u);
}

TEST(Sanitize, BlanksInvalidUtf8AndControls) {
  std::string s(
      "ok\xff\xfe"
      "a\0b\xC3\xA9\xE2\x82",
      11);
  size_t n = Sanitize(&s);
  EXPECT_EQ(n, 5u);
  EXPECT_EQ(s, std::string("ok  a b\xC3\xA9  "));
}

TEST(TextFuzz, RandomBytesNeverCrash) {
  std::mt19937 rng(7);
  TokenizedSentence ts;
  std::vector<std::pair<uint32_t, uint32_t>> r;
  for (int i = 0; i < 2000; ++i) {
    std::string s(rng() % 300, '\0');
    for (char& c : s) c = char(rng() % 256);
    SplitSentences(s, &r);
    for (auto [b, e] : r) {
      ASSERT_LE(b, e);
      ASSERT_LE(e, s.size());
    }
    Tokenize(s, &ts);
    for (const Token& t : ts.tokens) ASSERT_LE(t.end, s.size());
  }
}

}  // namespace
}  // namespace entente::coder
