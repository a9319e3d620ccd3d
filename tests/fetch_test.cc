// End-to-end tests of `entente fetch gdelt` against a fake GDELT on 127.0.0.1 (fetch_server.h)
// serving zipped exports made from the shared GDELT samples: a clean fetch gets exactly the files
// of the range, a dropped connection resumes where it stopped, a wrong MD5 is retried and then
// reported (and never ingested), a 404 gap is reported while the rest proceeds, and a second run
// downloads nothing. Retry waits are shortened with --retry-wait; every loop is bounded.
#include "fetch/fetch.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fetch_server.h"
#include "store/store.h"
#include "testing.h"

namespace entente::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr const char* kA = "20180101000000.export.CSV.zip";      // geomesa sample, 2414 rows
constexpr const char* kB = "20180101001500.export.CSV.zip";      // spark-gdelt rows 1-50
constexpr const char* kC = "20180101003000.export.CSV.zip";      // spark-gdelt rows 51-100
constexpr const char* kD = "20180101004500.export.CSV.zip";      // listed, absent (a GDELT gap)
constexpr const char* kLate = "20180326044500.export.CSV.zip";   // DIAS sample, out of range
constexpr const char* kEarly = "20171231234500.export.CSV.zip";  // out of range

// The first `n` lines (or the lines after the first `-n`) of `text`, newline-terminated.
std::string Slice(const std::string& text, int from, int count) {
  std::vector<std::string> lines = Lines(text);
  std::string out;
  for (int i = from; i < from + count && i < int(lines.size()); ++i) out += lines[i] + "\n";
  return out;
}

std::set<std::string> Ids(const std::string& export_text) {
  std::set<std::string> ids;
  for (const std::string& line : Lines(export_text)) ids.insert(line.substr(0, line.find('\t')));
  return ids;
}

// Exports made from the shared samples, and the fake server serving them.
class FetchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = SharedData("gdelt2/geomesa-tutorials/20180101000000.export.CSV");
    auto spark = SharedData("gdelt2/spark-gdelt/events.csv");
    auto late = SharedData("gdelt2/DIAS-GDELT/20180326044500.export.CSV");
    if (!a || !spark || !late) GTEST_SKIP() << "shared data not found: ../shared/data/gdelt2";
    text_a_ = ReadFileOrDie(*a);
    std::string spark_text = ReadFileOrDie(*spark);
    text_b_ = Slice(spark_text, 0, 50);
    text_c_ = Slice(spark_text, 50, 50);
    text_late_ = ReadFileOrDie(*late);
    zip_a_ = ZipOne("20180101000000.export.CSV", text_a_);
    zip_b_ = ZipOne("20180101001500.export.CSV", text_b_);
    zip_c_ = ZipOne("20180101003000.export.CSV", text_c_);
    server_ = std::make_unique<FakeGdeltServer>("/gdeltv2");
  }

  // Adds the out-of-range files every test lists, then publishes the master list.
  void Publish() {
    server_->AddFile(kLate, {.bytes = ZipOne("20180326044500.export.CSV", text_late_)});
    server_->AddFile(kEarly, {.bytes = ZipOne("20171231234500.export.CSV", text_b_)});
    server_->SetText("masterfilelist.txt", server_->MasterList());
  }

  // The fetch command line of these tests; `extra` adds options or replaces the defaults' values.
  std::vector<std::string> FetchArgs(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {
        "--format",   "tsv",         "fetch",        "gdelt",    "--from",
        "2018-01-01", "--to",        "2018-01-01",   "--mirror", server_->base_url(),
        "--cache",    cache_.path(), "--retry-wait", "10",       "--jobs",
        "2"};
    for (size_t i = 0; i < extra.size(); ++i) {
      auto at = std::find(args.begin() + 2, args.end(), extra[i]);
      bool has_value = i + 1 < extra.size() && extra[i + 1].rfind("--", 0) != 0;
      if (at != args.end() && has_value) {
        *(at + 1) = extra[++i];
      } else {
        args.push_back(extra[i]);
        if (has_value) args.push_back(extra[++i]);
      }
    }
    return args;
  }

  std::string CachedFile(const std::string& name) { return cache_.path() + "/v2/files/" + name; }

  // Runs a fetch that must succeed and leave kA whole in the cache; *ranges gets the Range
  // header of each request for kA, in order ("" for none).
  void FetchLeavingAWhole(RunResult* r, std::vector<std::string>* ranges) {
    *r = RunEntente(FetchArgs());
    ASSERT_EQ(r->exit_code, 0) << r->err;
    EXPECT_EQ(ReadFileOrDie(CachedFile(kA)), zip_a_);
    for (const FakeGdeltServer::Request& q : server_->RequestsFor(kA)) ranges->push_back(q.range);
  }

  std::set<std::string> CachedNames() {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(cache_.path() + "/v2/files")) {
      names.insert(e.path().filename().string());
    }
    return names;
  }

  // status column per file name, from the tsv on stdout.
  std::map<std::string, std::string> Statuses(const std::string& out) {
    std::map<std::string, std::string> m;
    std::vector<std::string> lines = Lines(out);
    for (size_t i = 1; i < lines.size(); ++i) {
      std::vector<std::string> f;
      std::string field;
      std::istringstream in(lines[i]);
      while (std::getline(in, field, '\t')) f.push_back(field);
      if (f.size() >= 4) m[f[0]] = f[3];
    }
    return m;
  }

  std::string text_a_, text_b_, text_c_, text_late_;
  std::string zip_a_, zip_b_, zip_c_;
  std::unique_ptr<FakeGdeltServer> server_;
  TempDir cache_;
};

