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

std::string_view CutAt(std::string_view* rest, char sep) {
  size_t p = rest->find(sep);
  std::string_view head = rest->substr(0, p);
  rest->remove_prefix(p == std::string_view::npos ? rest->size() : p + 1);
  return head;
}

std::vector<std::string_view> SplitOnBlanks(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

void ForEachTsvRecord(std::string_view text, bool skip_header,
                      const std::function<void(const std::vector<std::string_view>&, int)>& fn) {
  std::vector<std::string_view> fields;
  std::string_view rest = text;
  int line_no = 0;
  bool header_pending = skip_header;
  while (!rest.empty()) {
    std::string_view line = CutAt(&rest, '\n');
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
