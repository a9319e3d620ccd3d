#include "io/format_detect.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "io/fields.h"
#include "io/gdelt_columns.h"

namespace entente::io {
namespace {

bool LooksBinary(std::string_view head) {
  std::string_view probe = head.substr(0, 4096);
  size_t control = 0;
  for (char ch : probe) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ++control;
  }
  return control * 20 > probe.size();  // more than 5% control bytes
}

bool HasField(const std::vector<std::string_view>& fields, std::string_view name) {
  return std::find(fields.begin(), fields.end(), name) != fields.end();
}

int CountChar(std::string_view s, char c) {
  return static_cast<int>(std::count(s.begin(), s.end(), c));
}

Status NotRecognised(std::string_view name, std::string_view why) {
  return Status::InvalidArgument(fmt::format("{}: not a recognised event file: {}", name, why));
}

}  // namespace

Result<Format> DetectFormat(std::string_view name, std::string_view head, bool complete) {
  if (LooksBinary(head)) {
    return NotRecognised(name,
                         "it holds binary data (is it compressed in a format other than "
                         ".gz or .zip, or not text at all?)");
  }
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < head.size() && static_cast<int>(lines.size()) < kDetectLines) {
    size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos && !complete) break;  // a partial line says little
    size_t end = nl == std::string_view::npos ? head.size() : nl;
    std::string_view line = head.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back(line);
    pos = end + 1;
  }
  if (lines.empty()) {
    // Empty, or blank lines only so far: nothing to tell the format by yet.
    if (head.empty() || complete || head.find('\n') != std::string_view::npos) {
      return Format::kAuto;
    }
    return NotRecognised(name,
                         fmt::format("no line ends within the first {} KiB", head.size() >> 10));
  }

  std::string_view first = lines[0];
  if (first.find_first_not_of(" \t") != std::string_view::npos &&
      first[first.find_first_not_of(" \t")] == '{') {
    return Format::kJsonl;
  }
  std::vector<std::string_view> names;
  {
    std::string_view f[128];
    int n = SplitTabs(first, f, 128);
    names.assign(f, f + std::min(n, 128));
  }
  if (HasField(names, "Event Date") && HasField(names, "CAMEO Code")) return Format::kIcews;
  if (HasField(names, "source_name") && HasField(names, "date") && HasField(names, "code")) {
    return Format::kChronicle;
  }
  if (HasField(names, "EventID") && HasField(names, "SourceActorFull")) return Format::kPhoenix;
  if (IsGdeltHeader(first)) {
    if (names.size() == 57 || names.size() == 58) return Format::kGdelt1;
    if (names.size() == 61) return Format::kGdelt2;
  }

  for (std::string_view line : lines) {
    std::string_view f[64];
    int n = SplitTabs(line, f, 64);
    if (n == 57 || n == 58) return Format::kGdelt1;
    if (n == 61) return Format::kGdelt2;
    if (n == 26 && f[1].size() == 8 && AllDigits(f[1])) return Format::kPhoenix;
    if (n == 16 && f[1].size() == 14 && AllDigits(f[1]) && f[2].size() == 14) {
      return Status::InvalidArgument(fmt::format(
          "{}: a GDELT 2.0 mentions file (16 columns), not an events file; read the matching "
          "*.export.CSV instead",
          name));
    }
  }
  int tabs = CountChar(first, '\t');
  int commas = CountChar(first, ',');
  if (tabs == 0 && commas >= 50) {
    return Status::InvalidArgument(fmt::format(
        "{}: comma-separated ({} commas on line 1), but GDELT, ICEWS and Phoenix files are "
        "tab-separated; was it re-saved by a spreadsheet? Export it with tabs",
        name, commas));
  }
  return NotRecognised(
      name, fmt::format("line 1 has {} tab-separated fields; expected GDELT 1.0 (57 or 58), "
                        "GDELT 2.0 (61), Phoenix (26), a JSON object, or an ICEWS, Phoenix or "
                        "chronicle header (use --input-format to force one)",
                        tabs + 1));
}

}  // namespace entente::io
