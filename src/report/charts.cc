#include "report/charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "report/headline.h"
#include "report/html_text.h"
#include "report/palette.h"

namespace entente::report {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Rough width of a label in the 11 px sans-serif the page uses: enough to decide whether a phase
// label fits its band (a too-narrow band keeps its label in the tooltip and the phase table).
double TextWidth(std::string_view text, double px) { return 0.58 * px * text.size(); }

std::string_view TrendArrow(std::string_view trend) {
  if (trend == "warming") return "\u2197";  // ↗
  if (trend == "cooling") return "\u2198";  // ↘
  return "\u2192";                          // →
}

// Horizontal grid lines and left-side labels for `ticks` (values mapped by `y`).
void DrawYGrid(Svg& svg, const TimeFrame& f, const LinearScale& y, const std::vector<double>& ticks,
               int decimals, bool sign) {
  for (double t : ticks) {
    double py = y(t);
    svg.Line(f.left, py, f.width - f.right, py, t == 0 ? "class=\"zero\"" : "class=\"grid\"");
    // (Built with fmt: GCC 12 warns falsely on assigning a literal to a std::string here.)
    std::string label = fmt::format("{}", sign && t == 0 ? std::string_view("0") : "");
    if (label.empty()) label = sign ? Signed(t, decimals) : Fixed(t, decimals);
    svg.Text(f.left - 6, py + 4, label, "end", "class=\"tick\"");
  }
}

}  // namespace

TimeFrame TimeFrame::For(const analysis::Series& series, double width) {
  TimeFrame f;
  f.width = width;
  f.period = series.period;
  if (!series.points.empty()) {
    f.first = series.points.front().period;
    f.end = NextPeriodStart(series.points.back().period, series.period);
  } else {
    f.first = 0;
    f.end = 365;
  }
  f.x = LinearScale{FractionalYear(f.first), FractionalYear(f.end), f.left, width - f.right};
  return f;
}

double TimeFrame::X(Days d) const { return x(FractionalYear(d)); }

double TimeFrame::PeriodRight(Days start) const { return X(NextPeriodStart(start, period)); }

void DrawTimeAxis(Svg& svg, const TimeFrame& f, double top, double bottom, int target_ticks) {
  int first_year = CivilFromDays(f.first).year;
  int last_year = CivilFromDays(f.end - 1).year;
  if (CivilFromDays(f.first).month != 1 || CivilFromDays(f.first).day != 1) ++first_year;
  svg.Line(f.left, bottom, f.width - f.right, bottom, "class=\"axis\"");
  for (int year : YearTicks(first_year, last_year, target_ticks)) {
    double px = f.X(DaysFromCivil(year, 1, 1));
    if (px < f.left - 0.5 || px > f.width - f.right + 0.5) continue;
    svg.Line(px, top, px, bottom, "class=\"vgrid\"");
    svg.Line(px, bottom, px, bottom + 4, "class=\"axis\"");
    svg.Text(px, bottom + 16, fmt::format("{}", year), "middle", "class=\"tick\"");
  }
}

