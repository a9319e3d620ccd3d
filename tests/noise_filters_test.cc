// End-to-end tests of the noise filters (--root-only, --min-sources, --min-articles; the API's
// root_only, min_sources, min_articles): every analysis command counts only the events that pass.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing.h"

namespace entente::testing {
namespace {

using ::testing::HasSubstr;

// PAK-RUS in 2012: event i has i % 4 sources, (i % 3) * 5 articles and is a root event when i
// is even; 24 events.
std::string Events() {
  std::string out;
  for (int i = 0; i < 24; ++i) {
    out += "{\"id\":\"n" + std::to_string(i) + "\",\"date\":\"2012-03-0" +
           std::to_string(1 + i % 9) +
           "\",\"source\":\"PAKGOV\",\"source_country\":\"PAK\",\"target\":\"RUSGOV\","
           "\"target_country\":\"RUS\",\"code\":\"042\",\"quad\":1,\"goldstein\":1.9,"
           "\"sources\":" +
           std::to_string(i % 4) + ",\"articles\":" + std::to_string((i % 3) * 5) +
           ",\"is_root\":" + (i % 2 == 0 ? "true" : "false") + ",\"dataset\":\"test\"}\n";
  }
  return out;
}

// The `events` column of the one row `dyad PAK RUS --by year` prints with `extra` options; "none"
// when no event passes (exit 6).
std::string YearEvents(const std::string& store, std::vector<std::string> extra) {
  std::vector<std::string> args = {"--store", store, "-q",  "--format", "csv",
                                   "dyad",    "PAK", "RUS", "--by",     "year"};
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult r = RunEntente(args);
  if (r.exit_code == 6) return "none";
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  if (lines.size() != 2) return "rows: " + std::to_string(lines.size());
  return lines[1].substr(lines[1].find(',') + 1,
                         lines[1].find(',', lines[1].find(',') + 1) - lines[1].find(',') - 1);
}

TEST(NoiseFilters, AnalysisCommandsCountOnlyEventsThatPass) {
  TempDir dir;
  WriteFileOrDie(dir.File("e.jsonl"), Events());
  const std::string store = dir.File("s");
  ASSERT_EQ(RunEntente({"--store", store, "-q", "ingest", dir.File("e.jsonl")}).exit_code, 0);
  EXPECT_EQ(YearEvents(store, {}), "24");
  EXPECT_EQ(YearEvents(store, {"--root-only"}), "12");
  EXPECT_EQ(YearEvents(store, {"--min-sources", "2"}), "12");   // i % 4 in {2, 3}
  EXPECT_EQ(YearEvents(store, {"--min-articles", "10"}), "8");  // i % 3 == 2
  EXPECT_EQ(YearEvents(store, {"--root-only", "--min-sources", "3"}),
            "none");  // i even, i % 4 == 3
  // key-events, scan and report take the same options.
  RunResult k = RunEntente({"--store", store, "-q", "--format", "csv", "key-events", "PAK", "RUS",
                            "--top", "100", "--min-articles", "10"});
  ASSERT_EQ(k.exit_code, 0) << k.err;
  std::vector<std::string> rows = Lines(k.out);
  ASSERT_GT(rows.size(), 1u) << k.out;
  for (size_t i = 1; i < rows.size(); ++i) {  // same-day events merge: 10 or more articles each
    EXPECT_THAT(rows[i], ::testing::ContainsRegex("; [1-9][0-9]+ articles")) << rows[i];
  }
  RunResult bad = RunEntente({"--store", store, "dyad", "PAK", "RUS", "--min-sources", "-1"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  RunResult report = RunEntente(
      {"--store", store, "-q", "--format", "json", "report", "PAK", "RUS", "--root-only"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_THAT(report.out, HasSubstr("\"events\": 12,"));
}

}  // namespace
}  // namespace entente::testing
