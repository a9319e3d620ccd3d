// The readers on every real sample in ../shared/data (zero rejects, chosen rows checked field by
// field) and on each kind of malformed input the issue lists.
#include "io/reader.h"

#include <gtest/gtest.h>

#include <cmath>

#include "io/event_fields.h"
#include "io/reader_test_util.h"
#include "io/row_parser.h"
#include "testing.h"

namespace entente::io {
namespace {

using testutil::Gdelt1Row;
using testutil::Gdelt2Row;
using testutil::ReadBytes;
using testutil::ReadFile;
using testutil::ReadResult;

const Event* FindId(const std::vector<Event>& events, const std::string& id) {
  for (const Event& e : events) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::string FirstReject(const ReadResult& r) {
  return r.rejects.empty() ? "" : r.rejects[0].ToString();
}

// ---- real samples ---------------------------------------------------------------------------

struct Sample {
  const char* path;
  Format format;
  int64_t rows;
};

TEST(SharedSamples, LoadWithZeroRejects) {
  const Sample kSamples[] = {
      {"gdelt1/gdelt-demo/events.csv", Format::kGdelt1, 710},
      {"gdelt1/gdelt_project-brian8128/20151207.export.CSV.small", Format::kGdelt1, 5000},
      {"gdelt1/spark-gdelt/events1.csv", Format::kGdelt1, 100},
      {"gdelt2/DIAS-GDELT/20180326044500.export.CSV", Format::kGdelt2, 1540},
      {"gdelt2/geomesa-tutorials/20180101000000.export.CSV", Format::kGdelt2, 2414},
      {"gdelt2/spark-gdelt/events.csv", Format::kGdelt2, 100},
      {"gdelt2/spark-gdelt/eventsT.csv", Format::kGdelt2, 100},
      {"icews/andybega-icews/events.2018.sample.tab", Format::kIcews, 3705},
  };
  for (const Sample& s : kSamples) {
    ENTENTE_REQUIRE_SHARED(path, s.path);
    ReadResult r = ReadFile(path);
    ASSERT_TRUE(r.status.ok()) << s.path << ": " << r.status.ToString();
    EXPECT_EQ(r.stats.format, s.format) << s.path;
    EXPECT_EQ(r.stats.rows, s.rows) << s.path;
    EXPECT_EQ(r.stats.events, s.rows) << s.path;
    EXPECT_EQ(r.stats.rejected, 0) << s.path << ": " << FirstReject(r);
    EXPECT_TRUE(r.rejects.empty()) << FirstReject(r);
  }
}

TEST(SharedSamples, GdeltDemoPakRusRow) {
  ENTENTE_REQUIRE_SHARED(path, "gdelt1/gdelt-demo/events.csv");
  ReadResult r = ReadFile(path);
  ASSERT_TRUE(r.status.ok());
  const Event* e = FindId(r.events, "564442502");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->dataset, "gdelt1");
  EXPECT_EQ(FormatDate(e->date), "2016-07-28");
  EXPECT_EQ(e->source.code, "RUSBUS");
  EXPECT_EQ(e->source.name, "RUSSIA");
  EXPECT_EQ(e->source.country, "RUS");
  EXPECT_EQ(e->source.type1, "BUS");
  EXPECT_EQ(e->target.code, "PAK");
  EXPECT_EQ(e->target.country, "PAK");
  EXPECT_TRUE(e->is_root);
  EXPECT_EQ(e->code, "080");
  EXPECT_EQ(e->base_code, "080");
  EXPECT_EQ(e->root_code, "08");
  EXPECT_EQ(e->quad, 2);
  EXPECT_FLOAT_EQ(e->goldstein, 5.0f);
  EXPECT_EQ(e->mentions, 2);
  EXPECT_EQ(e->sources, 1);
  EXPECT_EQ(e->articles, 2);
  EXPECT_NEAR(e->tone, 0.587084f, 1e-5);
  EXPECT_EQ(e->geo_country, "RS");
  EXPECT_EQ(e->geo_name, "Moscow, Moskva, Russia");
  EXPECT_NEAR(e->lat, 55.7522f, 1e-4);
  EXPECT_NEAR(e->lon, 37.6156f, 1e-4);
  EXPECT_EQ(e->date_added, 20160728);
  EXPECT_EQ(e->url,
            "http://tribune.com.pk/story/1151470/"
            "2b-lng-pipeline-russian-team-coming-start-talks-commercial-contract/");
  int pak_rus = 0, historical = 0;
  for (const Event& x : r.events) {
    std::string a = x.source.country, b = x.target.country;
    pak_rus += (a == "PAK" && b == "RUS") || (a == "RUS" && b == "PAK");
    historical += x.url.empty() && x.date_added < 20130401;
  }
  EXPECT_EQ(pak_rus, 1);
  EXPECT_EQ(historical, 201);  // the 57-column rows: no SOURCEURL
}

TEST(SharedSamples, Gdelt2FieldsLandInPlace) {
  ENTENTE_REQUIRE_SHARED(path, "gdelt2/DIAS-GDELT/20180326044500.export.CSV");
  ReadResult r = ReadFile(path);
  ASSERT_TRUE(r.status.ok());
  ASSERT_FALSE(r.events.empty());
  for (const Event& e : r.events) {
    EXPECT_EQ(e.dataset, "gdelt2");
    EXPECT_EQ(e.date_added, 20180326044500);
    EXPECT_GE(e.quad, 1);
    EXPECT_LE(e.quad, 4);
    EXPECT_TRUE(e.url.starts_with("http")) << e.id << " " << e.url;
    EXPECT_EQ(e.root_code, e.code.substr(0, 2));
  }
}

TEST(SharedSamples, IcewsPakRusRow) {
  ENTENTE_REQUIRE_SHARED(path, "icews/andybega-icews/events.2018.sample.tab");
  ReadResult r = ReadFile(path);
  ASSERT_TRUE(r.status.ok());
  const Event* e = FindId(r.events, "32895593");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->dataset, "icews");
  EXPECT_EQ(FormatDate(e->date), "2018-06-01");
  EXPECT_EQ(e->source.name, "Vyacheslav Victorovich Volodin");
  EXPECT_EQ(e->source.country, "RUS");
  EXPECT_EQ(e->source.type1, "GOV");
  EXPECT_EQ(e->source.type2, "LEG");
  EXPECT_EQ(e->source.code, "RUSGOV");
  EXPECT_EQ(e->target.name, "Legislature (Pakistan)");
  EXPECT_EQ(e->target.country, "PAK");
  EXPECT_EQ(e->code, "054");
  EXPECT_EQ(e->root_code, "05");
  EXPECT_EQ(e->quad, 1);
  EXPECT_FLOAT_EQ(e->goldstein, 6.0f);
  EXPECT_EQ(e->text, "Grant diplomatic recognition");
  EXPECT_EQ(e->citation, "Interfax News Service");
  EXPECT_EQ(e->geo_country, "RUS");
  EXPECT_NEAR(e->lat, 55.7522f, 1e-4);
  int pak_rus = 0, unmapped = 0;
  for (const Event& x : r.events) {
    std::string a = x.source.country, b = x.target.country;
    pak_rus += (a == "PAK" && b == "RUS") || (a == "RUS" && b == "PAK");
    EXPECT_EQ(x.code.size() >= 3, true) << x.id;
    // Every country name in the sample maps to a CAMEO code ("NA" is the only unmapped value).
    unmapped += !x.geo_country.empty() && x.geo_country.size() != 3;
  }
  EXPECT_EQ(pak_rus, 1);
  EXPECT_EQ(unmapped, 0);
}

TEST(SharedSamples, MentionsFilesAreNotEventFiles) {
  for (const char* rel : {"gdelt2/spark-gdelt/mentions.csv", "gdelt2/spark-gdelt/mentionsT.csv"}) {
    ENTENTE_REQUIRE_SHARED(path, rel);
    ReadResult r = ReadFile(path);
    EXPECT_FALSE(r.status.ok());
    EXPECT_NE(r.status.message().find("mentions file"), std::string::npos) << r.status.message();
    EXPECT_NE(r.status.message().find(path), std::string::npos);
    EXPECT_EQ(r.stats.rows, 0);
  }
}

TEST(SharedSamples, CompressedCopiesReadTheSame) {
  ENTENTE_REQUIRE_SHARED(path, "gdelt1/gdelt-demo/events.csv");
  std::string bytes = ::entente::testing::ReadFileOrDie(path);
  ReadResult plain = ReadBytes("events.csv", bytes);
  ReadResult gz = ReadBytes("events.csv.gz", testutil::Gzip(bytes));
  ReadResult zip = ReadBytes("events.zip", testutil::Zip({{"events.csv", bytes}}));
  ASSERT_TRUE(gz.status.ok()) << gz.status.ToString();
  ASSERT_TRUE(zip.status.ok()) << zip.status.ToString();
  ASSERT_EQ(plain.events.size(), 710u);
  ASSERT_EQ(gz.events.size(), plain.events.size());
  ASSERT_EQ(zip.events.size(), plain.events.size());
  for (size_t i = 0; i < plain.events.size(); ++i) {
    EXPECT_EQ(EventKeyHash(ViewOf(gz.events[i])), EventKeyHash(ViewOf(plain.events[i])));
    EXPECT_EQ(EventKeyHash(ViewOf(zip.events[i])), EventKeyHash(ViewOf(plain.events[i])));
  }
}

// ---- containers -----------------------------------------------------------------------------

std::string ManyRows(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += Gdelt2Row(1000 + i, "20180301", "PAKGOV", "PAK", "RUSGOV", "RUS", "0311") + "\n";
  }
  return out;
}