std::string SeriesChart(const analysis::PhaseResult& pr, const TimeFrame& f) {
  const double height = 400, marker_y = 12, label_y = 38, top = 50, bottom = height - 28;
  const double band_top = 24;
  Svg svg(f.width, height, "chart series-chart",
          "Net cooperation and mean Goldstein over time, with phases and turning points");
  LinearScale y{-1, 1, bottom, top};
  const std::vector<analysis::SeriesPoint>& points = pr.series.points;

  // Phase bands with their labels.
  svg.OpenGroup("class=\"phases\"");
  for (size_t i = 0; i < pr.phases.size(); ++i) {
    const analysis::Phase& p = pr.phases[i];
    double x0 = f.X(p.start), x1 = f.X(p.end + 1);
    std::string range = p.start_label == p.end_label
                            ? p.start_label
                            : fmt::format("{}–{}", p.start_label, p.end_label);
    std::string title = fmt::format("{}: {}, {} (net cooperation {}, Goldstein {}, {} events)",
                                    range, p.label, p.trend, Signed(p.net_coop, 2),
                                    Signed(p.goldstein_mean, 1), Thousands(p.events));
    svg.Rect(x0, band_top, x1 - x0, bottom - band_top,
             fmt::format("fill=\"{}\" class=\"band band-{}\"", palette::LevelColour(p.label),
                         Escape(p.label)),
             title);
    std::string label = fmt::format("{} {}", p.label, TrendArrow(p.trend));
    if (TextWidth(label, 11) + 6 <= x1 - x0) {
      svg.Text((x0 + x1) / 2, label_y, label, "middle", "class=\"band-label\"");
    } else if (TextWidth(TrendArrow(p.trend), 11) + 4 <= x1 - x0) {
      svg.Text((x0 + x1) / 2, label_y, TrendArrow(p.trend), "middle", "class=\"band-label\"");
    }
  }
  svg.CloseGroup();

  DrawYGrid(svg, f, y, {-1, -0.5, 0, 0.5, 1}, 1, true);
  for (double g : {-10.0, -5.0, 0.0, 5.0, 10.0}) {
    svg.Text(f.width - f.right + 6, y(g / 10) + 4, g == 0 ? "0" : Signed(g, 0), "start",
             "class=\"tick tick-right\"");
  }
  svg.Text(14, (top + bottom) / 2, "net cooperation", "middle",
           fmt::format("class=\"axis-title\" transform=\"rotate(-90 14 {})\"",
                       Coord((top + bottom) / 2)));
  svg.Text(f.width - 12, (top + bottom) / 2, "mean Goldstein", "middle",
           fmt::format("class=\"axis-title\" transform=\"rotate(90 {} {})\"", Coord(f.width - 12),
                       Coord((top + bottom) / 2)));
  DrawTimeAxis(svg, f, top, bottom, 12);

  // Turning points: a dashed rule at each phase start after the first, numbered.
  svg.OpenGroup("class=\"turns\"");
  for (size_t i = 1; i < pr.phases.size(); ++i) {
    const analysis::Phase& p = pr.phases[i];
    double x = f.X(p.start);
    svg.Line(x, marker_y + 8, x, bottom, "class=\"turn-rule\"");
    std::string title = fmt::format("Turning point {}: {}", i, p.start_label);
    if (!p.turning_events.empty()) {
      const Event& e = p.turning_events.front().event;
      title += fmt::format(" — {}: {}", HumanDate(e.date, e.precision), WhatHappened(e));
    }
    svg.Circle(x, marker_y, 8, "class=\"turn-marker\"", title);
    svg.Text(x, marker_y + 4, fmt::format("{}", i), "middle", "class=\"turn-number\"");
  }
  // Weaker turns (hinted at, not established): a faint dotted rule and a hollow marker.
  for (const analysis::WeakerTurn& t : pr.weaker_turns) {
    double x = f.X(points[t.index].period);
    svg.Line(x, marker_y + 5, x, bottom, "class=\"weak-rule\"");
    svg.Circle(x, marker_y, 4.5, "class=\"weak-marker\"",
               fmt::format("Weaker turn: {} (net cooperation {} → {}, support {}; not a phase)",
                           t.label, Signed(t.net_coop_before, 2), Signed(t.net_coop_after, 2),
                           Fixed(t.support, 2)));
  }
  svg.CloseGroup();

  // The lines: a gap where a period has no events (zero there would read as "neutral").
  std::vector<std::pair<double, double>> net, gold;
  for (const analysis::SeriesPoint& p : points) {
    double x = f.PeriodMid(p.period);
    net.emplace_back(x, p.events > 0 ? y(p.net_coop) : kNaN);
    gold.emplace_back(x, p.goldstein_weight > 0 ? y(p.goldstein_mean / 10) : kNaN);
  }
  // The 90% interval of net cooperation under its line: how far the value could plausibly be.
  std::vector<Svg::BandPoint> band;
  for (const analysis::SeriesPoint& p : points) {
    bool has = p.events > 0;
    band.push_back(
        {f.PeriodMid(p.period), has ? y(p.net_coop_lo) : kNaN, has ? y(p.net_coop_hi) : kNaN});
  }
  svg.Band(band, 4,
           fmt::format("class=\"interval\" fill=\"{}\" fill-opacity=\"0.12\"", palette::kNetCoop),
           "90% interval of net cooperation");
  svg.Polyline(gold,
               fmt::format("class=\"line line-goldstein\" stroke=\"{}\"", palette::kGoldstein),
               "mean Goldstein (right axis)");
  svg.Polyline(net, fmt::format("class=\"line line-net\" stroke=\"{}\"", palette::kNetCoop),
               "net cooperation (left axis)");
  svg.OpenGroup("class=\"points\"");
  for (const analysis::SeriesPoint& p : points) {
    if (p.events == 0) continue;
    svg.Circle(
        f.PeriodMid(p.period), y(p.net_coop), 2.6,
        fmt::format("fill=\"{}\" class=\"point\"", palette::kNetCoop),
        fmt::format("{}: {} events, net cooperation {} (90% {} to {}), mean Goldstein {}", p.label,
                    Thousands(p.events), Signed(p.net_coop, 2), Signed(p.net_coop_lo, 2),
                    Signed(p.net_coop_hi, 2), Signed(p.goldstein_mean, 1)));
  }
  svg.CloseGroup();
  return svg.Finish();
}

namespace {

// The axes of a chart of event counts from 0 to at least `max`: y grid with about `ticks` ticks,
// the "events" title, the time axis. Returns the y scale.
LinearScale DrawEventAxes(Svg& svg, const TimeFrame& f, double max, int target_ticks, double top,
                          double bottom) {
  std::vector<double> ticks = NiceTicks(0, max, target_ticks, true);
  if (ticks.back() < max) ticks.push_back(ticks.back() + (ticks.size() > 1 ? ticks[1] : max));
  LinearScale y{0, ticks.back(), bottom, top};
  DrawYGrid(svg, f, y, ticks, 0, false);
  svg.Text(14, (top + bottom) / 2, "events", "middle",
           fmt::format("class=\"axis-title\" transform=\"rotate(-90 14 {})\"",
                       Coord((top + bottom) / 2)));
  DrawTimeAxis(svg, f, top, bottom, 12);
  return y;
}

}  // namespace

