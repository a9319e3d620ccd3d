#include "cli/code_input.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "coder/dateline.h"
#include "coder/text.h"
#include "coder/tunables.h"
#include "core/tsv.h"

namespace entente::cli {
namespace {

// Hands `text` to `fn` as document `id`; a document with a dateline is copied first, to blank it.
void Emit(Cell id, std::string article_id, std::string_view text, Days date,
          const std::function<void(const CodeInputDoc&)>& fn, CodeInputCounts* counts) {
  std::string blanked;
  if (std::optional<coder::Dateline> d = coder::FindDateline(text, date)) {
    if (d->date) {
      date = d->date->days;
      ++counts->datelines;
    }
    blanked.assign(text);
    std::fill(blanked.begin() + d->begin, blanked.begin() + d->end, ' ');
    // A headline above the dateline is a paragraph of its own, with or without a final period.
    if (d->begin > 0) blanked[d->begin] = '\n';
    text = blanked;
  }
  ++counts->docs;
  fn(CodeInputDoc{std::move(id), std::move(article_id), text, date});
}

// "2024-05-01", "2024-05-01T10:00:00Z": the day, or nothing.
std::optional<Days> ReadJsonDate(const nlohmann::json& article) {
  auto it = article.find("date");
  if (it == article.end() || !it->is_string()) return std::nullopt;
  std::string text = it->get<std::string>().substr(0, 10);
  Result<DateValue> d = ParseDate(text);
  return d.ok() ? std::optional<Days>(d->days) : std::nullopt;
}

// One --jsonl line; a line that is not an article is counted with the reason.
void JsonArticle(std::string_view line, int64_t line_no, Days default_date,
                 const std::function<void(const CodeInputDoc&)>& fn, CodeInputCounts* counts) {
  auto bad = [&](const std::string& why) {
    if (counts->bad_json++ == 0) counts->first_bad_json = fmt::format("line {}: {}", line_no, why);
  };
  nlohmann::json article = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (article.is_discarded()) return bad("not JSON");
  if (!article.is_object()) return bad("not a JSON object");
  std::string text;
  for (const char* field : {"title", "text"}) {
    auto it = article.find(field);
    if (it == article.end() || it->is_null()) continue;
    if (!it->is_string()) return bad(fmt::format("\"{}\" is not a string", field));
    if (!text.empty()) text += "\n\n";  // the title is a paragraph of its own
    text += it->get<std::string>();
  }
  if (text.empty()) return bad("no \"title\" or \"text\"");
  counts->blanked += coder::Sanitize(&text);
  Days date = default_date;
  if (article.contains("date")) {
    std::optional<Days> d = ReadJsonDate(article);
    if (d) {
      date = *d;
    } else {
      ++counts->bad_dates;
    }
  }
  Cell id = line_no;
  std::string article_id;
  if (auto it = article.find("id"); it != article.end()) {
    if (it->is_string()) id = article_id = it->get<std::string>();
    if (it->is_number_integer()) {
      id = it->get<int64_t>();
      article_id = std::to_string(it->get<int64_t>());
    }
  }
  Emit(std::move(id), std::move(article_id), text, date, fn, counts);
}

// One --lines line: an optional YYYY-MM-DD<TAB> prefix, then the document.
void Line(std::string_view line, int64_t line_no, Days default_date,
          const std::function<void(const CodeInputDoc&)>& fn, CodeInputCounts* counts) {
  Days date = default_date;
  size_t tab = line.find('\t');
  if (tab != std::string_view::npos && tab <= 10 && tab >= 4) {
    Result<DateValue> d = ParseDate(line.substr(0, tab));
    if (d.ok()) {
      date = d->days;
      line.remove_prefix(tab + 1);
    } else {
      ++counts->bad_dates;
    }
  }
  Emit(line_no, "", line, date, fn, counts);
}

}  // namespace

void ForEachCodeDocument(std::string_view input, CodeInputKind kind, Days default_date,
                         const std::function<void(const CodeInputDoc&)>& fn,
                         CodeInputCounts* counts) {
  if (kind == CodeInputKind::kArticle) return Emit(int64_t{1}, "", input, default_date, fn, counts);
  int64_t line_no = 0;
  for (std::string_view unread = input; !unread.empty();) {
    std::string_view line = CutAt(&unread, '\n');
    ++line_no;
    if (line.size() > coder::config::kMaxDocumentBytes) {
      ++counts->skipped_lines;
      continue;
    }
    if (kind == CodeInputKind::kLines) {
      Line(line, line_no, default_date, fn, counts);
    } else if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      JsonArticle(line, line_no, default_date, fn, counts);
    }
  }
}

}  // namespace entente::cli
