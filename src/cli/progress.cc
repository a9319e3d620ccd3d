#include "cli/progress.h"

#include <fmt/format.h>

#include <cstdio>

namespace entente::cli {

std::string Human(double v) {
  if (v >= 1e9) return fmt::format("{:.1f}G", v / 1e9);
  if (v >= 1e6) return fmt::format("{:.1f}M", v / 1e6);
  if (v >= 1e3) return fmt::format("{:.1f}k", v / 1e3);
  return fmt::format("{:.0f}", v);
}

std::string ProgressText(double done, double total, double seconds, const std::string& unit,
                         const std::string& extra) {
  if (seconds <= 0) seconds = 1e-3;
  std::string rate = Human(done / seconds);
  if (total <= 0) return fmt::format("{} {}  {} {}/s{}", Human(done), unit, rate, unit, extra);
  double frac = std::min(1.0, done / total);
  const int width = 24;
  int fill = static_cast<int>(frac * width);
  std::string eta = "--:--";
  if (frac > 0.01) {
    int left = static_cast<int>(seconds / frac - seconds);
    eta = fmt::format("{}:{:02d}", left / 60, left % 60);
  }
  return fmt::format("[{}{}] {:3.0f}% {} {}  {} {}/s{}  ETA {}", std::string(fill, '='),
                     std::string(width - fill, ' '), frac * 100, Human(done), unit, rate, unit,
                     extra, eta);
}

ProgressLine::ProgressLine(bool shown, std::string unit)
    : shown_(shown),
      unit_(std::move(unit)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

ProgressLine::~ProgressLine() { Finish(); }

double ProgressLine::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

bool ProgressLine::Due() {
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return false;
  last_ = now;
  return true;
}

void ProgressLine::Update(double done, double total, const std::string& extra) {
  if (!shown_ || ++calls_ % 1024 != 0) return;  // the clock is read once per 1024 rows
  if (Due()) Draw(done, total, extra);
}

void ProgressLine::Tick(double done, double total, const std::string& extra) {
  if (!shown_) return;
  bool last = total > 0 && done >= total;
  if (Due() || last) Draw(done, total, extra);
}

void ProgressLine::Draw(double done, double total, const std::string& extra) {
  if (!shown_) return;
  std::fprintf(stderr, "\r%s   ", ProgressText(done, total, seconds(), unit_, extra).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::DrawText(const std::string& text) {
  if (!shown_) return;
  // Erases to the end of the line: the step before may have had a longer name.
  std::fprintf(stderr, "\r%s\033[K", text.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::Finish() {
  if (drawn_) std::fprintf(stderr, "\n");
  drawn_ = false;
}

}  // namespace entente::cli
