// Splitting tab-separated text held in memory (embedded tables, dictionaries, small files).
// Tolerates CRLF and a missing final newline; skips blank lines and lines starting with '#'.
// The views point into `text` and live as long as it does.
#ifndef ENTENTE_CORE_TSV_H_
#define ENTENTE_CORE_TSV_H_

#include <functional>
#include <string_view>
#include <vector>

namespace entente {

// Calls `fn(fields, line_number)` for each record; line numbers are 1-based.
void ForEachTsvRecord(std::string_view text, bool skip_header,
                      const std::function<void(const std::vector<std::string_view>&, int)>& fn);
// Convenience overload for callers that do not need the line number.
void ForEachTsvRecord(std::string_view text, bool skip_header,
                      const std::function<void(const std::vector<std::string_view>&)>& fn);

// Splits one line on `sep`, keeping empty fields.
void SplitFields(std::string_view line, char sep, std::vector<std::string_view>* out);

// The text of *rest before the first `sep` (all of it when there is none); *rest keeps what
// follows that `sep`. `while (!rest.empty()) { line = CutAt(&rest, '\n'); ... }` visits every
// line, a last one without a newline included, and no empty line after a final newline.
std::string_view CutAt(std::string_view* rest, char sep);

// The words of `s` between runs of spaces and tabs (never an empty one).
std::vector<std::string_view> SplitOnBlanks(std::string_view s);

}  // namespace entente

#endif  // ENTENTE_CORE_TSV_H_
