// Sentence splitting and tokenising for the coder: the first two stages of the pipeline, with no
// allocation per token so that coding stays above 100,000 sentences a second on one core.
//
// Splitting: a sentence ends at '.', '!' or '?' followed by white space and an upper-case letter,
// a digit or a quote, unless the word before the period is an abbreviation or title ("Mr.",
// "Gen.", "Lt.", "No.", "Jan.", "U.S.", single initials as in "Z. A. Bhutto"); see kAbbreviations
// in text.cc. Newlines never end a sentence by themselves (wire text wraps lines), but a blank
// line does.
//
// Tokenising: ASCII letters are folded to lower case; bytes >= 0x80 are kept as word characters
// (names with accents stay one token; we do not fold them). A possessive "'s" (also with the
// typographic apostrophe U+2019) and the negation "n't" become tokens of their own; a hyphen
// inside a word becomes its own token "-" so that "Pak-Russia", "Indo-Pak" and "cease-fire" are
// three tokens (the dictionaries go through the same tokenizer, so "cease-fire" in a dictionary
// matches the text). Dotted acronyms stay one token with their dots ("u.s.", "u.n."). Every
// other punctuation mark is a token.
//
// Invalid UTF-8 and control bytes are not an error here: they become spaces (the caller counts
// and reports them before tokenising; see Sanitize).
#ifndef ENTENTE_CODER_TEXT_H_
#define ENTENTE_CODER_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace entente::coder {

struct Token {
  std::string_view text;  // lower-cased; points into TokenizedSentence::folded
  uint32_t id = 0;        // vocabulary id (0 = not in any dictionary); set by the Vocabulary
  uint32_t begin = 0;     // byte offsets in the original sentence
  uint32_t end = 0;
  bool cap = false;  // the original starts with an upper-case letter
};

struct TokenizedSentence {
  std::string folded;  // the sentence, lower-cased (same length as the original)
  std::vector<Token> tokens;
};

// Byte ranges [begin, end) of the sentences in `text`, trimmed of surrounding white space.
void SplitSentences(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* out);

// Tokenises one sentence into `out` (cleared first; its buffers are reused).
void Tokenize(std::string_view sentence, TokenizedSentence* out);

// Replaces invalid UTF-8 sequences, NUL and other control bytes (except tab and newline) by
// spaces in place; returns how many bytes were replaced.
size_t Sanitize(std::string* text);

}  // namespace entente::coder

#endif  // ENTENTE_CODER_TEXT_H_
