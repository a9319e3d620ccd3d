// e2e: `entente report` and `entente demo` through the binary: the JSON form, -o, the exit code of
// an empty dyad, usage errors, and demo's fixed path on a machine with no store.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace entente {
namespace {

using testing::RunEntente;
using testing::TempDir;

// A store directory that exists but holds nothing, so read commands use the chronicle.
std::vector<std::string> Args(const TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> out = {"--store", dir.File("store"), "--quiet"};
  out.insert(out.end(), args.begin(), args.end());
  return out;
}

TEST(ReportCli, JsonHasEverySection) {
  TempDir dir;
  testing::RunResult r = RunEntente(Args(dir, {"report", "PAK", "RUS", "--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out.substr(0, 300);
  EXPECT_EQ(j["entente_report"], 1);
  EXPECT_EQ(j["dyad"]["a"], "PAK");
  EXPECT_EQ(j["data"]["is_embedded_chronicle"], true);
  EXPECT_GT(j["data"]["events"].get<int64_t>(), 200);
  for (const char* key : {"headline", "series", "phases", "key_events", "sectors", "triangle"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_GE(j["key_events"].size(), 10u);
  EXPECT_GE(j["triangle"].size(), 3u);
  // The same phases as `entente phases` (one analysis, two views).
  testing::RunResult p =
      RunEntente(Args(dir, {"phases", "PAK", "RUS", "--by", "year", "--format", "jsonl"}));
  ASSERT_EQ(p.exit_code, 0) << p.err;
  size_t lines = std::count(p.out.begin(), p.out.end(), '\n');
  EXPECT_EQ(lines, j["phases"]["phases"].size());
}

TEST(ReportCli, WritesHtmlToAFileAndPrintsThePath) {
  TempDir dir;
  std::string out = dir.File("sub/dir/r.html");
  testing::RunResult r =
      RunEntente(Args(dir, {"report", "ind", "rus", "-o", out, "--from", "1990", "--by", "year"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, out + "\n");
  std::string html = testing::ReadFileOrDie(out);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("India–Russia relations"), std::string::npos);
}

TEST(ReportCli, EmptyDyadExits6) {
  TempDir dir;
  testing::RunResult r = RunEntente(Args(dir, {"report", "PAK", "BRA"}));
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_NE(r.err.find("no events between PAK and BRA"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(ReportCli, UsageErrorsExit2) {
  TempDir dir;
  EXPECT_EQ(RunEntente(Args(dir, {"report", "PAK"})).exit_code, 2);
  EXPECT_EQ(RunEntente(Args(dir, {"report", "PAK", "PAK"})).exit_code, 2);
  EXPECT_EQ(RunEntente(Args(dir, {"report", "PAK", "RUS", "--by", "week"})).exit_code, 2);
  EXPECT_EQ(RunEntente(Args(dir, {"report", "PAK", "RUS", "--format", "csv"})).exit_code, 2);
  EXPECT_EQ(
      RunEntente(Args(dir, {"report", "PAK", "RUS", "--from", "2020", "--to", "2000"})).exit_code,
      2);
}

TEST(ReportCli, DemoWritesTheKnownPath) {
  TempDir dir;
  std::string out = dir.File("demo.html");
  testing::RunResult r = RunEntente(Args(dir, {"demo", "-o", out}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, out + "\n");
  std::string html = testing::ReadFileOrDie(out);
  EXPECT_NE(html.find("Pakistan–Russia relations"), std::string::npos);
  EXPECT_NE(html.find("embedded chronicle"), std::string::npos);
}

}  // namespace
}  // namespace entente
