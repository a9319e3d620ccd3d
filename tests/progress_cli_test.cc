// e2e: the progress line on stderr. `compact` and `report` draw one when stderr is a terminal (a
// pseudo-terminal here), and none with --quiet or when stderr is not a terminal; what they print
// on stdout is the same in every case. Nothing here depends on timing: compaction always draws
// the call that reaches its total, and the report names every stage.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "report/report.h"
#include "testing.h"

namespace entente::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A store at dir/name holding two segments of 2,000 events each (two ingests), so `compact` has
// something to merge.
std::string TwoSegmentStore(const TempDir& dir, const std::string& name) {
  std::string store = dir.File(name);
  for (const char* seed : {"1", "2"}) {
    std::string file = dir.File(std::string("seed") + seed + ".csv");
    RunResult g = RunEntente({"-q", "generate", "--rows", "2000", "--seed", seed, "-o", file});
    EXPECT_EQ(g.exit_code, 0) << g.err;
    RunResult i = RunEntente({"-q", "--store", store, "ingest", file});
    EXPECT_EQ(i.exit_code, 0) << i.err;
  }
  return store;
}

size_t Occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ProgressCli, CompactDrawsRowsMergedOnATerminal) {
  TempDir dir;
  RunResult r = RunEntenteOnTerminal({"--store", TwoSegmentStore(dir, "tty"), "compact"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("compacted 2 segments into 1: 4000 events"));
  EXPECT_THAT(r.err, HasSubstr("\r["));
  EXPECT_THAT(r.err, HasSubstr("100% 4.0k rows")) << "the line ends at the total";
}

TEST(ProgressCli, CompactDrawsNothingQuietOrOffATerminal) {
  TempDir dir;
  RunResult quiet =
      RunEntenteOnTerminal({"--quiet", "--store", TwoSegmentStore(dir, "quiet"), "compact"});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_THAT(quiet.out, HasSubstr("compacted 2 segments into 1"));
  EXPECT_EQ(quiet.err, "");

  RunResult piped = RunEntente({"--store", TwoSegmentStore(dir, "piped"), "compact"});
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_THAT(piped.out, HasSubstr("compacted 2 segments into 1"));
  EXPECT_THAT(piped.err, Not(HasSubstr("\r")));
  EXPECT_THAT(piped.err, Not(HasSubstr("rows/s")));
}

// On an empty store the report reads the embedded chronicle: no store to build.
TEST(ProgressCli, ReportNamesEachStageOnceOnATerminal) {
  TempDir dir;
  std::vector<std::string> args = {"--store", dir.File("empty"), "report", "PAK", "RUS",
                                   "-o",      dir.File("r.html")};
  RunResult r = RunEntenteOnTerminal(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, dir.File("r.html") + "\n");
  const size_t n = report::kReportStages.size();
  size_t last = 0;
  for (size_t k = 0; k < n; ++k) {
    std::string line = "\rstage " + std::to_string(k + 1) + "/" + std::to_string(n) + ": " +
                       std::string(report::kReportStages[k]);
    EXPECT_EQ(Occurrences(r.err, line), 1u) << line;
    size_t at = r.err.find(line);
    if (at != std::string::npos) {
      EXPECT_GE(at, last) << "stages in order";
      last = at;
    }
  }
}

TEST(ProgressCli, ReportDrawsNothingQuietOrOffATerminal) {
  TempDir dir;
  std::vector<std::string> args = {"--store", dir.File("empty"), "report", "PAK", "RUS",
                                   "-o",      dir.File("r.html")};
  std::vector<std::string> quiet_args = args;
  quiet_args.insert(quiet_args.begin(), "--quiet");
  RunResult quiet = RunEntenteOnTerminal(quiet_args);
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_THAT(quiet.err, Not(HasSubstr("stage")));
  EXPECT_THAT(quiet.err, Not(HasSubstr("\r")));

  RunResult piped = RunEntente(args);
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.out, quiet.out);
  EXPECT_THAT(piped.err, Not(HasSubstr("stage")));
  EXPECT_THAT(piped.err, Not(HasSubstr("\r")));
}

}  // namespace
}  // namespace entente::testing
