#include "io/fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "io/fields_internal.h"
#include "io/line_numbers.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace entente::io {

using detail::DecimalToFloat;
using detail::kPow10;
using detail::kPow10Int15;

namespace {

// Tab positions and the OR of all bytes for 64 bytes at `p`.
inline uint64_t TabMask64(const char* p, unsigned* high) {
#if defined(__SSE2__)
  const __m128i tabs = _mm_set1_epi8('\t');
  __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
  __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 32));
  __m128i d = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 48));
  *high |= static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))));
  auto bits = [&](__m128i v) {
    return static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, tabs))));
  };
  return bits(a) | bits(b) << 16 | bits(c) << 32 | bits(d) << 48;
#else
  uint64_t m = 0;
  for (int k = 0; k < 64; ++k) {
    *high |= static_cast<unsigned char>(p[k]) & 0x80u;
    m |= static_cast<uint64_t>(p[k] == '\t') << k;
  }
  return m;
#endif
}

// Appends the positions of the set bits of `m` (plus `at`) to out[0..]. Writes in groups of 8
// without a branch per bit (a branch per tab mispredicted on every field, as GDELT fields have
// irregular widths); entries past popcount(m) are scratch. REQUIRES: room for 64 entries at out.
inline void Positions(uint64_t m, uint32_t at, uint32_t* out) {
  int count = __builtin_popcountll(m);
  // Bit 63 keeps ctz defined once the real bits are used up; those entries are scratch anyway.
  auto next = [&m, at] {
    uint32_t p = at + static_cast<uint32_t>(__builtin_ctzll(m | (uint64_t{1} << 63)));
    m &= m - 1;
    return p;
  };
  for (int k = 0; k < 8; ++k) out[k] = next();
  if (count > 8) {
    for (int k = 8; k < 16; ++k) out[k] = next();
    for (int k = 16; k < count; ++k) out[k] = next();
  }
}

}  // namespace

// Two builds chosen at load time (an ifunc): x86-64-v3 (2013+ CPUs: popcnt, tzcnt, VEX) and the
// x86-64 baseline, where popcount is a libgcc call that cost 4% of GDELT parse time.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v3", "default")))
#endif
int SplitTabs(std::string_view line, std::string_view* fields, int max, bool* ascii) {
  // 64 bytes a step: four SSE2 compares give a 64-bit mask of tabs, whose bits become positions
  // without a branch per tab; then the views are built in one predictable loop. The first version
  // (a memchr per field) spent 40% of GDELT parse time in call overhead for six-byte fields; a
  // 16-byte loop with a branch per tab spent 38% mostly in mispredictions. The same pass ORs the
  // bytes together, so callers learn for free whether the line is ASCII (and needs no UTF-8
  // validation). Lines longer than 4 GiB (positions are 32-bit) or more than kSplitMaxFields
  // wanted take the plain byte loop.
  const char* base = line.data();
  const size_t size = line.size();
  unsigned high = 0;
  if (size > UINT32_MAX || max <= 0 || max > kSplitMaxFields) {
    int n = 0;
    size_t start = 0;
    for (size_t i = 0; i < size; ++i) {
      high |= static_cast<unsigned char>(base[i]) & 0x80u;
      if (base[i] == '\t') {
        if (n < max) fields[n] = std::string_view(base + start, i - start);
        ++n;
        start = i + 1;
      }
    }
    if (ascii) *ascii = high == 0;
    if (n < max) fields[n] = std::string_view(base + start, size - start);
    return n + 1;
  }
  // Positions of the first max tabs; 64 entries of slack for the unconditional writes.
  uint32_t tabs[kSplitMaxFields + 64];
  int n = 0;  // tabs seen
  size_t i = 0;
  for (; i + 64 <= size; i += 64) {
    uint64_t m = TabMask64(base + i, &high);
    if (n < max) Positions(m, static_cast<uint32_t>(i), tabs + n);
    n += __builtin_popcountll(m);
  }
  if (i < size) {
    // The tail. A line of 64 bytes or more takes its last 64 bytes again (the overlap is already
    // counted and is shifted out); a shorter one goes through a zero-padded copy (zero is neither
    // a tab nor a high byte). The copy for every line cost a memcpy call and a stalled load.
    const size_t rest = size - i;
    uint64_t m;
    if (size >= 64) {
      m = TabMask64(base + size - 64, &high) >> (64 - rest);
    } else {
      alignas(16) char last[64] = {};
      std::memcpy(last, base + i, rest);
      m = TabMask64(last, &high);
    }
    if (n < max) Positions(m, static_cast<uint32_t>(i), tabs + n);
    n += __builtin_popcountll(m);
  }
  if (ascii) *ascii = high == 0;
  const int stored = std::min(n, max);
  uint32_t start = 0;
#pragma GCC unroll 4  // 5-8% off the split in a micro-benchmark (GDELT: 61 fields)
  for (int k = 0; k < stored; ++k) {
    fields[k] = std::string_view(base + start, tabs[k] - start);
    start = tabs[k] + 1;
  }
  if (n < max) fields[n] = std::string_view(base + start, size - start);
  return n + 1;
}

