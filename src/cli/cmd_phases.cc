// `entente phases A B`: the relation's phases (analysis::FindPhases): one row per phase with its
// level, trend, the events that explain the turn into it and how strongly the data call for that
// turn; or, with --weaker-turns, the turns one step below what the data establish.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>

#include "analysis/analysis.h"
#include "cli/analysis_args.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "report/headline.h"

namespace entente::cli {
namespace {

// "1965-04-03 PAK>RUS 057 Ayub Khan visits Moscow…": date, direction, code, what happened.
std::string DescribeTurningEvent(const analysis::KeyEvent& k) {
  const Event& e = k.event;
  std::string what = !e.text.empty() ? e.text : k.label;
  constexpr size_t kMaxText = 90;
  if (what.size() > kMaxText) {
    size_t cut = what.rfind(' ', kMaxText);
    what = what.substr(0, cut == std::string::npos ? kMaxText : cut) + "...";
  }
  return fmt::format("{} {}>{} {} {}", FormatDate(e.date, e.precision),
                     DyadCountry(ViewOf(e).source), DyadCountry(ViewOf(e).target), e.code, what);
}

// On stderr, when the dyad is too sparse for the phase table to show a turn of the size asked
// about: the table then says "no turn" because it cannot see one, not because there was none.
void NoteSparsity(const analysis::PhaseResult& r, Period period) {
  if (!r.sparsity.sparse) return;
  std::fprintf(stderr,
               "entente: note: %s (try a longer --by, or --weaker-turns; METHODS.md \"How sparse "
               "is too sparse\")\n",
               report::SparsityText(r.sparsity, period).c_str());
}

class PhasesCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    args_.Add(app, true, false);
    app->add_option("--min-length", min_length_, "Minimum phase length in periods (default 2)")
        ->check(WholeNumber(1));
    app->add_option("--penalty", penalty_,
                    "Change-point penalty: bic (default), mbic or a number in cost units");
    app->add_option("--signal", signal_,
                    "What changes are found on: coop or tone (default: net cooperation and "
                    "Goldstein), density (engagement alone, as the share of the actors' events), "
                    "kind (the sector mix alone), volume (cooperation and engagement), intensity "
                    "(cooperation and density) or sectors (volume plus the sector mix)")
        ->check(
            CLI::IsMember({"coop", "tone", "density", "kind", "volume", "intensity", "sectors"}));
    app->add_flag("--tracks", tracks_,
                  "List instead every turn of the three tracks (tone, density, kind), each found "
                  "on its own signal, in time order: what moved, from what to what, its support "
                  "and the events that explain it");
    app->add_option("--turn-size", turn_size_,
                    "The change in net cooperation the sparsity note is about (default 0.5)")
        ->check(CLI::Range(0.01, 2.0));
    app->add_option("--turning", turning_, "Turning events listed per phase (default 3)")
        ->check(WholeNumber(0));
    app->add_flag("--weaker-turns", weaker_turns_,
                  "List instead the turns the data hint at but do not establish: the best "
                  "further split of each phase whose support passes AIC's penalty");
  }

  int Run(const GlobalOptions& globals) override {
    analysis::SeriesOptions o;
    if (Status st = args_.Build(&o); !st.ok()) return UsageError(st, "phases");
    analysis::PhaseOptions po;
    po.min_length = min_length_;
    po.turning_events = turning_;
    po.signal = *analysis::ParsePhaseSignal(signal_);
    po.turn_size = turn_size_;
    Result<analysis::Penalty> penalty = analysis::ParsePenalty(penalty_);
    if (!penalty.ok()) return UsageError(penalty.status(), "phases");
    po.penalty = *penalty;
    int exit_code = kExitOk;
    std::optional<AnalysisOutput> output = OpenAnalysisOutput(globals, "phases", &exit_code);
    if (!output) return exit_code;

    if (tracks_) {
      Result<analysis::Tracks> t = analysis::FindTracks(*output->source, args_.a, args_.b, o, po);
      if (!t.ok()) return ReportError(t.status());
      if (t->tone.phases.empty()) return ReportError(analysis::NoDyadEvents(args_.a, args_.b));
      if (!globals.quiet) NoteSparsity(t->tone, o.period);
      PrintTracks(*t, output->format);
      return kExitOk;
    }
    Result<analysis::PhaseResult> r =
        analysis::FindPhases(*output->source, args_.a, args_.b, o, po);
    if (!r.ok()) return ReportError(r.status());
    if (r->phases.empty()) {
      return ReportError(analysis::NoDyadEvents(args_.a, args_.b));
    }
    if (!globals.quiet && po.signal == analysis::PhaseSignal::kCoop) NoteSparsity(*r, o.period);
    if (weaker_turns_) {
      PrintWeakerTurns(*r, output->format);
      return kExitOk;
    }
    TableWriter w(std::cout, output->format,
                  {"start", "end", "periods", "events", "goldstein_mean", "net_coop", "label",
                   "trend", "turning_events", "support"});
    for (const analysis::Phase& p : r->phases) {
      std::vector<std::string> turning;
      for (const analysis::KeyEvent& k : p.turning_events)
        turning.push_back(DescribeTurningEvent(k));
      w.Row({p.start_label, p.end_label, static_cast<int64_t>(p.periods), p.events,
             p.goldstein_mean, p.net_coop, p.label, p.trend,
             fmt::format("{}", fmt::join(turning, " | ")), p.support});
    }
    w.Finish();
    return kExitOk;
  }

 private:
  static void PrintWeakerTurns(const analysis::PhaseResult& r, OutputFormat format) {
    TableWriter w(std::cout, format,
                  {"at", "support", "gain", "net_coop_before", "net_coop_after", "events_before",
                   "events_after"});
    for (const analysis::WeakerTurn& t : r.weaker_turns) {
      w.Row({t.label, t.support, t.gain, t.net_coop_before, t.net_coop_after, t.events_before,
             t.events_after});
    }
    w.Finish();
  }

  static void PrintTracks(const analysis::Tracks& t, OutputFormat format) {
    TableWriter w(std::cout, format,
                  {"track", "at", "measure", "before", "after", "support", "turning_events"});
    for (const analysis::TrackTurn& turn : t.turns) {
      std::vector<std::string> turning;
      for (const analysis::KeyEvent& k : turn.events) turning.push_back(DescribeTurningEvent(k));
      w.Row({std::string(analysis::TrackName(turn.track)), turn.at, analysis::MeasureName(turn),
             turn.before, turn.after, turn.support, fmt::format("{}", fmt::join(turning, " | "))});
    }
    w.Finish();
  }

  AnalysisArgs args_;
  int min_length_ = 2, turning_ = 3;
  double turn_size_ = 0.5;
  bool weaker_turns_ = false, tracks_ = false;
  std::string penalty_ = "bic", signal_ = "coop";
};

}  // namespace

std::unique_ptr<CommandHandler> MakePhasesCommand() { return std::make_unique<PhasesCommand>(); }

}  // namespace entente::cli
