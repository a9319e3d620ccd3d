// Golden files for the readers: tests/golden/io/*.test. Each holds a tiny authored input file and
// the JSON Lines (every field, as `entente events --format jsonl` writes them) and rejects (as
// --rejects writes them) the readers must produce from it:
//
//   # comment lines
//   name: tiny.CSV          (the file name used in messages)
//   format: auto            (or gdelt1, gdelt2, icews, phoenix, jsonl, chronicle)
//   ---- input
//   ...bytes...
//   ---- jsonl
//   ...one object per event...
//   ---- rejects
//   ...TSV, header first...
//   ---- status             (optional: the error the read ends with)
//
// Run with ENTENTE_UPDATE_GOLDEN=1 to rewrite the expected sections from the current output
// (then review the diff).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "io/event_fields.h"
#include "io/reader.h"
#include "io/reject_sinks.h"
#include "testing.h"

namespace entente::io {
namespace {

std::string Real(double v) {
  std::string s = fmt::format("{:.6f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string ToJsonLine(const EventRow& e) {
  std::vector<FieldValue> values;
  EventFieldValues(e, /*full=*/true, &values);
  const std::vector<std::string>& names = EventColumnsFull();
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ",";
    out += nlohmann::json(names[i]).dump() + ":";
    const FieldValue& v = values[i];
    switch (v.kind) {
      case FieldValue::kNull: out += "null"; break;
      case FieldValue::kInt: out += std::to_string(v.i); break;
      case FieldValue::kReal: out += Real(v.d); break;
      case FieldValue::kText: out += nlohmann::json(v.s).dump(); break;
    }
  }
  return out + "}\n";
}

struct Golden {
  std::string header;  // everything before "---- input"
  std::string name = "input";
  std::string format = "auto";
  std::map<std::string, std::string> sections;
};

Golden ParseGolden(const std::string& text) {
  Golden g;
  std::string current;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl + 1;
    std::string line = text.substr(pos, end - pos);
    pos = end;
    if (line.starts_with("---- ")) {
      current = line.substr(5);
      while (!current.empty() && (current.back() == '\n' || current.back() == '\r')) {
        current.pop_back();
      }
      g.sections[current];
      continue;
    }
    if (current.empty()) {
      g.header += line;
      if (line.starts_with("name: ")) g.name = line.substr(6, line.size() - 7);
      if (line.starts_with("format: ")) g.format = line.substr(8, line.size() - 9);
    } else {
      g.sections[current] += line;
    }
  }
  return g;
}

TEST(Golden, ReadersMatchGoldenFiles) {
  std::string dir = ::entente::testing::SourceDir() + "/tests/golden/io";
  ASSERT_TRUE(std::filesystem::exists(dir)) << dir;
  bool update = std::getenv("ENTENTE_UPDATE_GOLDEN") != nullptr;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".test") continue;
    ++files;
    std::string path = entry.path().string();
    Golden g = ParseGolden(::entente::testing::ReadFileOrDie(path));
    ASSERT_TRUE(g.sections.count("input")) << path;
    Result<Format> format = ParseFormat(g.format);
    ASSERT_TRUE(format.ok()) << path;

    std::string jsonl;
    MemoryRejectSink sink;
    ReadOptions options;
    options.format = *format;
    options.rejects = &sink;
    Status st = ReadEventBytes(
        g.name, g.sections["input"], options,
        [&](const EventRow& e) {
          jsonl += ToJsonLine(e);
          return true;
        },
        nullptr);
    std::string rejects = "file\tline\toffset\tcolumn\treason\traw\n";
    for (const Reject& r : sink.rejects()) {
      rejects += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", EscapeTsvField(r.file), r.line, r.offset,
                             r.column, EscapeTsvField(r.reason), EscapeTsvField(r.raw));
    }
    std::string status = st.ok() ? "" : st.ToString() + "\n";

    if (update) {
      std::ofstream out(path, std::ios::binary);
      out << g.header << "---- input\n"
          << g.sections["input"] << "---- jsonl\n"
          << jsonl << "---- rejects\n"
          << rejects;
      if (!status.empty()) out << "---- status\n" << status;
      continue;
    }
    EXPECT_EQ(jsonl, g.sections["jsonl"]) << path;
    EXPECT_EQ(rejects, g.sections["rejects"]) << path;
    EXPECT_EQ(status, g.sections["status"]) << path;
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace entente::io
