// The trie matcher against a naive matcher (every phrase tried at every position) on random
// dictionaries and random token streams: the longest match at each position must agree.
#include "coder/trie.h"

#include <gtest/gtest.h>

#include <random>

namespace entente::coder {
namespace {

size_t NaiveLongest(const std::vector<std::vector<uint32_t>>& phrases, const uint32_t* ids,
                    size_t n) {
  size_t best = 0;
  for (const auto& p : phrases) {
    if (p.size() > n || p.size() <= best) continue;
    bool ok = true;
    for (size_t i = 0; i < p.size() && ok; ++i) ok = ids[i] == p[i];
    if (ok) best = p.size();
  }
  return best;
}

TEST(TokenTrie, AgreesWithNaiveMatcher) {
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    TokenTrie trie;
    std::vector<std::vector<uint32_t>> phrases;
    const uint32_t vocab = 2 + rng() % 30;
    for (int i = 0; i < 200; ++i) {
      std::vector<uint32_t> p(1 + rng() % 4);
      for (uint32_t& x : p) x = 1 + rng() % vocab;
      uint32_t node = trie.Insert(p.data(), p.size());
      trie.AddPayload(node, uint32_t(i));
      phrases.push_back(p);
    }
    std::vector<uint32_t> text(500);
    for (uint32_t& x : text) x = rng() % (vocab + 1);  // includes 0 = unknown word
    for (size_t i = 0; i < text.size(); ++i) {
      uint32_t node = 0;
      size_t got = trie.LongestMatch(&text[i], text.size() - i, &node);
      size_t want = NaiveLongest(phrases, &text[i], text.size() - i);
      ASSERT_EQ(got, want) << "round " << round << " at " << i;
      if (got) {
        EXPECT_TRUE(trie.IsTerminal(node));
      }
    }
  }
}

TEST(TokenTrie, SamePathSameNode) {
  TokenTrie trie;
  uint32_t a[] = {5, 6, 7};
  EXPECT_EQ(trie.Insert(a, 3), trie.Insert(a, 3));
  EXPECT_EQ(trie.Child(trie.Child(0, 5), 6), trie.Child(trie.Child(0, 5), 6));
  EXPECT_EQ(trie.Child(0, 9), 0u);
}

}  // namespace
}  // namespace entente::coder
