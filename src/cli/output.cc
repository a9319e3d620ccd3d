#include "cli/output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

#include "cli/table_capture.h"
#include "core/enum_names.h"

namespace entente::cli {

Result<OutputFormat> ResolveOutputFormat(const std::string& flag) {
  if (flag.empty()) return isatty(STDOUT_FILENO) ? OutputFormat::kTable : OutputFormat::kTsv;
  static constexpr EnumName<OutputFormat> kNames[] = {{"table", OutputFormat::kTable},
                                                      {"csv", OutputFormat::kCsv},
                                                      {"tsv", OutputFormat::kTsv},
                                                      {"jsonl", OutputFormat::kJsonl},
                                                      {"json", OutputFormat::kJson}};
  return ParseEnumName(flag, kNames, "--format");
}

std::string CellText(const Cell& c) {
  if (std::holds_alternative<int64_t>(c)) return std::to_string(std::get<int64_t>(c));
  if (std::holds_alternative<double>(c)) {
    double v = std::get<double>(c);
    if (std::isnan(v)) return "";
    // Values read from data (tone 0.0269530948, a latitude) are short decimals and must
    // survive an export round trip, so they print exactly; computed values (a mean of
    // 1/3) need 16 digits to be exact and print to six decimals instead.
    if (v == 0) return "0";  // also -0
    std::string shortest = fmt::format("{}", v);
    if (shortest.size() <= 12 && shortest.find('e') == std::string::npos) return shortest;
    std::string s = fmt::format("{:.6f}", v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") return "0";
    return s;
  }
  if (std::holds_alternative<std::string>(c)) return std::get<std::string>(c);
  return "";
}

std::string JsonQuote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (unsigned char ch : s) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (ch < 0x20) {
          out += fmt::format("\\u{:04x}", ch);
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  out += '"';
  return out;
}

std::string CellJson(const Cell& c) {
  if (std::holds_alternative<std::monostate>(c)) return "null";
  if (std::holds_alternative<double>(c) && std::isnan(std::get<double>(c))) return "null";
  if (std::holds_alternative<std::string>(c)) return JsonQuote(std::get<std::string>(c));
  return CellText(c);
}

std::string CsvQuote(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

namespace {

// TSV has no quoting: tabs and newlines inside a field become spaces, so a row is always one line.
std::string TsvClean(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return s;
}

}  // namespace

TableWriter::TableWriter(std::ostream& out, OutputFormat format, std::vector<std::string> columns)
    : out_(out), format_(format), columns_(std::move(columns)) {
  if (TableCapture* capture = TableCapture::Active()) {
    capture->tables.push_back(CapturedTable{columns_, {}});
    captured_ = &capture->tables.back();
    finished_ = true;
  }
}

void TableWriter::WriteHeader() {
  if (header_written_) return;
  header_written_ = true;
  if (format_ == OutputFormat::kCsv || format_ == OutputFormat::kTsv) {
    const char* sep = format_ == OutputFormat::kCsv ? "," : "\t";
    for (size_t i = 0; i < columns_.size(); ++i) out_ << (i ? sep : "") << columns_[i];
    out_ << '\n';
  }
}

TableWriter::~TableWriter() { Finish(); }

void TableWriter::Row(std::vector<Cell> cells) {
  if (captured_) {
    ++rows_;
    captured_->rows.push_back(std::move(cells));
    return;
  }
  WriteHeader();
  ++rows_;
  switch (format_) {
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      bool csv = format_ == OutputFormat::kCsv;
      std::string line;
      for (size_t i = 0; i < cells.size(); ++i) {
        if (i) line += csv ? ',' : '\t';
        line += csv ? CsvQuote(CellText(cells[i])) : TsvClean(CellText(cells[i]));
      }
      line += '\n';
      out_ << line;
      break;
    }
    case OutputFormat::kJsonl:
    case OutputFormat::kJson: {
      std::string obj = "{";
      for (size_t i = 0; i < cells.size() && i < columns_.size(); ++i) {
        if (i) obj += ',';
        obj += JsonQuote(columns_[i]);
        obj += ':';
        obj += CellJson(cells[i]);
      }
      obj += '}';
      if (format_ == OutputFormat::kJsonl) {
        out_ << obj << '\n';
      } else {
        buffered_.push_back({std::move(obj)});
      }
      break;
    }
    case OutputFormat::kTable: {
      std::vector<std::string> texts;
      texts.reserve(cells.size());
      for (const Cell& c : cells) texts.push_back(TsvClean(CellText(c)));
      buffered_.push_back(std::move(texts));
      break;
    }
  }
}

void TableWriter::Finish() {
  if (finished_) return;
  finished_ = true;
  WriteHeader();
  if (format_ == OutputFormat::kJson) {
    out_ << "[";
    for (size_t i = 0; i < buffered_.size(); ++i) out_ << (i ? ",\n " : "\n ") << buffered_[i][0];
    out_ << (buffered_.empty() ? "]\n" : "\n]\n");
  } else if (format_ == OutputFormat::kTable) {
    std::vector<size_t> width(columns_.size());
    for (size_t i = 0; i < columns_.size(); ++i) width[i] = columns_[i].size();
    for (const auto& row : buffered_) {
      for (size_t i = 0; i < row.size() && i < width.size(); ++i) {
        width[i] = std::max(width[i], std::min<size_t>(row[i].size(), 60));
      }
    }
    auto print = [&](const std::vector<std::string>& row) {
      std::string line;
      for (size_t i = 0; i < row.size() && i < width.size(); ++i) {
        std::string cell = row[i];
        if (cell.size() > 60) {  // not substr() + "...": GCC 12 warns falsely (-Wrestrict)
          cell.resize(57);
          cell.append("...");
        }
        if (i + 1 < row.size()) cell.resize(width[i], ' ');
        line += cell;
        if (i + 1 < row.size()) line += "  ";
      }
      out_ << line << '\n';
    };
    print(columns_);
    for (const auto& row : buffered_) print(row);
  }
  buffered_.clear();
  out_.flush();
}

std::string JsonCounts(const std::vector<std::pair<std::string, int64_t>>& items) {
  std::string out = "{";
  for (const auto& [name, n] : items) {
    if (out.size() > 1) out += ", ";
    out += JsonQuote(name) + ": " + CellJson(n);
  }
  return out + "}";
}

std::string JsonObject(const std::vector<std::pair<std::string, std::string>>& fields,
                       bool pretty) {
  std::string obj = "{";
  for (size_t i = 0; i < fields.size(); ++i) {
    obj += i ? (pretty ? ",\n  " : ", ") : (pretty ? "\n  " : "");
    obj += JsonQuote(fields[i].first) + ": " + fields[i].second;
  }
  obj += pretty ? "\n}\n" : "}\n";
  return obj;
}

}  // namespace entente::cli