size_t FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    // ASCII fast path: eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

namespace {

// Eight ASCII digits at p as a number (the SWAR method: pairs, then quads, then the eight), or -1
// when any of the eight bytes is not a digit. REQUIRES: 8 readable bytes at p.
inline int64_t EightDigits(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  uint64_t d = w - 0x3030303030303030ull;  // each byte 0..9 when a digit
  // A byte is a digit iff its high nibble is 3 and adding 6 keeps it there.
  if (((w & 0xF0F0F0F0F0F0F0F0ull) | ((w + 0x0606060606060606ull) & 0xF0F0F0F0F0F0F0F0ull) >> 4) !=
      0x3333333333333333ull) {
    return -1;
  }
  d = (d * 10 + (d >> 8)) & 0x00FF00FF00FF00FFull;    // pairs
  d = (d * 100 + (d >> 16)) & 0x0000FFFF0000FFFFull;  // quads
  return static_cast<int64_t>((d * 10000 + (d >> 32)) & 0xFFFFFFFFull);
}

// Reads ASCII digits from *p up to e into *m; returns how many were read.
inline int Digits(const char** p, const char* e, uint64_t* m) {
  const char* q = *p;
  uint64_t v = *m;
  while (e - q >= 8) {
    int64_t eight = EightDigits(q);
    if (eight < 0) break;
    v = v * 100000000 + static_cast<uint64_t>(eight);
    q += 8;
  }
  for (; q != e; ++q) {
    unsigned d = static_cast<unsigned char>(*q) - '0';
    if (d > 9) break;
    v = v * 10 + d;
  }
  int n = static_cast<int>(q - *p);
  *p = q;
  *m = v;
  return n;
}

// -?[0-9]{1,18} into *out; false (out untouched) for anything else, which the callers then give
// to from_chars, so results never differ from it.
inline bool SmallInt(const char* b, const char* e, int64_t* out) {
  bool negative = b != e && *b == '-';
  b += negative;
  if (b == e || e - b > 18) return false;
  uint64_t m = 0;
  if (Digits(&b, e, &m) == 0 || b != e) return false;
  *out = negative ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
  return true;
}

// from_chars over all of `t`, which may start with '+'.
template <typename Int>
bool FromCharsWhole(std::string_view t, Int* out) {
  const char* b = t.data();
  const char* e = b + t.size();
  if (b != e && *b == '+') ++b;
  auto [p, ec] = std::from_chars(b, e, *out);
  return ec == std::errc() && p == e && b != e;
}

}  // namespace

bool ParseInt32General(std::string_view t, int32_t* out) { return FromCharsWhole(t, out); }

bool ParseInt64General(std::string_view t, int64_t* out) { return FromCharsWhole(t, out); }

bool ParseInt32(std::string_view t, int32_t* out) {
  int64_t v;
  if (t.size() <= 10 && SmallInt(t.data(), t.data() + t.size(), &v) && v >= INT32_MIN &&
      v <= INT32_MAX) {
    *out = static_cast<int32_t>(v);
    return true;
  }
  return ParseInt32General(t, out);
}

bool ParseInt64(std::string_view t, int64_t* out) {
  if (SmallInt(t.data(), t.data() + t.size(), out)) return true;
  return ParseInt64General(t, out);
}

