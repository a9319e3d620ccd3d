// The long tails of GDELT's names and places: values most of which occur once or twice.
//
// Real exports name hundreds of thousands of actors and places a year, but the samples the tables
// are learned from hold about a thousand of each; a generator that draws only from them makes
// dictionaries a hundred times too small. A share of draws therefore goes to an unbounded tail:
// a rank R drawn from a power law, P(R >= r) = (s / r)^alpha for r >= s, turned into a value by
// hashing (TailName, TailPlace), so the same rank is the same value in every row and file.
//
// Why a power law: the distinct values of n draws from it grow as n^beta with beta = 1 / (1 +
// alpha) (Heaps' law), which is how distinct values grow across the real samples. The scale s sets
// how many distinct values a million rows hold; Fit solves for it.
#ifndef ENTENTE_GEN_LONG_TAIL_H_
#define ENTENTE_GEN_LONG_TAIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gen/alias_table.h"
#include "gen/rng.h"

namespace entente::gen {

class LongTail {
 public:
  LongTail() = default;  // never draws a tail value

  // A tail taking `share` of draws, whose values grow as n^`exponent` (0 < exponent < 1) and
  // number `distinct` in `draws` draws (`draws` counts every draw, tail or not). When values are
  // told apart by a key as well as their rank (a place's country), `split` holds each key's share
  // of the draws: each key has a tail of its own, and their distinct values add up to `distinct`.
  static LongTail Fit(double share, double exponent, double distinct, double draws,
                      const std::vector<double>& split = {1.0});

  // 0 (take the table's value) or a tail rank >= 1.
  uint64_t Draw(Rng& rng) const {
    if (share_ <= 0 || !rng.Chance(share_)) return 0;
    return Rank(rng);
  }

  // Expected distinct ranks among `tail_draws` draws of the tail (for tests and Fit).
  double ExpectedDistinct(double tail_draws) const;

 private:
  uint64_t Rank(Rng& rng) const;
  double share_ = 0;
  double exponent_ = 0.5;
  double scale_ = 1;
};

// An actor name for tail rank `rank`: one or two upper-case words, "NEW HARBOR".
void TailName(uint64_t rank, const std::vector<std::string_view>& words, std::string* out);

// A city-level place of a country's tail, in the region of a learned city there:
// its 8 geo fields, tab-joined, with a new city name ("Harbor, Dubayy, United Arab Emirates"),
// coordinates within half a degree of the learned city and a feature id of its own.
struct PlaceBase {
  std::string_view type;    // "3" or "4"
  std::string_view region;  // the full name after the city: ", Dubayy, United Arab Emirates"
  std::string_view codes;   // "FIPS\tADM1\tADM2"
  double lat = 0, lon = 0;
};
// The identity of tail place (`key`, `rank`): it picks the learned city the place lies near and
// everything TailPlace makes up.
uint64_t TailPlaceHash(uint64_t rank, uint32_t key);
void TailPlace(uint64_t place_hash, const PlaceBase& base,
               const std::vector<std::string_view>& words, std::string* out);

}  // namespace entente::gen

#endif  // ENTENTE_GEN_LONG_TAIL_H_
