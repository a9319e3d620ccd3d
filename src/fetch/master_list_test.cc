#include "fetch/master_list.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace entente::fetch {
namespace {

Days D(int y, int m, int d) { return DaysFromCivil(y, m, d); }

std::vector<std::string> Names(const std::vector<RemoteFile>& files) {
  std::vector<std::string> out;
  for (const RemoteFile& f : files) out.push_back(f.name);
  return out;
}

TEST(CoverageOfNameTest, Version2ExportsOnly) {
  Days first, last;
  ASSERT_TRUE(CoverageOfName(GdeltVersion::kV2, "20180101234500.export.CSV.zip", &first, &last));
  EXPECT_EQ(first, D(2018, 1, 1));
  EXPECT_EQ(last, D(2018, 1, 1));
  EXPECT_FALSE(CoverageOfName(GdeltVersion::kV2, "20180101234500.mentions.CSV.zip", &first, &last));
  EXPECT_FALSE(CoverageOfName(GdeltVersion::kV2, "20180101234500.gkg.csv.zip", &first, &last));
  EXPECT_FALSE(CoverageOfName(GdeltVersion::kV2, "20180101234500.translation.export.CSV.zip",
                              &first, &last));
  EXPECT_FALSE(CoverageOfName(GdeltVersion::kV2, "20180230000000.export.CSV.zip", &first, &last));
  EXPECT_FALSE(CoverageOfName(GdeltVersion::kV2, "20180101250000.export.CSV.zip", &first, &last));
  EXPECT_FALSE(CoverageOfName(GdeltVersion::kV2, "20130401.export.CSV.zip", &first, &last));
}

TEST(CoverageOfNameTest, Version1DailyMonthlyYearly) {
  Days first, last;
  ASSERT_TRUE(CoverageOfName(GdeltVersion::kV1, "20130401.export.CSV.zip", &first, &last));
  EXPECT_EQ(first, D(2013, 4, 1));
  EXPECT_EQ(last, D(2013, 4, 1));
  ASSERT_TRUE(CoverageOfName(GdeltVersion::kV1, "201002.zip", &first, &last));
  EXPECT_EQ(first, D(2010, 2, 1));
  EXPECT_EQ(last, D(2010, 2, 28));
  ASSERT_TRUE(CoverageOfName(GdeltVersion::kV1, "200612.zip", &first, &last));
  EXPECT_EQ(last, D(2006, 12, 31));
  ASSERT_TRUE(CoverageOfName(GdeltVersion::kV1, "1979.zip", &first, &last));
  EXPECT_EQ(first, D(1979, 1, 1));
  EXPECT_EQ(last, D(1979, 12, 31));
  EXPECT_FALSE(
      CoverageOfName(GdeltVersion::kV1, "GDELT.MASTERREDUCEDV2.1979-2013.zip", &first, &last));
  EXPECT_FALSE(CoverageOfName(GdeltVersion::kV1, "201013.zip", &first, &last));
  EXPECT_FALSE(CoverageOfName(GdeltVersion::kV1, "20180101234500.export.CSV.zip", &first, &last));
}

TEST(FileListBuilderTest, MasterListPicksExportsInRangeAndRewritesTheBase) {
  FileListBuilder b(GdeltVersion::kV2, "http://127.0.0.1:9/mirror", D(2018, 1, 1), D(2018, 1, 1));
  const char* lines[] = {
      "150383 297A16B493DE7CF6CA809A7CC31D0B93 "
      "http://data.gdeltproject.org/gdeltv2/20171231234500.export.CSV.zip",
      "318084 bb27f78ba45f69a17ea6ed7755e9f8ff "
      "http://data.gdeltproject.org/gdeltv2/20180101000000.mentions.CSV.zip",
      "149211 2a91041d7e72b0fc6a629e2ff867b240 "
      "http://data.gdeltproject.org/gdeltv2/20180101001500.export.CSV.zip",
      "149723 12268e821823aae2da90882621feda18 "
      "http://data.gdeltproject.org/gdeltv2/20180101000000.export.CSV.zip",
      "",
      " http://data.gdeltproject.org/gdeltv2/20180101003000.export.CSV.zip",  // no size, no md5
      "158842 a5298ce3c6df1a8a759c61b5c0b6f8bb "
      "http://data.gdeltproject.org/gdeltv2/20180102000000.export.CSV.zip",
  };
  for (const char* l : lines) b.AddMasterListLine(l);
  std::vector<RemoteFile> files = b.Finish();
  EXPECT_EQ(Names(files), (std::vector<std::string>{"20180101000000.export.CSV.zip",
                                                    "20180101001500.export.CSV.zip"}));
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].size, 149723);
  EXPECT_EQ(files[0].md5, "12268e821823aae2da90882621feda18");
  EXPECT_EQ(files[0].url, "http://127.0.0.1:9/mirror/20180101000000.export.CSV.zip");
  EXPECT_EQ(b.stats().lines, 6);
  EXPECT_EQ(b.stats().malformed, 1);
  EXPECT_EQ(b.stats().exports, 4);
}

TEST(FileListBuilderTest, UpperCaseMd5IsLowered) {
  FileListBuilder b(GdeltVersion::kV2, "http://x/", D(2017, 12, 31), D(2017, 12, 31));
  b.AddMasterListLine(
      "150383 297A16B493DE7CF6CA809A7CC31D0B93 http://x/20171231234500.export.CSV.zip");
  std::vector<RemoteFile> files = b.Finish();
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].md5, "297a16b493de7cf6ca809a7cc31d0b93");
}

TEST(FileListBuilderTest, Version1JoinsMd5sumsAndFilesizes) {
  FileListBuilder b(GdeltVersion::kV1, "http://x/events/", D(2013, 3, 15), D(2013, 4, 2));
  b.AddMd5sumsLine("f6fcb7e955e35f93c9dae427c07b545d  GDELT.MASTERREDUCEDV2.1979-2013.zip");
  b.AddMd5sumsLine("7fb1b6ff781aea3d441abf512dc5e0f9  2005.zip");
  b.AddMd5sumsLine("6b4341632bcc8cff1a582c48dac1b6d2  201303.zip");
  b.AddMd5sumsLine("28254bf0ca546d16433b65002b524758  20130401.export.CSV.zip");
  b.AddMd5sumsLine("02ccf568a1e94d38423dcd7781f8d216  20130403.export.CSV.zip");
  b.AddFilesizesLine("1000 201303.zip");
  b.AddFilesizesLine("2000 20130401.export.CSV.zip");
  b.AddFilesizesLine("3000 20130402.export.CSV.zip");  // in filesizes only
  b.AddFilesizesLine("not-a-size 20130402.export.CSV.zip");
  std::vector<RemoteFile> files = b.Finish();
  EXPECT_EQ(Names(files), (std::vector<std::string>{"201303.zip", "20130401.export.CSV.zip",
                                                    "20130402.export.CSV.zip"}));
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].size, 1000);
  EXPECT_EQ(files[0].md5, "6b4341632bcc8cff1a582c48dac1b6d2");
  EXPECT_EQ(files[0].first, D(2013, 3, 1));
  EXPECT_EQ(files[0].last, D(2013, 3, 31));
  EXPECT_EQ(files[1].size, 2000);
  EXPECT_EQ(files[2].size, 3000);
  EXPECT_EQ(files[2].md5, "");
  EXPECT_EQ(files[2].url, "http://x/events/20130402.export.CSV.zip");
  EXPECT_EQ(b.stats().malformed, 1);
}

}  // namespace
}  // namespace entente::fetch
