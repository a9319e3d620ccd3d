// `entente code` end to end: jsonl fields, --lines with dates, bad input (invalid UTF-8, NUL,
// an empty file, a huge line) gives warnings and no crash, --eval on the gold set and on the
// TABARI / PETRARCH validation suites with regression floors.
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "testing.h"

namespace entente::testing {
namespace {

std::vector<nlohmann::json> Jsonl(const std::string& out) {
  std::vector<nlohmann::json> rows;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

// The F1 of the `level` row in `entente code --eval ... --format tsv` output.
double F1Of(const std::string& out, const std::string& level) {
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(level + "\t", 0) == 0) return std::stod(line.substr(line.rfind('\t') + 1));
  }
  return -1;
}

TEST(CoderCli, CodesTextToJsonl) {
  RunResult r = RunEntente({"code", "--date", "2012-10-05", "-"},
                           "Russian Foreign Minister Sergei Lavrov visited Islamabad yesterday. "
                           "Pakistan and Russia signed an agreement.");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = Jsonl(r.out);
  ASSERT_EQ(rows.size(), 4u) << r.out;
  EXPECT_EQ(rows[0]["source"], "RUSGOV");
  EXPECT_EQ(rows[0]["target"], "PAKGOV");
  EXPECT_EQ(rows[0]["code"], "042");
  EXPECT_EQ(rows[0]["root"], "04");
  EXPECT_EQ(rows[0]["quad"], 1);
  EXPECT_EQ(rows[0]["date"], "2012-10-04");
  EXPECT_EQ(rows[0]["doc"], 1);
  EXPECT_EQ(rows[0]["sentence"], 1);
  EXPECT_TRUE(rows[0].contains("goldstein"));
  EXPECT_EQ(rows[2]["sentence"], 2);
  EXPECT_EQ(rows[2]["code"], "057");
  EXPECT_EQ(rows[2]["text"], "Pakistan and Russia signed an agreement.");
}

// --scheme plover writes PLOVER's event, mode and context in place of CAMEO's code; both writes
// the two side by side. A statement (CAMEO root 01) has no PLOVER event: its cells are null.
TEST(CoderCli, PloverSchemeBesideOrInsteadOfCameo) {
  const std::string text =
      "Russian Foreign Minister Sergei Lavrov visited Islamabad yesterday. "
      "Russian troops shelled Ukrainian positions near Kharkiv.";
  RunResult plover = RunEntente({"code", "--date", "2012-10-05", "--scheme", "plover", "-"}, text);
  ASSERT_EQ(plover.exit_code, 0) << plover.err;
  auto rows = Jsonl(plover.out);
  ASSERT_GE(rows.size(), 2u) << plover.out;
  EXPECT_FALSE(rows[0].contains("code"));
  EXPECT_EQ(rows[0]["plover_event"], "CONSULT");
  EXPECT_EQ(rows[0]["plover_mode"], "visit");
  EXPECT_TRUE(rows[0]["plover_context"].is_null());
  EXPECT_EQ(rows.back()["plover_event"], "ASSAULT");
  EXPECT_EQ(rows.back()["plover_context"], "military");

  RunResult both = RunEntente({"code", "--date", "2012-10-05", "--scheme", "both", "-"}, text);
  ASSERT_EQ(both.exit_code, 0) << both.err;
  auto joint = Jsonl(both.out);
  ASSERT_EQ(joint.size(), rows.size());
  EXPECT_EQ(joint[0]["code"], "042");
  EXPECT_EQ(joint[0]["plover_event"], "CONSULT");

  RunResult bad = RunEntente({"code", "--scheme", "icews", "-"}, text);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("icews not in"), std::string::npos) << bad.err;
}

// --jsonl codes one article a line; stored events carry article/sentence/event ids, so coding
// the same articles again stores nothing new.
TEST(CoderCli, JsonlArticlesIngestWithIdsOnce) {
  TempDir dir;
  const std::string input =
      R"({"id": "a1", "date": "2015-06-10", "title": "Deal", "text": "ISLAMABAD, June 9 )"
      R"((Reuters) - Pakistan and Russia signed a defence cooperation agreement."})"
      "\n";
  const std::string store = dir.File("s");
  RunResult first = RunEntente({"--store", store, "code", "--jsonl", "--ingest", "-"}, input);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto rows = Jsonl(first.out);
  ASSERT_EQ(rows.size(), 2u) << first.out;
  EXPECT_EQ(rows[0]["doc"], "a1");
  EXPECT_EQ(rows[0]["date"], "2015-06-09");  // from the dateline
  EXPECT_EQ(rows[0]["code"], "057");
  RunResult again = RunEntente({"--store", store, "code", "--jsonl", "--ingest", "-"}, input);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("stored 0 new event(s)"), std::string::npos) << again.err;
  RunResult events = RunEntente({"--store", store, "events", "--format", "tsv"});
  ASSERT_EQ(events.exit_code, 0) << events.err;
  EXPECT_NE(events.out.find("\na1/2/1\t2015-06-09"), std::string::npos) << events.out;

  RunResult both = RunEntente({"code", "--jsonl", "--lines", "-"}, input);
  EXPECT_EQ(both.exit_code, 2) << both.err;
}

