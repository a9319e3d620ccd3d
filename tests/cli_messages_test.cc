// End-to-end: what the CLI says, and the exit code, when the command line or its inputs are
// wrong: numeric ranges, mistyped commands, dyads written either way, unusable store paths and
// input files. An empty scratch store makes read commands use the embedded chronicle.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "testing.h"

namespace entente::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CliMessagesTest : public ::testing::Test {
 protected:
  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--store", store_.path(), "--quiet", "--format", "tsv"});
    return RunEntente(args);
  }
  TempDir store_;
};

TEST_F(CliMessagesTest, RangeMessagesNameTheBoundsAsWholeNumbers) {
  RunResult top = Run({"key-events", "PAK", "RUS", "--top", "-1"});
  EXPECT_EQ(top.exit_code, 2);
  EXPECT_THAT(top.err, HasSubstr("--top: -1 is not a whole number of 1 or more"));
  EXPECT_THAT(top.err, Not(HasSubstr("179769")));

  RunResult window = Run({"scan", "--window", "0"});
  EXPECT_EQ(window.exit_code, 2);
  EXPECT_THAT(window.err, HasSubstr("--window: 0 is not a whole number of 1 or more"));

  RunResult report = Run({"report", "PAK", "RUS", "--top", "201"});
  EXPECT_EQ(report.exit_code, 2);
  EXPECT_THAT(report.err, HasSubstr("--top: 201 is not a whole number from 1 to 200"));

  RunResult quad = Run({"events", "--quad", "2.5"});
  EXPECT_EQ(quad.exit_code, 2);
  EXPECT_THAT(quad.err, HasSubstr("--quad: 2.5 is not a whole number from 1 to 4"));

  EXPECT_EQ(Run({"key-events", "PAK", "RUS", "--top", "3"}).exit_code, 0);
}