std::string VolumeChart(const analysis::Series& s, const TimeFrame& f) {
  const double height = 170, top = 12, bottom = height - 28;
  Svg svg(f.width, height, "chart volume-chart", "Events per period by QuadClass");
  double max = 0;
  for (const analysis::SeriesPoint& p : s.points) max = std::max(max, p.weight);
  if (max <= 0) max = 1;
  const LinearScale y = DrawEventAxes(svg, f, max, 3, top, bottom);
  static constexpr const char* kQuadNames[4] = {"verbal cooperation", "material cooperation",
                                                "verbal conflict", "material conflict"};
  for (const analysis::SeriesPoint& p : s.points) {
    if (p.weight <= 0) continue;
    double x0 = f.PeriodLeft(p.period), x1 = f.PeriodRight(p.period);
    double w = std::max(1.0, (x1 - x0) * 0.8), x = x0 + ((x1 - x0) - w) / 2;
    double parts[5] = {p.vcoop, p.mcoop, p.vconf, p.mconf, 0};
    parts[4] = std::max(0.0, p.weight - parts[0] - parts[1] - parts[2] - parts[3]);
    double base = 0;
    for (int q = 0; q < 5; ++q) {
      if (parts[q] <= 0) continue;
      std::string colour(q < 4 ? palette::kQuad[q] : palette::kGrey);
      svg.Rect(x, y(base + parts[q]), w, y(base) - y(base + parts[q]),
               fmt::format("fill=\"{}\"", colour),
               fmt::format("{}: {} {} of {} events", p.label, Fixed(parts[q], 0),
                           q < 4 ? kQuadNames[q] : "unclassified", Thousands(p.events)));
      base += parts[q];
    }
  }
  return svg.Finish();
}

std::string SectorChart(const std::vector<analysis::SectorPoint>& sectors, const TimeFrame& f) {
  const double height = 210, top = 12, bottom = height - 28;
  Svg svg(f.width, height, "chart sector-chart", "Events per period by sector");
  std::map<Days, double> totals;
  for (const analysis::SectorPoint& p : sectors) totals[p.period] += p.weight;
  double max = 1;
  for (const auto& [period, total] : totals) max = std::max(max, total);
  const LinearScale y = DrawEventAxes(svg, f, max, 4, top, bottom);
  std::map<Days, double> base;
  for (const analysis::SectorPoint& p : sectors) {  // periods in order, sectors in enum order
    if (p.weight <= 0) continue;
    double x0 = f.PeriodLeft(p.period), x1 = f.PeriodRight(p.period);
    double w = std::max(1.0, (x1 - x0) * 0.8), x = x0 + ((x1 - x0) - w) / 2;
    double& b = base[p.period];
    int s = static_cast<int>(p.sector);
    svg.Rect(
        x, y(b + p.weight), w, y(b) - y(b + p.weight),
        fmt::format("fill=\"{}\" class=\"sector-{}\"", palette::kSector[s],
                    analysis::SectorName(p.sector)),
        fmt::format("{} · {}: {} events, net cooperation {}", p.label,
                    analysis::SectorName(p.sector), Thousands(p.events), Signed(p.net_coop, 2)));
    b += p.weight;
  }
  return svg.Finish();
}

std::string TriangleChart(const analysis::Series& dyad, const analysis::Series& main,
                          const TimeFrame& f) {
  const double height = 130, top = 8, bottom = height - 24;
  Svg svg(
      f.width, height, "chart mini-chart",
      fmt::format("Net cooperation of {}–{} with {}–{} in grey", dyad.a, dyad.b, main.a, main.b));
  LinearScale y{-1, 1, bottom, top};
  DrawYGrid(svg, f, y, {-1, 0, 1}, 0, true);
  DrawTimeAxis(svg, f, top, bottom, 4);
  auto line = [&](const analysis::Series& s) {
    std::vector<std::pair<double, double>> pts;
    for (const analysis::SeriesPoint& p : s.points) {
      pts.emplace_back(f.PeriodMid(p.period), p.events > 0 ? y(p.net_coop) : kNaN);
    }
    return pts;
  };
  svg.Polyline(line(main), "class=\"line line-main\" stroke=\"#B0B0B0\"",
               fmt::format("{}–{}", main.a, main.b));
  svg.Polyline(line(dyad), fmt::format("class=\"line line-dyad\" stroke=\"{}\"", palette::kBlue),
               fmt::format("{}–{}", dyad.a, dyad.b));
  return svg.Finish();
}

}  // namespace entente::report
