// `entente events` end to end: straight on shared sample files with the contract's filters, the
// exact column set, rejects summary and --rejects file, exit code 3 for an unrecognised file while
// the others are still read.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "testing.h"

namespace entente {
namespace {

using ::entente::testing::Fields;
using ::entente::testing::Lines;
using ::entente::testing::ReadFileOrDie;
using ::entente::testing::RunEntente;
using ::entente::testing::TempDir;
using ::entente::testing::WriteFileOrDie;

TEST(EventsCommand, FiltersOnSharedGdeltFile) {
  ENTENTE_REQUIRE_SHARED(path, "gdelt1/gdelt-demo/events.csv");
  auto r = RunEntente({"events", path, "--dyad", "PAK,RUS", "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(
      lines[0],
      "id\tdate\tdate_precision\tsource\tsource_country\ttarget\ttarget_country\tcode\troot\tquad\t"
      "goldstein\tmentions\ttone\tdataset\turl");
  EXPECT_EQ(lines[1].substr(0, 80).find(
                "564442502\t2016-07-28\tday\tRUSBUS\tRUS\tPAK\tPAK\t080\t08\t2\t5\t2\t"),
            0u)
      << lines[1];
  EXPECT_NE(lines[1].find("\tgdelt1\thttp://tribune.com.pk/story/1151470/"), std::string::npos);
}

TEST(EventsCommand, DateCodeQuadAndLimitFilters) {
  ENTENTE_REQUIRE_SHARED(path, "gdelt1/gdelt-demo/events.csv");
  auto all = RunEntente({"events", path, "--format", "tsv"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(Lines(all.out).size(), 711u);  // header + 710 rows
  auto old = RunEntente({"events", path, "--to", "1982", "--format", "tsv"});
  ASSERT_EQ(old.exit_code, 0);
  for (const std::string& l : Lines(old.out)) {
    if (l.starts_with("id\t")) continue;
    EXPECT_NE(l.find("\t1982-"), std::string::npos) << l;
  }
  EXPECT_GT(Lines(old.out).size(), 100u);
  auto code = RunEntente(
      {"events", path, "--code", "04", "--quad", "1", "--format", "csv", "--limit", "3"});
  ASSERT_EQ(code.exit_code, 0) << code.err;
  std::vector<std::string> lines = Lines(code.out);
  ASSERT_EQ(lines.size(), 4u);
  for (size_t i = 1; i < lines.size(); ++i) EXPECT_NE(lines[i].find(",04"), std::string::npos);
}

// --plover adds PLOVER's event, mode and context after the CAMEO columns, row by row from the
// row's code; CAMEO roots 01 and 02 have no PLOVER event (19 splits: 191 and 192 are COERCE).
TEST(EventsCommand, PloverColumnsBesideCameo) {
  ENTENTE_REQUIRE_SHARED(path, "gdelt1/gdelt-demo/events.csv");
  auto r = RunEntente({"events", path, "--plover", "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 711u);
  std::vector<std::string> header = Fields(lines[0]);
  ASSERT_GE(header.size(), 4u);
  EXPECT_EQ(header[header.size() - 3], "plover_event");
  EXPECT_EQ(header.back(), "plover_context");
  size_t root_col = 0;
  while (root_col < header.size() && header[root_col] != "root") ++root_col;
  ASSERT_LT(root_col, header.size());
  std::map<std::string, std::string> event_of_root = {
      {"01", ""}, {"02", ""}, {"04", "CONSULT"}, {"05", "SUPPORT"}, {"18", "ASSAULT"}};
  int checked = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> f = Fields(lines[i]);
    ASSERT_EQ(f.size(), header.size()) << lines[i];
    auto it = event_of_root.find(f[root_col]);
    if (it == event_of_root.end()) continue;
    EXPECT_EQ(f[header.size() - 3], it->second) << lines[i];
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

TEST(EventsCommand, JsonlOutputReadsBackIn) {
  ENTENTE_REQUIRE_SHARED(path, "icews/andybega-icews/events.2018.sample.tab");
  TempDir dir;
  auto first = RunEntente({"events", path, "--actor", "PAK", "--format", "jsonl"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(Lines(first.out).size(), 20u);  // rows with Pakistan on either side (no header)
  WriteFileOrDie(dir.File("pak.jsonl"), first.out);
  auto second = RunEntente({"events", dir.File("pak.jsonl"), "--format", "jsonl"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, first.out);
}

TEST(EventsCommand, RejectsSummaryFileAndExitCodes) {
  ENTENTE_REQUIRE_SHARED(mentions, "gdelt2/spark-gdelt/mentions.csv");
  ENTENTE_REQUIRE_SHARED(good, "gdelt2/spark-gdelt/events.csv");
  TempDir dir;
  std::string bad = ReadFileOrDie(good);
  bad += "123\t20200101\tshort row\n";
  WriteFileOrDie(dir.File("bad.CSV"), bad);
  WriteFileOrDie(dir.File("empty.CSV"), "");
  auto r = RunEntente({"events", mentions, dir.File("bad.CSV"), dir.File("empty.CSV"), "--rejects",
                       dir.File("rejects.tsv"), "--format", "tsv"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(Lines(r.out).size(), 101u);  // the good rows of bad.CSV were still read
  EXPECT_NE(r.err.find("mentions file"), std::string::npos) << r.err;
  EXPECT_NE(
      r.err.find("1 row rejected; first: " + dir.File("bad.CSV") + ":101: expected 61 fields"),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("empty.CSV: no events"), std::string::npos) << r.err;
  std::vector<std::string> rejects = Lines(ReadFileOrDie(dir.File("rejects.tsv")));
  ASSERT_EQ(rejects.size(), 2u);
  EXPECT_EQ(rejects[0], "file\tline\toffset\tcolumn\treason\traw");
  EXPECT_EQ(rejects[1].substr(0, dir.File("bad.CSV").size() + 5), dir.File("bad.CSV") + "\t101\t");
}

// A file that is no event file: the error, and no header that would read as an empty answer.
TEST(EventsCommand, UnreadableFilePrintsNoHeader) {
  TempDir dir;
  std::string garbage(3000, '\0');
  for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 131) % 251);
  WriteFileOrDie(dir.File("garbage.bin"), garbage);
  auto r = RunEntente({"events", dir.File("garbage.bin"), "--format", "tsv"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("garbage.bin"), std::string::npos) << r.err;
}

TEST(EventsCommand, BadFilterIsUsageError) {
  auto r = RunEntente({"events", "--dyad", "PAK"});
  EXPECT_EQ(r.exit_code, 2);
  auto f = RunEntente({"events", "--input-format", "gdelt9", "x"});
  EXPECT_EQ(f.exit_code, 2);
}

}  // namespace
}  // namespace entente
