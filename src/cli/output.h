// Tabular output in the formats of the CLI contract: table (aligned, for people; the default on a
// terminal), csv, tsv (the default otherwise), jsonl (one object a row) and json (one document).
// Every command that prints rows goes through TableWriter, so formats behave the same everywhere.
// csv/tsv/jsonl stream row by row; table and json buffer until Finish(). Under a TableCapture
// (table_capture.h) the rows go to the capture as typed cells and nothing is printed.
#ifndef ENTENTE_CLI_OUTPUT_H_
#define ENTENTE_CLI_OUTPUT_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/status.h"

namespace entente::cli {

struct CapturedTable;

enum class OutputFormat { kTable, kCsv, kTsv, kJsonl, kJson };

// "" picks table when stdout is a terminal, tsv otherwise.
Result<OutputFormat> ResolveOutputFormat(const std::string& flag);

// A cell: empty (null), integer, real (NaN prints empty / null) or text.
using Cell = std::variant<std::monostate, int64_t, double, std::string>;

class TableWriter {
 public:
  TableWriter(std::ostream& out, OutputFormat format, std::vector<std::string> columns);
  ~TableWriter();
  TableWriter(const TableWriter&) = delete;
  TableWriter& operator=(const TableWriter&) = delete;

  // REQUIRES: cells.size() == columns.size().
  void Row(std::vector<Cell> cells);
  // Flushes buffered formats (and prints the csv/tsv header of an empty table); called by the
  // destructor if not called before.
  void Finish();
  // Prints nothing more: for a command that failed before its first row, whose output would
  // otherwise be a header that reads like an empty answer.
  void Discard() { finished_ = true; }

  int64_t rows() const { return rows_; }

 private:
  std::ostream& out_;
  OutputFormat format_;
  CapturedTable* captured_ = nullptr;  // set while a TableCapture is active: rows go there
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> buffered_;  // table: rendered cells; json: rendered objects
  int64_t rows_ = 0;
  bool finished_ = false;
  bool header_written_ = false;
  void WriteHeader();  // csv/tsv, once, before the first row
};

// Rendering helpers shared with other writers (export).
std::string CellText(const Cell& cell);  // plain text: reals with up to 6 significant decimals
std::string CellJson(const Cell& cell);  // a JSON value
std::string JsonQuote(std::string_view text);
std::string CsvQuote(std::string_view text);

// {"a": 1, "b": 2}: an object of names and counts on one line (info's datasets, shards).
std::string JsonCounts(const std::vector<std::pair<std::string, int64_t>>& items);
// One JSON object of already encoded values, ending in a newline: one field a line when `pretty`
// (json), else the whole object on one line (jsonl).
std::string JsonObject(const std::vector<std::pair<std::string, std::string>>& fields, bool pretty);

}  // namespace entente::cli

#endif  // ENTENTE_CLI_OUTPUT_H_
