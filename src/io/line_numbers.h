// Numbers read from fields inside a line, a word (8 bytes) at a time: the callers promise that the
// bytes up to `readable_end` (the end of the line) may be read, so a digit run is found with a mask
// instead of a loop per digit whose exits (the dot, the field's end) mispredicted on every value.
// Inline, because the GDELT parser calls these eight times a row and the call overhead showed.
//
// Guarantee: each gives exactly what its plain form in fields.h gives (ParseFloat: the same float,
// which for plain decimals of up to 15 significant digits is (float)strtod); anything off the fast
// path goes to the plain form. fields_test.cc compares them on random input with random bytes
// after the field. Speed figures: docs/BENCHMARKS.md, "Reading".
#ifndef ENTENTE_IO_LINE_NUMBERS_H_
#define ENTENTE_IO_LINE_NUMBERS_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "io/fields.h"

namespace entente::io {

// Helpers, shared with fields.cc.
namespace detail {
inline constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
inline constexpr uint64_t kPow10Int15 = 1000000000000000ull;
inline constexpr double kInvPow10[] = {1e-0, 1e-1, 1e-2,  1e-3,  1e-4,  1e-5,  1e-6,  1e-7,
                                       1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15};

// m / 10^frac as (float)strtod gives it, for m < 10^15 and frac <= 15: the correctly rounded
// double (exact m, one division by an exact power of ten), then rounded to float. The division
// (latency 13+ cycles, a third of ParseFloat) is skipped when it cannot matter: m times the
// rounded reciprocal is within 3 units in the last place of the double, so it rounds to the same
// float unless it lies within a few units of a midpoint between two floats (the low 29 bits,
// which float drops, near 1 << 28); only then is the division done.
inline float DecimalToFloat(uint64_t m, int frac, bool negative) {
  double v = static_cast<double>(m) * kInvPow10[frac];
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  constexpr uint64_t kHalf = uint64_t{1} << 28, kSlack = 4;
  if (((bits & ((uint64_t{1} << 29) - 1)) - (kHalf - kSlack)) <= 2 * kSlack) {
    v = static_cast<double>(m) / kPow10[frac];
  }
  float f = static_cast<float>(v);
  return negative ? -f : f;
}

// The high bit of each byte of `w` that is not an ASCII digit (per byte, no carries between bytes).
inline uint64_t NonDigits(uint64_t w) {
  uint64_t x = w ^ 0x3030303030303030ull;  // digits become 0..9
  return (((x & 0x7F7F7F7F7F7F7F7Full) + 0x7676767676767676ull) | x) & 0x8080808080808080ull;
}

// The number written by the first k (0..8) bytes of `w`, which must be digits.
inline uint64_t FirstDigits(uint64_t w, int k) {
  if (k == 0) return 0;
  uint64_t d = (w ^ 0x3030303030303030ull) << (8 * (8 - k));  // leading zeros fill the rest
  d = (d * 10 + (d >> 8)) & 0x00FF00FF00FF00FFull;
  d = (d * 100 + (d >> 16)) & 0x0000FFFF0000FFFFull;
  return (d * 10000 + (d >> 32)) & 0xFFFFFFFFull;
}

inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

inline constexpr uint64_t kPow10U[] = {1ull,
                                       10ull,
                                       100ull,
                                       1000ull,
                                       10000ull,
                                       100000ull,
                                       1000000ull,
                                       10000000ull,
                                       100000000ull,
                                       1000000000ull,
                                       10000000000ull,
                                       100000000000ull,
                                       1000000000000ull,
                                       10000000000000ull,
                                       100000000000000ull,
                                       1000000000000000ull};

// p..e as a number when it is 1 to 16 ASCII digits, read a word at a time.
// REQUIRES: 16 readable bytes at p.
inline bool DigitRun(const char* p, const char* e, uint64_t* v) {
  const int n = static_cast<int>(e - p);
  if (n < 1 || n > 16) return false;
  uint64_t w1 = Load8(p);
  if (n <= 8) {
    if ((NonDigits(w1) & (~0ull >> (64 - 8 * n))) != 0) return false;
    *v = FirstDigits(w1, n);
    return true;
  }
  uint64_t w2 = Load8(p + 8);
  if (NonDigits(w1) != 0 || (NonDigits(w2) & (~0ull >> (64 - 8 * (n - 8)))) != 0) return false;
  *v = FirstDigits(w1, 8) * kPow10U[n - 8] + FirstDigits(w2, n - 8);
  return true;
}

}  // namespace detail

// ParseFloat(text, out), faster. REQUIRES: bytes up to readable_end (>= the end of text) readable.
inline bool ParseFloat(std::string_view t, float* out, const char* readable_end) {
  // Word-at-a-time: the digit runs are found with a mask instead of a loop per digit, whose exits
  // (the dot, the end) mispredicted on every value. Needs 24 readable bytes from the start of the
  // number; past the field they are read but never used. Same arithmetic as ParseFloat.
  const char* p = t.data();
  const char* e = p + t.size();
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  bool negative = p != e && *p == '-';
  p += negative;
  if (readable_end - p >= 24 && e - p <= 17) {
    uint64_t w = detail::Load8(p);
    uint64_t nd = detail::NonDigits(w);
    // Digits past the field (a view inside a longer number) are not its own.
    int whole = std::min(nd == 0 ? 8 : __builtin_ctzll(nd) >> 3, static_cast<int>(e - p));
    const char* q = p + whole;
    uint64_t m = detail::FirstDigits(w, whole);
    int frac = 0;
    bool ok = whole < 8 && (q == e || *q == '.');
    if (ok && q != e) {
      const char* f = q + 1;
      frac = static_cast<int>(e - f);  // 0..15, as e - p <= 17
      uint64_t w1 = detail::Load8(f);
      uint64_t nd1 = detail::NonDigits(w1);
      if (frac <= 8) {
        ok = frac == 0 || (nd1 & (~0ull >> (64 - 8 * frac))) == 0;
        m = m * detail::kPow10U[frac] + detail::FirstDigits(w1, frac);
      } else {
        uint64_t w2 = detail::Load8(f + 8);
        uint64_t nd2 = detail::NonDigits(w2);
        ok = nd1 == 0 && (nd2 & (~0ull >> (64 - 8 * (frac - 8)))) == 0;
        m = (m * 100000000 + detail::FirstDigits(w1, 8)) * detail::kPow10U[frac - 8] +
            detail::FirstDigits(w2, frac - 8);
      }
    }
    // At most 16 digits (e - p <= 17): no overflow before the check below.
    if (ok && whole + frac > 0 && frac <= 15 && m < detail::kPow10Int15) {
      *out = detail::DecimalToFloat(m, frac, negative);
      return true;
    }
  }
#else
  (void)readable_end;
#endif
  return ParseFloat(t, out);
}

// ParseInt32(text, out), faster. REQUIRES: as for ParseFloat above.
inline bool ParseInt32(std::string_view t, int32_t* out, const char* readable_end) {
  const char* p = t.data();
  const char* e = p + t.size();
  bool negative = p != e && *p == '-';
  p += negative;
  uint64_t v;
  if (readable_end - p >= 16 && e - p <= 9 && detail::DigitRun(p, e, &v)) {  // 9 digits fit
    *out = negative ? -static_cast<int32_t>(v) : static_cast<int32_t>(v);
    return true;
  }
  return ParseInt32(t, out);
}

// AllDigits(text) && ParseInt64(text, out), faster. REQUIRES: as for ParseFloat above.
inline bool ParseDigits64(std::string_view t, int64_t* out, const char* readable_end) {
  uint64_t v;
  if (readable_end - t.data() >= 16 && detail::DigitRun(t.data(), t.data() + t.size(), &v)) {
    *out = static_cast<int64_t>(v);
    return true;
  }
  return AllDigits(t) && ParseInt64(t, out);
}

inline bool ParseInt32OrEmpty(std::string_view text, int32_t* out, const char* readable_end) {
  return text.empty() || ParseInt32(text, out, readable_end);
}
inline bool ParseFloatOrEmpty(std::string_view text, float* out, const char* readable_end) {
  return text.empty() || ParseFloat(text, out, readable_end);
}

}  // namespace entente::io

#endif  // ENTENTE_IO_LINE_NUMBERS_H_
