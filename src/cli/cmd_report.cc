// `entente report A B`: the dyad's report as one self-contained HTML file (report::BuildReport +
// RenderReportHtml), or with --format json the same content as data. Reads the store, or the
// embedded chronicle when the store is empty (OpenReadSource). Without -o the document goes to
// stdout; with -o it is written to FILE (parent directories created) and the path is printed.
// On a large store each stage of the report takes seconds, so the one under way is named on
// stderr ("stage 3/6: key events"; progress.h).
#include <fmt/format.h>

#include <iostream>

#include "analysis/analysis.h"
#include "cli/analysis_args.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/progress.h"
#include "cli/report_file.h"
#include "cli/table_capture.h"
#include "io/chronicle.h"
#include "report/report.h"

namespace entente::cli {

namespace {

class ReportCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("A", a_, "First actor (CAMEO code, e.g. PAK)")->required();
    app->add_option("B", b_, "Second actor (CAMEO code, e.g. RUS)")->required();
    app->add_option("-o,--output", output_, "Write the report to FILE (default: stdout)");
    app->add_option("--by", by_, "Period: year (default), quarter or month");
    app->add_option("--from", from_, "First date (YYYY, YYYY-MM or YYYY-MM-DD)");
    app->add_option("--to", to_, "Last date, inclusive");
    app->add_option("--top", top_, "Rows in the key-events table (default 15)")
        ->check(WholeNumber(1, 200));
    quality_.Add(app);
  }

  int Run(const GlobalOptions& globals) override {
    Result<report::ReportOptions> options = Build(globals);
    if (!options.ok()) {
      if (TableCapture* capture = TableCapture::Active()) {
        capture->RecordError(options.status().message(), StatusCode::kInvalidArgument);
        return kExitUsage;
      }
      std::fprintf(stderr, "entente: %s\nhint: see 'entente report --help'\n",
                   options.status().message().c_str());
      return kExitUsage;
    }
    Result<std::unique_ptr<EventSource>> source = OpenReadSource(globals);
    if (!source.ok()) return ReportError(source.status());
    options->source_description = (*source)->Describe();
    options->source_is_chronicle = options->source_description == io::kEmbeddedChronicleName;
    ProgressLine line(ShowProgress(globals), "stages");
    if (ShowProgress(globals)) {
      options->on_step = [&line](size_t stage) {
        line.DrawText(fmt::format("stage {}/{}: {}", stage + 1, report::kReportStages.size(),
                                  report::kReportStages[stage]));
      };
    }
    Result<report::ReportData> data = report::BuildReport(**source, *options);
    line.Finish();
    if (!data.ok()) return ReportError(data.status());
    std::string bytes = json_ ? report::RenderReportJson(*data) : report::RenderReportHtml(*data);
    if (output_.empty()) {
      std::cout << bytes;
      std::cout.flush();
      return std::cout ? kExitOk : kExitFailure;
    }
    if (Status st = WriteReportFile(output_, bytes); !st.ok()) return ReportError(st);
    std::cout << output_ << "\n";
    return kExitOk;
  }

 private:
  QualityArgs quality_;
  Result<report::ReportOptions> Build(const GlobalOptions& globals) {
    if (globals.format.empty() || globals.format == "html") {
      json_ = false;
    } else if (globals.format == "json") {
      json_ = true;
    } else {
      return Status::InvalidArgument(fmt::format(
          "bad --format '{}' for report: expected html (default) or json", globals.format));
    }
    report::ReportOptions o;
    ASSIGN_OR_RETURN(o.a, NormalizeActor(a_));
    ASSIGN_OR_RETURN(o.b, NormalizeActor(b_));
    if (o.a == o.b) {
      return Status::InvalidArgument(fmt::format("A and B are both {}", o.a));
    }
    ASSIGN_OR_RETURN(o.period, ParsePeriod(by_));
    if (o.period != Period::kYear && o.period != Period::kQuarter && o.period != Period::kMonth) {
      return Status::InvalidArgument(
          fmt::format("bad --by '{}' for report: expected year, quarter or month", by_));
    }
    if (!from_.empty()) {
      ASSIGN_OR_RETURN(DateValue d, ParseDate(from_));
      o.from = d.days;
    }
    if (!to_.empty()) {
      ASSIGN_OR_RETURN(o.to, ParseDateRangeEnd(to_));
    }
    if (o.from && o.to && *o.from > *o.to) {
      return Status::InvalidArgument(fmt::format("--from {} is after --to {}", from_, to_));
    }
    if (o.from && o.to) RETURN_IF_ERROR(analysis::CheckPeriodGrid(*o.from, *o.to, o.period));
    o.top_events = top_;
    o.quality = quality_.Build();
    o.generated_at = TodayUtc();
    return o;
  }

  std::string a_, b_, output_, by_ = "year", from_, to_;
  int top_ = 15;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeReportCommand() { return std::make_unique<ReportCommand>(); }

}  // namespace entente::cli
