// Internals of fields.cc exposed for tests: the general number parsers that the fast paths of
// ParseInt32, ParseInt64 and ParseFloat fall back to. fields_test.cc checks on many random inputs
// that each fast path gives exactly what its general form gives (and, for plain decimals, what
// (float)strtod gives). Callers use fields.h.
#ifndef ENTENTE_IO_FIELDS_INTERNAL_H_
#define ENTENTE_IO_FIELDS_INTERNAL_H_

#include <cstdint>
#include <string_view>

namespace entente::io {

// std::from_chars after one optional '+', the whole text consumed.
bool ParseInt32General(std::string_view text, int32_t* out);
bool ParseInt64General(std::string_view text, int64_t* out);
// A digit-at-a-time loop for plain decimals (exact: (float)strtod), else std::from_chars<float>.
bool ParseFloatGeneral(std::string_view text, float* out);

}  // namespace entente::io

#endif  // ENTENTE_IO_FIELDS_INTERNAL_H_