TEST_F(FetchTest, CleanFetchGetsExactlyTheFilesOfTheRangeAndASecondRunDownloadsNothing) {
  server_->AddFile(kA, {.bytes = zip_a_});
  server_->AddFile(kB, {.bytes = zip_b_});
  Publish();

  RunResult r = RunEntente(FetchArgs());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CachedNames(), (std::set<std::string>{kA, kB}));
  EXPECT_EQ(ReadFileOrDie(CachedFile(kA)), zip_a_);
  EXPECT_EQ(ReadFileOrDie(CachedFile(kB)), zip_b_);
  EXPECT_EQ(Statuses(r.out),
            (std::map<std::string, std::string>{{kA, "fetched"}, {kB, "fetched"}}));
  EXPECT_THAT(Lines(r.out)[0], HasSubstr("file\tcovers\tbytes\tstatus"));
  EXPECT_TRUE(server_->RequestsFor(kLate).empty());
  EXPECT_TRUE(server_->RequestsFor(kEarly).empty());
  EXPECT_THAT(r.err, HasSubstr("fetched 2, skipped 0 (already cached), missing 0, failed 0"));
  EXPECT_EQ(server_->RequestsFor("masterfilelist.txt").size(), 1u) << "one list per run";

  // With --ingest, and with the cached list revalidated: still one request for the list.
  TempDir store;
  std::vector<std::string> args = {"--store", store.path()};
  for (const std::string& a : FetchArgs({"--list-max-age", "0", "--ingest"})) args.push_back(a);
  RunResult ingest = RunEntente(args);
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_EQ(server_->RequestsFor("masterfilelist.txt").size(), 2u) << "one list per run";

  size_t requests_before = server_->requests().size();
  RunResult again = RunEntente(FetchArgs());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(server_->requests().size(), requests_before) << "the second run asked the server";
  EXPECT_EQ(Statuses(again.out),
            (std::map<std::string, std::string>{{kA, "cached"}, {kB, "cached"}}));
  EXPECT_THAT(again.err, HasSubstr("fetched 0, skipped 2 (already cached)"));
}

