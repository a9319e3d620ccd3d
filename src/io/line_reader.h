// Splits a ByteStream into lines with one fixed buffer, whatever the file size.
//
// Lines are views into the buffer, valid until the next call to Next(). A line ends at '\n'; a
// '\r' before it is stripped (CRLF files read like LF files). The last line may lack its '\n'.
// A line longer than kMaxLineBytes is not buffered: it comes back once, flagged `too_long`, with
// its first Reject::kMaxRawBytes bytes, and the reader skips to the next '\n' — so a 10 MB line
// or a file with no newlines at all costs constant memory and never stops the read.
//
// When the stream is already in memory (a mapped plain file, ByteStream::InMemory), lines are
// views straight into it and no buffer is used; lines, numbers, offsets, Peek() and over-long
// handling are the same as when reading through the buffer.
//
// Numbers behind the sizes: GDELT rows are 300-1,500 bytes; the longest real row we have seen is
// under 8 KiB. A 1 MiB cap leaves room for any real row (ICEWS text, JSONL with descriptions);
// the 4 MiB buffer keeps read(2) calls large and the memmove of a partial line negligible.
#ifndef ENTENTE_IO_LINE_READER_H_
#define ENTENTE_IO_LINE_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/byte_stream.h"

namespace entente::io {

inline constexpr size_t kMaxLineBytes = 1 << 20;
inline constexpr size_t kLineBufferBytes = 4 << 20;

struct Line {
  std::string_view text;  // without '\n' and a trailing '\r'
  int64_t number = 0;     // 1-based
  int64_t offset = 0;     // byte offset of the line's first byte in the stream
  bool too_long = false;  // longer than the cap: `text` is only its beginning
  int64_t length = 0;     // the full length in bytes (differs from text.size() when too_long)
};

class LineReader {
 public:
  // REQUIRES: `in` outlives the reader.
  explicit LineReader(ByteStream* in, size_t max_line = kMaxLineBytes,
                      size_t buffer_bytes = kLineBufferBytes);

  // The next line; false at the end of the stream or on a read error (then see status()).
  bool Next(Line* line);
  // OK, or why the stream stopped early (truncated gz/zip, I/O error).
  const Status& status() const { return status_; }

  // The start of the stream, for format detection: fills the buffer with at least `want` bytes
  // (or up to the end of the stream) without consuming anything. REQUIRES: no Next() call yet.
  std::string_view Peek(size_t want);
  // After Peek(): whether the stream ended before `want` bytes.
  bool at_eof() const { return mapped_ ? peek_short_ : eof_; }

 private:
  // Reads more bytes after end_; returns false when nothing more came (eof or error).
  bool Fill();

  ByteStream* in_;
  size_t max_line_;
  size_t buffer_bytes_;
  std::vector<char> buf_;
  const char* data_ = nullptr;  // buf_.data(), or the stream's bytes when mapped_
  bool mapped_ = false;
  bool peek_short_ = false;  // mapped_: Peek() found fewer bytes than it wanted
  size_t begin_ = 0, end_ = 0;
  int64_t base_ = 0;  // stream offset of buf_[0]
  int64_t line_no_ = 0;
  bool eof_ = false;
  Status status_;
  std::string long_prefix_;
};

}  // namespace entente::io

#endif  // ENTENTE_IO_LINE_READER_H_
