#include "core/words.h"

namespace entente {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool Find(std::string_view text, std::string_view word, bool word_start) {
  if (word.empty()) return true;
  if (text.size() < word.size()) return false;
  for (size_t i = 0; i + word.size() <= text.size(); ++i) {
    if (word_start && i > 0 && IsAsciiLetter(text[i - 1])) continue;
    size_t j = 0;
    while (j < word.size() && Lower(text[i + j]) == word[j]) ++j;
    if (j == word.size()) return true;
  }
  return false;
}

}  // namespace

bool ContainsWord(std::string_view text, std::string_view word) { return Find(text, word, false); }
bool ContainsWordStart(std::string_view text, std::string_view word) {
  return Find(text, word, true);
}

LowerText::LowerText(std::string_view text) : lower_(text) {
  for (char& c : lower_) c = Lower(c);
}

bool LowerText::HasWordStart(std::string_view word) const {
  if (word.empty()) return true;
  for (size_t i = lower_.find(word); i != std::string::npos; i = lower_.find(word, i + 1)) {
    if (i == 0 || !IsAsciiLetter(lower_[i - 1])) return true;
  }
  return false;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

}  // namespace entente
