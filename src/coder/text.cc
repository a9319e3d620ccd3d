#include "coder/text.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace entente::coder {
namespace {

// Words that end with a period without ending the sentence (lower case, without the period).
constexpr std::array<std::string_view, 58> kAbbreviations = {
    "mr",   "mrs",  "ms",  "dr",  "prof", "gen",  "lt",  "col", "maj",  "capt", "cmdr",   "adm",
    "sgt",  "brig", "cpl", "pvt", "gov",  "sen",  "rep", "amb", "pres", "hon",  "rev",    "st",
    "no",   "nos",  "vol", "jan", "feb",  "mar",  "apr", "jun", "jul",  "aug",  "sep",    "sept",
    "oct",  "nov",  "dec", "inc", "co",   "corp", "ltd", "jr",  "sr",   "vs",   "approx", "est",
    "dept", "govt", "min", "mt",  "ft",   "fig",  "art", "cf",  "al",   "sq"};

inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline bool IsWordByte(unsigned char c) { return IsAsciiAlnum(c) || c >= 0x80; }
inline bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char Lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : char(c); }

bool IsAbbreviation(std::string_view text, size_t dot) {
  size_t b = dot;
  while (b > 0 && (IsAlpha(text[b - 1]) || text[b - 1] == '.')) --b;
  std::string_view word = text.substr(b, dot - b);
  if (word.empty()) return false;
  if (word.size() == 1 && IsAlpha(word[0]) && word[0] >= 'A' && word[0] <= 'Z') return true;
  if (word.find('.') != std::string_view::npos) return true;  // "U.S", "U.N"
  char low[8];
  if (word.size() > sizeof(low)) return false;
  for (size_t i = 0; i < word.size(); ++i) low[i] = Lower(word[i]);
  std::string_view w(low, word.size());
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), w) != kAbbreviations.end();
}

}  // namespace

void SplitSentences(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  out->clear();
  size_t n = text.size();
  size_t start = 0;
  auto emit = [&](size_t b, size_t e) {
    while (b < e && IsSpace(text[b])) ++b;
    while (e > b && IsSpace(text[e - 1])) --e;
    if (e > b) out->emplace_back(uint32_t(b), uint32_t(e));
  };
  for (size_t i = 0; i < n; ++i) {
    char c = text[i];
    if (c == '\n') {
      // A blank line ends a paragraph.
      size_t j = i + 1;
      while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < n && text[j] == '\n') {
        emit(start, i);
        start = j;
        i = j;
      }
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    while (j < n && (text[j] == '"' || text[j] == '\'' || text[j] == ')')) ++j;  // closing quotes
    if (j < n && !IsSpace(text[j])) continue;
    size_t k = j;
    while (k < n && IsSpace(text[k])) ++k;
    if (k < n) {
      unsigned char next = text[k];
      bool starts = (next >= 'A' && next <= 'Z') || IsDigit(next) || next == '"' || next == '\'' ||
                    next >= 0x80 || next == '(';
      if (!starts) continue;
    }
    if (c == '.' && IsAbbreviation(text, i)) continue;
    emit(start, j);
    start = j;
  }
  emit(start, n);
}

void Tokenize(std::string_view s, TokenizedSentence* out) {
  out->tokens.clear();
  std::string& f = out->folded;
  f.assign(s.data(), s.size());
  size_t n = f.size();
  // Fold case and map typographic quotes and dashes to ASCII (same length, padded with spaces).
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = f[i];
    if (c >= 'A' && c <= 'Z') {
      f[i] = char(c + 32);
    } else if (c == 0xE2 && i + 2 < n && (unsigned char)f[i + 1] == 0x80) {
      unsigned char d = f[i + 2];
      char rep = 0;
      if (d == 0x98 || d == 0x99) rep = '\'';
      if (d == 0x9C || d == 0x9D) rep = '"';
      if (d == 0x93 || d == 0x94) rep = ',';
      if (d == 0x99 && i + 3 < n && (f[i + 3] == 's' || f[i + 3] == 'S') &&
          (i + 4 >= n || !IsWordByte(f[i + 4]))) {
        // "Russia’s": keep the possessive glued to the word, as with an ASCII apostrophe.
        f[i] = '\'';
        f[i + 1] = 's';
        f[i + 2] = ' ';
        f[i + 3] = ' ';
        i += 3;
        continue;
      }
      if (rep) {
        f[i] = ' ';
        f[i + 1] = ' ';
        f[i + 2] = rep;
        i += 2;
      }
    }
  }
  auto push = [&](size_t b, size_t e) {
    Token t;
    t.text = std::string_view(f).substr(b, e - b);
    t.begin = uint32_t(b);
    t.end = uint32_t(e);
    unsigned char o = s[b];
    t.cap = o >= 'A' && o <= 'Z';
    out->tokens.push_back(t);
  };
  size_t i = 0;
  while (i < n) {
    unsigned char c = f[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (IsWordByte(c)) {
      size_t b = i;
      // Dotted acronym: single letters each followed by a period ("u.s.", "u.n.").
      if (IsAlpha(c) && i + 3 < n && f[i + 1] == '.' && IsAlpha(f[i + 2]) && f[i + 3] == '.') {
        size_t j = i;
        while (j + 1 < n && IsAlpha(f[j]) && f[j + 1] == '.' &&
               (j + 2 >= n || !IsWordByte(f[j + 2]) || (j + 3 < n && f[j + 3] == '.'))) {
          j += 2;
        }
        push(b, j);
        i = j;
        continue;
      }
      size_t j = i;
      while (j < n) {
        unsigned char d = f[j];
        if (IsWordByte(d)) {
          ++j;
        } else if ((d == ',' || d == '.') && j > b && IsDigit(f[j - 1]) && j + 1 < n &&
                   IsDigit(f[j + 1])) {
          ++j;  // 1,000 and 3.5
        } else {
          break;
        }
      }
      // didn't -> did n't
      if (j + 1 < n && f[j] == '\'' && f[j + 1] == 't' && j - b >= 2 && f[j - 1] == 'n' &&
          (j + 2 >= n || !IsWordByte(f[j + 2]))) {
        if (j - 1 > b) push(b, j - 1);
        push(j - 1, j + 2);
        i = j + 2;
        continue;
      }
      push(b, j);
      i = j;
      if (i + 1 < n && f[i] == '\'' && f[i + 1] == 's' && (i + 2 >= n || !IsWordByte(f[i + 2]))) {
        push(i, i + 2);
        i += 2;
      }
      continue;
    }
    if (c < 0x20 || c == 0x7F) {
      ++i;
      continue;
    }
    if (c == '\'') {
      // "'s" after a space (typographic apostrophe padding) is still a possessive; other stray
      // apostrophes and single quotes carry nothing.
      if (i + 1 < n && f[i + 1] == 's' && (i + 2 >= n || !IsWordByte(f[i + 2]))) {
        push(i, i + 2);
        i += 2;
        continue;
      }
      ++i;
      continue;
    }
    push(i, i + 1);
    ++i;
  }
}

size_t Sanitize(std::string* text) {
  size_t replaced = 0;
  std::string& t = *text;
  size_t n = t.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = t[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        t[i] = ' ';
        ++replaced;
      }
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    }
    bool ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k) {
      unsigned char d = t[i + k];
      if ((d & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (ok) {
      static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
      if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) ok = false;
    }
    if (!ok) {
      t[i] = ' ';
      ++replaced;
      ++i;
      continue;
    }
    i += len;
  }
  return replaced;
}

}  // namespace entente::coder
