// TableCapture: runs a command for a program that wants its tables as typed cells rather than
// text (the Python module). While a TableCapture is alive on a thread, every TableWriter created
// on that thread hands its columns and cells to the capture instead of formatting them, and
// ReportError/UsageError record the failure's message here instead of printing it. The command
// itself runs unchanged, so a captured table has by construction the columns, rows and values
// of the command's csv output.
//
// Thread safety: the active capture is per thread; one capture belongs to one thread.
#ifndef ENTENTE_CLI_TABLE_CAPTURE_H_
#define ENTENTE_CLI_TABLE_CAPTURE_H_

#include <deque>
#include <string>
#include <vector>

#include "cli/output.h"
#include "core/status.h"

namespace entente::cli {

struct CapturedTable {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;  // each of columns.size() cells
};

class TableCapture {
 public:
  TableCapture();  // becomes the active capture of this thread (the previous one is restored)
  ~TableCapture();
  TableCapture(const TableCapture&) = delete;
  TableCapture& operator=(const TableCapture&) = delete;

  // The capture active on this thread, or null.
  static TableCapture* Active();

  // Records a failure (the first one wins: it is the cause, later ones are consequences).
  void RecordError(const std::string& message, StatusCode code);

  std::deque<CapturedTable> tables;  // a deque: a TableWriter keeps a pointer to its table
  std::string error;                 // "" when no failure was recorded
  StatusCode error_code = StatusCode::kOk;

 private:
  TableCapture* previous_;
};

}  // namespace entente::cli

#endif  // ENTENTE_CLI_TABLE_CAPTURE_H_
