#include "core/tsv.h"

namespace entente {

void SplitFields(std::string_view line, char sep, std::vector<std::string_view>* out) {
  out->clear();
  size_t start = 0;
  while (true) {
    size_t p = line.find(sep, start);
    if (p == std::string_view::npos) {
      out->push_back(line.substr(start));
      return;
    }
    out->push_back(line.substr(start, p - start));
    start = p + 1;
  }
}

void ForEachTsvRecord(std::string_view text, bool skip_header,
                      const std::function<void(const std::vector<std::string_view>&, int)>& fn) {
  std::vector<std::string_view> fields;
  size_t pos = 0;
  int line_no = 0;
  bool header_pending = skip_header;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (header_pending) {
      header_pending = false;
      continue;
    }
    SplitFields(line, '\t', &fields);
    fn(fields, line_no);
  }
}

void ForEachTsvRecord(std::string_view text, bool skip_header,
                      const std::function<void(const std::vector<std::string_view>&)>& fn) {
  ForEachTsvRecord(text, skip_header, [&](const std::vector<std::string_view>& f, int) { fn(f); });
}

}  // namespace entente