TEST(Containers, MultiMemberGzip) {
  std::string a = ManyRows(3), b = ManyRows(2);
  ReadResult r = ReadBytes("two.gz", testutil::Gzip(a) + testutil::Gzip(b));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.events.size(), 5u);
}

TEST(Containers, ZipReadsEveryMember) {
  ReadResult r =
      ReadBytes("day.zip", testutil::Zip({{"a.CSV", ManyRows(3)}, {"b.CSV", ManyRows(4)}}));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.events.size(), 7u);
}

TEST(Containers, RejectsNameTheZipMember) {
  std::string bad = ManyRows(1) + "garbage\n";
  ReadResult r = ReadBytes("day.zip", testutil::Zip({{"x.CSV", bad}}));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].file, "day.zip!x.CSV");
  EXPECT_EQ(r.rejects[0].line, 2);
}

TEST(Malformed, TruncatedGzipIsAnErrorAfterDeliveringRows) {
  std::string gz = testutil::Gzip(ManyRows(4000));
  ReadResult r = ReadBytes("cut.gz", gz.substr(0, gz.size() / 2));
  EXPECT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("cut.gz"), std::string::npos);
  EXPECT_NE(r.status.message().find("truncated"), std::string::npos) << r.status.message();
  EXPECT_GT(r.stats.events, 0);
  EXPECT_LT(r.stats.events, 4000);
  EXPECT_EQ(static_cast<int64_t>(r.events.size()), r.stats.events);
}

