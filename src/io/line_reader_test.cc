#include "io/line_reader.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "testing.h"

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

// A plain file is mapped (FileStream::InMemory) and read without the buffer; on random files with
// empty, CRLF, over-long and unterminated lines it must give what the buffered path gives, Peek()
// and at_eof() included.
TEST(LineReader, MappedFileReadsLikeBuffered) {
  entente::testing::TempDir dir;
  std::mt19937 rng(3);
  for (int iter = 0; iter < 300; ++iter) {
    std::string bytes;
    int lines = static_cast<int>(rng() % 12);
    for (int i = 0; i < lines; ++i) {
      size_t len = rng() % 5 == 0 ? 60 + rng() % 200 : rng() % 70;
      static constexpr char kChars[] = {'a', 'b', '\t', '\r', ' '};
      for (size_t k = 0; k < len; ++k) bytes.push_back(kChars[rng() % 5]);
      if (i + 1 < lines || rng() % 2) {
        if (rng() % 4 == 0) bytes.push_back('\r');
        bytes.push_back('\n');
      }
    }
    std::string path = dir.File(std::to_string(iter) + ".tsv");
    entente::testing::WriteFileOrDie(path, bytes);
    FileStream file;
    ASSERT_TRUE(file.Open(path).ok());
    std::string_view mapped;
    ASSERT_EQ(file.InMemory(&mapped), !bytes.empty());
    // Whole reads, as read(2) gives for a regular file, or short ones to exercise refills.
    bool whole = rng() % 2 == 0;
    ChunkedStream chunked(bytes, whole ? 4096 : 1 + rng() % 100);
    LineReader a(&file, 64, 128), b(&chunked, 64, 128);
    if (whole) {
      size_t want = rng() % 300;
      ASSERT_EQ(a.Peek(want), b.Peek(want)) << iter;
      ASSERT_EQ(a.at_eof(), b.at_eof()) << iter;
    }
    Line la, lb;
    for (;;) {
      bool more = a.Next(&la);
      ASSERT_EQ(more, b.Next(&lb)) << iter;
      if (!more) break;
      // An over-long line's text is its first Reject::kMaxRawBytes bytes as buffered; with the
      // 64-byte cap here that runs past the line, so only the line's own bytes are compared.
      EXPECT_EQ(la.text.substr(0, la.too_long ? 64 : la.text.size()),
                lb.text.substr(0, lb.too_long ? 64 : lb.text.size()));
      EXPECT_EQ(la.number, lb.number);
      EXPECT_EQ(la.offset, lb.offset);
      EXPECT_EQ(la.too_long, lb.too_long);
      EXPECT_EQ(la.length, lb.length);
    }
    EXPECT_TRUE(a.status().ok());
  }
}

TEST(LineReader, EmptyStream) { EXPECT_TRUE(AllLines("", 10).empty()); }

}  // namespace
}  // namespace entente::io
