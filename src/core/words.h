// Word matching in free text (event descriptions, coded sentences, URLs), ASCII case-insensitive:
// what sector classification and salience look for.
#ifndef ENTENTE_CORE_WORDS_H_
#define ENTENTE_CORE_WORDS_H_

#include <string>
#include <string_view>

namespace entente {

// `s` with ASCII letters in lower case (other bytes, UTF-8 included, unchanged).
std::string AsciiLower(std::string_view s);

// `s` without leading and trailing spaces and control characters (bytes <= ' ').
std::string_view TrimSpace(std::string_view s);

// True when `text` contains `word` (lower case) ignoring ASCII case.
bool ContainsWord(std::string_view text, std::string_view word);
// The same, but only where `word` starts a word (the character before it is not a letter): "oil"
// matches "Oil deal" and "russian-oil" but not "turmoil".
bool ContainsWordStart(std::string_view text, std::string_view word);

// `text` in ASCII lower case, for asking many words of one text: each question is then a plain
// substring search (memchr-fast) instead of a case-folding scan.
class LowerText {
 public:
  explicit LowerText(std::string_view text);
  // As ContainsWordStart(text, word); `word` in lower case.
  bool HasWordStart(std::string_view word) const;

 private:
  std::string lower_;
};

}  // namespace entente

#endif  // ENTENTE_CORE_WORDS_H_