bool ParseFloatGeneral(std::string_view t, float* out) {
  const char* b = t.data();
  const char* e = b + t.size();
  if (b != e && *b == '+') ++b;
  if (b == e) return false;
  // Plain decimals with up to 15 significant digits and 15 decimals: exact in a double, and one
  // division by an exact power of ten is correctly rounded, so this equals (float)strtod.
  // Anything else (exponents, longer digit strings) goes to from_chars.
  const char* p = b;
  bool negative = false;
  if (*p == '-') {
    negative = true;
    ++p;
  }
  uint64_t mantissa = 0;
  int digits = 0, frac = 0;
  bool dot = false, any = false;
  for (; p != e; ++p) {
    unsigned d = static_cast<unsigned char>(*p) - '0';
    if (d <= 9) {
      any = true;
      if (mantissa == 0 && d == 0 && !dot) continue;  // leading zeros
      mantissa = mantissa * 10 + d;
      frac += dot;
      if (mantissa != 0 && ++digits > 15) break;
    } else if (*p == '.' && !dot) {
      dot = true;
    } else {
      break;
    }
  }
  if (p == e && any && digits <= 15 && frac <= 15) {
    double v = static_cast<double>(mantissa) / kPow10[frac];
    *out = static_cast<float>(negative ? -v : v);
    return true;
  }
  auto [q, ec] = std::from_chars(b, e, *out, std::chars_format::general);
  return ec == std::errc() && q == e && std::isfinite(*out);
}

bool ParseFloat(std::string_view t, float* out) {
  // The same arithmetic as ParseFloatGeneral's plain-decimal path (so the same float), with the
  // digits read eight at a time and no branch on '.' per digit; it was 17% of GDELT parse time
  // (four decimals a row, AvgTone with 15 digits). Fewer than 20 digits cannot overflow, and then
  // the mantissa has at most 15 significant digits exactly when it is below 10^15.
  const char* p = t.data();
  const char* e = p + t.size();
  bool negative = p != e && *p == '-';
  p += negative;
  uint64_t m = 0;
  int whole = Digits(&p, e, &m);
  int frac = 0;
  if (p != e && *p == '.') {
    ++p;
    frac = Digits(&p, e, &m);
  }
  if (p == e && whole + frac > 0 && whole + frac <= 19 && frac <= 15 && m < kPow10Int15) {
    *out = DecimalToFloat(m, frac, negative);
    return true;
  }
  return ParseFloatGeneral(t, out);
}

std::string GoldsteinOutOfRange(std::string_view field_name, std::string_view text) {
  return fmt::format("{} '{}' is outside the scale's -10 to +10", field_name, text.substr(0, 40));
}

std::string BadValue(std::string_view what, std::string_view field_name, std::string_view text) {
  constexpr size_t kShow = 40;
  std::string shown(text.substr(0, kShow));
  if (text.size() > kShow) shown += "...";
  return fmt::format("bad {} '{}' in {}", what, shown, field_name);
}

bool CheckLineUtf8(std::string_view line, RowError* err) {
  size_t bad = FindInvalidUtf8(line);
  if (bad == std::string_view::npos) return true;
  int column = 1 + static_cast<int>(std::count(line.begin(), line.begin() + bad, '\t'));
  return Fail(err, column,
              fmt::format("invalid UTF-8 (byte 0x{:02X} at offset {} of the line)",
                          static_cast<unsigned char>(line[bad]), bad));
}

bool SplitHeaderRow(std::string_view line, std::string_view* fields, int max, int columns,
                    RowError* err) {
  int n = SplitTabs(line, fields, max);
  if (n != columns) {
    return Fail(err, 0, fmt::format("expected {} fields (as the header), found {}", columns, n));
  }
  return CheckLineUtf8(line, err);
}

std::string MapHeader(std::span<const std::string_view> fields,
                      std::span<const std::string_view> names, std::span<int> index,
                      std::initializer_list<int> required) {
  std::fill(index.begin(), index.end(), -1);
  for (size_t i = 0; i < fields.size(); ++i) {
    for (size_t c = 0; c < names.size(); ++c) {
      if (fields[i] == names[c]) index[c] = static_cast<int>(i);
    }
  }
  std::string missing;
  for (int c : required) {
    if (index[c] < 0) missing += fmt::format("{}'{}'", missing.empty() ? "" : ", ", names[c]);
  }
  return missing;
}

}  // namespace entente::io
