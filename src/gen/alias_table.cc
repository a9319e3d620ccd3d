#include "gen/alias_table.h"

#include <cassert>
#include <cmath>

namespace entente::gen {

AliasTable::AliasTable(const std::vector<double>& weights) {
  const size_t n = weights.size();
  double sum = 0;
  for (double w : weights) sum += w;
  assert(n > 0 && sum > 0);
  std::vector<double> scaled(n);
  std::vector<uint32_t> small, large;
  for (size_t i = 0; i < n; ++i) {
    scaled[i] = weights[i] * static_cast<double>(n) / sum;
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<uint32_t>(i));
  }
  std::vector<double> prob(n, 1.0);
  alias_.assign(n, 0);
  for (size_t i = 0; i < n; ++i) alias_[i] = static_cast<uint32_t>(i);
  while (!small.empty() && !large.empty()) {
    uint32_t s = small.back(), l = large.back();
    small.pop_back();
    prob[s] = scaled[s];
    alias_[s] = l;
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // Leftovers are 1.0 up to rounding.
  prob_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    double p = std::ldexp(prob[i], 32);
    prob_[i] = p >= 4294967295.0 ? 0xffffffffu : static_cast<uint32_t>(p);
    if (prob[i] >= 1.0) alias_[i] = static_cast<uint32_t>(i);
  }
}

}  // namespace entente::gen