TEST_F(FetchTest, DroppedConnectionResumesWhereItStopped) {
  server_->AddFile(kA, {.bytes = zip_a_, .drop_first = 1});
  server_->AddFile(kB, {.bytes = zip_b_});
  Publish();

  RunResult r;
  std::vector<std::string> ranges;
  ASSERT_NO_FATAL_FAILURE(FetchLeavingAWhole(&r, &ranges));
  EXPECT_EQ(ranges,
            (std::vector<std::string>{"", "bytes=" + std::to_string(zip_a_.size() / 2) + "-"}))
      << "the retry must ask only for the bytes it lacks";
  EXPECT_EQ(Statuses(r.out)[kA], "fetched");
}

TEST_F(FetchTest, PartFileLeftByAKilledRunIsResumed) {
  server_->AddFile(kA, {.bytes = zip_a_});
  Publish();
  fs::create_directories(cache_.path() + "/v2/files");
  WriteFileOrDie(CachedFile(kA) + ".part", zip_a_.substr(0, 1000));

  RunResult r;
  std::vector<std::string> ranges;
  ASSERT_NO_FATAL_FAILURE(FetchLeavingAWhole(&r, &ranges));
  EXPECT_EQ(ranges, std::vector<std::string>{"bytes=1000-"});
  EXPECT_FALSE(fs::exists(CachedFile(kA) + ".part"));
}

TEST_F(FetchTest, WrongMd5IsRetriedThenReportedAndQuarantined) {
  server_->AddFile(kB, {.bytes = zip_b_});
  server_->AddFile(kC, {.bytes = zip_c_, .listed_md5 = fetch::Md5Hex("something else")});
  Publish();

  RunResult r = RunEntente(FetchArgs({"--retries", "2"}));
  EXPECT_EQ(r.exit_code, 5) << "a failed file fails the run\n" << r.err;
  EXPECT_EQ(server_->RequestsFor(kC).size(), 3u) << "one try and two retries";
  EXPECT_THAT(r.err, HasSubstr(std::string("failed ") + kC + ": MD5 mismatch"));
  EXPECT_EQ(Statuses(r.out)[kC], "failed");
  EXPECT_EQ(Statuses(r.out)[kB], "fetched");
  EXPECT_EQ(CachedNames(), (std::set<std::string>{kB}));
  EXPECT_TRUE(fs::exists(cache_.path() + "/v2/quarantine/" + kC));
}

TEST_F(FetchTest, MissingFileIsReportedAndTheRestProceeds) {
  server_->AddFile(kB, {.bytes = zip_b_});
  server_->AddFile(kD, {.bytes = zip_c_, .absent = true});
  Publish();

  RunResult r = RunEntente(FetchArgs());
  EXPECT_EQ(r.exit_code, 0) << "a gap on GDELT's side is not a failure\n" << r.err;
  EXPECT_EQ(server_->RequestsFor(kD).size(), 1u) << "a 404 is not retried";
  EXPECT_THAT(r.err, HasSubstr(std::string("missing ") + kD + ": not on the server (HTTP 404)"));
  EXPECT_EQ(Statuses(r.out)[kD], "missing");
  EXPECT_EQ(CachedNames(), (std::set<std::string>{kB}));
}

