// `entente key-events A B`: the dyad's most salient events (analysis::FindKeyEvents), with the
// reasons for each score.
#include <iostream>

#include "analysis/analysis.h"
#include "cli/analysis_args.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/output.h"

namespace entente::cli {
namespace {

class KeyEventsCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("A", args_.a, "First actor (CAMEO code, e.g. PAK)")->required();
    app->add_option("B", args_.b, "Second actor (CAMEO code, e.g. RUS)")->required();
    app->add_option("--top", top_, "How many events (default 20)")->check(WholeNumber(1));
    app->add_option("--from", args_.from, "First date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive");
    app->add_option("--to", args_.to, "Last date, inclusive");
    app->add_flag("--directed", args_.directed, "Only events with A as source and B as target");
    app->add_option("--dataset", args_.dataset, "Only this dataset");
    args_.quality.Add(app);
    app->add_option("--novelty-years", novelty_years_,
                    "'First of its kind' means none in this many years (default 10)")
        ->check(WholeNumber(1));
  }

  int Run(const GlobalOptions& globals) override {
    analysis::SeriesOptions so;
    if (Status st = args_.Build(&so); !st.ok()) return UsageError(st, "key-events");
    analysis::KeyEventOptions o;
    o.top = top_;
    o.from = so.from;
    o.to = so.to;
    o.directed = so.directed;
    o.dataset = so.dataset;
    o.quality = so.quality;
    o.novelty_years = novelty_years_;
    int exit_code = kExitOk;
    std::optional<AnalysisOutput> output = OpenAnalysisOutput(globals, "key-events", &exit_code);
    if (!output) return exit_code;
    Result<std::vector<analysis::KeyEvent>> r =
        analysis::FindKeyEvents(*output->source, args_.a, args_.b, o);
    if (!r.ok()) return ReportError(r.status());
    if (r->empty()) {
      return ReportError(analysis::NoDyadEvents(args_.a, args_.b));
    }
    TableWriter w(std::cout, output->format,
                  {"date", "source", "target", "code", "label", "weight", "why", "url"});
    for (const analysis::KeyEvent& k : *r) {
      const Event& e = k.event;
      w.Row({FormatDate(e.date, e.precision), e.source.code, e.target.code, e.code, k.label,
             k.salience, k.why, e.url});
    }
    w.Finish();
    return kExitOk;
  }

 private:
  AnalysisArgs args_;
  int top_ = 20, novelty_years_ = 10;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeKeyEventsCommand() {
  return std::make_unique<KeyEventsCommand>();
}

}  // namespace entente::cli
