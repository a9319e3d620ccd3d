#include "clickhouse/url.h"

#include <gtest/gtest.h>

namespace entente::clickhouse {
namespace {

TEST(StoreUrl, ParsesEveryPart) {
  auto u = ParseStoreUrl(
      "clickhouse://db1.example.org:8124/gdelt?cluster=prod&user=ana&password=s%40cret&"
      "shards=h1:8123,h2:9123");
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(u->entry.host, "db1.example.org");
  EXPECT_EQ(u->entry.port, 8124);
  EXPECT_EQ(u->database, "gdelt");
  EXPECT_EQ(u->cluster, "prod");
  EXPECT_EQ(u->user, "ana");
  EXPECT_EQ(u->password, "s@cret");
  ASSERT_EQ(u->shards.size(), 2u);
  EXPECT_EQ(u->shards[1].host, "h2");
  EXPECT_EQ(u->shards[1].port, 9123);
}

TEST(StoreUrl, Defaults) {
  auto u = ParseStoreUrl("clickhouse://localhost");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->entry.port, 8123);
  EXPECT_EQ(u->database, "entente");
  EXPECT_TRUE(u->cluster.empty());
}

TEST(StoreUrl, DescribeNeverShowsThePassword) {
  auto u = ParseStoreUrl("clickhouse://h:1/d?user=u&password=topsecret");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->Describe(), "clickhouse://h:1/d?user=u");
  EXPECT_EQ(u->Describe().find("topsecret"), std::string::npos);
}

TEST(StoreUrl, ErrorsNeverShowThePassword) {
  for (const char* bad :
       {"clickhouse://h:99999/d?password=topsecret",
        "clickhouse://h:1/d?password=topsecret&bogus=1", "clickhouse://u:topsecret@h:1/d",
        "clickhouse://h:1/d;drop?password=topsecret", "clickhouse://h:1/d?password=topsecret%zz"}) {
    auto u = ParseStoreUrl(bad);
    ASSERT_FALSE(u.ok()) << bad;
    EXPECT_EQ(u.status().message().find("topsecret"), std::string::npos) << u.status().message();
  }
}

TEST(StoreUrl, RejectsMalformed) {
  for (const char* bad :
       {"clickhouse://", "clickhouse://:8123/d", "clickhouse://h:/d", "clickhouse://h:abc/d",
        "clickhouse://h/bad-name", "clickhouse://h/d?cluster=a;b", "clickhouse://h/d?user",
        "clickhouse://h/d?shards=h1:1,", "clickhouse://h o/d"}) {
    EXPECT_FALSE(ParseStoreUrl(bad).ok()) << bad;
  }
  EXPECT_TRUE(IsClickHouseUrl("clickhouse://x"));
  EXPECT_FALSE(IsClickHouseUrl("/var/lib/entente"));
}

}  // namespace
}  // namespace entente::clickhouse
