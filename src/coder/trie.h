// A token trie: every dictionary phrase (actor names, agents, verb forms, nouns, cue words) is a
// path of vocabulary ids, so the whole sentence is matched in one left-to-right pass with one hash
// probe per token and step, whatever the size of the dictionaries (about 60,000 phrases with the
// PETRARCH files loaded). Aho-Corasick was rejected: we want the longest match starting at each
// position (leftmost-longest, like TABARI and PETRARCH), which a trie walk from each unclaimed
// position gives directly, and phrases are short (median 2 tokens), so the walk is cheap.
//
// Children live in one open-addressing table keyed by (node, token id), not in per-node maps:
// one cache miss per step instead of two. Payloads are stored per terminal node.
//
// Thread safety: building is single-threaded; a finished trie is read-only and may be shared.
#ifndef ENTENTE_CODER_TRIE_H_
#define ENTENTE_CODER_TRIE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace entente::coder {

class TokenTrie {
 public:
  TokenTrie();
  // Adds a path; returns its terminal node (the same node for the same path).
  uint32_t Insert(const uint32_t* ids, size_t n);
  // The child of `node` along `id`, or 0 (the root is never a child).
  uint32_t Child(uint32_t node, uint32_t id) const;
  // Marks `node` terminal with payload index `payload` (several payloads per node allowed).
  void AddPayload(uint32_t node, uint32_t payload);
  const std::vector<uint32_t>& Payloads(uint32_t node) const { return payloads_[node]; }
  bool IsTerminal(uint32_t node) const { return !payloads_[node].empty(); }
  size_t nodes() const { return payloads_.size(); }

  // Longest phrase starting at ids[0]: returns its length (0 when none) and its node.
  size_t LongestMatch(const uint32_t* ids, size_t n, uint32_t* node) const;

 private:
  void Grow();
  struct Slot {
    uint64_t key = 0;  // (node << 32 | id) + 1; 0 = empty
    uint32_t child = 0;
  };
  std::vector<Slot> table_;
  size_t used_ = 0;
  std::vector<std::vector<uint32_t>> payloads_;  // per node
};

}  // namespace entente::coder

#endif  // ENTENTE_CODER_TRIE_H_