// Where member `index`'s data starts in `zip` (after its local header, name and extra field).
size_t ZipDataOffset(const std::string& zip, int index) {
  size_t at = 0;
  for (int i = 0;; ++i) {
    at = zip.find(std::string_view("PK\x03\x04", 4), i == 0 ? 0 : at + 4);
    if (at == std::string::npos) return at;
    if (i == index) break;
  }
  auto u16 = [&](size_t p) {
    return static_cast<size_t>(static_cast<unsigned char>(zip[p])) |
           static_cast<size_t>(static_cast<unsigned char>(zip[p + 1])) << 8;
  };
  return at + 30 + u16(at + 26) + u16(at + 28);
}

// A zip read from a file goes through libarchive in 1 MiB reads. A deflated member whose data
// starts a few bytes before such a boundary yields an empty first block, which is not its end.
TEST(Containers, ZipMemberStartingJustBeforeAReadBoundaryIsRead) {
  ::entente::testing::TempDir dir;
  const std::string rows = ManyRows(2000);
  const std::string last = Gdelt2Row(9999, "20180302", "PAKGOV", "PAK", "RUSGOV", "RUS", "0311");
  for (size_t before : {1, 8, 20, 44}) {
    // Pad the stored first member (with blank lines, which hold no event) until the second
    // member's data starts `before` bytes ahead of the 1 MiB mark.
    auto build = [&](size_t pad) {
      return testutil::ZipMembers(
          {{"a.CSV", rows + std::string(pad, '\n'), true}, {"b.CSV", last + "\n", false}});
    };
    const size_t target = (size_t{1} << 20) - before;
    size_t start = ZipDataOffset(build(0), 1);
    ASSERT_LT(start, target);
    std::string zip = build(target - start);
    ASSERT_EQ(ZipDataOffset(zip, 1), target);
    ::entente::testing::WriteFileOrDie(dir.File("edge.zip"), zip);
    ReadResult r = ReadFile(dir.File("edge.zip"));
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    EXPECT_EQ(r.events.size(), 2001u) << before << " bytes before the boundary";
    ASSERT_FALSE(r.events.empty());
    EXPECT_EQ(r.events.back().id, "9999");
  }
}

