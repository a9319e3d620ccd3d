// The front door of the text coder: news text in, CAMEO events (who did what to whom, when) out,
// with no parser service and no model files: sentence splitting, tokenising, one trie pass over
// every dictionary phrase, then a shallow assembler that reads actors, verbs and nouns from their
// positions, prepositions, possessives, coordination, passive voice, negation and intent cues.
// Design and measured figures: docs/CODER.md.
//
// Usage:
//   ASSIGN_OR_RETURN(auto dict, LoadDictionaries(DictionaryOptions{}));
//   Coder coder(dict.get());
//   std::vector<CodedEvent> events;
//   coder.CodeDocument(text, doc_date, &events);
//
// Thread safety: a Dictionary is shared read-only; a Coder holds scratch buffers and belongs to
// one thread (make one per thread).
#ifndef ENTENTE_CODER_CODER_H_
#define ENTENTE_CODER_CODER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coder/dictionary.h"
#include "core/date.h"
#include "core/status.h"

namespace entente::coder {

struct CodedEvent {
  uint32_t sentence = 0;  // 1-based sentence number within the document
  DateValue date;
  std::string source;
  std::string target;
  std::string code;
  uint32_t begin = 0;  // the sentence's byte range in the document
  uint32_t end = 0;
};

struct DictionaryOptions {
  bool builtin = true;            // load data/dict/*.dict (cue words are loaded always)
  std::vector<std::string> dirs;  // directories (or files) of PETRARCH / TABARI / .dict files
};

// Loads the dictionaries: our own unless `builtin` is false, then every file in `dirs`, chosen by
// name: *.dict (ours), *.verbs / *.actors / *.agents / *.options / *.project (TABARI),
// *verbpatterns*, CAMEO.2.0*, *.verbs.txt (PETRARCH verbs), *.actors.txt, *agents* (PETRARCH).
// Unknown files are skipped. A file that cannot be read at all is an error.
Result<std::unique_ptr<Dictionary>> LoadDictionaries(const DictionaryOptions& options);

struct CoderStats {
  uint64_t sentences = 0;
  uint64_t skipped_sentences = 0;  // too long to be a sentence
  uint64_t events = 0;
};

struct ArticleMemory;  // sentence_coder.h

class Coder {
 public:
  // REQUIRES: `dict` outlives the coder.
  explicit Coder(const Dictionary* dict);
  ~Coder();

  // Splits `text` into sentences and codes each; appends to `out`. Within the document, "the
  // minister" is the last minister it named and "he" or "she" the last person (ArticleMemory).
  void CodeDocument(std::string_view text, Days doc_date, std::vector<CodedEvent>* out);
  // Codes one sentence on its own (no references to earlier ones are resolved); `index` is its
  // 1-based number, [begin, end) its place in the document.
  void CodeSentence(std::string_view sentence, Days doc_date, uint32_t index, uint32_t begin,
                    std::vector<CodedEvent>* out);

  const CoderStats& stats() const { return stats_; }

 private:
  struct Scratch;
  void CodeSentenceWith(std::string_view sentence, Days doc_date, uint32_t index, uint32_t begin,
                        ArticleMemory* memory, std::vector<CodedEvent>* out);
  const Dictionary* dict_;
  std::unique_ptr<Scratch> scratch_;
  CoderStats stats_;
};

// The intent code (03x) for an action announced rather than done ("will provide aid" -> 033),
// or "" when CAMEO has none. Exposed for tests.
std::string IntentCodeFor(std::string_view code);
// The rejection code (12x) for an action refused ("refused to meet" -> 125), or "".
std::string RefusalCodeFor(std::string_view code);

}  // namespace entente::coder

#endif  // ENTENTE_CODER_CODER_H_
