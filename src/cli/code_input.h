// The documents `entente code` reads from its input: the whole text as one article (the default),
// one document a line (--lines; a line may start with YYYY-MM-DD<TAB>, its date), or one article
// a line as JSON (--jsonl: {"id", "date", "title", "text"}; the title is the article's first
// paragraph). A document's dateline, if it has one, gives its date and is blanked out so that its
// place is not read as an actor (coder/dateline.h).
#ifndef ENTENTE_CLI_CODE_INPUT_H_
#define ENTENTE_CLI_CODE_INPUT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "cli/output.h"
#include "core/date.h"

namespace entente::cli {

enum class CodeInputKind { kArticle, kLines, kJsonl };

struct CodeInputDoc {
  Cell id;                 // the article's "id" (--jsonl), else the document's number from 1
  std::string article_id;  // the article's "id" as text; empty when it has none
  std::string_view text;   // valid during the callback
  Days date = 0;
};

// What the input held besides documents, for the warnings `code` prints.
struct CodeInputCounts {
  int64_t docs = 0;
  int64_t skipped_lines = 0;   // longer than coder::config::kMaxDocumentBytes
  int64_t bad_dates = 0;       // a date prefix or "date" field that does not read: `default_date`
  int64_t datelines = 0;       // documents dated by their dateline
  int64_t bad_json = 0;        // --jsonl lines that are not an article object
  std::string first_bad_json;  // "line 7: <why>"
  size_t blanked = 0;          // invalid UTF-8 or control bytes in JSON strings, read as spaces
};

void ForEachCodeDocument(std::string_view input, CodeInputKind kind, Days default_date,
                         const std::function<void(const CodeInputDoc&)>& fn,
                         CodeInputCounts* counts);

}  // namespace entente::cli

#endif  // ENTENTE_CLI_CODE_INPUT_H_
