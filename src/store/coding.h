// Byte-level encodings shared by the store's files: little-endian fixed-width integers, LEB128
// varints, zigzag for signed deltas, and the zlib CRC-32 every blob carries. Bytes described in
// docs/FORMAT.md.
#ifndef ENTENTE_STORE_CODING_H_
#define ENTENTE_STORE_CODING_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace entente::store {

inline void PutFixed32(std::string* dst, uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);  // little-endian hosts only (static_assert in coding.cc)
  dst->append(b, 4);
}
inline void PutFixed64(std::string* dst, uint64_t v) {
  char b[8];
  std::memcpy(b, &v, 8);
  dst->append(b, 8);
}
inline uint32_t DecodeFixed32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
inline uint64_t DecodeFixed64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

inline void PutVarint64(std::string* dst, uint64_t v) {
  char buf[10];
  int n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  dst->append(buf, n);
}

inline uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

inline void PutString(std::string* dst, std::string_view s) {
  PutVarint64(dst, s.size());
  dst->append(s.data(), s.size());
}

// Reads from a bounded buffer; every Get returns false (and sets failed) past the end, so a
// damaged blob that slipped past its checksum still cannot read out of bounds.
class Decoder {
 public:
  explicit Decoder(std::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}
  bool GetVarint64(uint64_t* v) {
    uint64_t result = 0;
    for (int shift = 0; shift <= 63 && p_ < end_; shift += 7) {
      uint64_t byte = static_cast<unsigned char>(*p_++);
      result |= (byte & 0x7f) << shift;
      if (!(byte & 0x80)) {
        *v = result;
        return true;
      }
    }
    failed_ = true;
    return false;
  }
  uint64_t Varint() {
    uint64_t v = 0;
    GetVarint64(&v);
    return v;
  }
  int64_t SignedVarint() { return UnZigZag(Varint()); }
  uint32_t Fixed32() {
    if (end_ - p_ < 4) {
      failed_ = true;
      return 0;
    }
    uint32_t v = DecodeFixed32(p_);
    p_ += 4;
    return v;
  }
  std::string_view Bytes(uint64_t n) {
    if (static_cast<uint64_t>(end_ - p_) < n) {
      failed_ = true;
      p_ = end_;
      return {};
    }
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  std::string_view String() { return Bytes(Varint()); }
  bool failed() const { return failed_; }
  bool done() const { return p_ == end_; }
  const char* position() const { return p_; }

 private:
  const char* p_;
  const char* end_;
  bool failed_ = false;
};

uint32_t Crc32(std::string_view bytes);

}  // namespace entente::store

#endif  // ENTENTE_STORE_CODING_H_
