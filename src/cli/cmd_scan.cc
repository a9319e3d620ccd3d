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

// "2019-09" for a one-period window, "2019-07..2019-09" for a longer one.
std::string WindowLabel(Days first, Days last, Period p) {
  std::string a = FormatPeriod(PeriodStart(first, p), p), b = FormatPeriod(PeriodStart(last, p), p);
  return a == b ? a : a + ".." + b;
}

// The note on stderr: which periods were compared and, for an empty answer, why and what to try.
std::string Summary(const analysis::ScanResult& r, const analysis::ScanOptions& o) {
  const char* kind = o.states_only ? "dyad of states" : "dyad";
  if (!r.has_windows) {
    return fmt::format("entente: scan: no {} has events{}; nothing to compare", kind,
                       o.dataset.empty() ? "" : " in dataset " + o.dataset);
  }
  std::string before = WindowLabel(r.before_start, r.after_start - 1, o.period);
  std::string after = WindowLabel(r.after_start, r.after_end, o.period);
  if (!r.rows.empty()) {
    return fmt::format(
        "entente: scan compares {} with {}: {} of {} dyads with >= {} events in both windows",
        before, after, r.rows.size(), r.dyads_considered, o.min_events);
  }
  if (r.dyads_considered == 0) {
    return fmt::format("entente: scan: no {} has events in {} or {}; try --to or --window", kind,
                       before, after);
  }
  return fmt::format(
      "entente: scan: no {} has at least {} events in both windows {} and {} ({} of {} have "
      "events in both); try --min-events or --window",
      kind, o.min_events, before, after, r.dyads_in_both, r.dyads_considered);
}

class ScanCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("--window", window_, "Periods in each window (default 1)")
        ->check(WholeNumber(1));
    app->add_option("--by", by_, "Period: year (default), quarter, month, week or day")
        ->check(CLI::IsMember({"year", "quarter", "month", "week", "day"}));
    app->add_option("--top", top_, "Rows to print (default 20; 0 = all)")->check(WholeNumber(0));
    app->add_option("--min-events", min_events_, "Events needed in each window (default 10)")
        ->check(WholeNumber(0));
    app->add_option("--to,--end", end_,
                    "Last day of the later window (default: the last period with data)");
    app->add_option("--actors", actors_, "Dyads of states (default) or of all actors")
        ->check(CLI::IsMember({"states", "all"}));
    app->add_option("--weight", weight_, "Count events, mentions or articles")
        ->check(CLI::IsMember({"events", "mentions", "articles"}));
    app->add_option("--dataset", dataset_, "Only this dataset");
    quality_.Add(app);
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
    o.quality = quality_.Build();
    o.rank = *analysis::ParseScanRank(rank_);
    o.states_only = actors_ == "states";
    if (!end_.empty()) {
      Result<Days> d = ParseDateRangeEnd(end_);
      if (!d.ok()) return UsageError(d.status(), "scan");
      o.end = *d;
    }
    int exit_code = kExitOk;
    std::optional<AnalysisOutput> output = OpenAnalysisOutput(globals, "scan", &exit_code);
    if (!output) return exit_code;
    Result<analysis::ScanResult> r = analysis::ScanDyads(*output->source, o);
    if (!r.ok()) return ReportError(r.status());
    if (!globals.quiet) std::fprintf(stderr, "%s\n", Summary(*r, o).c_str());
    TableWriter w(std::cout, output->format,
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
  QualityArgs quality_;
  std::string by_ = "year", end_, weight_ = "events", dataset_, rank_ = "change",
              actors_ = "states";
};

}  // namespace

std::unique_ptr<CommandHandler> MakeScanCommand() { return std::make_unique<ScanCommand>(); }

}  // namespace entente::cli
