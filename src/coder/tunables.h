// The coder's tunables in one place, each with the reason for its value.
#ifndef ENTENTE_CODER_TUNABLES_H_
#define ENTENTE_CODER_TUNABLES_H_

#include <cstddef>

namespace entente::coder::config {

// Words after a verb searched for a pattern's object words ("provided Pakistan with two
// squadrons of military helicopters" puts "helicopters" 8 words on). PETRARCH looks inside the
// verb phrase; without a parse, a dozen words covers news sentences without reaching the next
// clause too often.
inline constexpr size_t kPatternWindow = 12;
// Words before a verb searched for pre-verb pattern words and modifiers ("did not", "plans to").
inline constexpr size_t kModifierWindow = 5;
// Words after a trigger searched for the target actor. Longer reaches into other clauses.
inline constexpr size_t kTargetWindow = 14;
// Unknown capitalised words allowed inside one actor ("Foreign Minister Sergei Lavrov").
inline constexpr size_t kMaxNameGap = 3;
// Sentences longer than this many bytes are skipped (counted and reported): news sentences run
// to a few hundred bytes; a 100 MB "sentence" is a broken file, not text.
inline constexpr size_t kMaxSentenceBytes = 4096;
// Lines longer than this are cut into pieces before splitting, so one huge line never holds
// more than this in memory at once beyond the line itself.
inline constexpr size_t kMaxDocumentBytes = 1 << 20;

}  // namespace entente::coder::config

#endif  // ENTENTE_CODER_TUNABLES_H_
