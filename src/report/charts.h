// The report's charts, each a complete inline <svg> string drawn from analysis results:
//   SeriesChart    net cooperation and mean Goldstein over time, phases as tinted bands with
//                  their level and trend, turning points as numbered markers (the numbers key the
//                  "Turning points" list under the chart)
//   VolumeChart    events per period stacked by QuadClass, on the same time axis
//   SectorChart    events per period stacked by sector
//   TriangleChart  one neighbouring dyad's net cooperation with the main dyad's in grey behind
// All time charts share one horizontal layout (TimeFrame) so that a year sits at the same x in
// every chart of the page and they read as one figure.
#ifndef ENTENTE_REPORT_CHARTS_H_
#define ENTENTE_REPORT_CHARTS_H_

#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "report/svg.h"

namespace entente::report {

struct TimeFrame {
  double width = 960;
  double left = 56, right = 56;  // margins: room for the y axis labels on both sides
  Period period = Period::kYear;
  Days first = 0, end = 0;  // first period start, start of the period after the last
  LinearScale x;            // fractional year -> px

  static TimeFrame For(const analysis::Series& series, double width);
  double X(Days d) const;  // left edge of the day
  double PeriodLeft(Days start) const { return X(start); }
  double PeriodRight(Days start) const;
  double PeriodMid(Days start) const { return (PeriodLeft(start) + PeriodRight(start)) / 2; }
};

std::string SeriesChart(const analysis::PhaseResult& phases, const TimeFrame& frame);
std::string VolumeChart(const analysis::Series& series, const TimeFrame& frame);
std::string SectorChart(const std::vector<analysis::SectorPoint>& sectors, const TimeFrame& frame);
// `main` is drawn in grey behind `dyad`; both on the same grid (from one Comparison).
std::string TriangleChart(const analysis::Series& dyad, const analysis::Series& main,
                          const TimeFrame& frame);

// The x axis with year ticks and labels at the bottom of a plot area [top, bottom].
void DrawTimeAxis(Svg& svg, const TimeFrame& frame, double top, double bottom, int target_ticks);

}  // namespace entente::report

#endif  // ENTENTE_REPORT_CHARTS_H_
