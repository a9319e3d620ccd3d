// Options the analysis commands (dyad, sectors, phases, compare, key-events) share: the dyad's
// actors, --by, --from, --to, --directed, --weight, --dataset, --smooth; parsed once into
// analysis::SeriesOptions so the commands cannot drift apart.
#ifndef ENTENTE_CLI_ANALYSIS_ARGS_H_
#define ENTENTE_CLI_ANALYSIS_ARGS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "analysis/analysis.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/event_source.h"
#include "core/status.h"

namespace entente::cli {

// --root-only, --min-sources N, --min-articles N: the noise filters (core/filter.h EventQuality),
// for every analysis command.
struct QualityArgs {
  bool root_only = false;
  int min_sources = 0, min_articles = 0;
  void Add(CLI::App* app);
  EventQuality Build() const { return EventQuality{root_only, min_sources, min_articles}; }
};

struct AnalysisArgs {
  std::string a, b;
  std::string by = "year", from, to, weight = "events", dataset, smooth_method = "ma";
  int smooth = 0;
  bool directed = false;
  QualityArgs quality;

  // Adds the positionals A B (when `with_dyad`) and the shared options (smoothing when asked).
  void Add(CLI::App* app, bool with_dyad, bool with_smoothing);
  // Checks and converts; InvalidArgument for a bad value. Normalises a and b.
  Status Build(analysis::SeriesOptions* options);
};

// Prints "entente: <message>" and a hint to `entente <command> --help` (or records the message in
// the active TableCapture); returns the usage code.
int UsageError(const Status& status, const char* command);

// What an analysis command prints from and how: the read source and the --format.
struct AnalysisOutput {
  OutputFormat format;
  std::unique_ptr<EventSource> source;
};

// Resolves --format (a bad one is a usage error of `command`), then opens the read source (its
// failure is reported as ReportError does). On either failure prints it, sets *exit_code and
// returns nullopt.
std::optional<AnalysisOutput> OpenAnalysisOutput(const GlobalOptions& globals, const char* command,
                                                 int* exit_code);

}  // namespace entente::cli

#endif  // ENTENTE_CLI_ANALYSIS_ARGS_H_
