// `entente compare A,B C-D ...`: several dyads on one period grid (the series, side by side) and,
// for every pair, Pearson r, the best lead/lag and p-values that account for autocorrelation
// (analysis::CompareDyads). Output: the series table (period, then per dyad its metric and event
// count), then the pairs table. table/csv/tsv separate the two with a blank line; jsonl writes
// the series rows then the pair rows; json writes {"series": [...], "pairs": [...]}.
#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "analysis/analysis.h"
#include "cli/analysis_args.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/output.h"

namespace entente::cli {
namespace {

class CompareCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("DYADS", dyads_, "Dyads written A,B or A-B (at least two)")->required();
    args_.Add(app, false, true);
    app->add_option("--metric", metric_, "net_coop (default) or goldstein")
        ->check(CLI::IsMember({"net_coop", "goldstein"}));
    app->add_option("--max-lag", max_lag_, "Lags tried: -L..L periods (default 3)")
        ->check(WholeNumber(0));
    app->add_option("--show", show_, "both (default), series or pairs")
        ->check(CLI::IsMember({"both", "series", "pairs"}));
  }

  int Run(const GlobalOptions& globals) override {
    analysis::SeriesOptions so;
    if (Status st = args_.Build(&so); !st.ok()) return UsageError(st, "compare");
    std::vector<analysis::DyadName> dyads;
    for (const std::string& d : dyads_) {
      Result<std::pair<std::string, std::string>> dyad = ParseDyad(d, "dyad");
      if (!dyad.ok()) return UsageError(dyad.status(), "compare");
      dyads.push_back({dyad->first, dyad->second});
    }
    if (dyads.size() < 2) {
      return UsageError(Status::InvalidArgument("compare needs at least two dyads"), "compare");
    }
    analysis::CompareOptions co;
    co.metric = *analysis::ParseCompareMetric(metric_);
    co.max_lag = max_lag_;
    int exit_code = kExitOk;
    std::optional<AnalysisOutput> output = OpenAnalysisOutput(globals, "compare", &exit_code);
    if (!output) return exit_code;
    Result<analysis::Comparison> c = analysis::CompareDyads(*output->source, dyads, so, co);
    if (!c.ok()) return ReportError(c.status());
    if (c->series.empty() || c->series[0].points.empty()) {
      return ReportError(Status::NotFound("no events in any of the dyads"));
    }

    auto name = [&](size_t i) { return dyads[i].a + "-" + dyads[i].b; };
    std::ostringstream series_out, pairs_out;
    bool json = output->format == OutputFormat::kJson;
    std::ostream& so_out = json ? static_cast<std::ostream&>(series_out) : std::cout;
    std::ostream& po_out = json ? static_cast<std::ostream&>(pairs_out) : std::cout;
    if (show_ != "pairs") {
      std::vector<std::string> cols = {"period"};
      for (size_t i = 0; i < dyads.size(); ++i) {
        cols.push_back(name(i) + "_" + metric_);
        cols.push_back(name(i) + "_events");
      }
      TableWriter w(so_out, output->format, cols);
      const size_t n = c->series[0].points.size();
      for (size_t t = 0; t < n; ++t) {
        std::vector<Cell> row = {c->series[0].points[t].label};
        for (const analysis::Series& s : c->series) {
          const analysis::SeriesPoint& p = s.points[t];
          double v = co.metric == analysis::CompareMetric::kNetCoop ? p.net_coop : p.goldstein_mean;
          row.push_back(p.events > 0 ? Cell(v) : Cell());
          row.push_back(p.events);
        }
        w.Row(std::move(row));
      }
      w.Finish();
    }
    if (show_ == "both" && !json && output->format != OutputFormat::kJsonl) std::cout << "\n";
    if (show_ != "series") {
      TableWriter w(po_out, output->format,
                    {"first", "second", "n", "r", "n_eff", "p", "best_lag", "r_at_lag", "n_at_lag",
                     "p_at_lag"});
      for (const analysis::PairStats& p : c->pairs) {
        w.Row({name(p.first), name(p.second), static_cast<int64_t>(p.n), p.r, p.n_eff, p.p,
               static_cast<int64_t>(p.best_lag), p.r_at_lag, static_cast<int64_t>(p.n_at_lag),
               p.p_at_lag});
      }
      w.Finish();
    }
    if (json) {
      auto body = [](const std::ostringstream& s) {
        std::string t = s.str();
        while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
        return t.empty() ? std::string("[]") : t;
      };
      std::cout << "{\"metric\": " << JsonQuote(metric_) << ", \"series\": " << body(series_out)
                << ", \"pairs\": " << body(pairs_out) << "}\n";
    }
    return kExitOk;
  }

 private:
  AnalysisArgs args_;
  std::vector<std::string> dyads_;
  std::string metric_ = "net_coop", show_ = "both";
  int max_lag_ = 3;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeCompareCommand() { return std::make_unique<CompareCommand>(); }

}  // namespace entente::cli
