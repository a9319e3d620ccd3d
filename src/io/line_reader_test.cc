#include "io/line_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace entente::io {
namespace {

// A stream that hands out at most `chunk` bytes per read, to exercise lines split across reads.
class ChunkedStream : public ByteStream {
 public:
  ChunkedStream(std::string_view bytes, size_t chunk) : bytes_(bytes), chunk_(chunk) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min({n, chunk_, bytes_.size() - pos_});
    std::copy_n(bytes_.data() + pos_, k, buf);
    pos_ += k;
    return k;
  }
  int64_t RawPosition() const override { return static_cast<int64_t>(pos_); }

 private:
  std::string_view bytes_;
  size_t chunk_;
  size_t pos_ = 0;
};

std::vector<Line> AllLines(std::string_view bytes, size_t chunk, size_t max_line = 64,
                           std::vector<std::string>* texts = nullptr) {
  ChunkedStream in(bytes, chunk);
  LineReader r(&in, max_line, 256);
  std::vector<Line> out;
  Line l;
  while (r.Next(&l)) {
    out.push_back(l);
    if (texts) texts->push_back(std::string(l.text));
  }
  EXPECT_TRUE(r.status().ok());
  return out;
}

TEST(LineReader, SplitsLinesAcrossReadsWithOffsets) {
  for (size_t chunk : {1, 3, 7, 1000}) {
    std::vector<std::string> t;
    std::vector<Line> lines = AllLines("ab\ncde\n\nf", chunk, 64, &t);
    ASSERT_EQ(lines.size(), 4u) << chunk;
    EXPECT_EQ(t, (std::vector<std::string>{"ab", "cde", "", "f"}));
    EXPECT_EQ(lines[1].offset, 3);
    EXPECT_EQ(lines[1].number, 2);
    EXPECT_EQ(lines[3].offset, 8);  // last line without '\n' still delivered
  }
}

TEST(LineReader, StripsCarriageReturns) {
  std::vector<std::string> t;
  AllLines("a\tb\r\nc\r\n", 5, 64, &t);
  EXPECT_EQ(t, (std::vector<std::string>{"a\tb", "c"}));
}

TEST(LineReader, OverLongLineIsFlaggedAndSkipped) {
  std::string big(1000, 'x');
  std::string bytes = "short\n" + big + "\nafter\n" + big;  // the last one has no '\n'
  for (size_t chunk : {1, 13, 4096}) {
    std::vector<std::string> t;
    std::vector<Line> lines = AllLines(bytes, chunk, 64, &t);
    ASSERT_EQ(lines.size(), 4u) << chunk;
    EXPECT_FALSE(lines[0].too_long);
    EXPECT_TRUE(lines[1].too_long);
    EXPECT_EQ(lines[1].length, 1000);
    EXPECT_EQ(lines[1].offset, 6);
    EXPECT_EQ(t[2], "after");
    EXPECT_EQ(lines[2].number, 3);
    EXPECT_TRUE(lines[3].too_long);
    EXPECT_EQ(lines[3].length, 1000);
  }
}

TEST(LineReader, PeekDoesNotConsume) {
  ChunkedStream in("one\ntwo\n", 2);
  LineReader r(&in, 64, 256);
  EXPECT_EQ(r.Peek(100), "one\ntwo\n");
  EXPECT_TRUE(r.at_eof());
  Line l;
  ASSERT_TRUE(r.Next(&l));
  EXPECT_EQ(l.text, "one");
}

TEST(LineReader, EmptyStream) { EXPECT_TRUE(AllLines("", 10).empty()); }

}  // namespace
}  // namespace entente::io
