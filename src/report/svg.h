// A small SVG writer for the report's charts: linear scales, "nice" ticks, and the few shapes the
// charts use (rect, path, line, text, circle), each with an optional <title> that browsers show
// as a tooltip, so the report needs no script for hover details.
//
// Why hand-written: the report must open offline with no library fetched (no CDN, no fonts), and
// every chart is a few hundred elements, so string building is all it needs. Coordinates are
// rounded to 0.1 px to keep files small (a 78-year yearly report is about 150 KB).
#ifndef ENTENTE_REPORT_SVG_H_
#define ENTENTE_REPORT_SVG_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace entente::report {

// Maps [d0, d1] (data) onto [r0, r1] (pixels); r1 < r0 for a y axis that grows upwards.
struct LinearScale {
  double d0 = 0, d1 = 1, r0 = 0, r1 = 1;
  double operator()(double v) const {
    return d1 == d0 ? r0 : r0 + (v - d0) / (d1 - d0) * (r1 - r0);
  }
};

// Round tick values covering [lo, hi] with about `target` ticks, steps of 1, 2, 2.5 or 5 x 10^k.
// `integer`: whole-number steps only (event counts), so never 2.5 and never below 1.
std::vector<double> NiceTicks(double lo, double hi, int target, bool integer = false);

// Year ticks for a time axis from `first_year` to `last_year` (inclusive): whole years, step 1,
// 2, 5, 10, 20, 25 or 50 so that about `target` ticks show.
std::vector<int> YearTicks(int first_year, int last_year, int target);

class Svg {
 public:
  // `css_class` goes on the root <svg>; the drawing is scaled to its container by viewBox.
  Svg(double width, double height, std::string_view css_class, std::string_view aria_label);

  // Each shape takes `attrs`: extra attributes written as is (callers escape values) and `title`:
  // tooltip text (escaped here; empty for none).
  void Rect(double x, double y, double w, double h, std::string_view attrs,
            std::string_view title = "");
  void Line(double x1, double y1, double x2, double y2, std::string_view attrs);
  void Circle(double cx, double cy, double r, std::string_view attrs, std::string_view title = "");
  // `anchor`: start, middle or end. Text is escaped here.
  void Text(double x, double y, std::string_view text, std::string_view anchor,
            std::string_view attrs = "");
  // A polyline through `points`; a NaN y breaks the line (gaps for periods with no events). A
  // point with no neighbour on either side becomes a dot (a zero-length round-capped segment).
  // Nothing is written when every y is NaN.
  void Polyline(const std::vector<std::pair<double, double>>& points, std::string_view attrs,
                std::string_view title = "");
  // A filled band between a lower and an upper line, {x, y_lo, y_hi} per point; a NaN breaks it
  // (no band where there is no value). A lone point becomes a vertical bar of width `lone_width`.
  struct BandPoint {
    double x, lo, hi;
  };
  void Band(const std::vector<BandPoint>& points, double lone_width, std::string_view attrs,
            std::string_view title = "");
  void Raw(std::string_view markup);
  void OpenGroup(std::string_view attrs);
  void CloseGroup();

  double width() const { return width_; }
  double height() const { return height_; }
  std::string Finish();

 private:
  double width_, height_;
  std::string out_;
};

}  // namespace entente::report

#endif  // ENTENTE_REPORT_SVG_H_
