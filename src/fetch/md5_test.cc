#include "fetch/md5.h"

#include <gtest/gtest.h>

#include <string>

#include "testing.h"

namespace entente::fetch {
namespace {

// The test suite of RFC 1321, appendix A.5.
TEST(Md5Test, Rfc1321Vectors) {
  EXPECT_EQ(Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Md5Hex("a"), "0cc175b9c0f1b6a831c399e269772661");
  EXPECT_EQ(Md5Hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(Md5Hex("message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(Md5Hex("abcdefghijklmnopqrstuvwxyz"), "c3fcd3d76192e4007dfb496cca67e13b");
  EXPECT_EQ(Md5Hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
            "d174ab98d277d9f5a5611c2c9f419d9f");
  EXPECT_EQ(Md5Hex("1234567890123456789012345678901234567890123456789012345678901234567890"
                   "1234567890"),
            "57edf4a22be3c955ac49da2e2107b67a");
}

// Lengths around the 56- and 64-byte padding edges, fed whole and in odd pieces, must agree.
TEST(Md5Test, ChunkingDoesNotChangeTheDigest) {
  for (size_t len : {55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 121u, 1000u}) {
    std::string text;
    for (size_t i = 0; i < len; ++i) text += char('a' + (i * 7) % 26);
    std::string whole = Md5Hex(text);
    for (size_t step : {1u, 3u, 17u, 64u}) {
      Md5 md5;
      for (size_t at = 0; at < text.size(); at += step) {
        md5.Update(std::string_view(text).substr(at, step));
      }
      EXPECT_EQ(md5.HexDigest(), whole) << "len " << len << " step " << step;
    }
  }
  // A million 'a's: a well-known digest that crosses many blocks.
  EXPECT_EQ(Md5Hex(std::string(1000000, 'a')), "7707d6ae4e027c70eea2a935c2296f21");
}

TEST(Md5Test, FileDigestAndSize) {
  testing::TempDir dir;
  testing::WriteFileOrDie(dir.File("f"), "message digest");
  int64_t size = -1;
  Result<std::string> md5 = Md5OfFile(dir.File("f"), &size);
  ASSERT_TRUE(md5.ok()) << md5.status().ToString();
  EXPECT_EQ(*md5, "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(size, 14);
  EXPECT_FALSE(Md5OfFile(dir.File("absent")).ok());
}

}  // namespace
}  // namespace entente::fetch
