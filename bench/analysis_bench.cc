// The entente side of bench/run_analysis.sh: opens a store built by `entente ingest` and times,
// warm (median of N runs after one warm-up), the analyses DuckDB mirrors in scan_duckdb.mjs:
//   scan    analysis::ScanDyads: every dyad, last year vs the year before, >= 10 events in each,
//           z against its history (one Aggregate by dyad and year, then the ranking)
//   phases  analysis::FindPhases on one dense dyad by month (series Aggregate, moments Scan, PELT,
//           turning-event scans). DuckDB cannot express PELT; scan_duckdb.mjs times the part SQL
//           can do (the dyad's monthly aggregate) as a reference, not as the same work.
// Usage: analysis_bench STORE_DIR RUNS A B. Prints name<TAB>median_ms<TAB>result.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "store/store.h"

namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <class F>
double TimeMedian(int runs, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i <= runs; ++i) {  // run 0 is the warm-up
    auto t0 = std::chrono::steady_clock::now();
    f();
    auto t1 = std::chrono::steady_clock::now();
    if (i > 0) ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  return Median(ms);
}

int Run(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: analysis_bench STORE_DIR RUNS A B\n");
    return 2;
  }
  const int runs = std::atoi(argv[2]);
  const std::string a = argv[3], b = argv[4];
  auto store = entente::store::Store::Open(argv[1], entente::store::OpenMode::kRead);
  if (!store.ok()) {
    std::fprintf(stderr, "analysis_bench: %s\n", store.status().ToString().c_str());
    return 1;
  }
  entente::EventSource& source = **store;

  entente::analysis::ScanOptions so;  // year, window 1, min 10 events, top 20, rank by change
  entente::analysis::ScanResult scan;
  double scan_ms = TimeMedian(runs, [&] {
    auto r = entente::analysis::ScanDyads(source, so);
    if (!r.ok()) {
      std::fprintf(stderr, "analysis_bench: %s\n", r.status().ToString().c_str());
      std::exit(1);
    }
    scan = std::move(*r);
  });
  std::string top = scan.rows.empty() ? "-"
                                      : scan.rows[0].a + "-" + scan.rows[0].b + " " +
                                            std::to_string(scan.rows[0].change);
  std::printf("scan\t%.2f\t%zu rows of %lld dyads, top %s\n", scan_ms, scan.rows.size(),
              static_cast<long long>(scan.dyads_considered), top.c_str());

  entente::analysis::SeriesOptions series;
  series.period = entente::Period::kMonth;
  entente::analysis::PhaseOptions po;
  entente::analysis::PhaseResult phases;
  double phases_ms = TimeMedian(runs, [&] {
    auto r = entente::analysis::FindPhases(source, a, b, series, po);
    if (!r.ok()) {
      std::fprintf(stderr, "analysis_bench: %s\n", r.status().ToString().c_str());
      std::exit(1);
    }
    phases = std::move(*r);
  });
  std::printf("phases\t%.2f\t%zu phases over %zu months, %lld events\n", phases_ms,
              phases.phases.size(), phases.series.points.size(),
              static_cast<long long>(phases.series.total_events()));
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
