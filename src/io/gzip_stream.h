// A gzip-compressed ByteStream, decompressed on the fly with zlib. Handles multi-member files
// (`cat a.gz b.gz`, and what GDELT's and pigz's tools write) by restarting inflate at each member.
//
// A stream that ends inside a member is a Corruption error naming the file ("truncated gzip
// data"); rows decoded before that point have already been handed out. Trailing zero bytes after
// the last member (tape padding) are ignored, as gzip(1) does; other trailing bytes are an error.
#ifndef ENTENTE_IO_GZIP_STREAM_H_
#define ENTENTE_IO_GZIP_STREAM_H_

#include <zlib.h>

#include <string>
#include <vector>

#include "io/byte_stream.h"

namespace entente::io {

class GzipStream : public ByteStream {
 public:
  // REQUIRES: `raw` outlives this stream. `name` is used in messages.
  GzipStream(ByteStream* raw, std::string name);
  ~GzipStream() override;
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  Result<size_t> Read(char* buf, size_t n) override;
  int64_t RawPosition() const override { return raw_->RawPosition(); }

 private:
  Status Refill();  // more compressed input; sets raw_eof_

  ByteStream* raw_;
  std::string name_;
  z_stream zs_{};
  std::vector<unsigned char> in_;
  bool inited_ = false;
  bool raw_eof_ = false;
  bool in_member_ = false;  // inflate has started a member that has not ended yet
  bool done_ = false;
};

}  // namespace entente::io

#endif  // ENTENTE_IO_GZIP_STREAM_H_
