#include "io/fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace entente::io {

int SplitTabs(std::string_view line, std::string_view* fields, int max) {
  const char* p = line.data();
  const char* end = p + line.size();
  int n = 0;
  for (;;) {
    const char* tab = static_cast<const char*>(std::memchr(p, '\t', static_cast<size_t>(end - p)));
    const char* stop = tab ? tab : end;
    if (n < max) fields[n] = std::string_view(p, static_cast<size_t>(stop - p));
    ++n;
    if (!tab) return n;
    p = tab + 1;
  }
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

bool AllDigits(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool ParseInt32(std::string_view t, int32_t* out) {
  const char* b = t.data();
  const char* e = b + t.size();
  if (b != e && *b == '+') ++b;
  auto [p, ec] = std::from_chars(b, e, *out);
  return ec == std::errc() && p == e && b != e;
}

bool ParseInt64(std::string_view t, int64_t* out) {
  const char* b = t.data();
  const char* e = b + t.size();
  if (b != e && *b == '+') ++b;
  auto [p, ec] = std::from_chars(b, e, *out);
  return ec == std::errc() && p == e && b != e;
}

bool ParseFloat(std::string_view t, float* out) {
  const char* b = t.data();
  const char* e = b + t.size();
  if (b != e && *b == '+') ++b;
  if (b == e) return false;
  auto [p, ec] = std::from_chars(b, e, *out, std::chars_format::general);
  return ec == std::errc() && p == e && std::isfinite(*out);
}

bool ParseInt32OrEmpty(std::string_view t, int32_t* out) { return t.empty() || ParseInt32(t, out); }
bool ParseFloatOrEmpty(std::string_view t, float* out) { return t.empty() || ParseFloat(t, out); }

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

}  // namespace entente::io
