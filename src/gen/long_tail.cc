// Power-law tails of names and places (see long_tail.h for the model).
#include "gen/long_tail.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace entente::gen {
namespace {

// splitmix64's finaliser: a bijective 64-bit mix, so distinct ranks give distinct hashes.
uint64_t Mix(uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// I(T) = integral over (0, T] of (1 - e^-t) t^(-beta-1) dt, by the trapezoid rule in log t
// (the integrand times t vanishes like t^(1-beta) at 0 and like t^-beta at T).
double TailIntegral(double big_t, double beta) {
  constexpr int kSteps = 600;
  const double lo = -30.0, hi = std::log(big_t);
  if (hi <= lo) return 0;
  const double h = (hi - lo) / kSteps;
  double sum = 0;
  for (int k = 0; k <= kSteps; ++k) {
    const double t = std::exp(lo + k * h);
    const double f = -std::expm1(-t) * std::exp(-beta * std::log(t));
    sum += (k == 0 || k == kSteps) ? f / 2 : f;
  }
  return sum * h;
}

// Ranks below this are summed one by one; beyond it the sum is an integral.
constexpr int kExactRanks = 64;

// Expected distinct ranks among m draws (Poisson approximation: the sum over ranks k of
// 1 - exp(-m p_k)), where rank k takes the values of s U^(-1/alpha) in [k - 1, k), alpha =
// 1/beta - 1. Beyond kExactRanks the sum is the integral from K of 1 - exp(-m alpha s^alpha x^-a),
// a = 1/beta, which is beta K'^beta I(K' K^-a) with K' = m alpha s^alpha.
double Distinct(double m, double beta, double scale) {
  if (m <= 0) return 0;
  const double alpha = 1.0 / beta - 1.0;
  auto cdf = [&](double x) { return x <= scale ? 0.0 : 1.0 - std::pow(scale / x, alpha); };
  double d = 0;
  for (int k = 1; k <= kExactRanks; ++k) d += -std::expm1(-m * (cdf(k) - cdf(k - 1)));
  const double big_k = std::max(scale, static_cast<double>(kExactRanks));
  const double log_kp = std::log(m * alpha) + alpha * std::log(scale);
  return d + beta * std::exp(beta * log_kp) *
                 TailIntegral(std::exp(log_kp - std::log(big_k) / beta), beta);
}

void AppendWord(std::string_view w, bool upper, std::string* out) {
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if ((upper || i == 0) && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out->push_back(c);
  }
}

// One or (three times in four) two words of `words` chosen by hash h.
void AppendWords(uint64_t h, const std::vector<std::string_view>& words, bool upper,
                 std::string* out) {
  const uint64_t n = words.size();
  AppendWord(words[h % n], upper, out);
  if ((h >> 62) != 0) {
    out->push_back(' ');
    AppendWord(words[(h >> 21) % n], upper, out);
  }
}

void AppendFixed4(double v, std::string* out) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 4);
  (void)ec;
  out->append(buf, end);
}

}  // namespace

LongTail LongTail::Fit(double share, double exponent, double distinct, double draws,
                       const std::vector<double>& split) {
  LongTail t;
  t.share_ = share;
  t.exponent_ = exponent;
  if (share <= 0 || distinct <= 0 || draws <= 0) return t;
  double total = 0;
  for (double w : split) total += w;
  auto distinct_at = [&](double scale) {
    double d = 0;
    for (double w : split) d += Distinct(share * draws * w / total, exponent, scale);
    return d;
  };
  // Distinct values grow with the scale from one (s -> 0) to one per draw: bisect on log s.
  double lo = -20, hi = 60;
  for (int i = 0; i < 60; ++i) {
    const double mid = (lo + hi) / 2;
    (distinct_at(std::exp(mid)) < distinct ? lo : hi) = mid;
  }
  t.scale_ = std::exp(hi);
  return t;
}

double LongTail::ExpectedDistinct(double tail_draws) const {
  return Distinct(tail_draws, exponent_, scale_);
}

uint64_t LongTail::Rank(Rng& rng) const {
  // Inverse CDF: the value s U^(-1/alpha), U in (0, 1], in [k - 1, k) is rank k; capped far
  // beyond any file's reach.
  const double u = 1.0 - rng.Uniform();
  const double r = scale_ * std::pow(u, -exponent_ / (1.0 - exponent_));
  return r >= 4e18 ? 4'000'000'000'000'000'000ULL : static_cast<uint64_t>(r) + 1;
}

void TailName(uint64_t rank, const std::vector<std::string_view>& words, std::string* out) {
  out->clear();
  // The first ranks are the single words, each once (a stride coprime with the word count walks
  // them all); later ranks are pairs of words, of which there are too many to collide often.
  const uint64_t n = words.size();
  if (rank <= n / 2) {
    AppendWord(words[(rank * 7919) % n], /*upper=*/true, out);
    return;
  }
  const uint64_t h = Mix(rank);
  AppendWord(words[h % n], /*upper=*/true, out);
  out->push_back(' ');
  AppendWord(words[(h >> 21) % n], /*upper=*/true, out);
}

uint64_t TailPlaceHash(uint64_t rank, uint32_t key) {
  return Mix(rank ^ (static_cast<uint64_t>(key) << 44));
}

void TailPlace(uint64_t h, const PlaceBase& base, const std::vector<std::string_view>& words,
               std::string* out) {
  out->clear();
  out->append(base.type);
  out->push_back('\t');
  AppendWords(Mix(h), words, /*upper=*/false, out);
  out->append(base.region);
  out->push_back('\t');
  out->append(base.codes);
  out->push_back('\t');
  const double dlat = static_cast<double>(h & 0xffff) / 65536.0 - 0.5;
  const double dlon = static_cast<double>((h >> 16) & 0xffff) / 65536.0 - 0.5;
  AppendFixed4(std::clamp(base.lat + dlat, -89.9, 89.9), out);
  out->push_back('\t');
  double lon = base.lon + dlon;
  if (lon > 180) lon -= 360;
  if (lon < -180) lon += 360;
  AppendFixed4(lon, out);
  out->push_back('\t');
  // GEONet-style negative ids of eight digits, one per (country, rank).
  out->push_back('-');
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, 10'000'000 + (h >> 8) % 90'000'000);
  (void)ec;
  out->append(buf, end);
}

}  // namespace entente::gen
