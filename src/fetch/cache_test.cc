#include "fetch/cache.h"

#include <gtest/gtest.h>

#include "fetch/md5.h"
#include "testing.h"

namespace entente::fetch {
namespace {

RemoteFile Listed(const std::string& name, const std::string& bytes) {
  RemoteFile f;
  f.name = name;
  f.size = int64_t(bytes.size());
  f.md5 = Md5Hex(bytes);
  return f;
}

TEST(FileCacheTest, JournalSurvivesReloadAndTracksChanges) {
  testing::TempDir dir;
  RemoteFile f = Listed("20180101000000.export.CSV.zip", "zip bytes");
  {
    FileCache cache(dir.path(), GdeltVersion::kV2);
    ASSERT_TRUE(cache.Load().ok());
    EXPECT_FALSE(cache.IsVerified(f));
    testing::WriteFileOrDie(cache.FilePath(f.name), "zip bytes");
    EXPECT_FALSE(cache.IsVerified(f)) << "present is not verified";
    ASSERT_TRUE(cache.Record(f.name, f.md5).ok());
    EXPECT_TRUE(cache.IsVerified(f));
  }
  FileCache again(dir.path(), GdeltVersion::kV2);
  ASSERT_TRUE(again.Load().ok());
  EXPECT_TRUE(again.IsVerified(f));

  RemoteFile republished = Listed(f.name, "other bytes");
  EXPECT_FALSE(again.IsVerified(republished)) << "the list's MD5 changed";

  testing::WriteFileOrDie(again.FilePath(f.name), "zip bytes, edited");
  EXPECT_FALSE(again.IsVerified(f)) << "the file changed on disk";
}

TEST(FileCacheTest, ForeignJournalIsAnError) {
  testing::TempDir dir;
  FileCache cache(dir.path(), GdeltVersion::kV1);
  ASSERT_TRUE(cache.Load().ok());
  testing::WriteFileOrDie(cache.dir() + "/verified.tsv", "something else\n");
  FileCache again(dir.path(), GdeltVersion::kV1);
  Status st = again.Load();
  EXPECT_EQ(st.code(), StatusCode::kCorruption);
  EXPECT_NE(st.message().find("verified.tsv:1:"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace entente::fetch
