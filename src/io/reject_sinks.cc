#include "io/reject_sinks.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace entente::io {

std::string EscapeTsvField(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += fmt::format("\\x{:02X}", c);
        } else {
          out += ch;
        }
    }
  }
  return out;
}

TsvRejectSink::~TsvRejectSink() {
  if (f_) std::fclose(f_);
}

Status TsvRejectSink::Open(const std::string& path) {
  path_ = path;
  f_ = std::fopen(path.c_str(), "w");
  if (!f_) {
    return Status::IOError(fmt::format("{}: cannot write rejects: {}", path, std::strerror(errno)));
  }
  std::fputs("file\tline\toffset\tcolumn\treason\traw\n", f_);
  return Status::Ok();
}

void TsvRejectSink::Add(const Reject& r) {
  if (!f_) return;
  std::string line =
      fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", EscapeTsvField(r.file), r.line, r.offset, r.column,
                  EscapeTsvField(r.reason), EscapeTsvField(r.raw));
  if (std::fwrite(line.data(), 1, line.size(), f_) != line.size()) failed_ = true;
}

Status TsvRejectSink::Close() {
  if (!f_) return Status::Ok();
  bool bad = std::fclose(f_) != 0 || failed_;
  f_ = nullptr;
  if (bad) return Status::IOError(fmt::format("{}: writing rejects failed", path_));
  return Status::Ok();
}

void SummaryRejectSink::Add(const Reject& r) {
  ++count_;
  if (!first_) first_ = r;
  if (next_) next_->Add(r);
}

std::string SummaryRejectSink::Summary() const {
  if (count_ == 0) return "";
  return fmt::format("{} row{} rejected; first: {}", count_, count_ == 1 ? "" : "s",
                     first_->ToString());
}

}  // namespace entente::io
