// `entente sectors A B`: the dyad's events per period and sector (energy, defence, trade,
// security, diplomacy, culture) with each sector's net cooperation (analysis::BuildSectorSeries).
#include <iostream>

#include "analysis/analysis.h"
#include "cli/analysis_args.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/output.h"

namespace entente::cli {

int RunSectors(const GlobalOptions& globals, AnalysisArgs* args, const char* command) {
  analysis::SeriesOptions o;
  if (Status st = args->Build(&o); !st.ok()) return UsageError(st, command);
  int exit_code = kExitOk;
  std::optional<AnalysisOutput> output = OpenAnalysisOutput(globals, command, &exit_code);
  if (!output) return exit_code;
  Result<std::vector<analysis::SectorPoint>> rows =
      analysis::BuildSectorSeries(*output->source, args->a, args->b, o);
  if (!rows.ok()) return ReportError(rows.status());
  if (rows->empty()) {
    return ReportError(analysis::NoDyadEvents(args->a, args->b));
  }
  TableWriter w(std::cout, output->format, {"period", "sector", "events", "net_coop"});
  for (const analysis::SectorPoint& p : *rows) {
    w.Row({p.label, std::string(analysis::SectorName(p.sector)), p.events, p.net_coop});
  }
  w.Finish();
  return kExitOk;
}

namespace {

class SectorsCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override { args_.Add(app, true, false); }

  int Run(const GlobalOptions& globals) override { return RunSectors(globals, &args_, "sectors"); }

 private:
  AnalysisArgs args_;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeSectorsCommand() { return std::make_unique<SectorsCommand>(); }

}  // namespace entente::cli
