#include "core/words.h"

#include <cctype>

namespace entente {
namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool Find(std::string_view text, std::string_view word, bool word_start) {
  if (word.empty()) return true;
  if (text.size() < word.size()) return false;
  for (size_t i = 0; i + word.size() <= text.size(); ++i) {
    if (word_start && i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]))) continue;
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

}  // namespace entente
