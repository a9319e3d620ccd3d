// End-to-end: what real GDELT files exposed. Actor codes are trimmed at ingest and only states
// are ranked by scan; a period without events of the dyad prints null ratios, never a neutral 0,
// and says whether the data cover it; scan explains which periods it compares and why an answer
// is empty. Rows written for the purpose, and the GDELT samples of ../shared/data when present.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/cameo.h"
#include "testing.h"

namespace entente::testing {
namespace {

// One JSONL event; `id` keeps otherwise identical rows distinct.
std::string JsonEvent(int id, const std::string& date, const std::string& src,
                      const std::string& tgt, const std::string& code = "040") {
  return "{\"id\":\"" + std::to_string(id) + "\",\"date\":\"" + date + "\",\"source\":\"" + src +
         "\",\"target\":\"" + tgt + "\",\"code\":\"" + code + "\",\"dataset\":\"t\"}\n";
}

class RealDataCliTest : public ::testing::Test {
 protected:
  // Ingests `jsonl` into the test's store.
  void Ingest(const std::string& jsonl) {
    std::string path = dir_.path() + "/events.jsonl";
    WriteFileOrDie(path, jsonl);
    RunResult r = RunEntente({"--store", store_.path(), "--quiet", "ingest", path});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  RunResult Run(std::vector<std::string> args, const std::string& format = "csv") {
    args.insert(args.begin(), {"--store", store_.path(), "--format", format});
    return RunEntente(args);
  }
  // `entente ingest` of the two one-day GDELT 2.0 samples under `dir` into the test's store.
  std::vector<std::string> IngestGdelt2Days(const std::string& dir) {
    return {"--store",
            store_.path(),
            "--quiet",
            "ingest",
            dir + "/DIAS-GDELT/20180326044500.export.CSV",
            dir + "/geomesa-tutorials/20180101000000.export.CSV"};
  }
  TempDir store_, dir_;
};

// PAK-RUS has events in 2010 and 2013; 2011 holds only IND-USA events, 2012 nothing at all.
std::string QuietAndGapYears() {
  std::string s;
  int id = 0;
  for (int i = 0; i < 3; ++i) s += JsonEvent(++id, "2010-03-01", "PAK", "RUS");
  for (int i = 0; i < 3; ++i) s += JsonEvent(++id, "2011-03-01", "IND", "USA");
  for (int i = 0; i < 3; ++i) s += JsonEvent(++id, "2013-03-01", "RUS", "PAK", "111");
  return s;
}

TEST_F(RealDataCliTest, DyadRatiosOfAnEmptyPeriodAreNull) {
  Ingest(QuietAndGapYears());
  RunResult csv = Run({"--quiet", "dyad", "PAK", "RUS", "--by", "year"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::vector<std::string> lines = Lines(csv.out);
  ASSERT_EQ(lines.size(), 5u) << csv.out;
  EXPECT_EQ(lines[0],
            "period,events,vcoop,mcoop,vconf,mconf,goldstein_sum,goldstein_mean,net_coop,"
            "net_coop_lo,net_coop_hi,intensity,coverage");
  EXPECT_THAT(lines[1], ::testing::StartsWith("2010,3,3,0,0,0,"));
  // net_coop 1 over 3 events: its 90% interval is 0.05 to 1 (METHODS.md "Uncertainty").
  EXPECT_THAT(lines[1], ::testing::MatchesRegex(".*,1,0\\.05[0-9]*,1,1,data"));
  EXPECT_EQ(lines[2], "2011,0,0,0,0,0,0,,,,,,data");  // the data cover 2011: the dyad was quiet
  EXPECT_EQ(lines[3], "2012,0,0,0,0,0,0,,,,,,gap");   // nothing at all in 2012
  EXPECT_THAT(lines[4], ::testing::MatchesRegex(".*,-1,-1,-0\\.05[0-9]*,1,data"));

  RunResult jsonl = Run({"--quiet", "dyad", "PAK", "RUS", "--by", "year"}, "jsonl");
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  std::vector<std::string> rows = Lines(jsonl.out);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_THAT(rows[1], ::testing::HasSubstr("\"events\":0"));
  EXPECT_THAT(rows[1], ::testing::HasSubstr("\"goldstein_mean\":null"));
  EXPECT_THAT(rows[1], ::testing::HasSubstr("\"net_coop\":null"));
  EXPECT_THAT(rows[1], ::testing::HasSubstr("\"net_coop_lo\":null,\"net_coop_hi\":null"));
  EXPECT_THAT(rows[1], ::testing::HasSubstr("\"intensity\":null"));
  EXPECT_THAT(rows[2], ::testing::HasSubstr("\"coverage\":\"gap\""));
  RunResult json = Run({"--quiet", "dyad", "PAK", "RUS", "--by", "year"}, "json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_THAT(json.out, ::testing::Not(::testing::HasSubstr("\"net_coop\":0")));
  EXPECT_THAT(json.out,
              ::testing::HasSubstr("\"net_coop\":null,\"net_coop_lo\":null,\"net_coop_hi\":null,"
                                   "\"intensity\":null"));
}

// " GEO" and "GEO" are one actor, a blank target is no actor, and roles, regions and IGOs are
// not countries: scan ranks GEO-RUS only, unless --actors all.
TEST_F(RealDataCliTest, CodesAreTrimmedAndScanRanksStates) {
  std::string s;
  int id = 0;
  for (const char* date : {"2012-01-10", "2012-02-10"}) {
    for (int i = 0; i < 3; ++i) {
      s += JsonEvent(++id, date, " GEOGOV", "RUS ");
      s += JsonEvent(++id, date, "GEOGOV", " RUS");
      s += JsonEvent(++id, date, "GOV", "USA");
      s += JsonEvent(++id, date, " BUS", "USA");
      s += JsonEvent(++id, date, "EUR", "RUS");
      s += JsonEvent(++id, date, "GEO", " ");
    }
  }
  Ingest(s);
  RunResult events = Run({"--quiet", "events", "--limit", "6"}, "tsv");
  ASSERT_EQ(events.exit_code, 0) << events.err;
  EXPECT_THAT(events.out, ::testing::Not(::testing::HasSubstr("\t ")));
  EXPECT_THAT(events.out, ::testing::Not(::testing::HasSubstr(" \t")));

  RunResult scan = Run({"--quiet", "scan", "--by", "month", "--min-events", "3"}, "tsv");
  ASSERT_EQ(scan.exit_code, 0) << scan.err;
  std::vector<std::string> lines = Lines(scan.out);
  ASSERT_EQ(lines.size(), 2u) << scan.out;
  EXPECT_THAT(lines[1], ::testing::StartsWith("GEO-RUS\t6\t6\t"));

  RunResult all =
      Run({"--quiet", "scan", "--by", "month", "--min-events", "3", "--actors", "all"}, "tsv");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_THAT(all.out, ::testing::HasSubstr("GOV-USA\t3\t3\t"));
  EXPECT_THAT(all.out, ::testing::HasSubstr("BUS-USA\t3\t3\t"));
  EXPECT_THAT(all.out, ::testing::HasSubstr("EUR-RUS\t3\t3\t"));
  EXPECT_THAT(all.out, ::testing::Not(::testing::HasSubstr("GEO-\t")));
  EXPECT_EQ(Run({"scan", "--actors", "some"}).exit_code, 2);
}

// A 2012 file and a later batch: scan says which periods it compares, and why nothing passes.
TEST_F(RealDataCliTest, ScanSaysWhatItComparesAndWhyItIsEmpty) {
  std::string s;
  int id = 0;
  for (const char* date : {"2012-05-10", "2012-06-10"}) {
    for (int i = 0; i < 12; ++i) s += JsonEvent(++id, date, "GEO", "RUS");
  }
  s += JsonEvent(++id, "2019-09-30", "GEO", "RUS");
  s += JsonEvent(++id, "2019-10-01", "GEO", "RUS");
  Ingest(s);
  RunResult late = Run({"scan", "--by", "month"}, "tsv");
  ASSERT_EQ(late.exit_code, 0) << late.err;
  EXPECT_EQ(Lines(late.out).size(), 1u);  // the header
  EXPECT_THAT(late.err, ::testing::HasSubstr("no dyad of states has at least 10 events in both "
                                             "windows 2019-09 and 2019-10 (1 of 1 have events in "
                                             "both); try --min-events or --window"));
  for (const char* flag : {"--to", "--end"}) {
    RunResult then = Run({"scan", "--by", "month", flag, "2012-06"}, "tsv");
    ASSERT_EQ(then.exit_code, 0) << then.err;
    EXPECT_THAT(then.err, ::testing::HasSubstr("scan compares 2012-05 with 2012-06: 1 of 1"));
    EXPECT_THAT(then.out, ::testing::HasSubstr("GEO-RUS\t12\t12\t"));
  }
  RunResult none = Run({"scan", "--by", "month", "--to", "2015-01"}, "tsv");
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_THAT(none.err, ::testing::HasSubstr("no dyad of states has events in 2014-12 or 2015-01"));
}

// On the GDELT 1.0 and 2.0 samples: no code keeps a surrounding space, and every dyad scan
// ranks is two states, while --actors all also ranks roles.
TEST_F(RealDataCliTest, GdeltSamplesRankOnlyStates) {
  ENTENTE_REQUIRE_SHARED(dir, "gdelt2");
  // spark-gdelt's GDELT 1.0 rows pad 20 code fields with spaces, 9 of them a blank Actor2 (" ").
  std::optional<std::string> g1 = SharedData("gdelt1/spark-gdelt/events1.csv");
  std::vector<std::string> args = IngestGdelt2Days(dir);
  if (g1) args.push_back(*g1);
  RunResult ingest = RunEntente(args);
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  RunResult events = Run({"--quiet", "events"}, "tsv");
  ASSERT_EQ(events.exit_code, 0) << events.err;
  EXPECT_THAT(events.out, ::testing::Not(::testing::HasSubstr("\t ")));
  std::vector<std::string> scan_args = {"--quiet",      "scan", "--by",  "year", "--to",    "2018",
                                        "--min-events", "1",    "--top", "0",    "--actors"};
  scan_args.push_back("all");
  RunResult all = Run(scan_args, "tsv");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_THAT(all.out, ::testing::HasSubstr("COP-USA\t"));  // roles are actors in the samples
  scan_args.back() = "states";
  RunResult scan = Run(scan_args, "tsv");
  ASSERT_EQ(scan.exit_code, 0) << scan.err;
  std::vector<std::string> lines = Lines(scan.out);
  ASSERT_GT(lines.size(), 1u);
  EXPECT_LT(lines.size(), Lines(all.out).size());
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string dyad = lines[i].substr(0, lines[i].find('\t'));
    size_t dash = dyad.find('-');
    ASSERT_NE(dash, std::string::npos) << dyad;
    EXPECT_TRUE(IsStateCode(dyad.substr(0, dash))) << dyad;
    EXPECT_TRUE(IsStateCode(dyad.substr(dash + 1))) << dyad;
  }
}

// On real GDELT samples (a few scattered days, most with a handful of events of either actor), a
// turn in density is a change in the dyad's share that the actors' counts can vouch for: a day on
// which USA and RUS had three events between them does not make a turn, nor does a day outside
// the files' coverage. Each density turn found moves the share by at least half.
TEST_F(RealDataCliTest, GdeltSamplesDensityTurnsMoveTheShare) {
  ENTENTE_REQUIRE_SHARED(dir, "gdelt2");
  std::vector<std::string> args = IngestGdelt2Days(dir);
  ASSERT_EQ(RunEntente(args).exit_code, 0);
  RunResult r = Run({"--quiet", "phases", "USA", "RUS", "--by", "day", "--tracks"}, "tsv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_GE(lines.size(), 2u) << r.out;
  int density = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> f = Fields(lines[i]);
    ASSERT_EQ(f.size(), 7u) << lines[i];
    if (f[0] != "density") continue;
    ++density;
    EXPECT_EQ(f[2], "intensity") << "news data: the share of the actors' events";
    double before = std::stod(f[3]), after = std::stod(f[4]);
    EXPECT_GT(std::max(before, after), 1.5 * std::min(before, after)) << lines[i];
  }
  EXPECT_LE(density, 2) << r.out;
}

}  // namespace
}  // namespace entente::testing
