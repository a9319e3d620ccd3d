#include "report/svg.h"

#include <fmt/format.h>

#include <cmath>

#include "report/html_text.h"

namespace entente::report {

std::vector<double> NiceTicks(double lo, double hi, int target, bool integer) {
  std::vector<double> ticks;
  if (!(hi > lo) || target < 1) {
    ticks.push_back(lo);
    return ticks;
  }
  double raw = (hi - lo) / target;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (integer && (m * mag < 1 || m * mag != std::floor(m * mag))) continue;
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  }
  if (integer) step = std::max(step, 1.0);
  double start = std::ceil(lo / step - 1e-9) * step;
  for (double v = start; v <= hi + step * 1e-9; v += step) {
    ticks.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
  }
  return ticks;
}

std::vector<int> YearTicks(int first_year, int last_year, int target) {
  std::vector<int> ticks;
  int span = last_year - first_year;
  int step = 50;
  for (int s : {1, 2, 5, 10, 20, 25, 50}) {
    if (span / s <= target) {
      step = s;
      break;
    }
  }
  int start = (first_year + step - 1) / step * step;
  if (first_year < 0) start = first_year;  // not expected; keep something sane
  for (int y = start; y <= last_year; y += step) ticks.push_back(y);
  if (ticks.empty()) ticks.push_back(first_year);
  return ticks;
}

Svg::Svg(double width, double height, std::string_view css_class, std::string_view aria_label)
    : width_(width), height_(height) {
  out_ = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{}\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-label=\"{}\">\n",
      Escape(css_class), Coord(width), Coord(height), Escape(aria_label));
}

namespace {
std::string TitleElement(std::string_view title) {
  return title.empty() ? std::string() : fmt::format("<title>{}</title>", Escape(title));
}
}  // namespace

void Svg::Rect(double x, double y, double w, double h, std::string_view attrs,
               std::string_view title) {
  if (w < 0) {
    x += w;
    w = -w;
  }
  if (h < 0) {
    y += h;
    h = -h;
  }
  if (title.empty()) {
    out_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>\n", Coord(x),
                        Coord(y), Coord(w), Coord(h), attrs);
  } else {
    out_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}>{}</rect>\n",
                        Coord(x), Coord(y), Coord(w), Coord(h), attrs, TitleElement(title));
  }
}

void Svg::Line(double x1, double y1, double x2, double y2, std::string_view attrs) {
  out_ += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}/>\n", Coord(x1), Coord(y1),
                      Coord(x2), Coord(y2), attrs);
}

void Svg::Circle(double cx, double cy, double r, std::string_view attrs, std::string_view title) {
  if (title.empty()) {
    out_ += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {}/>\n", Coord(cx), Coord(cy),
                        Coord(r), attrs);
  } else {
    out_ += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {}>{}</circle>\n", Coord(cx),
                        Coord(cy), Coord(r), attrs, TitleElement(title));
  }
}

void Svg::Text(double x, double y, std::string_view text, std::string_view anchor,
               std::string_view attrs) {
  out_ += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" {}>{}</text>\n", Coord(x),
                      Coord(y), anchor, attrs, Escape(text));
}

void Svg::Polyline(const std::vector<std::pair<double, double>>& points, std::string_view attrs,
                   std::string_view title) {
  std::string d;
  bool pen_down = false;
  for (size_t i = 0; i < points.size(); ++i) {
    auto [x, y] = points[i];
    if (std::isnan(y)) {
      pen_down = false;
      continue;
    }
    bool next_ok = i + 1 < points.size() && !std::isnan(points[i + 1].second);
    if (!pen_down && !next_ok) {
      // A lone point: a zero-length segment with round caps draws a dot of the stroke width.
      d += fmt::format("M{} {}h0", Coord(x), Coord(y));
      continue;
    }
    d += fmt::format("{}{} {}", pen_down ? "L" : "M", Coord(x), Coord(y));
    pen_down = true;
  }
  if (d.empty()) return;
  out_ += fmt::format("<path d=\"{}\" fill=\"none\" stroke-linecap=\"round\" {}>{}</path>\n", d,
                      attrs, TitleElement(title));
}

void Svg::Band(const std::vector<BandPoint>& points, double lone_width, std::string_view attrs,
               std::string_view title) {
  std::string d;
  auto missing = [](const BandPoint& p) { return std::isnan(p.lo) || std::isnan(p.hi); };
  for (size_t i = 0; i < points.size();) {
    if (missing(points[i])) {
      ++i;
      continue;
    }
    size_t end = i;  // one past the run of points with values
    while (end < points.size() && !missing(points[end])) ++end;
    if (end - i == 1) {
      const BandPoint& p = points[i];
      d += fmt::format("M{} {}H{}V{}H{}Z", Coord(p.x - lone_width / 2), Coord(p.hi),
                       Coord(p.x + lone_width / 2), Coord(p.lo), Coord(p.x - lone_width / 2));
    } else {
      for (size_t j = i; j < end; ++j) {
        d += fmt::format("{}{} {}", j == i ? "M" : "L", Coord(points[j].x), Coord(points[j].hi));
      }
      for (size_t j = end; j-- > i;)
        d += fmt::format("L{} {}", Coord(points[j].x), Coord(points[j].lo));
      d += "Z";
    }
    i = end;
  }
  if (d.empty()) return;
  out_ += fmt::format("<path d=\"{}\" {}>{}</path>\n", d, attrs, TitleElement(title));
}

void Svg::Raw(std::string_view markup) { out_ += markup; }

void Svg::OpenGroup(std::string_view attrs) { out_ += fmt::format("<g {}>\n", attrs); }

void Svg::CloseGroup() { out_ += "</g>\n"; }

std::string Svg::Finish() {
  out_ += "</svg>\n";
  return std::move(out_);
}

}  // namespace entente::report