// The central directory counts the members: an archive whose local headers show fewer is an
// error, never a smaller input.
TEST(Malformed, ZipWithMoreMembersListedThanReadIsAnError) {
  std::string zip = testutil::Zip({{"a.CSV", ManyRows(3)}, {"b.CSV", ManyRows(4)}});
  size_t eocd = zip.rfind(std::string_view("PK\x05\x06", 4));
  ASSERT_NE(eocd, std::string::npos);
  zip[eocd + 10] = 3;  // total entries
  ::entente::testing::TempDir dir;
  ::entente::testing::WriteFileOrDie(dir.File("listed.zip"), zip);
  ReadResult r = ReadFile(dir.File("listed.zip"));
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.code(), StatusCode::kCorruption);
  EXPECT_NE(r.status.message().find("lists 3 members but 2 were read"), std::string::npos)
      << r.status.message();
}

// Spreadsheets save UTF-8 with a byte-order mark; it is no part of the first row's id.
TEST(Containers, ByteOrderMarkIsNotPartOfTheFirstRow) {
  ReadResult r = ReadBytes("bom.csv", "\xEF\xBB\xBF" + ManyRows(2));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.rejected, 0) << FirstReject(r);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].id, "1000");
}

// Blank lines hold no event: a file of them, however long, holds none (not an error), and rows
// after a long run of them are read with their own line numbers.
TEST(Containers, BlankLinesHoldNoEventsHoweverMany) {
  ::entente::testing::TempDir dir;
  const std::string blank(5 << 20, '\n');  // longer than detection looks
  ::entente::testing::WriteFileOrDie(dir.File("blank.csv"), blank);
  ReadResult r = ReadFile(dir.File("blank.csv"));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.events.size(), 0u);
  ::entente::testing::WriteFileOrDie(dir.File("late.csv"), blank + ManyRows(2) + "garbage\n");
  ReadResult late = ReadFile(dir.File("late.csv"));
  ASSERT_TRUE(late.status.ok()) << late.status.ToString();
  EXPECT_EQ(late.events.size(), 2u);
  ASSERT_EQ(late.rejects.size(), 1u);
  EXPECT_EQ(late.rejects[0].line, (5 << 20) + 3);
}

// The Goldstein scale runs from -10 to +10: a value outside it is a bad row, reported.
TEST(Malformed, GoldsteinOutsideItsScaleIsRejected) {
  std::string row = ManyRows(1);
  std::vector<std::string> f;
  for (size_t start = 0;;) {
    size_t tab = row.find('\t', start);
    f.push_back(row.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  ASSERT_EQ(f.size(), 61u);
  f[30] = "16.5";
  std::string bad;
  for (size_t i = 0; i < f.size(); ++i) bad += (i ? "\t" : "") + f[i];
  ReadResult r = ReadBytes("g.csv", ManyRows(1) + bad);
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.events.size(), 1u);
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].line, 2);
  EXPECT_EQ(r.rejects[0].column, 31);
  EXPECT_NE(r.rejects[0].reason.find("outside"), std::string::npos) << r.rejects[0].reason;
  ReadResult j = ReadBytes("g.jsonl", R"({"date":"2018-03-01","code":"042","goldstein":-11})"
                                      "\n");
  EXPECT_EQ(j.events.size(), 0u);
  EXPECT_EQ(j.stats.rejected, 1);
}

