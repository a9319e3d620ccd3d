// The progress line long commands draw on stderr (ingest, export, compact, report): a bar, how
// much is done, the rate and the time left, redrawn in place at most ten times a second, or a
// line of text naming the step under way. Drawn only when stderr is a terminal and --quiet is not
// given (ShowProgress), so pipes and logs get none of it.
#ifndef ENTENTE_CLI_PROGRESS_H_
#define ENTENTE_CLI_PROGRESS_H_

#include <chrono>
#include <string>

namespace entente::cli {

// 950, 12.3k, 4.5M, 1.2G.
std::string Human(double v);

// The line for `done` of `total` units (a fraction of the bar) after `seconds`; `extra` is
// appended (ingest adds its MB/s). total <= 0: no bar or time left, only the count and rate.
std::string ProgressText(double done, double total, double seconds, const std::string& unit,
                         const std::string& extra = "");

class ProgressLine {
 public:
  ProgressLine(bool shown, std::string unit);
  ~ProgressLine();  // ends the line if anything was drawn
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Cheap to call per row: draws only when a tenth of a second has passed since the last draw.
  void Update(double done, double total, const std::string& extra = "");
  // For callbacks that come every few thousand rows: reads the clock on every call, draws at
  // most ten times a second, and always the call that reaches `total`, so the line ends full.
  void Tick(double done, double total, const std::string& extra = "");
  // Draws now, whatever the time (a callback that is already throttled).
  void Draw(double done, double total, const std::string& extra = "");
  // Draws `text` in place of the bar, now (work told in steps rather than units).
  void DrawText(const std::string& text);
  void Finish();
  double seconds() const;

 private:
  bool Due();  // a tenth of a second since the last draw; restarts the wait when true
  bool shown_;
  bool drawn_ = false;
  std::string unit_;
  std::chrono::steady_clock::time_point start_, last_;
  int calls_ = 0;
};

}  // namespace entente::cli

#endif  // ENTENTE_CLI_PROGRESS_H_