TEST_F(CliMessagesTest, TypoGetsOnlyTheSuggestion) {
  RunResult r = RunEntente({"phses"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "entente: unknown command 'phses'; did you mean 'phases'?\n");

  RunResult after_store = RunEntente({"--store", store_.path(), "phses"});
  EXPECT_EQ(after_store.exit_code, 2);
  EXPECT_EQ(after_store.err, "entente: unknown command 'phses'; did you mean 'phases'?\n");

  RunResult far = RunEntente({"zzzzzzzz"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_THAT(far.err, HasSubstr("unknown command 'zzzzzzzz'"));
  EXPECT_THAT(far.err, Not(HasSubstr("subcommand is required")));
}

TEST_F(CliMessagesTest, DyadsWrittenWithCommaOrDash) {
  RunResult comma = Run({"compare", "PAK,RUS", "PAK,USA", "--show", "pairs"});
  RunResult dash = Run({"compare", "PAK-RUS", "pak-usa", "--show", "pairs"});
  ASSERT_EQ(comma.exit_code, 0) << comma.err;
  ASSERT_EQ(dash.exit_code, 0) << dash.err;
  EXPECT_EQ(dash.out, comma.out);

  RunResult events_comma = Run({"events", "--dyad", "PAK,RUS"});
  RunResult events_dash = Run({"events", "--dyad", "PAK-RUS"});
  ASSERT_EQ(events_comma.exit_code, 0) << events_comma.err;
  ASSERT_EQ(events_dash.exit_code, 0) << events_dash.err;
  EXPECT_GT(Lines(events_dash.out).size(), 1u);
  EXPECT_EQ(events_dash.out, events_comma.out);

  RunResult bad = Run({"compare", "PAK-RUS-USA", "PAK,USA"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("expected A,B or A-B"));
}

TEST_F(CliMessagesTest, InfoJsonIsOneObject) {
  RunResult empty = RunEntente({"--store", store_.path(), "--quiet", "--format", "json", "info"});
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_THAT(empty.out, ::testing::StartsWith("{\n"));
  EXPECT_THAT(empty.out, HasSubstr("\"events\": 0,"));
  EXPECT_THAT(empty.out, HasSubstr("\"first\": null,"));
  EXPECT_THAT(empty.out, HasSubstr("\"datasets\": {},"));
  EXPECT_THAT(empty.out, Not(HasSubstr("\"key\"")));

  TempDir work;
  ASSERT_EQ(RunEntente({"generate", "--rows", "40", "-o", work.File("g.csv")}).exit_code, 0);
  ASSERT_EQ(
      RunEntente({"--store", store_.path(), "--quiet", "ingest", work.File("g.csv")}).exit_code, 0);
  RunResult line = RunEntente({"--store", store_.path(), "--quiet", "--format", "jsonl", "info"});
  ASSERT_EQ(line.exit_code, 0) << line.err;
  ASSERT_EQ(Lines(line.out).size(), 1u) << line.out;
  EXPECT_THAT(line.out, ::testing::StartsWith("{\"store\": "));
  EXPECT_THAT(line.out, HasSubstr("\"events\": 40, "));
  EXPECT_THAT(line.out, HasSubstr("\"datasets\": {\"gdelt2\": 40}, "));
  EXPECT_THAT(line.out, HasSubstr("\"bytes\": "));
  EXPECT_THAT(line.out, Not(HasSubstr("\"bytes\": \"")));

  RunResult rows = RunEntente({"--store", store_.path(), "--quiet", "--format", "tsv", "info"});
  EXPECT_THAT(rows.out, ::testing::StartsWith("key\tvalue\n"));
}

TEST_F(CliMessagesTest, StorePathThatIsNoDirectoryIsAStoreError) {
  std::string file = store_.File("plain-file");
  WriteFileOrDie(file, "not a store\n");
  RunResult info = RunEntente({"--store", file, "info"});
  EXPECT_EQ(info.exit_code, 4);
  EXPECT_THAT(info.err, HasSubstr(file + ": not a directory"));

  RunResult below = RunEntente({"--store", file + "/sub", "events"});
  EXPECT_EQ(below.exit_code, 4);
  EXPECT_THAT(below.err, HasSubstr(file + "/sub: Not a directory"));

  RunResult missing = RunEntente({"--store", store_.File("not-yet"), "--quiet", "info"});
  EXPECT_EQ(missing.exit_code, 0) << missing.err;
}

TEST_F(CliMessagesTest, IngestOfAMissingFileIsBadInput) {
  std::string path = store_.File("no-such-file.csv");
  RunResult ingest = Run({"ingest", path});
  EXPECT_EQ(ingest.exit_code, 3);
  EXPECT_THAT(ingest.err, HasSubstr(path));
  EXPECT_EQ(Run({"events", path}).exit_code, 3);
}

TEST_F(CliMessagesTest, IngestOfAnEmptyFileSaysSo) {
  TempDir work;
  std::string path = work.File("empty.csv");
  WriteFileOrDie(path, "");
  RunResult r = RunEntente({"--store", store_.path(), "ingest", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr(path + ": no rows\n"));
  RunResult quiet = RunEntente({"--store", store_.path(), "--quiet", "ingest", path});
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_THAT(quiet.err, Not(HasSubstr("no rows")));
}

TEST_F(CliMessagesTest, AMistypedActorCodeIsNamedWithTheNearestCountry) {
  RunResult r = Run({"dyad", "GEO", "RUSS"});
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_THAT(r.err, HasSubstr("no events between GEO and RUSS: RUSS is no CAMEO actor code; "
                               "did you mean RUS?"));
  RunResult far = Run({"phases", "Q7", "PAK"});
  EXPECT_THAT(far.err, HasSubstr("Q7 is no CAMEO actor code"));
  EXPECT_THAT(far.err, Not(HasSubstr("did you mean")));
  // A well-formed code the data are silent on gets no hint.
  RunResult silent = Run({"dyad", "PAKGOV", "TUV"});
  EXPECT_THAT(silent.err, HasSubstr("no events between PAKGOV and TUV"));
  EXPECT_THAT(silent.err, Not(HasSubstr("is no CAMEO")));
}

TEST_F(CliMessagesTest, AnUnwritableReportPathSaysWhyAndNamesThePath) {
  RunResult r = RunEntente({"--store", store_.path(), "--quiet", "report", "PAK", "RUS", "-o",
                            "/proc/entente-report.html"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("/proc/entente-report.html: cannot write: "));
  EXPECT_THAT(r.err, Not(HasSubstr(".tmp-")));
}

// `serve` runs the dashboard from entente_http.so beside the executable; an executable copied
// without it says what is missing instead of failing obscurely, and the other commands still run.
TEST_F(CliMessagesTest, ServeWithoutItsModuleNamesTheModule) {
  TempDir dir;
  const std::string built = EntenteBinary(), bin = dir.File("entente");
  std::filesystem::copy_file(built, bin);
  setenv("ENTENTE_BINARY", bin.c_str(), 1);
  RunResult serve = RunEntente({"--store", dir.File("store"), "serve", "--port", "0"});
  RunResult version = RunEntente({"--version"});
  setenv("ENTENTE_BINARY", built.c_str(), 1);
  EXPECT_EQ(serve.exit_code, 1) << serve.err;
  EXPECT_THAT(serve.err, HasSubstr("entente_http.so"));
  EXPECT_EQ(version.exit_code, 0) << version.err;
}

}  // namespace
}  // namespace entente::testing
