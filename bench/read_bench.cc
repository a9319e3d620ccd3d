// Read throughput of the event readers on one file, one thread: MB/s and rows/s, best of N timed
// runs after one warm-up (page cache warm, as for the DuckDB baseline run beside it by
// bench/run_read.sh). The visitor sums a few fields so the parse cannot be skipped, and prints
// them so the answer can be checked against DuckDB's.
//
// Usage: read_bench FILE [RUNS]   (default 5 runs)
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "io/reader.h"

namespace {

double CpuSeconds() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Answer {
  int64_t rows = 0;
  double goldstein = 0;
  int64_t mentions = 0;
  double tone = 0;
  int32_t max_date = INT32_MIN;
};

}  // namespace

int main(int argc, char** argv) {
  using namespace entente;
  if (argc < 2) {
    std::fprintf(stderr, "usage: read_bench FILE [RUNS]\n");
    return 2;
  }
  std::string path = argv[1];
  int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<double> seconds, cpu;
  Answer answer;
  io::ReadStats stats;
  for (int run = 0; run <= runs; ++run) {  // run 0 is the warm-up
    Answer a;
    stats = io::ReadStats();
    double c0 = CpuSeconds();
    auto t0 = std::chrono::steady_clock::now();
    Status st = io::ReadEventFile(
        path, io::ReadOptions(),
        [&a](const EventRow& e) {
          ++a.rows;
          if (!std::isnan(e.goldstein)) a.goldstein += e.goldstein;
          a.mentions += e.mentions;
          if (!std::isnan(e.tone)) a.tone += e.tone;
          a.max_date = std::max(a.max_date, e.date);
          return true;
        },
        &stats);
    auto t1 = std::chrono::steady_clock::now();
    double c1 = CpuSeconds();
    if (!st.ok()) {
      std::fprintf(stderr, "read_bench: %s\n", st.ToString().c_str());
      return 1;
    }
    if (run > 0) {
      seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
      cpu.push_back(c1 - c0);
    }
    answer = a;
  }
  std::sort(seconds.begin(), seconds.end());
  std::sort(cpu.begin(), cpu.end());
  double best = seconds.front(), median = seconds[seconds.size() / 2], best_cpu = cpu.front();
  double mb = static_cast<double>(stats.bytes) / 1e6;
  // Wall time is what a user waits; CPU time (user + system) is the cost when the machine is
  // shared and wall time mostly measures waiting for a core.
  fmt::print(
      "entente  rows={} rejected={} bytes={} best={:.3f}s median={:.3f}s cpu={:.3f}s  "
      "{:.1f} MB/s  {:.2f} M rows/s  cpu: {:.1f} MB/s  {:.2f} M rows/s\n",
      answer.rows, stats.rejected, stats.bytes, best, median, best_cpu, mb / best,
      static_cast<double>(answer.rows) / best / 1e6, mb / best_cpu,
      static_cast<double>(answer.rows) / best_cpu / 1e6);
  fmt::print(
      "entente  answer: count={} sum_goldstein={:.1f} sum_mentions={} sum_tone={:.1f} "
      "max_date={}\n",
      answer.rows, answer.goldstein, answer.mentions, answer.tone, FormatDate(answer.max_date));
  return 0;
}
