// Encoding one column of one block, and back. See columns.h for why each kind is coded as it is
// and docs/FORMAT.md for the bytes. Compression is one zstd frame per (block, column), so a query
// decompresses only the columns it reads.
//
// Thread safety: all functions may run on many threads at once (zstd contexts are per thread).
#ifndef ENTENTE_STORE_COLUMN_CODEC_H_
#define ENTENTE_STORE_COLUMN_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace entente::store {

// One block's values of one column, as the writer collects them (one vector used per kind).
struct ColumnValues {
  std::vector<uint32_t> ids;   // kDict: dictionary ids
  std::vector<int64_t> ints;   // kInt
  std::vector<float> floats;   // kFloat
  std::string bytes;           // kPlain: the strings back to back
  std::vector<uint32_t> lens;  // kPlain: their lengths
  void Clear() {
    ids.clear();
    ints.clear();
    floats.clear();
    bytes.clear();
    lens.clear();
  }
};

// A column decoded for reading. `strs` point into `raw` (kPlain) and live until the next decode.
struct DecodedColumn {
  std::string raw;
  std::vector<uint32_t> ids;
  std::vector<int64_t> ints;
  std::vector<float> floats;
  std::vector<std::string_view> strs;
};

// Appends the uncompressed encoding of `v` for `column` to `raw`.
void EncodeColumn(int column, const ColumnValues& v, std::string* raw);

// Decodes `rows` values of `column` from its uncompressed encoding (which it moves into out->raw).
// A malformed encoding is Corruption.
Status DecodeColumn(int column, std::string raw, uint32_t rows, DecodedColumn* out);

// zstd at config::kZstdLevel; appends one frame to `out`.
Status CompressBlob(std::string_view raw, std::string* out);
// The same into a reused scratch buffer: the frame is `buf`'s first `*n` bytes (`buf` only grows,
// so a writer compressing block after block neither allocates nor zero-fills per frame).
Status CompressBlobTo(std::string_view raw, std::string* buf, size_t* n);
// Replaces `out` with the frame's content, which must be exactly `raw_size` bytes.
Status DecompressBlob(std::string_view frame, uint64_t raw_size, std::string* out);

}  // namespace entente::store

#endif  // ENTENTE_STORE_COLUMN_CODEC_H_
