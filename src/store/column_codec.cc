#include "store/column_codec.h"

#include <fmt/format.h>
#include <zstd.h>

#include <cstring>
#include <memory>

#include "store/coding.h"
#include "store/columns.h"
#include "store/store_config.h"

namespace entente::store {
namespace {

struct CCtxDeleter {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxDeleter {
  void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

ZSTD_CCtx* ThreadCCtx() {
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxDeleter> ctx(ZSTD_createCCtx());
  return ctx.get();
}
ZSTD_DCtx* ThreadDCtx() {
  thread_local std::unique_ptr<ZSTD_DCtx, DCtxDeleter> ctx(ZSTD_createDCtx());
  return ctx.get();
}

// Decodes `n` LEB128 varints from `*p` (advancing it), calling put(i, value). Most values of the
// dict and int columns fit one byte (ids of small dictionaries, date deltas, quad), so that case
// is tested first; this loop was a quarter of a full-scan aggregate's time through Decoder.
// Returns false on a truncated or overlong varint.
template <class Put>
bool DecodeVarints(const char** p, const char* end, uint32_t n, Put&& put) {
  const auto* q = reinterpret_cast<const uint8_t*>(*p);
  const auto* e = reinterpret_cast<const uint8_t*>(end);
  for (uint32_t i = 0; i < n; ++i) {
    if (q < e && *q < 0x80) {
      put(i, *q++);
      continue;
    }
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      if (q >= e || shift > 63) return false;
      uint8_t b = *q++;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    put(i, v);
  }
  *p = reinterpret_cast<const char*>(q);
  return true;
}

}  // namespace

void EncodeColumn(int column, const ColumnValues& v, std::string* raw) {
  switch (KindOf(column)) {
    case ColumnKind::kDict:
      raw->reserve(raw->size() + v.ids.size() * 2);
      for (uint32_t id : v.ids) PutVarint64(raw, id);
      break;
    case ColumnKind::kInt: {
      bool delta = IsDeltaColumn(column);
      int64_t prev = 0;
      raw->reserve(raw->size() + v.ints.size() * 2);
      for (int64_t x : v.ints) {
        PutVarint64(raw, ZigZag(delta ? x - prev : x));
        prev = x;
      }
      break;
    }
    case ColumnKind::kFloat: {
      // Byte-shuffle: all first bytes, then all second bytes, ... (bit-exact, NaN included).
      size_t n = v.floats.size(), base = raw->size();
      raw->resize(base + 4 * n);
      char* out = raw->data() + base;
      for (size_t i = 0; i < n; ++i) {
        uint32_t bits;
        std::memcpy(&bits, &v.floats[i], 4);
        for (int b = 0; b < 4; ++b) out[b * n + i] = static_cast<char>(bits >> (8 * b));
      }
      break;
    }
    case ColumnKind::kPlain:
      for (uint32_t len : v.lens) PutVarint64(raw, len);
      raw->append(v.bytes);
      break;
  }
}

Status DecodeColumn(int column, std::string raw, uint32_t rows, DecodedColumn* out) {
  out->raw = std::move(raw);
  std::string_view in = out->raw;
  Decoder d(in);
  switch (KindOf(column)) {
    case ColumnKind::kDict: {
      out->ids.resize(rows);
      const char* p = in.data();
      uint32_t* ids = out->ids.data();
      bool ok = DecodeVarints(&p, in.data() + in.size(), rows,
                              [&](uint32_t i, uint64_t v) { ids[i] = static_cast<uint32_t>(v); });
      if (!ok || p != in.data() + in.size()) {
        return Status::Corruption(fmt::format("column {} does not decode", ColumnName(column)));
      }
      return Status::Ok();
    }
    case ColumnKind::kInt: {
      out->ints.resize(rows);
      const char* p = in.data();
      int64_t* ints = out->ints.data();
      bool ok;
      if (IsDeltaColumn(column)) {
        int64_t prev = 0;
        ok = DecodeVarints(&p, in.data() + in.size(), rows,
                           [&](uint32_t i, uint64_t v) { ints[i] = prev = prev + UnZigZag(v); });
      } else {
        ok = DecodeVarints(&p, in.data() + in.size(), rows,
                           [&](uint32_t i, uint64_t v) { ints[i] = UnZigZag(v); });
      }
      if (!ok || p != in.data() + in.size()) {
        return Status::Corruption(fmt::format("column {} does not decode", ColumnName(column)));
      }
      return Status::Ok();
    }
    case ColumnKind::kFloat: {
      if (in.size() != 4ull * rows) return Status::Corruption("float column has the wrong size");
      out->floats.resize(rows);
      const unsigned char* p = reinterpret_cast<const unsigned char*>(in.data());
      for (uint32_t i = 0; i < rows; ++i) {
        uint32_t bits = p[i] | (p[rows + i] << 8) | (p[2 * rows + i] << 16) |
                        (static_cast<uint32_t>(p[3 * rows + i]) << 24);
        std::memcpy(&out->floats[i], &bits, 4);
      }
      return Status::Ok();
    }
    case ColumnKind::kPlain: {
      out->strs.resize(rows);
      std::vector<uint32_t>& lens = out->ids;  // reuse as scratch
      lens.resize(rows);
      for (uint32_t i = 0; i < rows; ++i) lens[i] = static_cast<uint32_t>(d.Varint());
      for (uint32_t i = 0; i < rows; ++i) out->strs[i] = d.Bytes(lens[i]);
      break;
    }
  }
  if (d.failed() || !d.done()) {
    return Status::Corruption(fmt::format("column {} does not decode", ColumnName(column)));
  }
  return Status::Ok();
}

Status CompressBlob(std::string_view raw, std::string* out) {
  size_t base = out->size();
  out->resize(base + ZSTD_compressBound(raw.size()));
  size_t n = ZSTD_compressCCtx(ThreadCCtx(), out->data() + base, out->size() - base, raw.data(),
                               raw.size(), config::kZstdLevel);
  if (ZSTD_isError(n)) {
    out->resize(base);
    return Status::IOError(fmt::format("zstd: {}", ZSTD_getErrorName(n)));
  }
  out->resize(base + n);
  return Status::Ok();
}

Status CompressBlobTo(std::string_view raw, std::string* buf, size_t* n) {
  size_t bound = ZSTD_compressBound(raw.size());
  if (buf->size() < bound) buf->resize(bound);
  size_t got = ZSTD_compressCCtx(ThreadCCtx(), buf->data(), buf->size(), raw.data(), raw.size(),
                                 config::kZstdLevel);
  if (ZSTD_isError(got)) return Status::IOError(fmt::format("zstd: {}", ZSTD_getErrorName(got)));
  *n = got;
  return Status::Ok();
}

Status DecompressBlob(std::string_view frame, uint64_t raw_size, std::string* out) {
  // The size to allocate comes from the file: check it against the size the zstd frame header
  // declares before allocating, so a damaged size is Corruption, never a huge allocation.
  unsigned long long declared = ZSTD_getFrameContentSize(frame.data(), frame.size());
  // (CompressBlob's frames always declare their size.)
  if (declared == ZSTD_CONTENTSIZE_ERROR || declared == ZSTD_CONTENTSIZE_UNKNOWN) {
    return Status::Corruption("zstd: not a frame of known size");
  }
  if (declared != raw_size) {
    return Status::Corruption(
        fmt::format("zstd: the frame holds {} bytes, the index says {}", declared, raw_size));
  }
  out->resize(raw_size);
  size_t n = ZSTD_decompressDCtx(ThreadDCtx(), out->data(), raw_size, frame.data(), frame.size());
  if (ZSTD_isError(n) || n != raw_size) {
    return Status::Corruption(
        fmt::format("zstd: {}", ZSTD_isError(n) ? ZSTD_getErrorName(n) : "wrong size"));
  }
  return Status::Ok();
}

}  // namespace entente::store
