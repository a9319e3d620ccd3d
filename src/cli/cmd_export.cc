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
#include "io/event_fields.h"
#include "store/sqlite_export.h"

namespace entente::cli {
namespace {

Cell ToCell(io::FieldValue&& v) {
  switch (v.kind) {
    case io::FieldValue::kNull: return Cell();
    case io::FieldValue::kInt: return Cell(v.i);
    case io::FieldValue::kReal: return Cell(v.d);
    case io::FieldValue::kText: return Cell(std::move(v.s));
  }
  return Cell();
}

class ExportCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("--to", to_, "Output file: .csv, .tsv, .jsonl, .sqlite or .db")->required();
    // The filters of `events`, except that --to names the output file (CLI.md), so the last
    // date is --until.
    FilterOptions* o = &filter_;
    app->add_option("--actor", o->actors, "Events where either side is this actor (repeatable)");
    app->add_option("--source", o->source, "Events whose source (actor 1) is this actor");
    app->add_option("--target", o->target, "Events whose target (actor 2) is this actor");
    app->add_option("--dyad", o->dyad, "Events between A and B, written A,B");
    app->add_option("--from", o->from, "First date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive");
    app->add_option("--until", o->to, "Last date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive");
    app->add_option("--code", o->code, "CAMEO event code prefix, e.g. 04 or 057");
    app->add_option("--quad", o->quad, "QuadClass 1-4")->check(CLI::Range(1, 4));
    app->add_option("--dataset", o->dataset, "Only this dataset (gdelt1, gdelt2, icews, ...)");
    app->add_flag("--directed", o->directed, "With --dyad: A is the source and B the target");
    app->add_option("--limit", o->limit, "At most N events");
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
    if (sqlite) {
      Status s = store::ExportSqlite(source->get(), *filter, to_, &rows);
      if (!s.ok()) return ReportError(s);
    } else {
      std::string tmp = to_ + ".tmp";
      {
        std::ofstream out(tmp, std::ios::binary);
        if (!out) return ReportError(Status::IOError(to_ + ": cannot create the file"));
        TableWriter writer(out, fmt, io::EventColumnsFull());
        std::vector<io::FieldValue> values;
        Status s = (*source)->Scan(*filter, [&](const EventRow& e) {
          io::EventFieldValues(e, true, &values);
          std::vector<Cell> cells;
          cells.reserve(values.size());
          for (io::FieldValue& v : values) cells.push_back(ToCell(std::move(v)));
          writer.Row(std::move(cells));
          return static_cast<bool>(out);
        });
        writer.Finish();
        out.flush();
        if (s.ok() && !out) s = Status::IOError(to_ + ": write failed (disk full?)");
        if (!s.ok()) {
          unlink(tmp.c_str());
          return ReportError(s);
        }
        rows = writer.rows();
      }
      if (rename(tmp.c_str(), to_.c_str()) != 0) {
        unlink(tmp.c_str());
        return ReportError(Status::IOError(to_ + ": cannot rename the finished file into place"));
      }
    }
    if (!globals.quiet) {
      std::fprintf(stderr, "entente: exported %lld events to %s\n", static_cast<long long>(rows),
                   to_.c_str());
    }
    return kExitOk;
  }

 private:
  std::string to_;
  FilterOptions filter_;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeExportCommand() { return std::make_unique<ExportCommand>(); }

}  // namespace entente::cli