TEST(Malformed, TruncatedZipIsAnErrorAfterDeliveringRows) {
  std::string zip = testutil::Zip({{"big.CSV", ManyRows(4000)}});
  ReadResult r = ReadBytes("cut.zip", zip.substr(0, zip.size() / 2));
  EXPECT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("cut.zip"), std::string::npos) << r.status.message();
  EXPECT_NE(r.status.message().find("zip"), std::string::npos);
  EXPECT_GT(r.stats.events, 0);
  EXPECT_LT(r.stats.events, 4000);
  // Cut inside the central directory: every row is there, but the archive is still incomplete.
  ReadResult tail = ReadBytes("tail.zip", zip.substr(0, zip.size() - 10));
  EXPECT_FALSE(tail.status.ok());
  EXPECT_NE(tail.status.message().find("tail.zip: truncated zip"), std::string::npos)
      << tail.status.message();
  EXPECT_EQ(tail.stats.events, 4000);
}

TEST(Malformed, CutOffLastLineIsOneReject) {
  std::string rows = ManyRows(5);
  std::string last = Gdelt2Row(9, "20180301", "PAK", "PAK", "RUS", "RUS", "042");
  ReadResult r = ReadBytes("cut.CSV", rows + last.substr(0, 120));
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.stats.events, 5);
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].line, 6);
  EXPECT_EQ(r.rejects[0].offset, static_cast<int64_t>(rows.size()));
  EXPECT_NE(r.rejects[0].reason.find("expected 61 fields"), std::string::npos);
  EXPECT_EQ(r.rejects[0].raw, last.substr(0, 120));
}

TEST(Malformed, CrlfIsAccepted) {
  std::string lf = ManyRows(3), crlf;
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  ReadResult a = ReadBytes("lf", lf), b = ReadBytes("crlf", crlf);
  ASSERT_TRUE(b.status.ok());
  EXPECT_EQ(b.stats.rejected, 0);
  ASSERT_EQ(b.events.size(), 3u);
  EXPECT_EQ(b.events[2].url, a.events[2].url);  // no '\r' left on the last field
}

TEST(Malformed, EmptyFileIsZeroEventsNotAnError) {
  for (const char* bytes : {"", "\n\n", "\r\n"}) {
    ReadResult r = ReadBytes("empty.CSV", bytes);
    EXPECT_TRUE(r.status.ok());
    EXPECT_EQ(r.stats.rows, 0);
    EXPECT_EQ(r.stats.events, 0);
  }
  ReadResult gz = ReadBytes("empty.gz", testutil::Gzip(""));
  EXPECT_TRUE(gz.status.ok()) << gz.status.ToString();
}

TEST(Malformed, BinaryGarbageIsNotRecognised) {
  std::string junk;
  uint32_t x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1103515245 + 12345;
    junk += static_cast<char>(x >> 24);
  }
  ReadResult r = ReadBytes("junk.bin", junk);
  EXPECT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status.message().find("junk.bin: not a recognised event file"), std::string::npos)
      << r.status.message();
}

TEST(Malformed, TenMegabyteLineIsOneReject) {
  std::string rows = ManyRows(2);
  std::string huge(10 << 20, 'x');
  ReadResult r = ReadBytes("huge.CSV", rows + huge + "\n" + ManyRows(3));
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.stats.events, 5);
  ASSERT_EQ(r.rejects.size(), 1u);
  EXPECT_EQ(r.rejects[0].line, 3);
  EXPECT_NE(r.rejects[0].reason.find("longer than"), std::string::npos);
  EXPECT_EQ(r.rejects[0].raw.size(), Reject::kMaxRawBytes);
}

TEST(Malformed, CommaSeparatedGdeltIsAClearError) {
  std::string csv;
  for (int i = 0; i < 3; ++i) {
    std::string row = Gdelt2Row(i, "20180301", "PAK", "PAK", "RUS", "RUS", "042");
    for (char& c : row) c = c == '\t' ? ',' : c;
    csv += row + "\n";
  }
  ReadResult r = ReadBytes("excel.csv", csv);
  EXPECT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("comma-separated"), std::string::npos) << r.status.message();
  EXPECT_NE(r.status.message().find("excel.csv"), std::string::npos);
}