TEST_F(FetchTest, TransientServerErrorsAreRetried) {
  server_->AddFile(kB, {.bytes = zip_b_});
  Publish();
  RunResult warm = RunEntente(FetchArgs({"--dry-run"}));  // caches the master list
  ASSERT_EQ(warm.exit_code, 0) << warm.err;
  server_->FailFirst(2);

  RunResult r = RunEntente(FetchArgs({"--jobs", "1"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(server_->RequestsFor(kB).size(), 3u);
  EXPECT_EQ(ReadFileOrDie(CachedFile(kB)), zip_b_);
  EXPECT_THAT(r.out, HasSubstr("retried 2x: HTTP 503"));
}

TEST_F(FetchTest, DryRunListsAndDownloadsNoEventFile) {
  server_->AddFile(kA, {.bytes = zip_a_});
  server_->AddFile(kB, {.bytes = zip_b_});
  Publish();

  RunResult r = RunEntente(FetchArgs({"--dry-run"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Statuses(r.out),
            (std::map<std::string, std::string>{{kA, "planned"}, {kB, "planned"}}));
  EXPECT_TRUE(server_->RequestsFor(kA).empty());
  EXPECT_TRUE(server_->RequestsFor(kB).empty());
  EXPECT_THAT(r.err, HasSubstr("dry run: 2 files to fetch"));
}

TEST_F(FetchTest, UnreachableListFailsClearlyAndAStaleListIsStillUsed) {
  server_->AddFile(kB, {.bytes = zip_b_});
  Publish();
  server_->FailFirst(1);
  RunResult down = RunEntente(FetchArgs());
  EXPECT_EQ(down.exit_code, 5);
  EXPECT_THAT(down.err, HasSubstr("cannot download the file list: HTTP 503"));

  ASSERT_EQ(RunEntente(FetchArgs({"--dry-run"})).exit_code, 0);  // now the list is cached
  server_->FailFirst(1);
  RunResult stale = RunEntente(FetchArgs({"--list-max-age", "0"}));
  ASSERT_EQ(stale.exit_code, 0) << stale.err;
  EXPECT_THAT(stale.err, HasSubstr("using the cached copy"));
  EXPECT_EQ(Statuses(stale.out)[kB], "fetched");
}

TEST_F(FetchTest, EmptyRangeSaysWhy) {
  server_->AddFile(kB, {.bytes = zip_b_});
  Publish();
  RunResult r = RunEntente(FetchArgs({"--from", "2014-01-01", "--to", "2014-12-31"}));
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_THAT(r.err, HasSubstr("GDELT 2.0 starts 2015-02-18"));
}

TEST_F(FetchTest, BadCommandLinesAreUsageErrors) {
  EXPECT_EQ(RunEntente({"fetch", "gdelt", "--from", "2018-02-30"}).exit_code, 2);
  EXPECT_EQ(RunEntente({"fetch", "gdelt", "--from", "2018-02", "--to", "2018-01"}).exit_code, 2);
  EXPECT_EQ(RunEntente({"fetch", "icews", "--from", "2018"}).exit_code, 2);
  EXPECT_EQ(RunEntente({"fetch", "gdelt", "--from", "2018", "--version", "3"}).exit_code, 2);
}

// The store's events after `fetch --ingest`: exactly the rows of the verified files.
TEST_F(FetchTest, IngestStoresExactlyTheEventsOfTheVerifiedFiles) {
  server_->AddFile(kA, {.bytes = zip_a_, .drop_first = 1});
  server_->AddFile(kB, {.bytes = zip_b_});
  server_->AddFile(kC, {.bytes = zip_c_, .listed_md5 = fetch::Md5Hex("not these bytes")});
  server_->AddFile(kD, {.bytes = zip_c_, .absent = true});
  Publish();
  TempDir store_dir;

  RunResult r = RunEntente([&] {
    std::vector<std::string> args = {"--store", store_dir.path()};
    for (const std::string& a : FetchArgs({"--ingest", "--retries", "1"})) args.push_back(a);
    return args;
  }());
  EXPECT_EQ(r.exit_code, 5) << r.err;  // kC failed
  if (r.err.find("not implemented") != std::string::npos) GTEST_SKIP() << r.err;

  std::set<std::string> expected = Ids(text_a_);
  for (const std::string& id : Ids(text_b_)) expected.insert(id);
  std::set<std::string> stored;
  int64_t rows = 0;
  {
    auto opened = store::Store::Open(store_dir.path(), store::OpenMode::kRead);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    Status st = (*opened)->Scan(EventFilter{}, [&](const EventRow& e) {
      stored.insert(std::string(e.id));
      ++rows;
      return true;
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  EXPECT_EQ(stored, expected);
  EXPECT_EQ(rows, int64_t(expected.size()));
  for (const std::string& id : Ids(text_c_)) EXPECT_EQ(stored.count(id), 0u) << id;
  EXPECT_THAT(r.err, HasSubstr("ingested 2 files"));

  // Again: nothing downloaded, the cached files are offered to the store, nothing new stored.
  size_t requests_before = server_->requests().size();
  RunResult again = RunEntente([&] {
    std::vector<std::string> args = {"--store", store_dir.path()};
    for (const std::string& a : FetchArgs({"--ingest", "--retries", "0"})) args.push_back(a);
    return args;
  }());
  EXPECT_EQ(again.exit_code, 5) << again.err;  // kC still fails
  // kC (failed) and kD (missing) are asked for again, since either may be there now; nothing
  // else, and none of them is downloaded.
  std::vector<FakeGdeltServer::Request> asked = server_->requests();
  std::set<std::string> asked_again;
  for (size_t i = requests_before; i < asked.size(); ++i) asked_again.insert(asked[i].path);
  EXPECT_EQ(asked.size(), requests_before + 2);
  EXPECT_EQ(asked_again,
            (std::set<std::string>{std::string("/gdeltv2/") + kC, std::string("/gdeltv2/") + kD}));
  EXPECT_THAT(again.err, HasSubstr(" 0 stored"));
}

// GDELT 1.0: the md5sums and filesizes lists, a daily file from the shared sample.
TEST(FetchVersion1Test, DailyFileFromMd5sumsAndFilesizes) {
  ENTENTE_REQUIRE_SHARED(path, "gdelt1/gdelt_project-brian8128/20151207.export.CSV.small");
  FakeGdeltServer server("/events");
  std::string zip = ZipOne("20151207.export.CSV", ReadFileOrDie(path));
  server.AddFile("20151207.export.CSV.zip", {.bytes = zip});
  server.AddFile("20151208.export.CSV.zip", {.bytes = "not in range"});
  server.AddFile("201002.zip", {.bytes = "monthly, not in range"});
  server.SetText("md5sums", server.Md5sums());
  server.SetText("filesizes", server.Filesizes());
  TempDir cache;

  RunResult r = RunEntente({"--format", "tsv", "fetch", "gdelt", "--version", "1", "--from",
                            "2015-12-07", "--mirror", server.base_url(), "--cache", cache.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFileOrDie(cache.path() + "/v1/files/20151207.export.CSV.zip"), zip);
  EXPECT_EQ(server.RequestsFor("20151208.export.CSV.zip").size(), 0u);
  EXPECT_EQ(server.RequestsFor("201002.zip").size(), 0u);

  RunResult monthly =
      RunEntente({"--format", "tsv", "fetch", "gdelt", "--version", "1", "--from", "2010",
                  "--mirror", server.base_url(), "--cache", cache.path(), "--dry-run"});
  ASSERT_EQ(monthly.exit_code, 0) << monthly.err;
  EXPECT_THAT(monthly.out, HasSubstr("201002.zip\t2010-02\t"));
}

// The library directly: a .part that is not a prefix of the real file is caught by the MD5 check
// after resuming, and the retry starts from byte 0.
TEST(FetchLibraryTest, CorruptPartFileIsDiscardedAndFetchedAgain) {
  FakeGdeltServer server("/gdeltv2");
  std::string zip = ZipOne("20180101000000.export.CSV", std::string(5000, 'x') + "\n");
  server.AddFile(kA, {.bytes = zip});
  server.SetText("masterfilelist.txt", server.MasterList());
  TempDir cache;
  fs::create_directories(cache.path() + "/v2/files");
  // A .part that is not a prefix of the file: the MD5 check catches it and the retry starts over.
  WriteFileOrDie(cache.path() + "/v2/files/" + kA + ".part", "garbage");

  fetch::FetchOptions o;
  o.from = o.to = DaysFromCivil(2018, 1, 1);
  o.base_url = server.base_url();
  o.cache_dir = cache.path();
  o.backoff_ms = 1;
  Result<fetch::FetchSummary> s = fetch::FetchGdelt(o, nullptr);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->files.size(), 1u);
  EXPECT_EQ(s->files[0].state, fetch::FileState::kFetched) << s->files[0].reason;
  EXPECT_EQ(ReadFileOrDie(cache.path() + "/v2/files/" + kA), zip);
}

}  // namespace
}  // namespace entente::testing
