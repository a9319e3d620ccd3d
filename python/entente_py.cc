// entente._entente: the C++ side of the Python module. Three doors, all taking the CLI's own
// arguments so that option names, checks and messages are the CLI's:
//   run(args)             runs `entente ARGS...` under a cli::TableCapture and returns its
//                         tables as numpy arrays, plus what it wrote to std::cout (the report's
//                         JSON, ingest's summary line);
//   events(store, args)   `entente events` options, gathered column by column
//                         (event_columns.h), the fast path for millions of rows;
//   resolve_store(store)  the store directory as the CLI finds it, checked as reads check it.
// Each returns a dict with "exit" (the CLI's exit code), "error" (its message) and "status" (the
// error's kind); entente/__init__.py raises the matching exception. The GIL is released while
// entente works; calls are serialized, since a command's std::cout is process-wide.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "cli/analysis_args.h"
#include "cli/common.h"
#include "cli/dispatch.h"
#include "cli/exit_codes.h"
#include "cli/table_capture.h"
#include "event_columns.h"
#include "store/store.h"
#include "table_arrays.h"

namespace py = pybind11;

namespace entente::python {
namespace {

std::mutex& CallMutex() {
  static std::mutex m;
  return m;
}

const char* StatusName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kCorruption: return "corruption";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kIOError: return "io_error";
    case StatusCode::kNotSupported: return "not_supported";
    case StatusCode::kBusy: return "busy";
    case StatusCode::kNetwork: return "network";
    case StatusCode::kStoreError: return "store_error";
  }
  return "unknown";
}

py::dict Outcome(int exit_code, const cli::TableCapture& capture) {
  py::dict out;
  out["exit"] = exit_code;
  out["error"] = capture.error;
  out["status"] = StatusName(capture.error_code);
  return out;
}

// Points std::cout at a string for the life of the object.
class CoutToString {
 public:
  CoutToString() : saved_(std::cout.rdbuf(text_.rdbuf())) {}
  ~CoutToString() { std::cout.rdbuf(saved_); }
  std::string str() const { return text_.str(); }

 private:
  std::ostringstream text_;
  std::streambuf* saved_;
};

py::dict Run(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"entente"};
  argv.insert(argv.end(), args.begin(), args.end());
  cli::TableCapture capture;  // per thread: releasing the GIL does not change threads
  std::string printed;
  int exit_code;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(CallMutex());
    CoutToString cout_text;
    exit_code = cli::RunCommandLine(argv);
    printed = cout_text.str();
  }
  py::dict out = Outcome(exit_code, capture);
  py::list tables;
  for (const cli::CapturedTable& t : capture.tables) tables.append(TableToPython(t));
  out["tables"] = tables;
  out["stdout"] = py::str(printed);
  return out;
}

// Rows reserved at most before a scan: beyond it the columns grow as they fill (a bound counts
// whole directory entries and can be far above what a filter keeps).
constexpr int64_t kMostRowsReserved = int64_t{1} << 24;

// Scans below this many rows (by the directory bound) stay on one thread.
constexpr int64_t kRowsWorthTwoThreads = 200000;

Status GatherPart(store::Store* store, const EventFilter& filter, store::ScanPart part,
                  EventColumns* columns) {
  return store->ScanColumns(
      filter, EventColumns::StoreColumns(),
      [&](const store::ColumnBatch& b) {
        columns->AddBatch(b);
        return true;
      },
      part);
}

// The events of `filter` from the store's columns: a large scan without a limit in two halves
// on two threads (each half's columns filled on its own, the second appended to the first).
Status GatherFromStore(store::Store* store, const EventFilter& filter, EventColumns* columns) {
  ASSIGN_OR_RETURN(int64_t bound, store->ScanBound(filter));
  columns->Reserve(static_cast<size_t>(std::min(bound, kMostRowsReserved)));
  if (filter.limit >= 0 || bound < kRowsWorthTwoThreads ||
      std::thread::hardware_concurrency() < 2) {
    RETURN_IF_ERROR(GatherPart(store, filter, {}, columns));
    columns->Fit();
    return Status::Ok();
  }
  EventColumns tail;
  tail.Reserve(static_cast<size_t>(std::min(bound / 2, kMostRowsReserved)));
  Status tail_status;
  std::thread worker([&] { tail_status = GatherPart(store, filter, {1, 2}, &tail); });
  Status head_status = GatherPart(store, filter, {0, 2}, columns);
  worker.join();
  RETURN_IF_ERROR(head_status);
  RETURN_IF_ERROR(tail_status);
  columns->Append(std::move(tail));
  columns->Fit();
  return Status::Ok();
}

// `entente events` on the store: the CLI's filter options, parsed by the CLI's own parser, and
// the store's scan gathered column by column. Returns the CLI's exit code.
int ScanEvents(const cli::GlobalOptions& globals, const std::vector<std::string>& args,
               EventColumns* columns) {
  CLI::App app{"events"};
  cli::FilterOptions options;
  cli::AddFilterOptions(&app, &options);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // as CLI11 takes a vector
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return cli::UsageError(Status::InvalidArgument(e.what()), "events");
  }
  Result<EventFilter> filter = cli::BuildFilter(options);
  if (!filter.ok()) return cli::UsageError(filter.status(), "events");
  if (filter->limit == 0) return cli::kExitOk;
  Result<std::unique_ptr<EventSource>> source = cli::OpenReadSource(globals);
  if (!source.ok()) return cli::ReportError(source.status());
  if (auto* store = dynamic_cast<store::Store*>(source->get())) {
    Status st = GatherFromStore(store, *filter, columns);
    return st.ok() ? cli::kExitOk : cli::ReportError(st);
  }
  int64_t n = 0;
  Status st = (*source)->Scan(*filter, [&](const EventRow& e) {
    columns->Add(e);
    return filter->limit < 0 || ++n < filter->limit;
  });
  return st.ok() ? cli::kExitOk : cli::ReportError(st);
}

py::dict Events(const std::string& store, bool quiet, const std::vector<std::string>& args) {
  cli::TableCapture capture;
  EventColumns columns;
  int exit_code;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(CallMutex());
    exit_code = ScanEvents(cli::GlobalOptions{store, "", quiet}, args, &columns);
  }
  py::dict out = Outcome(exit_code, capture);
  if (exit_code == cli::kExitOk) out["table"] = EventsToPython(std::move(columns));
  return out;
}

// The store directory `store` names ("" = $ENTENTE_STORE, else the default), checked readable
// as the read commands check it.
py::dict ResolveStore(const std::string& store) {
  cli::TableCapture capture;
  std::string dir = cli::ResolveStoreDir(cli::GlobalOptions{store, "", true});
  int exit_code = cli::kExitOk;
  if (Status st = cli::CheckStoreDirReadable(dir); !st.ok()) exit_code = cli::ReportError(st);
  py::dict out = Outcome(exit_code, capture);
  out["path"] = dir;
  return out;
}

}  // namespace
}  // namespace entente::python

PYBIND11_MODULE(_entente, m) {
  using namespace entente::python;
  m.doc() = "The C++ side of the entente module; use the package `entente`, not this.";
  m.def("run", &Run, py::arg("args"),
        "Runs `entente ARGS...`; returns exit, error, status, tables and stdout.");
  m.def("events", &Events, py::arg("store"), py::arg("quiet"), py::arg("args"),
        "`entente events` filter options on a store, column by column.");
  m.def("resolve_store", &ResolveStore, py::arg("store"),
        "The store directory (\"\" = $ENTENTE_STORE, else the default) and its check.");
}
