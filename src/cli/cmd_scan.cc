// `entente scan`: every dyad ranked by the change in net cooperation between the last N periods
// and the N before, with a z-score against the dyad's own history (analysis::ScanDyads).
#include <fmt/format.h>

#include <cstdio>
#include <iostream>

#include "analysis/analysis.h"
#include "cli/analysis_args.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/output.h"

namespace entente::cli {
namespace {

class ScanCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("--window", window_, "Periods in each window (default 1)")
        ->check(CLI::PositiveNumber);
    app->add_option("--by", by_, "Period: year (default), quarter, month, week or day")
        ->check(CLI::IsMember({"year", "quarter", "month", "week", "day"}));
    app->add_option("--top", top_, "Rows to print (default 20; 0 = all)")
        ->check(CLI::NonNegativeNumber);
    app->add_option("--min-events", min_events_, "Events needed in each window (default 10)")
        ->check(CLI::NonNegativeNumber);
    app->add_option("--end", end_, "Last day of the later window (default: the last event date)");
    app->add_option("--weight", weight_, "Count events, mentions or articles")
        ->check(CLI::IsMember({"events", "mentions", "articles"}));
    app->add_option("--dataset", dataset_, "Only this dataset");
    app->add_option("--rank", rank_, "Order by change (default), abs (|change|) or z (|z|)")
        ->check(CLI::IsMember({"change", "abs", "z"}));
  }

  int Run(const GlobalOptions& globals) override {
    analysis::ScanOptions o;
    o.period = *ParsePeriod(by_);
    o.window = window_;
    o.top = top_;
    o.min_events = min_events_;
    o.weight = *ParseWeight(weight_);
    o.dataset = dataset_;
    o.rank = *analysis::ParseScanRank(rank_);
    if (!end_.empty()) {
      Result<Days> d = ParseDateRangeEnd(end_);
      if (!d.ok()) return UsageError(d.status(), "scan");
      o.end = *d;
    }
    Result<OutputFormat> format = ResolveOutputFormat(globals.format);
    if (!format.ok()) return UsageError(format.status(), "scan");
    Result<std::unique_ptr<EventSource>> source = OpenReadSource(globals);
    if (!source.ok()) return ReportError(source.status());
    Result<analysis::ScanResult> r = analysis::ScanDyads(**source, o);
    if (!r.ok()) return ReportError(r.status());
    if (!globals.quiet) {
      std::fprintf(
          stderr, "entente: scan %s..%s vs %s..%s: %zu of %lld dyads with >= %lld events in both\n",
          FormatDate(r->before_start).c_str(), FormatDate(r->after_start - 1).c_str(),
          FormatDate(r->after_start).c_str(), FormatDate(r->after_end).c_str(), r->rows.size(),
          static_cast<long long>(r->dyads_considered), static_cast<long long>(o.min_events));
    }
    TableWriter w(std::cout, *format,
                  {"dyad", "events_before", "events_after", "net_coop_before", "net_coop_after",
                   "change", "z"});
    for (const analysis::ScanRow& row : r->rows) {
      w.Row({row.a + "-" + row.b, row.events_before, row.events_after, row.net_coop_before,
             row.net_coop_after, row.change, row.z});
    }
    w.Finish();
    return kExitOk;
  }

 private:
  int window_ = 1, top_ = 20;
  int64_t min_events_ = 10;
  std::string by_ = "year", end_, weight_ = "events", dataset_, rank_ = "change";
};

}  // namespace

std::unique_ptr<CommandHandler> MakeScanCommand() { return std::make_unique<ScanCommand>(); }

}  // namespace entente::cli