TEST(Malformed, BadRowsAreRejectedWithColumnAndTheRestLoads) {
  std::string good = Gdelt2Row(1, "20180301", "PAK", "PAK", "RUS", "RUS", "042");
  std::string bad_date = Gdelt2Row(2, "20180230", "PAK", "PAK", "RUS", "RUS", "042");
  std::string bad_number = Gdelt2Row(3, "20180301", "PAK", "PAK", "RUS", "RUS", "042");
  bad_number.replace(bad_number.find("\t3.5\t"), 5, "\tx.5\t");
  std::string bad_utf8 = Gdelt2Row(4, "20180301", "PAK", "PAK", "RUS", "RUS", "042");
  bad_utf8.replace(bad_utf8.find("ACTOR ONE"), 9, "ACTOR \xC3\x28NE");
  std::string short_row = "5\t20180301\tPAK";
  ReadResult r = ReadBytes("mixed.CSV", good + "\n" + bad_date + "\n" + bad_number + "\n" +
                                            bad_utf8 + "\n" + short_row + "\n" + good + "\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.stats.rows, 6);
  EXPECT_EQ(r.stats.events, 2);
  EXPECT_EQ(r.stats.rejected, 4);
  ASSERT_EQ(r.rejects.size(), 4u);
  EXPECT_EQ(r.rejects[0].line, 2);
  EXPECT_EQ(r.rejects[0].column, 2);
  EXPECT_NE(r.rejects[0].reason.find("bad date '20180230'"), std::string::npos);
  EXPECT_EQ(r.rejects[1].column, 31);
  EXPECT_NE(r.rejects[1].reason.find("GoldsteinScale"), std::string::npos);
  EXPECT_EQ(r.rejects[2].column, 7);
  EXPECT_NE(r.rejects[2].reason.find("UTF-8"), std::string::npos);
  EXPECT_EQ(r.rejects[3].column, 0);
  EXPECT_NE(r.rejects[3].reason.find("found 3"), std::string::npos);
  EXPECT_EQ(r.rejects[3].file, "mixed.CSV");
  EXPECT_EQ(r.rejects[3].ToString(), "mixed.CSV:5: expected 61 fields (GDELT 2.0), found 3");
}

TEST(Detection, Gdelt1MixedLayoutsPerRow) {
  std::string bytes = Gdelt1Row(1, "19820102", "PAKGOV", "RUSGOV", "042", false) + "\n" +
                      Gdelt1Row(2, "20160728", "RUSBUS", "PAK", "080", true) + "\n";
  ReadResult r = ReadBytes("g1", bytes);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.stats.format, Format::kGdelt1);
  EXPECT_EQ(r.events[0].url, "");
  EXPECT_EQ(r.events[1].url, "http://example.org/g1/2");
  EXPECT_EQ(r.events[0].geo_country, "PK");
  EXPECT_EQ(r.events[1].date_added, 20160728);
}

TEST(Detection, FirstBadRowDoesNotSinkDetection) {
  std::string bytes = "oops\n" + ManyRows(2);
  ReadResult r = ReadBytes("x", bytes);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.stats.format, Format::kGdelt2);
  EXPECT_EQ(r.stats.events, 2);
  EXPECT_EQ(r.stats.rejected, 1);
}

TEST(Detection, ForcedFormatRejectsOtherRows) {
  ReadResult r = ReadBytes("x", ManyRows(2), Format::kGdelt1);
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.stats.rejected, 2);
  EXPECT_NE(FirstReject(r).find("expected 57 or 58 fields"), std::string::npos);
}

TEST(Detection, UnknownTextIsNotRecognised) {
  ReadResult r = ReadBytes("notes.txt", "Dear diary,\nnothing happened.\n");
  EXPECT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("notes.txt: not a recognised event file"), std::string::npos);
}

TEST(Reader, MissingFileNamesIt) {
  ReadResult r = ReadFile("/nonexistent/dir/x.CSV");
  EXPECT_EQ(r.status.code(), StatusCode::kNotFound);
  EXPECT_NE(r.status.message().find("/nonexistent/dir/x.CSV"), std::string::npos);
}

