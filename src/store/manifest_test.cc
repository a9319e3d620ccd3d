#include "store/manifest.h"

#include <gtest/gtest.h>

#include <string>

namespace entente::store {
namespace {

Manifest TwoSegments() {
  Manifest m;
  m.next_segment = 12;
  m.segments.push_back({SegmentFileName(3), 1000, 52341, 14000, 15000});
  m.segments.push_back({SegmentFileName(11), 25, 900, -3000, 20000});
  return m;
}

TEST(ManifestTest, SegmentNamesRoundTrip) {
  EXPECT_EQ(SegmentFileName(1), "seg-00000001.ens");
  EXPECT_EQ(SegmentNumber(SegmentFileName(1)), 1u);
  EXPECT_EQ(SegmentNumber(SegmentFileName(123456789)), 123456789u);
  for (const char* not_one :
       {"", "MANIFEST", "seg-.ens", "seg-0000000x.ens", "seg-00000001.tmp", "xseg-00000001.ens"}) {
    EXPECT_EQ(SegmentNumber(not_one), 0u) << not_one;
  }
}

TEST(ManifestTest, EncodeDecodeRoundTrip) {
  Manifest m = TwoSegments();
  Result<Manifest> back = DecodeManifest("s/MANIFEST", EncodeManifest(m));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->next_segment, 12u);
  ASSERT_EQ(back->segments.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back->segments[i].name, m.segments[i].name);
    EXPECT_EQ(back->segments[i].rows, m.segments[i].rows);
    EXPECT_EQ(back->segments[i].bytes, m.segments[i].bytes);
    EXPECT_EQ(back->segments[i].min_date, m.segments[i].min_date);
    EXPECT_EQ(back->segments[i].max_date, m.segments[i].max_date);
  }
  EXPECT_EQ(back->rows(), 1025u);
}

// Any edited, torn or truncated text is Corruption naming the file, never a smaller store.
TEST(ManifestTest, DamageIsCorruptionNamingTheFile) {
  std::string text = EncodeManifest(TwoSegments());
  for (size_t cut : {size_t{0}, size_t{5}, text.size() / 2, text.size() - 2}) {
    std::string torn = text.substr(0, cut);
    Result<Manifest> r = DecodeManifest("s/MANIFEST", torn);
    if (cut == 0 && r.ok()) {
      EXPECT_TRUE(r->segments.empty());  // an empty file may read as an empty store
      continue;
    }
    ASSERT_FALSE(r.ok()) << "cut at " << cut;
    EXPECT_NE(r.status().message().find("s/MANIFEST"), std::string::npos) << r.status().message();
  }
  for (size_t i = 0; i + 1 < text.size(); i += 7) {
    std::string edited = text;
    edited[i] = edited[i] == '1' ? '2' : '1';
    Result<Manifest> r = DecodeManifest("s/MANIFEST", edited);
    EXPECT_FALSE(r.ok()) << "byte " << i << " edited";
  }
}

}  // namespace
}  // namespace entente::store
