#include "cli/analysis_args.h"

#include <cstdio>

#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/table_capture.h"

namespace entente::cli {

void QualityArgs::Add(CLI::App* app) {
  app->add_flag("--root-only", root_only,
                "Only root events (IsRootEvent: the event of an article's lead paragraphs)");
  app->add_option("--min-sources", min_sources, "Only events reported by at least N sources")
      ->check(WholeNumber(0, 1000000));
  app->add_option("--min-articles", min_articles, "Only events reported in at least N articles")
      ->check(WholeNumber(0, 1000000));
}

void AnalysisArgs::Add(CLI::App* app, bool with_dyad, bool with_smoothing) {
  if (with_dyad) {
    app->add_option("A", a, "First actor (CAMEO code, e.g. PAK)")->required();
    app->add_option("B", b, "Second actor (CAMEO code, e.g. RUS)")->required();
  }
  app->add_option("--by", by, "Period: year, quarter, month, week or day (default year)")
      ->check(CLI::IsMember({"year", "quarter", "month", "week", "day"}));
  app->add_option("--from", from, "First date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive");
  app->add_option("--to", to, "Last date, inclusive");
  app->add_flag("--directed", directed, "Only events with A as source and B as target");
  app->add_option("--weight", weight, "Count events, mentions or articles (default events)")
      ->check(CLI::IsMember({"events", "mentions", "articles"}));
  app->add_option("--dataset", dataset, "Only this dataset (gdelt2, chronicle, ...)");
  quality.Add(app);
  if (with_smoothing) {
    app->add_option("--smooth", smooth,
                    "Smooth net_coop, goldstein_mean and intensity over K periods")
        ->check(WholeNumber(0));
    app->add_option("--smooth-method", smooth_method,
                    "ma (centred moving average, default) or ewma (alpha = 2/(K+1))")
        ->check(CLI::IsMember({"ma", "ewma"}));
  }
}

Status AnalysisArgs::Build(analysis::SeriesOptions* o) {
  if (!a.empty()) {
    ASSIGN_OR_RETURN(a, NormalizeActor(a));
  }
  if (!b.empty()) {
    ASSIGN_OR_RETURN(b, NormalizeActor(b));
  }
  ASSIGN_OR_RETURN(o->period, ParsePeriod(by));
  ASSIGN_OR_RETURN(o->weight, ParseWeight(weight));
  o->directed = directed;
  o->dataset = dataset;
  o->quality = quality.Build();
  if (smooth > 1) {
    ASSIGN_OR_RETURN(o->smooth, analysis::ParseSmoothMethod(smooth_method));
    o->smooth_window = smooth;
  }
  if (!from.empty()) {
    ASSIGN_OR_RETURN(DateValue d, ParseDate(from));
    o->from = d.days;
  }
  if (!to.empty()) {
    ASSIGN_OR_RETURN(Days d, ParseDateRangeEnd(to));
    o->to = d;
  }
  if (o->from && o->to && *o->from > *o->to) {
    return Status::InvalidArgument("--from " + from + " is after --to " + to);
  }
  if (o->from && o->to) RETURN_IF_ERROR(analysis::CheckPeriodGrid(*o->from, *o->to, o->period));
  return Status::Ok();
}

int UsageError(const Status& s, const char* command) {
  if (TableCapture* capture = TableCapture::Active()) {
    capture->RecordError(s.message(), StatusCode::kInvalidArgument);
    return kExitUsage;
  }
  std::fprintf(stderr, "entente: %s\nrun 'entente %s --help' for usage\n", s.message().c_str(),
               command);
  return kExitUsage;
}

std::optional<AnalysisOutput> OpenAnalysisOutput(const GlobalOptions& globals, const char* command,
                                                 int* exit_code) {
  Result<OutputFormat> format = ResolveOutputFormat(globals.format);
  if (!format.ok()) {
    *exit_code = UsageError(format.status(), command);
    return std::nullopt;
  }
  Result<std::unique_ptr<EventSource>> source = OpenReadSource(globals);
  if (!source.ok()) {
    *exit_code = ReportError(source.status());
    return std::nullopt;
  }
  return AnalysisOutput{*format, std::move(source).value()};
}

}  // namespace entente::cli
