// `entente dyad A B`: the dyad's time series (analysis::BuildSeries), one row per period; with
// --by-sector, one row per period and sector (analysis::BuildSectorSeries, as `entente sectors`).
#include <iostream>

#include "analysis/analysis.h"
#include "cli/analysis_args.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/output.h"

namespace entente::cli {

// `entente sectors` for the dyad in `args` (cmd_sectors.cc); `command` names the command in a
// usage error.
int RunSectors(const GlobalOptions& globals, AnalysisArgs* args, const char* command);

namespace {

// A ratio with nothing under it is null (empty in csv/tsv), never a neutral 0 (CLI.md).
Cell Ratio(bool has, double value) { return has ? Cell(value) : Cell(); }

// "data" when the dataset has events in the period, "gap" when it has none at all: then the
// dyad's silence says nothing about the relation (METHODS.md "Coverage").
Cell CoverageCell(int64_t dataset_events) {
  if (dataset_events < 0) return Cell();
  return std::string(dataset_events > 0 ? "data" : "gap");
}

class DyadCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    args_.Add(app, /*with_dyad=*/true, /*with_smoothing=*/true);
    app->add_flag("--by-sector", by_sector_, "One row per period and sector (as 'sectors')");
  }

  int Run(const GlobalOptions& globals) override {
    if (by_sector_) return RunSectors(globals, &args_, "dyad");
    analysis::SeriesOptions o;
    if (Status st = args_.Build(&o); !st.ok()) return UsageError(st, "dyad");
    int exit_code = kExitOk;
    std::optional<AnalysisOutput> output = OpenAnalysisOutput(globals, "dyad", &exit_code);
    if (!output) return exit_code;
    o.with_coverage = true;
    Result<analysis::Series> s = analysis::BuildSeries(*output->source, args_.a, args_.b, o);
    if (!s.ok()) return ReportError(s.status());
    if (s->total_events() == 0) {
      return ReportError(analysis::NoDyadEvents(args_.a, args_.b));
    }
    TableWriter w(
        std::cout, output->format,
        {"period", "events", "vcoop", "mcoop", "vconf", "mconf", "goldstein_sum", "goldstein_mean",
         "net_coop", "net_coop_lo", "net_coop_hi", "intensity", "coverage"});
    for (const analysis::SeriesPoint& p : s->points) {
      w.Row({p.label, p.events, p.vcoop, p.mcoop, p.vconf, p.mconf, p.goldstein_sum,
             Ratio(p.has_goldstein, p.goldstein_mean), Ratio(p.has_net_coop, p.net_coop),
             Ratio(p.has_net_coop, p.net_coop_lo), Ratio(p.has_net_coop, p.net_coop_hi),
             Ratio(p.has_intensity, p.intensity), CoverageCell(p.dataset_events)});
    }
    w.Finish();
    return kExitOk;
  }

 private:
  AnalysisArgs args_;
  bool by_sector_ = false;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeDyadCommand() { return std::make_unique<DyadCommand>(); }

}  // namespace entente::cli
