// End-to-end: the analysis commands on the embedded default (the chronicle), through the binary.
// An empty scratch store makes every run fall back to the chronicle whatever the machine holds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "testing.h"

namespace entente::testing {
namespace {

class AnalysisCliTest : public ::testing::Test {
 protected:
  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--store", store_.path(), "--quiet", "--format", "tsv"});
    return RunEntente(args);
  }
  // The phase starts of `entente phases PAK RUS --by year [--signal S]` on the embedded chronicle
  // (empty when the command fails), each call checking the acceptance's bound of eight phases.
  std::vector<int> ChronicleStarts(const std::string& signal = "");
  TempDir store_;
};

// The rows of a tsv table, split into fields, below a header line that must be `header`. A row
// without as many fields as the header names fails the test and is left out.
std::vector<std::vector<std::string>> RowsUnder(const std::string& out, const std::string& header) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> lines = Lines(out);
  EXPECT_FALSE(lines.empty()) << "no header line";
  if (lines.empty()) return rows;
  EXPECT_EQ(lines[0], header);
  size_t width = Fields(header).size();
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> f = Fields(lines[i]);
    EXPECT_EQ(f.size(), width) << lines[i];
    if (f.size() == width) rows.push_back(std::move(f));
  }
  return rows;
}

TEST_F(AnalysisCliTest, DyadSeries) {
  RunResult r = Run({"dyad", "PAK", "RUS", "--by", "year"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::vector<std::string>> rows = RowsUnder(
      r.out,
      "period\tevents\tvcoop\tmcoop\tvconf\tmconf\tgoldstein_sum\tgoldstein_mean\tnet_coop\t"
      "net_coop_lo\tnet_coop_hi\tintensity\tcoverage");
  ASSERT_GT(rows.size(), 49u);  // 1940s to 2020s, filled
  for (const std::vector<std::string>& f : rows) {
    // A year without events of the dyad has no ratios (empty, never 0).
    if (f[1] == "0") {
      for (int k : {7, 8, 9, 10, 11}) EXPECT_TRUE(f[k].empty()) << f[0];
      continue;
    }
    double net = std::stod(f[8]);
    EXPECT_LE(std::stod(f[9]), net) << f[0];  // the interval holds the value
    EXPECT_GE(std::stod(f[10]), net) << f[0];
    double intensity = f[11].empty() ? 0 : std::stod(f[11]);
    EXPECT_GE(net, -1);
    EXPECT_LE(net, 1);
    EXPECT_GE(intensity, 0);
    EXPECT_LE(intensity, 1);
  }
}

TEST_F(AnalysisCliTest, DyadBySectorAndSectors) {
  RunResult a = Run({"dyad", "PAK", "RUS", "--by-sector"});
  RunResult b = Run({"sectors", "PAK", "RUS"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_THAT(a.out, ::testing::StartsWith("period\tsector\tevents\tnet_coop\n"));
  EXPECT_THAT(a.out, ::testing::HasSubstr("\tdefence\t"));
  EXPECT_THAT(a.out, ::testing::HasSubstr("\tenergy\t"));
}

// The phase starts (first column, the year) of `entente phases PAK RUS --by year` on the embedded
// chronicle, checking the table's shape on the way.
std::vector<int> ChroniclePhaseStarts(const RunResult& r) {
  std::vector<int> starts;
  std::vector<std::vector<std::string>> rows = RowsUnder(
      r.out,
      "start\tend\tperiods\tevents\tgoldstein_mean\tnet_coop\tlabel\ttrend\tturning_events\t"
      "support");
  EXPECT_GE(rows.size(), 2u);
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::vector<std::string>& f = rows[i];
    starts.push_back(std::stoi(f[0]));
    EXPECT_THAT(f[6], ::testing::AnyOf("hostile", "tense", "neutral", "cordial", "close"));
    EXPECT_THAT(f[7], ::testing::AnyOf("warming", "cooling", "steady"));
    if (i == 0) {
      EXPECT_EQ(f[9], "") << "the first phase has no turn to support";
    } else {
      EXPECT_FALSE(f[8].empty()) << "a turn without events: " << f[0];
      // Every turn found pays its penalty (the segmentation is optimal).
      EXPECT_GE(std::stod(f[9]), 1 - 1e-6) << f[0];
    }
  }
  return starts;
}

std::vector<int> AnalysisCliTest::ChronicleStarts(const std::string& signal) {
  std::vector<std::string> args = {"phases", "PAK", "RUS", "--by", "year"};
  if (!signal.empty()) args.insert(args.end(), {"--signal", signal});
  RunResult r = Run(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  if (r.exit_code != 0) return {};
  std::vector<int> starts = ChroniclePhaseStarts(r);
  EXPECT_LE(starts.size(), 8u);  // no more than eight phases
  return starts;
}

// True when a phase other than the first starts within `slack` years of [from, to].
bool TurnNear(const std::vector<int>& starts, int from, int to, int slack = 2) {
  for (size_t i = 1; i < starts.size(); ++i) {
    if (starts[i] >= from - slack && starts[i] <= to + slack) return true;
  }
  return false;
}

// --weaker-turns: the best further split of each phase that passes AIC's penalty but not the
// penalty used, so support below 1, inside the range of the phases, with events on both sides.
TEST_F(AnalysisCliTest, WeakerTurnsFallShortOfAPhase) {
  for (std::string signal : {"coop", "volume", "sectors"}) {
    RunResult r =
        Run({"phases", "PAK", "RUS", "--by", "year", "--signal", signal, "--weaker-turns"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::vector<std::string>> rows = RowsUnder(
        r.out, "at\tsupport\tgain\tnet_coop_before\tnet_coop_after\tevents_before\tevents_after");
    std::vector<int> phase_starts = ChronicleStarts(signal);
    for (const std::vector<std::string>& f : rows) {
      int at = std::stoi(f[0]);
      EXPECT_THAT(phase_starts, ::testing::Not(::testing::Contains(at))) << signal;
      EXPECT_GT(std::stod(f[1]), 0) << signal << " " << at;
      EXPECT_LE(std::stod(f[1]), 1 + 1e-9) << signal << " " << at;
      EXPECT_GT(std::stoll(f[5]), 0) << signal << " " << at;
      EXPECT_GT(std::stoll(f[6]), 0) << signal << " " << at;
    }
  }
}

// The part of the flagship acceptance the embedded chronicle supports today (METHODS.md "On the
// embedded chronicle"): at most eight phases, turns near 1965 (found at 1963, the 1963 air
// agreement after the hostile 1960 and 1962), 1979 and 2001-2003, on the default signal (net
// cooperation and Goldstein).
TEST_F(AnalysisCliTest, PhasesOnTheChronicle) {
  std::vector<int> starts = ChronicleStarts();
  EXPECT_TRUE(TurnNear(starts, 1965, 1965));
  EXPECT_TRUE(TurnNear(starts, 1979, 1979));
  EXPECT_TRUE(TurnNear(starts, 2001, 2003));
}

// With engagement (yearly volume) in the signal, the chronicle's uneven coverage of 1971-2001
// is read as a change of the relation and the 1979 turn is folded into 1971-2001; the turns it
// keeps.
TEST_F(AnalysisCliTest, PhasesOnTheChronicleVolume) {
  std::vector<int> starts = ChronicleStarts("volume");
  EXPECT_TRUE(TurnNear(starts, 1965, 1965));
  EXPECT_TRUE(TurnNear(starts, 2001, 2003));
}

// With the sector mix in the signal (--signal sectors) the change in the kind of relation after
// 2011 (defence cooperation: the embargo lifted, the 2014 defence agreement, exercises) is a turn
// as well: 2001-2003 and 2011-2014 (found at 2014), in at most eight phases. 1965 (found at 1961),
// 1979 (found at 1975: the chronicle's 1975 Soviet approaches in Kabul move it there) and
// 1989-1991 are missed here (METHODS.md).
TEST_F(AnalysisCliTest, PhasesOnTheChronicleWithSectors) {
  std::vector<int> starts = ChronicleStarts("sectors");
  EXPECT_TRUE(TurnNear(starts, 2001, 2003));
  EXPECT_TRUE(TurnNear(starts, 2011, 2014));
}

// The three tracks on the chronicle, each found on its own signal: the tone's turns (1963, 1979,
// 2002), a turn in kind toward defence after 2011 (the 2014 military cooperation agreement) and a
// denser relation after 2011, while the tone stays close. Every row says what moved.
TEST_F(AnalysisCliTest, PhasesThreeTracksOnTheChronicle) {
  RunResult r = Run({"phases", "PAK", "RUS", "--by", "year", "--tracks"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::vector<std::string>> rows =
      RowsUnder(r.out, "track\tat\tmeasure\tbefore\tafter\tsupport\tturning_events");
  ASSERT_GE(rows.size(), 3u);
  std::map<std::string, std::vector<int>> starts;
  int previous = 0, defence = 0, denser = 0;
  for (const std::vector<std::string>& f : rows) {
    int year = std::stoi(f[1]);
    EXPECT_GE(year, previous) << "not in time order: " << f[0] << " " << year;
    previous = year;
    starts[f[0]].push_back(year);
    EXPECT_GE(std::stod(f[5]), 1 - 1e-6) << f[0] << " " << year;
    EXPECT_FALSE(f[6].empty()) << "a turn without events: " << f[0] << " " << year;
    if (f[0] == "kind" && f[2] == "share defence" && year >= 2011) ++defence;
    if (f[0] == "density" && year >= 2011 && std::stod(f[4]) > std::stod(f[3])) ++denser;
    if (f[0] == "tone") {
      EXPECT_EQ(f[2], "net_coop");
    }
  }
  EXPECT_TRUE(TurnNear(starts["tone"], 1965, 1965));
  EXPECT_TRUE(TurnNear(starts["tone"], 1979, 1979));
  EXPECT_TRUE(TurnNear(starts["tone"], 2001, 2003));
  EXPECT_TRUE(TurnNear(starts["kind"], 2011, 2014));
  EXPECT_EQ(defence, 1) << r.out;
  EXPECT_EQ(denser, 1) << r.out;
}

// A phase table on a dyad too sparse to show a turn of the size asked about says so on stderr,
// with the events a period would need; not when it has them, and never with --quiet.
TEST_F(AnalysisCliTest, PhasesSayWhenTooSparse) {
  // Two events a month, nearly all cooperative: enough for a turn of 0.5, not for one of 0.2.
  std::vector<std::string> monthly = {"--store", store_.path(), "phases", "PAK",  "RUS", "--by",
                                      "month",   "--from",      "2011",   "--to", "2013"};
  RunResult half = RunEntente(monthly);
  ASSERT_EQ(half.exit_code, 0) << half.err;
  EXPECT_THAT(half.err, ::testing::Not(::testing::HasSubstr("too sparse")));
  monthly.insert(monthly.end(), {"--turn-size", "0.2"});
  RunResult sparse = RunEntente(monthly);
  ASSERT_EQ(sparse.exit_code, 0) << sparse.err;
  EXPECT_THAT(sparse.err, ::testing::HasSubstr("too sparse for a turn of 0.2"));
  EXPECT_THAT(sparse.err, ::testing::HasSubstr("a median of 2 events per month"));
  RunResult quiet = Run({"phases", "PAK", "RUS", "--by", "month", "--from", "2011", "--to", "2013",
                         "--turn-size", "0.2"});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(Run({"phases", "PAK", "RUS", "--turn-size", "0"}).exit_code, 2);
}

TEST_F(AnalysisCliTest, KeyEvents) {
  RunResult r = Run({"key-events", "PAK", "RUS", "--top", "5"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0], "date\tsource\ttarget\tcode\tlabel\tweight\twhy\turl");
  double prev = 1e9;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> f = Fields(lines[i]);
    ASSERT_EQ(f.size(), 8u);
    double w = std::stod(f[5]);
    EXPECT_LE(w, prev);
    prev = w;
    EXPECT_FALSE(f[6].empty());
  }
}

TEST_F(AnalysisCliTest, CompareTriangle) {
  RunResult r = Run({"compare", "PAK,RUS", "PAK,USA", "IND,RUS", "--show", "pairs"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 4u);  // header + 3 pairs
  EXPECT_EQ(lines[0], "first\tsecond\tn\tr\tn_eff\tp\tbest_lag\tr_at_lag\tn_at_lag\tp_at_lag");
  EXPECT_THAT(lines[1], ::testing::StartsWith("PAK-RUS\tPAK-USA\t"));
  RunResult j = RunEntente(
      {"--store", store_.path(), "--quiet", "--format", "json", "compare", "PAK,RUS", "PAK,USA"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_THAT(j.out, ::testing::HasSubstr("\"series\": ["));
  EXPECT_THAT(j.out, ::testing::HasSubstr("\"pairs\": ["));
}

TEST_F(AnalysisCliTest, Scan) {
  RunResult r = Run({"scan", "--window", "5", "--min-events", "3", "--top", "0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "dyad\tevents_before\tevents_after\tnet_coop_before\tnet_coop_after\tchange\tz");
  double prev = 1e9;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> f = Fields(lines[i]);
    ASSERT_EQ(f.size(), 7u);
    EXPECT_GE(std::stoll(f[1]), 3);
    EXPECT_GE(std::stoll(f[2]), 3);
    double change = std::stod(f[5]);
    EXPECT_LE(change, prev + 1e-9);
    prev = change;
  }
}

TEST_F(AnalysisCliTest, Errors) {
  EXPECT_EQ(Run({"dyad", "PAK", "RUS", "--by", "decade"}).exit_code, 2);
  EXPECT_EQ(Run({"phases", "PAK", "RUS", "--penalty", "lots"}).exit_code, 2);
  EXPECT_EQ(Run({"dyad", "PAK", "RUS", "--from", "2020", "--to", "2010"}).exit_code, 2);
  EXPECT_EQ(Run({"compare", "PAK,RUS"}).exit_code, 2);
  RunResult none = Run({"dyad", "ZZZ", "QQQ"});
  EXPECT_EQ(none.exit_code, 6);
  EXPECT_THAT(none.err, ::testing::HasSubstr("no events between ZZZ and QQQ"));
}

}  // namespace
}  // namespace entente::testing
