#include "store/coding.h"

#include <zlib.h>

#include <bit>

namespace entente::store {

static_assert(std::endian::native == std::endian::little,
              "the store writes little-endian integers with memcpy");

uint32_t Crc32(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes uInt lengths: feed in 1 GiB pieces.
  while (!bytes.empty()) {
    size_t n = bytes.size() < (1u << 30) ? bytes.size() : (1u << 30);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(n));
    bytes.remove_prefix(n);
  }
  return static_cast<uint32_t>(crc);
}

}  // namespace entente::store
