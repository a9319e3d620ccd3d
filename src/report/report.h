// The report on one dyad, the front door of src/report: BuildReport() asks the analysis API
// (analysis/analysis.h) for everything an analyst reads about a relation — the series, the phases
// with their turning events, the key events, the sector mix, the neighbouring dyads with
// correlation and lead/lag — and a headline in plain words; RenderReportHtml() draws it as ONE
// self-contained HTML file and RenderReportJson() gives the same content as data
// (docs/REPORT.md has the JSON schema, format version kReportFormatVersion).
//
// Design constraints:
//  - Nothing is computed twice or differently from the CLI: every number comes from the analysis
//    API, so `entente phases A B` and the report's phase bands always agree. What the report adds
//    on top (the choice of neighbouring dyads, the headline sentences) lives in this folder.
//  - The HTML fetches nothing: no CDN, no web font, no script. Charts are inline SVG drawn here;
//    tooltips are SVG <title> elements, so the page has no script that could log a console error.
//  - Deterministic: same events and options, same bytes (no clock, no locale) — except the
//    "generated" line when ReportOptions::generated_at is set by the caller.
#ifndef ENTENTE_REPORT_REPORT_H_
#define ENTENTE_REPORT_REPORT_H_

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis.h"
#include "core/date.h"
#include "core/event_source.h"
#include "core/status.h"

namespace entente::report {

// Version of the JSON document (and of the HTML's data-entente-report attribute); bump it when a
// field changes meaning or goes away (adding fields does not bump it).
inline constexpr int kReportFormatVersion = 1;

// The stages of BuildReport, in the order it runs them: each reads the source once or more, so on
// a store of hundreds of millions of events each takes seconds, and a caller may name them as
// they start (ReportOptions::on_step).
inline constexpr std::array<std::string_view, 6> kReportStages = {
    "events", "series and phases", "key events", "sectors", "triangle", "headline"};

struct ReportOptions {
  std::string a, b;  // canonical actor codes ("PAK", "RUS")
  Period period = Period::kYear;
  std::optional<Days> from, to;     // inclusive
  EventQuality quality;             // only events that pass it (--root-only, --min-sources, ...)
  int top_events = 15;              // rows of the key-events table
  int max_partners = 4;             // third countries in the triangle panel
  int max_triangle_dyads = 12;      // dyads in the triangle panel, A–B included
  int64_t min_triangle_events = 5;  // a neighbouring dyad needs this many events to be shown
  int recent_years = 5;             // the headline's "recent signals" look back this far
  // Which data was used, for the methods note: "store /path" or "embedded chronicle".
  std::string source_description;
  bool source_is_chronicle = false;
  std::string generated_at;  // e.g. "2026-11-26"; empty leaves the line out (reproducible bytes)
  // Called as each stage starts, once per stage, in kReportStages order, with its index there.
  // Not called for options BuildReport rejects; stages after a failed one are not called. May be
  // empty. BuildReport does not keep it: ReportData::options has it empty.
  std::function<void(size_t stage)> on_step;
};

// One neighbouring dyad of the triangle panel, with its relation to A–B.
struct TriangleDyad {
  std::string a, b;
  int64_t events = 0;
  analysis::PairStats vs_main;  // first = the A–B dyad (index 0), second = this dyad
};

struct Headline {
  std::string current_label;  // the last phase's level: hostile | tense | neutral | cordial | close
  std::string current_trend;  // warming | cooling | steady
  std::string since;          // the last phase's first period label
  double current_net_coop = 0;
  double recent_net_coop = 0;  // over the last `recent_years` of data
  double before_net_coop = 0;  // over the same length just before; meaningless unless has_before
  bool has_recent = false;
  bool has_before = false;       // the window before holds events of the dyad
  std::string recent_range;      // "2009–2013", or "June 2011–2013" when the data start later
  std::string recent_direction;  // "improving", "worsening", "unchanged" (recent vs before)
  std::vector<std::string> sentences;       // the summary in plain words, in reading order
  std::vector<analysis::KeyEvent> signals;  // the strongest recent events, most salient first
};

struct ReportData {
  ReportOptions options;
  std::string a_name, b_name;  // "Pakistan", "Russia" (the code when the codebook has no name)
  int64_t events = 0;          // events of the dyad in the range
  Days first_date = 0, last_date = 0;
  analysis::PhaseResult phases;  // the tone track; .series is the relation's series
  // The density and kind tracks (analysis::FindTracks), and the turns of all three in time order.
  analysis::PhaseResult density, kind;
  std::vector<analysis::TrackTurn> track_turns;
  std::vector<analysis::KeyEvent> key_events;
  std::vector<analysis::SectorPoint> sectors;
  analysis::Comparison triangle;             // series[0] is A–B; the others match triangle_dyads
  std::vector<TriangleDyad> triangle_dyads;  // excluding A–B, in panel order
  Headline headline;
};

// Everything the report shows for a and b. NotFound when the dyad has no events in the range (the
// CLI maps it to exit 6); InvalidArgument for bad options.
Result<ReportData> BuildReport(EventSource& source, const ReportOptions& options);

// The self-contained HTML page.
std::string RenderReportHtml(const ReportData& data);

// The significance a lead/lag needs before the report states it.
inline constexpr double kLeadSignificance = 0.05;
// "PAK-RUS leads by 2 years (p 0.012)", "no significant lead (p 0.41)", "move together (no
// lead)", "too little overlap": how the report states one dyad's lead over another.
std::string LeadLagPhrase(const analysis::PairStats& s, const std::string& main,
                          const std::string& other, Period period);

// The same content as one JSON document (pretty-printed, ends with a newline).
std::string RenderReportJson(const ReportData& data);

// A readable name for an actor code: the codebook's country or group name, else the code.
std::string ActorDisplayName(const std::string& code);

}  // namespace entente::report

#endif  // ENTENTE_REPORT_REPORT_H_
