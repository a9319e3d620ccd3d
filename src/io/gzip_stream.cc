#include "io/gzip_stream.h"

#include <fmt/format.h>

namespace entente::io {
namespace {
constexpr size_t kInputBytes = 1 << 18;  // 256 KiB of compressed input per read
}  // namespace

GzipStream::GzipStream(ByteStream* raw, std::string name)
    : raw_(raw), name_(std::move(name)), in_(kInputBytes) {
  // 15 + 16: a gzip wrapper only (a zlib or raw deflate stream is not what we were given).
  inited_ = inflateInit2(&zs_, 15 + 16) == Z_OK;
}

GzipStream::~GzipStream() {
  if (inited_) inflateEnd(&zs_);
}

Status GzipStream::Refill() {
  ASSIGN_OR_RETURN(size_t got, raw_->Read(reinterpret_cast<char*>(in_.data()), in_.size()));
  zs_.next_in = in_.data();
  zs_.avail_in = static_cast<uInt>(got);
  if (got == 0) raw_eof_ = true;
  return Status::Ok();
}

Result<size_t> GzipStream::Read(char* buf, size_t n) {
  if (!inited_) return Status::IOError(fmt::format("{}: cannot start zlib", name_));
  if (done_ || n == 0) return size_t{0};
  zs_.next_out = reinterpret_cast<unsigned char*>(buf);
  zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
  while (zs_.avail_out == static_cast<uInt>(std::min<size_t>(n, 1u << 30))) {
    if (zs_.avail_in == 0 && !raw_eof_) RETURN_IF_ERROR(Refill());
    if (zs_.avail_in == 0 && raw_eof_) {
      if (in_member_) {
        return Status::Corruption(fmt::format(
            "{}: truncated gzip data (the file ends inside a compressed member)", name_));
      }
      done_ = true;
      break;
    }
    if (!in_member_) {
      // Between members: only another gzip member or zero padding may follow.
      if (zs_.next_in[0] == 0) {
        while (zs_.avail_in > 0 && zs_.next_in[0] == 0) {
          ++zs_.next_in;
          --zs_.avail_in;
        }
        continue;
      }
      if (zs_.next_in[0] != 0x1f) {
        return Status::Corruption(
            fmt::format("{}: trailing bytes after the last gzip member are not gzip data", name_));
      }
      in_member_ = true;
    }
    int rc = inflate(&zs_, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      in_member_ = false;
      inflateReset(&zs_);
    } else if (rc == Z_BUF_ERROR) {
      if (zs_.avail_in != 0) break;  // output full; next call continues
    } else if (rc != Z_OK) {
      return Status::Corruption(
          fmt::format("{}: corrupt gzip data: {}", name_, zs_.msg ? zs_.msg : "inflate failed"));
    }
  }
  return static_cast<size_t>(std::min<size_t>(n, 1u << 30) - zs_.avail_out);
}

}  // namespace entente::io