TEST(Reader, VisitorCanStopEarly) {
  int seen = 0;
  ReadStats stats;
  Status st = ReadEventBytes(
      "x", ManyRows(10), ReadOptions(), [&](const EventRow&) { return ++seen < 3; }, &stats);
  EXPECT_TRUE(st.ok());
  EXPECT_EQ(seen, 3);
}

// The driver hands GDELT parsers the same row every time (RowParser::SetsEveryField), so a parse
// into a row full of another row's values must give what a parse into a fresh row gives.
TEST(Reader, GdeltParsersSetEveryField) {
  auto blank = [](std::string line, std::initializer_list<int> columns) {
    std::vector<std::string> f;
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == '\t') {
        f.push_back(line.substr(start, i - start));
        start = i + 1;
      }
    }
    for (int c : columns) f[static_cast<size_t>(c)].clear();
    std::string out;
    for (size_t i = 0; i < f.size(); ++i) out += (i ? "\t" : "") + f[i];
    return out;
  };
  std::string g2 = Gdelt2Row(7, "20240105", "PAKGOV", "PAK", "RUSMIL", "RUS", "0314");
  std::string g1 = Gdelt1Row(8, "19850105", "USA", "SUN", "042", true);
  std::string g1h = Gdelt1Row(9, "19850105", "USA", "SUN", "042", false);
  struct Case {
    Format format;
    std::string line;
  };
  const Case cases[] = {
      {Format::kGdelt2, g2},
      {Format::kGdelt2, blank(g2, {5, 15, 25, 28, 29, 30, 31, 34, 56, 57, 59, 60})},
      {Format::kGdelt1, g1},
      {Format::kGdelt1, g1h},
      {Format::kGdelt1, blank(g1, {28, 29, 30, 33, 34, 53, 54, 56, 57})}};
  Event junk_owned;
  for (std::string* s :
       {&junk_owned.dataset, &junk_owned.id, &junk_owned.code, &junk_owned.base_code,
        &junk_owned.root_code, &junk_owned.geo_country, &junk_owned.geo_name, &junk_owned.url,
        &junk_owned.sector, &junk_owned.text, &junk_owned.citation, &junk_owned.source.name,
        &junk_owned.source.code, &junk_owned.target.type3}) {
    *s = "junk";
  }
  junk_owned.date = 12345;
  junk_owned.precision = DatePrecision::kYear;
  junk_owned.is_root = true;
  junk_owned.quad = 3;
  junk_owned.goldstein = junk_owned.tone = junk_owned.lat = junk_owned.lon = 99;
  junk_owned.mentions = junk_owned.sources = junk_owned.articles = 99;
  junk_owned.date_added = 99;
  for (const Case& c : cases) {
    std::unique_ptr<RowParser> parser = MakeRowParser(c.format);
    ASSERT_TRUE(parser->SetsEveryField());
    RowError err;
    EventRow fresh, reused = ViewOf(junk_owned);
    ASSERT_TRUE(parser->Parse(c.line, &fresh, &err)) << err.reason;
    ASSERT_TRUE(parser->Parse(c.line, &reused, &err)) << err.reason;
    std::vector<FieldValue> want, got;
    EventFieldValues(fresh, true, &want);
    EventFieldValues(reused, true, &got);
    ASSERT_EQ(want.size(), got.size());
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(want[i].kind, got[i].kind) << EventColumnsFull()[i];
      EXPECT_EQ(want[i].i, got[i].i) << EventColumnsFull()[i];
      EXPECT_EQ(want[i].d, got[i].d) << EventColumnsFull()[i];
      EXPECT_EQ(want[i].s, got[i].s) << EventColumnsFull()[i];
    }
    EXPECT_EQ(fresh.precision, reused.precision);
  }
}

TEST(Reader, ParseFormatNames) {
  for (Format f : {Format::kAuto, Format::kGdelt1, Format::kGdelt2, Format::kIcews,
                   Format::kPhoenix, Format::kJsonl, Format::kChronicle}) {
    Result<Format> back = ParseFormat(FormatName(f));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, f);
  }
  EXPECT_EQ(ParseFormat("gdelt3").status().message(),
            "bad input format 'gdelt3': expected auto, gdelt1, gdelt2, icews, phoenix, jsonl or "
            "chronicle");
}

}  // namespace
}  // namespace entente::io
