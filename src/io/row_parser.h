// One RowParser per dataset format turns a line of text into an EventRow, or says why it cannot.
// The driver (reader.cc) owns lines, counting and rejects; a parser only knows its columns.
//
// Invariants: a parser never allocates per row on the GDELT path (fields are views into the
// line); parsers that must build text (ICEWS actor codes, JSONL unescaping) keep reusable buffers
// inside themselves, so an EventRow is valid until the next Parse() call.
#ifndef ENTENTE_IO_ROW_PARSER_H_
#define ENTENTE_IO_ROW_PARSER_H_

#include <memory>
#include <string_view>

#include "core/event.h"
#include "core/status.h"
#include "io/fields.h"
#include "io/reader.h"

namespace entente::io {

class RowParser {
 public:
  virtual ~RowParser() = default;
  // Shown the first non-blank line of a stream. Returns true when it is a header (then it is
  // consumed, not counted as a row); a header-driven format that cannot find the columns it needs
  // returns an error naming them.
  virtual Result<bool> Header(std::string_view line) = 0;
  // Fills *row from `line` (views may point into `line` or the parser), or fills *err.
  virtual bool Parse(std::string_view line, EventRow* row, RowError* err) = 0;
  // True when a successful Parse() sets every field of the row, whatever it held before, so the
  // driver may hand the same row to every Parse() instead of a fresh one (zeroing the 500-byte
  // EventRow was 7% of GDELT parse time). Otherwise Parse() gets a default-constructed row.
  virtual bool SetsEveryField() const { return false; }
};

std::unique_ptr<RowParser> MakeGdelt1Parser();
std::unique_ptr<RowParser> MakeGdelt2Parser();
std::unique_ptr<RowParser> MakeIcewsParser();
std::unique_ptr<RowParser> MakePhoenixParser();
std::unique_ptr<RowParser> MakeJsonlParser();
std::unique_ptr<RowParser> MakeChronicleParser();

// The parser for `format`. REQUIRES: format != Format::kAuto.
std::unique_ptr<RowParser> MakeRowParser(Format format);

}  // namespace entente::io

#endif  // ENTENTE_IO_ROW_PARSER_H_
