// End-to-end tests of `entente generate`: the file it writes is deterministic for a seed, reads
// back through the GDELT 2.0 reader with zero rejects (`entente events FILE`), answers a dyad
// filter, and bad command lines exit 2 without leaving a file behind.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "testing.h"

namespace entente::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

TEST(Generate, WritesADeterministicFileThatReadsBackWithoutRejects) {
  TempDir dir;
  const std::string a = dir.File("a.export.CSV"), b = dir.File("b.export.CSV");
  RunResult r = RunEntente({"generate", "--rows", "3000", "--seed", "9", "-o", a});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("3000 GDELT 2.0 rows"));
  EXPECT_FALSE(fs::exists(a + ".partial"));
  r = RunEntente({"--quiet", "generate", "--rows", "3000", "--seed", "9", "-o", b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string bytes = ReadFileOrDie(a);
  EXPECT_EQ(bytes, ReadFileOrDie(b)) << "same seed, same bytes";
  EXPECT_EQ(Lines(bytes).size(), 3000u);

  r = RunEntente({"events", a, "--limit", "5", "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> out = Lines(r.out);
  ASSERT_EQ(out.size(), 6u) << r.out;  // header + 5 rows
  EXPECT_THAT(out[0], HasSubstr("goldstein"));
  EXPECT_THAT(out[1], HasSubstr("410000000"));
  EXPECT_THAT(out[1], HasSubstr("gdelt2"));

  // Every row reads: no rejects reported, and the whole file comes back.
  r = RunEntente({"events", a, "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("reject")));
  EXPECT_EQ(Lines(r.out).size(), 3001u);
}

// Files of two seeds are different events: ingesting both stores both, none as a duplicate.
TEST(Generate, SeedsNumberTheirEventsApart) {
  TempDir dir;
  const std::string a = dir.File("a.csv"), b = dir.File("b.csv"), store = dir.File("s");
  ASSERT_EQ(RunEntente({"-q", "generate", "--rows", "2000", "--seed", "1", "-o", a}).exit_code, 0);
  ASSERT_EQ(RunEntente({"-q", "generate", "--rows", "2000", "--seed", "2", "-o", b}).exit_code, 0);
  RunResult r = RunEntente({"--store", store, "ingest", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("4000 rows, 4000 stored, 0 duplicates")) << r.out;
}

TEST(Generate, DyadsTheBenchmarksQueryArePresent) {
  TempDir dir;
  const std::string f = dir.File("g.export.CSV");
  // PAK-RUS is about 1.3 events per 10k rows, in article clusters of a few events each.
  RunResult r = RunEntente({"--quiet", "generate", "--rows", "200000", "--seed", "1", "-o", f});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunEntente({"events", f, "--dyad", "PAK,USA", "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(Lines(r.out).size(), 100u) << "PAK-USA events in 200k rows";
  r = RunEntente({"events", f, "--dyad", "PAK,RUS", "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(Lines(r.out).size(), 6u) << "PAK-RUS events in 200k rows";
}

TEST(Generate, UsageErrors) {
  TempDir dir;
  RunResult r = RunEntente({"generate", "--rows", "10"});
  EXPECT_EQ(r.exit_code, 2) << "-o is required";
  r = RunEntente(
      {"generate", "--rows", "10", "--from", "2020", "--to", "2019", "-o", dir.File("x")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("after"));
  EXPECT_FALSE(fs::exists(dir.File("x")));
  r = RunEntente({"generate", "--rows", "10", "-o", dir.File("no/such/dir/x")});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no/such/dir/x"));
}

TEST(Generate, WritesToStdout) {
  RunResult r = RunEntente({"--quiet", "generate", "--rows", "7", "--seed", "2", "-o", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 7u);
  for (const std::string& l : lines) {
    EXPECT_EQ(std::count(l.begin(), l.end(), '\t'), 60) << l;
  }
}

}  // namespace
}  // namespace entente::testing
