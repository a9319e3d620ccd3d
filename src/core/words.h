// Word matching in free text (event descriptions, coded sentences, URLs), ASCII case-insensitive:
// what sector classification and salience look for.
#ifndef ENTENTE_CORE_WORDS_H_
#define ENTENTE_CORE_WORDS_H_

#include <string_view>

namespace entente {

// True when `text` contains `word` (lower case) ignoring ASCII case.
bool ContainsWord(std::string_view text, std::string_view word);
// The same, but only where `word` starts a word (the character before it is not a letter): "oil"
// matches "Oil deal" and "russian-oil" but not "turmoil".
bool ContainsWordStart(std::string_view text, std::string_view word);

}  // namespace entente

#endif  // ENTENTE_CORE_WORDS_H_
