// RenderReportHtml: the page, section by section in reading order — headline, series with phases
// and turning points, key events, triangle, sectors, methods. Presentation is in report_style.cc,
// drawing in charts.cc; this file only lays the pieces out and words them.
#include <fmt/format.h>

#include <array>
#include <cmath>

#include "analysis/analysis.h"
#include "core/cameo.h"
#include "report/charts.h"
#include "report/headline.h"
#include "report/html_text.h"
#include "report/palette.h"
#include "report/report.h"
#include "report/report_style.h"

namespace entente::report {
namespace {

constexpr double kWidth = 960;

std::string PeriodUnit(Period p, int n) {
  std::string unit(PeriodName(p));
  return std::abs(n) == 1 ? unit : unit + "s";
}

// "2.4×": a turn's support, as a multiple of the penalty a turn must pay.
std::string SupportText(double support) {
  return std::isnan(support) ? "n/a" : Fixed(support, 2) + "×";
}

std::string DyadLabel(const std::string& a, const std::string& b) {
  return fmt::format("{}–{}", a, b);
}

std::string SourceCell(const Event& e) {
  std::string label = !e.citation.empty() ? e.citation : std::string();
  if (IsSafeLink(e.url)) {
    if (label.empty()) {
      std::string host = e.url.substr(e.url.find("//") + 2);
      host = host.substr(0, host.find('/'));
      label = host;
    }
    return fmt::format("<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", Escape(e.url),
                       Escape(label));
  }
  if (!label.empty()) return Escape(label);
  if (!e.url.empty()) return fmt::format("<span class=\"code\">{}</span>", Escape(e.url));
  return "—";
}

std::string ActorCell(const Actor& a) {
  std::string name = !a.name.empty() ? a.name : ActorDisplayName(a.code);
  return fmt::format("{} <span class=\"code\">{}</span>", Escape(name), Escape(a.code));
}

std::string SectorOf(const Event& e) {
  return std::string(analysis::SectorName(analysis::ClassifySector(ViewOf(e))));
}

}  // namespace

std::string LeadLagPhrase(const analysis::PairStats& s, const std::string& main,
                          const std::string& other, Period period) {
  if (std::isnan(s.r_at_lag)) return "too little overlap";
  // The best of 2L+1 lags is always some lag: it is a lead only when it is significant (its p is
  // already Bonferroni-adjusted over the lags tried).
  if (!(s.p_at_lag < kLeadSignificance)) {
    return fmt::format("no significant lead (p {})", Fixed(s.p_at_lag, 2));
  }
  if (s.best_lag == 0) return "move together (no lead)";
  int lag = std::abs(s.best_lag);
  const std::string& leader = s.best_lag > 0 ? main : other;
  return fmt::format("{} leads by {} {} (p {})", leader, lag, PeriodUnit(period, lag),
                     s.p_at_lag < 0.001 ? std::string("< 0.001") : Fixed(s.p_at_lag, 3));
}

namespace {

std::string RText(double r, double p) {
  if (std::isnan(r)) return "n/a";
  return fmt::format("{} <span class=\"why\">(p {})</span>", Signed(r, 2),
                     p < 0.001 ? std::string("&lt; 0.001") : Fixed(p, 3));
}

void Header(std::string& h, const ReportData& d) {
  const ReportOptions& o = d.options;
  h += "<header class=\"top\">\n";
  h += fmt::format("<h1>{}–{} relations, {}–{}</h1>\n", Escape(d.a_name), Escape(d.b_name),
                   CivilFromDays(d.first_date).year, CivilFromDays(d.last_date).year);
  h += fmt::format("<div class=\"sub\">{} · {} events · by {} · data: {}{}</div>\n",
                   Escape(DyadLabel(o.a, o.b)), Thousands(d.events), PeriodName(o.period),
                   Escape(o.source_description),
                   o.a == "RUS" || o.b == "RUS" ? " · the Soviet Union is coded RUS" : "");
  h += "</header>\n";
}

void Summary(std::string& h, const ReportData& d) {
  const Headline& hl = d.headline;
  h += "<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n";
  h += "<div class=\"cards\">\n";
  h += fmt::format(
      "<div class=\"card\"><div class=\"k\">Current phase</div><div class=\"v\"><span "
      "class=\"level\" style=\"background:{}\"></span>{}</div><div class=\"d\">since "
      "{}</div></div>\n",
      palette::LevelColour(hl.current_label), Escape(hl.current_label), Escape(hl.since));
  h += fmt::format(
      "<div class=\"card\"><div class=\"k\">Trend in phase</div><div class=\"v\">{}</div>"
      "<div class=\"d\">net cooperation {}</div></div>\n",
      Escape(hl.current_trend), Signed(hl.current_net_coop, 2));
  if (hl.has_recent) {
    // Without events in the window before there is nothing to compare with: say so.
    std::string before = hl.has_before ? fmt::format("before: {}", Signed(hl.before_net_coop, 2))
                                       : std::string("no events before");
    h += fmt::format(
        "<div class=\"card\"><div class=\"k\">{}</div><div class=\"v\">{}</div>"
        "<div class=\"d\">net cooperation {} ({})</div></div>\n",
        Escape(hl.recent_range), Escape(hl.has_before ? hl.recent_direction : "no comparison"),
        Signed(hl.recent_net_coop, 2), Escape(before));
  }
  h += fmt::format(
      "<div class=\"card\"><div class=\"k\">Events</div><div class=\"v\">{}</div>"
      "<div class=\"d\">{} to {}</div></div>\n",
      Thousands(d.events), FormatDate(d.first_date), FormatDate(d.last_date));
  h += "</div>\n";
  for (const std::string& s : hl.sentences) h += fmt::format("<p>{}</p>\n", Escape(s));
  if (!hl.signals.empty()) {
    h += "<h3>Strongest recent signals</h3>\n<ul class=\"signals\">\n";
    for (const analysis::KeyEvent& k : hl.signals) {
      const Event& e = k.event;
      h += fmt::format("<li><strong>{}</strong> — {} <span class=\"why\">({}; {})</span></li>\n",
                       Escape(HumanDate(e.date, e.precision)), Escape(WhatHappened(e)),
                       Escape(k.why.empty() ? k.label : k.why), SourceCell(e));
    }
    h += "</ul>\n";
  }
  h += "</section>\n";
}

void SeriesSection(std::string& h, const ReportData& d, const TimeFrame& frame) {
  const analysis::PhaseResult& pr = d.phases;
  h += "<section id=\"series\">\n<h2>The relation over time</h2>\n";
  h += "<div class=\"legend\">";
  h += fmt::format(
      "<span><span class=\"ln\" style=\"border-color:{}\"></span>net cooperation "
      "(left, −1 all conflict … +1 all cooperation)</span>",
      palette::kNetCoop);
  h += fmt::format(
      "<span><span class=\"ln dash\" style=\"border-color:{}\"></span>mean Goldstein "
      "(right, −10 … +10)</span>",
      palette::kGoldstein);
  for (const char* level : {"hostile", "tense", "neutral", "cordial", "close"}) {
    h +=
        fmt::format("<span><span class=\"sw\" style=\"background:{};opacity:.45\"></span>{}</span>",
                    palette::LevelColour(level), level);
  }
  h += "<span>↗ warming · ↘ cooling · → steady</span>";
  if (!pr.weaker_turns.empty()) h += "<span>○ weaker turn (hinted at, not a phase)</span>";
  h += "</div>\n";
  h += SeriesChart(pr, frame);
  h += "<div class=\"legend\">";
  static constexpr const char* kQuadNames[4] = {"verbal cooperation", "material cooperation",
                                                "verbal conflict", "material conflict"};
  for (int q = 0; q < 4; ++q) {
    h += fmt::format("<span><span class=\"sw\" style=\"background:{}\"></span>{}</span>",
                     palette::kQuad[q], kQuadNames[q]);
  }
  h += "</div>\n";
  h += VolumeChart(pr.series, frame);

  if (pr.phases.size() > 1) {
    h += "<h3>Turning points</h3>\n<ol class=\"turns\">\n";
    for (size_t i = 1; i < pr.phases.size(); ++i) {
      const analysis::Phase& from = pr.phases[i - 1];
      const analysis::Phase& p = pr.phases[i];
      h += fmt::format(
          "<li><strong>{}</strong>: from {} to {} (net cooperation {} → {}; support {})",
          Escape(p.start_label), Escape(from.label), Escape(p.label), Signed(from.net_coop, 2),
          Signed(p.net_coop, 2), SupportText(p.support));
      if (!p.turning_events.empty()) {
        h += "\n<ul>\n";
        for (const analysis::KeyEvent& k : p.turning_events) {
          const Event& e = k.event;
          h += fmt::format("<li>{}: {} <span class=\"why\">({})</span> {}</li>\n",
                           Escape(HumanDate(e.date, e.precision)), Escape(WhatHappened(e)),
                           Escape(k.why.empty() ? k.label : k.why), SourceCell(e));
        }
        h += "</ul>";
      }
      h += "</li>\n";
    }
    h += "</ol>\n";
  }
  if (pr.sparsity.sparse) {
    std::string text = SparsityText(pr.sparsity, d.options.period);
    text[0] = 'T';
    h += fmt::format(
        "<p class=\"note\">{}. A steady phase here may be a turn the data cannot show.</p>\n",
        Escape(text));
  }
  if (!pr.weaker_turns.empty()) {
    h += "<p class=\"sub\">Weaker turns, which the data hint at but do not establish (the best "
         "further split of a phase, with less support than a turn needs): ";
    std::vector<std::string> parts;
    for (const analysis::WeakerTurn& t : pr.weaker_turns) {
      parts.push_back(fmt::format("{} (net cooperation {} → {}, support {})", Escape(t.label),
                                  Signed(t.net_coop_before, 2), Signed(t.net_coop_after, 2),
                                  SupportText(t.support)));
    }
    h += fmt::format("{}.</p>\n", fmt::join(parts, "; "));
  }

  h += "<h3>Phases</h3>\n<table class=\"phases\">\n<thead><tr><th>Period</th><th>Level</th>"
       "<th>Trend</th><th class=\"num\">Events</th><th class=\"num\">Net cooperation</th>"
       "<th class=\"num\">Mean Goldstein</th></tr></thead>\n<tbody>\n";
  for (const analysis::Phase& p : pr.phases) {
    std::string range = p.start_label == p.end_label
                            ? p.start_label
                            : fmt::format("{}–{}", p.start_label, p.end_label);
    h += fmt::format(
        "<tr><td class=\"date\">{}</td><td><span class=\"level\" style=\"background:{}\"></span>"
        "{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td></tr>\n",
        Escape(range), palette::LevelColour(p.label), Escape(p.label), Escape(p.trend),
        Thousands(p.events), Signed(p.net_coop, 2), Signed(p.goldstein_mean, 1));
  }
  h += "</tbody></table>\n</section>\n";
}

// The three tracks: every turn in tone, density and kind in time order, each with what moved, how
// strongly the data call for it and the events that explain it.
void TracksSection(std::string& h, const ReportData& d) {
  h += "<section id=\"tracks\">\n<h2>Three tracks: tone, density, kind</h2>\n";
  h += fmt::format(
      "<p class=\"sub\">A relation changes in its tone (net cooperation), its density ({}) and "
      "its kind (the sector mix). Each track is segmented on its own signal, so each turn has "
      "its own support.</p>\n",
      d.density.density_by_count ? "events per period: the record is a curated chronicle"
                                 : "the dyad's share of its two actors' events, so that the "
                                   "growth of the news does not count");
  if (d.track_turns.empty()) {
    h += "<p>No track turns: the relation holds one phase in each.</p>\n</section>\n";
    return;
  }
  h += "<table class=\"tracks\">\n<thead><tr><th>When</th><th>Track</th><th>What moved</th>"
       "<th class=\"num\">Support</th><th>Explained by</th></tr></thead>\n<tbody>\n";
  for (const analysis::TrackTurn& t : d.track_turns) {
    std::vector<std::string> events;
    for (size_t i = 0; i < t.events.size() && i < 2; ++i) {
      const Event& e = t.events[i].event;
      events.push_back(fmt::format("{}: {} {}", Escape(HumanDate(e.date, e.precision)),
                                   Escape(WhatHappened(e)), SourceCell(e)));
    }
    h += fmt::format(
        "<tr><td class=\"date\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
        "<td>{}</td></tr>\n",
        Escape(t.at), analysis::TrackName(t.track), Escape(TrackChangeText(t, d.options.period)),
        SupportText(t.support), fmt::join(events, "<br>"));
  }
  h += "</tbody></table>\n</section>\n";
}

void KeyEventsSection(std::string& h, const ReportData& d) {
  h += "<section id=\"key-events\">\n<h2>Key events</h2>\n";
  h += fmt::format(
      "<p class=\"sub\">The {} most salient events between {} and {}, scored on what kind of act "
      "it was, who acted, how widely it was reported and whether it was the first of its kind in "
      "years (near-duplicates merged).</p>\n",
      d.key_events.size(), Escape(d.a_name), Escape(d.b_name));
  h += "<table class=\"key-events\">\n<thead><tr><th>Date</th><th>Actors</th><th>What "
       "happened</th><th>Sector</th><th class=\"num\">Weight / "
       "why</th><th>Source</th></tr></thead>\n"
       "<tbody>\n";
  for (const analysis::KeyEvent& k : d.key_events) {
    const Event& e = k.event;
    std::string what = Escape(WhatHappened(e));
    std::string code_label = k.label.empty() ? std::string(EventCodeLabel(e.code)) : k.label;
    what += fmt::format("<br><span class=\"code\">{}</span> <span class=\"why\">{}</span>",
                        Escape(e.code), Escape(code_label));
    h += fmt::format(
        "<tr><td class=\"date\">{}</td><td>{} →<br>{}</td><td>{}</td><td><span "
        "class=\"tag\">{}</span></td><td class=\"weight\">{}<br><span class=\"why\">{}</span></td>"
        "<td>{}</td></tr>\n",
        Escape(FormatDate(e.date, e.precision)), ActorCell(e.source), ActorCell(e.target), what,
        Escape(SectorOf(e)), Fixed(k.salience, 1), Escape(k.why), SourceCell(e));
  }
  h += "</tbody></table>\n</section>\n";
}

void TriangleSection(std::string& h, const ReportData& d) {
  const ReportOptions& o = d.options;
  const std::string main = DyadLabel(o.a, o.b);
  h += "<section id=\"triangle\">\n<h2>The neighbourhood: related dyads</h2>\n";
  if (d.triangle_dyads.empty()) {
    h += "<p>The data hold no other dyads among the countries involved with enough events to "
         "compare.</p>\n</section>\n";
    return;
  }
  h += fmt::format(
      "<p class=\"sub\">{} beside the dyads among the countries both sides deal with most. r is "
      "the correlation of net cooperation per {} with {} (p from the effective sample size); "
      "the lead is the lag with the strongest correlation within ±3 {}.</p>\n",
      Escape(main), PeriodName(o.period), Escape(main), PeriodUnit(o.period, 3));
  h += "<table class=\"triangle\">\n<thead><tr><th>Dyad</th><th class=\"num\">Events</th>"
       "<th class=\"num\">r with " +
       Escape(main) +
       "</th><th>Lead / lag</th><th class=\"num\">r at lag</th></tr></thead>\n<tbody>\n";
  for (const TriangleDyad& t : d.triangle_dyads) {
    const std::string name = DyadLabel(t.a, t.b);
    h += fmt::format(
        "<tr><td>{} <span class=\"why\">{}–{}</span></td><td class=\"num\">{}</td><td "
        "class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
        Escape(name), Escape(ActorDisplayName(t.a)), Escape(ActorDisplayName(t.b)),
        Thousands(t.events), RText(t.vs_main.r, t.vs_main.p),
        Escape(LeadLagPhrase(t.vs_main, main, name, o.period)),
        RText(t.vs_main.r_at_lag, t.vs_main.p_at_lag));
  }
  h += "</tbody></table>\n";
  const std::vector<analysis::Series>& series = d.triangle.series;
  if (series.size() >= 2) {
    TimeFrame mini = TimeFrame::For(series[0], 320);
    mini.left = 34;
    mini.right = 10;
    mini.x = LinearScale{FractionalYear(mini.first), FractionalYear(mini.end), mini.left,
                         mini.width - mini.right};
    h += fmt::format(
        "<div class=\"legend\"><span><span class=\"ln\" style=\"border-color:{}\">"
        "</span>the dyad's net cooperation</span><span><span class=\"ln\" "
        "style=\"border-color:#B0B0B0\"></span>{} for reference</span></div>\n",
        palette::kBlue, Escape(main));
    h += "<div class=\"grid3\">\n";
    for (size_t i = 1; i < series.size() && i - 1 < d.triangle_dyads.size(); ++i) {
      const TriangleDyad& t = d.triangle_dyads[i - 1];
      h += fmt::format(
          "<div class=\"mini\"><h3>{}</h3><div class=\"stats\">{} events · r {}</div>\n{}</div>\n",
          Escape(DyadLabel(t.a, t.b)), Thousands(t.events), Signed(t.vs_main.r, 2),
          TriangleChart(series[i], series[0], mini));
    }
    h += "</div>\n";
  }
  h += "</section>\n";
}

void SectorSection(std::string& h, const ReportData& d, const TimeFrame& frame) {
  h += "<section id=\"sectors\">\n<h2>Sector mix over time</h2>\n";
  std::array<int64_t, analysis::kSectorCount> totals{};
  std::array<double, analysis::kSectorCount> coop{};
  int64_t all = 0;
  for (const analysis::SectorPoint& p : d.sectors) {
    totals[static_cast<int>(p.sector)] += p.events;
    coop[static_cast<int>(p.sector)] += p.net_coop * p.events;
    all += p.events;
  }
  h += "<div class=\"legend\">";
  for (int s = 0; s < analysis::kSectorCount; ++s) {
    h += fmt::format("<span><span class=\"sw\" style=\"background:{}\"></span>{} ({}%)</span>",
                     palette::kSector[s], analysis::SectorName(static_cast<analysis::Sector>(s)),
                     all > 0 ? Fixed(100.0 * totals[s] / all, 0) : "0");
  }
  h += "</div>\n";
  h += SectorChart(d.sectors, frame);
  h += "<table class=\"sector-totals\">\n<thead><tr><th>Sector</th><th class=\"num\">Events</th>"
       "<th class=\"num\">Share</th><th class=\"num\">Net cooperation</th></tr></thead>\n<tbody>\n";
  for (int s = 0; s < analysis::kSectorCount; ++s) {
    if (totals[s] == 0) continue;
    h += fmt::format(
        "<tr><td><span class=\"level\" style=\"background:{}\"></span>{}</td><td "
        "class=\"num\">{}</td><td class=\"num\">{}%</td><td class=\"num\">{}</td></tr>\n",
        palette::kSector[s], analysis::SectorName(static_cast<analysis::Sector>(s)),
        Thousands(totals[s]), Fixed(100.0 * totals[s] / all, 0),
        Signed(coop[s] / static_cast<double>(totals[s]), 2));
  }
  h += "</tbody></table>\n</section>\n";
}

void MethodsSection(std::string& h, const ReportData& d) {
  const ReportOptions& o = d.options;
  h += "<section class=\"methods\" id=\"methods\">\n<h2>Methods note</h2>\n";
  h += fmt::format(
      "<p>Data: <strong>{}</strong>{}. {} events between {} and {} from {} to {}, counted by {}. "
      "Events are CAMEO-coded (an actor does something to another actor); the dyad is "
      "undirected, so events in both directions count.</p>\n",
      Escape(o.source_description),
      o.source_is_chronicle
          ? " — entente's bundled, source-cited chronicle of Pakistan–Russia relations and their "
            "neighbours, each event with a citation"
          : "",
      Thousands(d.events), Escape(o.a), Escape(o.b), FormatDate(d.first_date),
      FormatDate(d.last_date), PeriodName(o.period));
  h += "<dl>\n";
  h += "<dt>Net cooperation</dt><dd>(cooperative − conflictual events) / all events in a period, "
       "from the CAMEO QuadClass: verbal and material cooperation against verbal and material "
       "conflict. −1 is all conflict, +1 all cooperation. Periods without events are left as "
       "gaps, not zeros.</dd>\n";
  h += "<dt>Mean Goldstein</dt><dd>The mean Goldstein (1992) score of the period's events, from "
       "−10 (military attack) to +10 (extend military assistance): how far each act moves the "
       "relation.</dd>\n";
  h += "<dt>Phases and turning points</dt><dd>Change points found without being told where to "
       "look (penalised likelihood, PELT) on each period's cooperation and Goldstein signal, with "
       "a minimum phase length of two periods. Each phase is labelled by its net cooperation "
       "(hostile, tense, neutral, cordial, close) and its fitted trend (warming, cooling, "
       "steady); each turn lists the most salient events near it in the direction of the "
       "turn. A turn's support is how much better the data fit with it than without it, as a "
       "multiple of the penalty a turn must pay (at least 1 for every turn found); a weaker turn "
       "is the best further split of a phase whose support falls short of 1 but passes the "
       "looser AIC penalty.</dd>\n";
  h += "<dt>Key events</dt><dd>Salience adds points for the kind of act (agreements, visits, "
       "military cooperation, force), the level of the actors (heads of state and government), "
       "media attention (articles), and novelty (first of its kind in the dyad in ten years); "
       "same-day, same-code duplicates are merged.</dd>\n";
  h += "<dt>Related dyads</dt><dd>Pearson correlation of net cooperation on a common grid; the "
       "p-value uses an effective sample size corrected for autocorrelation (Bretherton et al. "
       "1999); the lead is the lag of strongest correlation, its p-value Bonferroni-adjusted "
       "over the lags tried.</dd>\n";
  h += "<dt>Sectors</dt><dd>An event's sector is the one its source gives, else one inferred "
       "from its CAMEO code, its description and the actors' roles; diplomacy otherwise.</dd>\n";
  h += "</dl>\n<p>Full definitions and formulas: docs/METHODS.md in the entente sources; the "
       "JSON form of this report (<span class=\"code\">entente report " +
       Escape(o.a) + " " + Escape(o.b) +
       " --format json</span>) is described in docs/REPORT.md. Event data record what was "
       "reported, not everything that happened; read counts as attention, not as a census.</p>\n";
  h += "</section>\n";
}

}  // namespace

std::string RenderReportHtml(const ReportData& d) {
  TimeFrame frame = TimeFrame::For(d.phases.series, kWidth);
  std::string h;
  h.reserve(1 << 18);
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
       "style-src 'unsafe-inline'; img-src data:\">\n";
  h += fmt::format("<meta name=\"generator\" content=\"entente report v{}\">\n",
                   kReportFormatVersion);
  h +=
      fmt::format("<title>{}–{} relations · entente</title>\n", Escape(d.a_name), Escape(d.b_name));
  h += "<style>";
  h += ReportCss();
  h += "</style>\n</head>\n<body>\n";
  h += fmt::format("<main data-entente-report=\"{}\" data-dyad=\"{}\">\n", kReportFormatVersion,
                   Escape(DyadLabel(d.options.a, d.options.b)));
  Header(h, d);
  Summary(h, d);
  SeriesSection(h, d, frame);
  TracksSection(h, d);
  KeyEventsSection(h, d);
  TriangleSection(h, d);
  SectorSection(h, d, frame);
  MethodsSection(h, d);
  h += "<footer>Made with entente";
  if (!d.options.generated_at.empty()) {
    h += fmt::format(" on {}", Escape(d.options.generated_at));
  }
  h += ". This file is self-contained: it loads nothing from the network.</footer>\n";
  h += "</main>\n</body>\n</html>\n";
  return h;
}

}  // namespace entente::report
