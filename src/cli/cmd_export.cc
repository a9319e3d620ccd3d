// `entente export --to FILE`: the events `entente events` would list (same filters, but the last
// date is --until since --to names the file) written to a
// file whose extension picks the format: .csv, .tsv, .jsonl (every field of the model, so the file
// re-ingests), or .sqlite/.db (see store/sqlite_export.h). Text formats are written to FILE.tmp
// and renamed when complete.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "io/event_fields.h"
#include "store/sqlite_export.h"

namespace entente::cli {
namespace {

class ExportCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("--to", to_, "Output file: .csv, .tsv, .jsonl, .sqlite or .db")->required();
    // The filters of `events`, except that --to names the output file (CLI.md), so the last
    // date is --until.
    AddFilterOptions(app, &filter_, /*with_limit=*/true, "--until");
    app->add_flag("--plover", plover_,
                  "Add each event's PLOVER event, mode and context beside its CAMEO code");
  }

  int Run(const GlobalOptions& globals) override {
    auto filter = BuildFilter(filter_);
    if (!filter.ok()) {
      std::fprintf(stderr, "entente: %s\nrun 'entente export --help' for usage\n",
                   filter.status().message().c_str());
      return kExitUsage;
    }
    std::string ext = to_.substr(to_.rfind('.') == std::string::npos ? to_.size() : to_.rfind('.'));
    OutputFormat fmt = OutputFormat::kTsv;
    bool sqlite = false;
    if (ext == ".csv") {
      fmt = OutputFormat::kCsv;
    } else if (ext == ".tsv") {
      fmt = OutputFormat::kTsv;
    } else if (ext == ".jsonl") {
      fmt = OutputFormat::kJsonl;
    } else if (ext == ".sqlite" || ext == ".db" || ext == ".sqlite3") {
      sqlite = true;
    } else {
      std::fprintf(stderr,
                   "entente: cannot tell the format of '%s': use .csv, .tsv, .jsonl, .sqlite or "
                   ".db\nrun 'entente export --help' for usage\n",
                   to_.c_str());
      return kExitUsage;
    }
    auto source = OpenReadSource(globals);
    if (!source.ok()) return ReportError(source.status());
    int64_t rows = 0;
    Status s = sqlite ? WriteSqlite(globals, source->get(), *filter, &rows)
                      : WriteText(globals, fmt, source->get(), *filter, &rows);
    if (!s.ok()) return ReportError(s);
    if (!globals.quiet) {
      std::fprintf(stderr, "entente: exported %lld events to %s\n", static_cast<long long>(rows),
                   to_.c_str());
    }
    return kExitOk;
  }

 private:
  Status WriteSqlite(const GlobalOptions& globals, EventSource* source, const EventFilter& filter,
                     int64_t* rows) {
    ProgressLine line(ShowProgress(globals), "events");
    store::SqliteProgress progress;
    if (ShowProgress(globals)) {
      progress = [&line](int64_t done, int64_t total) {
        line.Update(static_cast<double>(done), static_cast<double>(total));
      };
    }
    return store::ExportSqlite(source, filter, to_, plover_, rows, progress);
  }

  // Writes to_ + ".tmp" and renames it into place when complete.
  Status WriteText(const GlobalOptions& globals, OutputFormat fmt, EventSource* source,
                   const EventFilter& filter, int64_t* rows) {
    std::string tmp = to_ + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary);
      if (!out) return Status::IOError(to_ + ": cannot create the file");
      TableWriter writer(out, fmt, EventTableColumns(/*full=*/true, plover_));
      std::vector<io::FieldValue> values;
      ProgressLine line(ShowProgress(globals), "events");
      double total = 0;  // the bar's end: counted only when a bar is drawn
      if (ShowProgress(globals)) {
        Result<int64_t> n = source->CountScanned(filter);
        if (n.ok()) total = static_cast<double>(*n);
      }
      Status s = source->Scan(filter, [&](const EventRow& e) {
        line.Update(static_cast<double>(writer.rows()), total);
        writer.Row(EventTableCells(e, /*full=*/true, plover_, &values));
        return static_cast<bool>(out);
      });
      writer.Finish();
      line.Finish();
      out.flush();
      if (s.ok() && !out) s = Status::IOError(to_ + ": write failed (disk full?)");
      if (!s.ok()) {
        unlink(tmp.c_str());
        return s;
      }
      *rows = writer.rows();
    }
    if (rename(tmp.c_str(), to_.c_str()) != 0) {
      unlink(tmp.c_str());
      return Status::IOError(to_ + ": cannot rename the finished file into place");
    }
    return Status::Ok();
  }

  std::string to_;
  FilterOptions filter_;
  bool plover_ = false;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeExportCommand() { return std::make_unique<ExportCommand>(); }

}  // namespace entente::cli
