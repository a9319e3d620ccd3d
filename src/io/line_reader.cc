#include "io/line_reader.h"

#include <cstring>

#include "core/reject.h"

namespace entente::io {

LineReader::LineReader(ByteStream* in, size_t max_line, size_t buffer_bytes)
    : in_(in), max_line_(max_line), buffer_bytes_(std::max(buffer_bytes, max_line * 2)) {
  std::string_view all;
  if (in_->InMemory(&all)) {
    mapped_ = true;
    data_ = all.data();
    end_ = all.size();
    eof_ = true;  // nothing to Fill()
  } else {
    buf_.resize(buffer_bytes_);
    data_ = buf_.data();
  }
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (begin_ > 0) {  // keep the partial line, drop what was consumed
    std::memmove(buf_.data(), data_ + begin_, end_ - begin_);
    base_ += static_cast<int64_t>(begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buf_.size()) return false;  // caller handles an over-long line first
  Result<size_t> got = in_->Read(buf_.data() + end_, buf_.size() - end_);
  if (!got.ok()) {
    status_ = got.status();
    eof_ = true;
    return false;
  }
  if (*got == 0) {
    eof_ = true;
    return false;
  }
  end_ += *got;
  return true;
}

std::string_view LineReader::Peek(size_t want) {
  // What a buffered read would have shown: the buffer filled as far as it goes.
  if (mapped_) {
    peek_short_ = end_ - begin_ < std::min(want, buffer_bytes_);
    return std::string_view(data_ + begin_, std::min(end_ - begin_, buffer_bytes_));
  }
  want = std::min(want, buf_.size());
  while (end_ - begin_ < want && Fill()) {
  }
  return std::string_view(data_ + begin_, end_ - begin_);
}

bool LineReader::Next(Line* line) {
  size_t scanned = 0;  // bytes after begin_ already known to hold no '\n'
  for (;;) {
    const char* start = data_ + begin_;
    size_t avail = end_ - begin_;
    const char* nl = static_cast<const char*>(
        avail > scanned ? std::memchr(start + scanned, '\n', avail - scanned) : nullptr);
    if (nl != nullptr || (eof_ && avail > 0)) {
      size_t len = nl ? static_cast<size_t>(nl - start) : avail;
      if (len > max_line_) break;  // over-long but fully buffered: treat below
      line->offset = base_ + static_cast<int64_t>(begin_);
      line->number = ++line_no_;
      line->length = static_cast<int64_t>(len);
      line->too_long = false;
      size_t text_len = len;
      if (text_len > 0 && start[text_len - 1] == '\r') --text_len;
      line->text = std::string_view(start, text_len);
      begin_ += nl ? len + 1 : len;
      return true;
    }
    if (eof_) return false;
    scanned = avail;
    if (avail > max_line_) break;
    if (!Fill()) {
      if (!status_.ok()) return false;
      continue;  // eof: deliver the unterminated last line
    }
  }
  // Over-long line: remember its start, then skip to the next '\n' without buffering it.
  line->offset = base_ + static_cast<int64_t>(begin_);
  line->number = ++line_no_;
  line->too_long = true;
  long_prefix_.assign(data_ + begin_, std::min(end_ - begin_, Reject::kMaxRawBytes));
  int64_t length = 0;
  for (;;) {
    const char* start = data_ + begin_;
    size_t avail = end_ - begin_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
    if (nl != nullptr) {
      length += nl - start;
      begin_ += static_cast<size_t>(nl - start) + 1;
      break;
    }
    length += static_cast<int64_t>(avail);
    begin_ = end_;
    if (!Fill()) break;
  }
  line->length = length;
  line->text = long_prefix_;
  return true;
}

}  // namespace entente::io
