// The generator's pseudo-random numbers: xoshiro256** seeded through splitmix64.
//
// Why our own instead of std::mt19937_64 + std::*_distribution: the standard distributions are
// implementation-defined, so the same seed could give different files with another standard
// library; a generated file must be byte-identical for a seed on every build. xoshiro256** is
// also about 3x faster than mt19937_64 and passes BigCrush; its state is 32 bytes.
//
// Thread safety: none; one Rng per generator.
#ifndef ENTENTE_GEN_RNG_H_
#define ENTENTE_GEN_RNG_H_

#include <cstdint>

namespace entente::gen {

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (uint64_t& s : s_) s = SplitMix(&seed);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // Uniform in [0, n); REQUIRES: n > 0. Lemire's multiply-shift (bias below 2^-32 for our n).
  uint32_t Below(uint32_t n) {
    return static_cast<uint32_t>(((Next() >> 32) * static_cast<uint64_t>(n)) >> 32);
  }

  bool Chance(double p) { return Uniform() < p; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t SplitMix(uint64_t* x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  uint64_t s_[4];
};

}  // namespace entente::gen

#endif  // ENTENTE_GEN_RNG_H_