TEST(CoderCli, LinesWithDates) {
  RunResult r = RunEntente({"code", "--lines", "--date", "2020-01-01"},
                           "1995-06-01\tPutin visited Pakistan.\n"
                           "2010-06-01\tPutin visited Pakistan.\n"
                           "Putin visited Pakistan.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = Jsonl(r.out);
  // 1995: Putin held no office, nothing coded; 2010 and the default date: RUSGOV.
  ASSERT_EQ(rows.size(), 4u) << r.out;
  EXPECT_EQ(rows[0]["doc"], 2);
  EXPECT_EQ(rows[0]["date"], "2010-06-01");
  EXPECT_EQ(rows[2]["doc"], 3);
  EXPECT_EQ(rows[2]["date"], "2020-01-01");
}

TEST(CoderCli, BadInputWarnsAndDoesNotCrash) {
  TempDir dir;
  WriteFileOrDie(dir.File("empty.txt"), "");
  RunResult e = RunEntente({"code", dir.File("empty.txt")});
  EXPECT_EQ(e.exit_code, 0);
  EXPECT_NE(e.err.find("empty"), std::string::npos) << e.err;

  static constexpr char kBad[] = "Russia\xff\xfe visited\0 Pakistan.\n";
  std::string bad(kBad, sizeof(kBad) - 1);  // the NUL inside included, the final one not
  WriteFileOrDie(dir.File("bad.txt"), bad);
  RunResult b = RunEntente({"code", "--date", "2015-01-01", dir.File("bad.txt")});
  EXPECT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(b.err.find("invalid UTF-8"), std::string::npos) << b.err;
  EXPECT_EQ(Jsonl(b.out).size(), 2u) << b.out;

  std::string huge(5 << 20, 'x');
  huge += "\n2015-01-01\tRussia visited Pakistan.\n";
  WriteFileOrDie(dir.File("huge.txt"), huge);
  RunResult h = RunEntente({"code", "--lines", dir.File("huge.txt")});
  EXPECT_EQ(h.exit_code, 0) << h.err;
  EXPECT_NE(h.err.find("skipped 1 line"), std::string::npos) << h.err;
  EXPECT_EQ(Jsonl(h.out).size(), 2u);

  RunResult missing = RunEntente({"code", dir.File("nope.txt")});
  EXPECT_NE(missing.exit_code, 0);
  RunResult usage = RunEntente({"code", "--date", "yesterday"}, "x");
  EXPECT_EQ(usage.exit_code, 2);
}

TEST(CoderCli, IngestStoresCodedEventsOnce) {
  TempDir dir;
  std::string text = "2012-10-02\tLavrov visited Islamabad.\n";
  RunResult a = RunEntente({"--store", dir.path(), "code", "--lines", "--ingest"}, text);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_NE(a.err.find("stored 2 new event(s) as coded:stdin"), std::string::npos) << a.err;
  RunResult b = RunEntente({"--store", dir.path(), "code", "--lines", "--ingest"}, text);
  EXPECT_NE(b.err.find("stored 0 new event(s)"), std::string::npos) << b.err;
  RunResult ev = RunEntente({"--store", dir.path(), "events", "--format", "tsv"});
  ASSERT_EQ(ev.exit_code, 0) << ev.err;
  EXPECT_NE(ev.out.find("RUSGOV\tRUS\tPAKGOV\tPAK\t042"), std::string::npos) << ev.out;
}

// Regression floors: the scores when last measured, minus a small margin.
TEST(CoderCli, EvalGoldFloor) {
  RunResult r = RunEntente({"code", "--eval", "gold", "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GE(F1Of(r.out, "event"), 0.95) << r.out;
  EXPECT_GE(F1Of(r.out, "root"), 0.95) << r.out;
}

// A validation suite of another coder in the shared data, and the event F1 floor on it.
struct SharedEvalSet {
  const char* name;
  const char* shared_path;
  double event_f1_floor;
};

class CoderCliSharedEval : public ::testing::TestWithParam<SharedEvalSet> {};

TEST_P(CoderCliSharedEval, EventF1Floor) {
  ENTENTE_REQUIRE_SHARED(path, GetParam().shared_path);
  RunResult r = RunEntente({"code", "--eval", path, "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::printf("%s", r.out.c_str());
  EXPECT_GE(F1Of(r.out, "event"), GetParam().event_f1_floor) << r.out;
}

INSTANTIATE_TEST_SUITE_P(
    Suites, CoderCliSharedEval,
    ::testing::Values(SharedEvalSet{"TabariValidation", "tabari/code-repo/Validate.text", 0.40},
                      SharedEvalSet{"PetrarchUnitTest", "petrarch2/text/PETR.UnitTest.records.xml",
                                    0.42}),
    [](const ::testing::TestParamInfo<SharedEvalSet>& info) { return info.param.name; });

}  // namespace
}  // namespace entente::testing
