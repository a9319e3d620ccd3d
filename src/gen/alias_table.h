// Sampling an index in O(1) from a fixed discrete distribution (Vose's alias method).
//
// The generator draws about a dozen categorical values per row (country pair, actor, event code,
// counts, place, URL shape...) from tables of up to a few thousand weights; at 1M rows/s a binary
// search over a CDF (log2(6000) = 13 dependent branches) would cost more than the rest of the row.
// The alias table costs two array reads and one random number per draw.
//
// Invariant: after construction, prob_[i] in [0, 1] and alias_[i] < size(); weights of zero are
// never drawn (unless every weight is zero, which Build rejects).
#ifndef ENTENTE_GEN_ALIAS_TABLE_H_
#define ENTENTE_GEN_ALIAS_TABLE_H_

#include <cstdint>
#include <vector>

#include "gen/rng.h"

namespace entente::gen {

class AliasTable {
 public:
  AliasTable() = default;
  // REQUIRES: weights non-negative with a positive sum, fewer than 2^32 of them.
  explicit AliasTable(const std::vector<double>& weights);

  bool empty() const { return prob_.empty(); }
  uint32_t size() const { return static_cast<uint32_t>(prob_.size()); }

  // REQUIRES: !empty().
  uint32_t Sample(Rng& rng) const {
    uint64_t r = rng.Next();
    uint32_t i = static_cast<uint32_t>(((r >> 32) * static_cast<uint64_t>(prob_.size())) >> 32);
    // The low 32 bits decide between the column and its alias.
    return static_cast<uint32_t>(r & 0xffffffffu) < prob_[i] ? i : alias_[i];
  }

 private:
  std::vector<uint32_t> prob_;  // threshold scaled to 2^32
  std::vector<uint32_t> alias_;
};

}  // namespace entente::gen

#endif  // ENTENTE_GEN_ALIAS_TABLE_H_
