// `entente events [FILE...]`: events matching the contract's filters, straight from event files
// (any format io/reader.h reads, plain, .gz or .zip) or, with no FILE, from OpenReadSource() (the
// store, else the embedded chronicle). Columns per CLI.md; jsonl/json add every other field of the
// event model so the output reads back in with the JSONL reader.
//
// A file that cannot be read or recognised is reported and skipped, the others are still read,
// and the exit code is 3. Bad rows never stop a read: a one-line summary goes to stderr and
// --rejects FILE writes all of them (format: io/reject_sinks.h).
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/analysis_args.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "io/event_fields.h"
#include "io/reader.h"
#include "io/reject_sinks.h"

namespace entente::cli {
namespace {

class EventsCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("FILE", files_,
                    "Event files (GDELT 1.0/2.0, ICEWS, Phoenix, entente JSONL, chronicle TSV; "
                    "plain, .gz or .zip). Without FILE: the store");
    AddFilterOptions(app, &filters_);
    app->add_option("--input-format", input_format_,
                    "Force the input format: auto, gdelt1, gdelt2, icews, phoenix, jsonl, "
                    "chronicle (default: detected per file)");
    app->add_option("--rejects", rejects_path_, "Write every rejected row to this TSV file");
    app->add_flag("--plover", plover_,
                  "Add each event's PLOVER event, mode and context beside its CAMEO code");
  }

  int Run(const GlobalOptions& globals) override {
    Result<EventFilter> filter = BuildFilter(filters_);
    if (!filter.ok()) return Usage(filter.status());
    Result<OutputFormat> out_format = ResolveOutputFormat(globals.format);
    if (!out_format.ok()) return Usage(out_format.status());
    Result<io::Format> in_format = io::ParseFormat(input_format_);
    if (!in_format.ok()) return Usage(in_format.status());

    bool full = *out_format == OutputFormat::kJsonl || *out_format == OutputFormat::kJson;
    TableWriter writer(std::cout, *out_format, EventTableColumns(full, plover_));
    std::vector<io::FieldValue> values;
    int64_t printed = 0;
    auto print = [&](const EventRow& e) {
      writer.Row(EventTableCells(e, full, plover_, &values));
      ++printed;
      return filter->limit < 0 || printed < filter->limit;
    };

    if (files_.empty()) {
      if (filter->limit == 0) return kExitOk;
      Result<std::unique_ptr<EventSource>> source = OpenReadSource(globals);
      if (!source.ok()) return ReportError(source.status());
      Status st = (*source)->Scan(*filter, print);
      writer.Finish();
      if (!st.ok()) return ReportError(st);
      return kExitOk;
    }

    io::TsvRejectSink rejects_file;
    if (!rejects_path_.empty()) {
      Status st = rejects_file.Open(rejects_path_);
      if (!st.ok()) return ReportError(st);
    }
    io::SummaryRejectSink summary(rejects_path_.empty() ? nullptr : &rejects_file);
    io::ReadOptions options;
    options.format = *in_format;
    options.rejects = &summary;
    bool progress = ShowProgress(globals);
    int exit_code = kExitOk;
    bool done = filter->limit == 0;
    for (const std::string& path : files_) {
      if (done) break;
      if (progress) {
        options.progress = [&path](int64_t got, int64_t total) {
          if (total > 0) {
            std::fprintf(stderr, "\r\033[Kreading %s %3d%%", path.c_str(),
                         static_cast<int>(100 * got / total));
          }
        };
      }
      io::ReadStats stats;
      Status st = io::ReadEventFile(
          path, options,
          [&](const EventRow& e) {
            if (!Matches(*filter, e)) return true;
            done = !print(e);
            return !done;
          },
          &stats);
      if (progress) std::fprintf(stderr, "\r\033[K");
      if (!st.ok()) {
        std::fprintf(stderr, "entente: %s\n", st.message().c_str());
        if (stats.rows > 0 && !globals.quiet) {
          std::fprintf(stderr, "entente: %s: %lld rows were read before the error\n", path.c_str(),
                       static_cast<long long>(stats.rows));
        }
        exit_code = kExitBadInput;
        continue;
      }
      if (stats.rows == 0 && !globals.quiet) {
        std::fprintf(stderr, "entente: %s: no events (the file holds no rows)\n", path.c_str());
      }
    }
    if (exit_code != kExitOk && printed == 0) writer.Discard();
    writer.Finish();
    std::cout.flush();
    Status closed = rejects_file.Close();
    if (summary.count() > 0 && !globals.quiet) {
      std::string where = rejects_path_.empty()
                              ? std::string(" (--rejects FILE writes them all)")
                              : fmt::format(" (all written to {})", rejects_path_);
      std::fprintf(stderr, "entente: %s%s\n", summary.Summary().c_str(), where.c_str());
    }
    if (!closed.ok()) {
      ReportError(closed);
      if (exit_code == kExitOk) exit_code = kExitFailure;
    }
    return exit_code;
  }

 private:
  static int Usage(const Status& st) { return UsageError(st, "events"); }

  std::vector<std::string> files_;
  FilterOptions filters_;
  std::string input_format_ = "auto";
  std::string rejects_path_;
  bool plover_ = false;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeEventsCommand() { return std::make_unique<EventsCommand>(); }

}  // namespace entente::cli
