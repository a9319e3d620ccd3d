// Field-level helpers shared by the row parsers: splitting on tabs without allocating, numbers,
// UTF-8 validation with an ASCII fast path, and the RowError a parser fills when a row is bad.
// These are on the hot path of every reader (GDELT parses 61 fields a row).
//
// Numbers: plain decimals and short integers take word-at-a-time fast paths that give exactly what
// the general forms give (std::from_chars, and for decimals of up to 15 significant digits the
// same float as (float)strtod); everything else goes to the general forms (fields_internal.h).
// Tests compare the two on random input (fields_test.cc). Faster forms for fields inside a line:
// line_numbers.h. Speed figures: docs/BENCHMARKS.md.
#ifndef ENTENTE_IO_FIELDS_H_
#define ENTENTE_IO_FIELDS_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace entente::io {

// Why a row was rejected: the 1-based field (0 = the whole row) and a reason for people.
struct RowError {
  int column = 0;
  std::string reason;
};

// The most fields SplitTabs stores on its fast path (more are fine, just slower).
inline constexpr int kSplitMaxFields = 128;

// Splits `line` on '\t' into at most `max` fields; returns the true number of fields (which may
// exceed `max`; the fields past `max` are not stored). When `ascii` is given, it is set to whether
// every byte of the line is below 0x80 (then the line is valid UTF-8 without further checks).
int SplitTabs(std::string_view line, std::string_view* fields, int max, bool* ascii = nullptr);

// Offset of the first byte that is not valid UTF-8 (overlongs, surrogates and bytes past U+10FFFF
// included), or npos when `text` is valid.
size_t FindInvalidUtf8(std::string_view text);

// Numbers. Empty text is "missing": the *OrEmpty forms leave *out alone and return true.
bool ParseInt32(std::string_view text, int32_t* out);
bool ParseInt64(std::string_view text, int64_t* out);
bool ParseFloat(std::string_view text, float* out);
inline bool ParseInt32OrEmpty(std::string_view text, int32_t* out) {
  return text.empty() || ParseInt32(text, out);
}
inline bool ParseFloatOrEmpty(std::string_view text, float* out) {
  return text.empty() || ParseFloat(text, out);
}
// Inline: three calls a GDELT row (GLOBALEVENTID, EventCode, DATEADDED) on short fields.
inline bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "bad number 'x1.5' in NumMentions" with the fragment cut to a readable length.
std::string BadValue(std::string_view what, std::string_view field_name, std::string_view text);

// The Goldstein scale runs from -10 to +10 (Goldstein 1992; every format that carries it says so).
// NaN (no value) is in range; a value outside is a bad row, not an extreme event.
inline bool GoldsteinInRange(double g) { return !(g < -10.0 || g > 10.0); }
// "GoldsteinScale '16.5' is outside the scale's -10 to +10"
std::string GoldsteinOutOfRange(std::string_view field_name, std::string_view text);

// Sets *err and returns false, so parsers can write `return Fail(err, 31, "...")`.
inline bool Fail(RowError* err, int column, std::string reason) {
  err->column = column;
  err->reason = std::move(reason);
  return false;
}

// Checks a whole tab-separated line for UTF-8; on failure names the field holding the bad byte.
bool CheckLineUtf8(std::string_view line, RowError* err);

// A row of a format whose header gave `columns` fields: split into `fields` (at most `max`
// stored), and a bad row unless it has exactly `columns` fields and is UTF-8.
bool SplitHeaderRow(std::string_view line, std::string_view* fields, int max, int columns,
                    RowError* err);

// A header-driven format's column map: index[c] is the field that holds names[c] (-1 when the
// header lacks it). Returns the names of the `required` columns it lacks, quoted and comma
// separated ("'Event Date', 'CAMEO Code'"), or "" when it has them all.
std::string MapHeader(std::span<const std::string_view> fields,
                      std::span<const std::string_view> names, std::span<int> index,
                      std::initializer_list<int> required);

}  // namespace entente::io

#endif  // ENTENTE_IO_FIELDS_H_
