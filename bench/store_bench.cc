// The store side of bench/run_store.sh: opens a store built by `entente ingest` and times, warm,
// the queries DuckDB runs in bench/store_duckdb.mjs (median of N runs, after one warm-up):
//   dyad_series  one dyad's monthly series by QuadClass with Goldstein sums, both directions
//   full_scan    events (and Goldstein sums) by root code and year over the whole store (served
//                by the segments' period cubes), and full_scan_rows: the same from the rows
// Usage: store_bench STORE_DIR RUNS A B [QUERY]. Prints name<TAB>median_ms<TAB>result, like the
// baseline (groups, events and the Goldstein sum, to check both answered the same).
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "store/store.h"

namespace {

using entente::AggregateQuery;
using entente::AggregateRow;

// CPU time of the whole process (all threads), in ms: the fair figure when other work shares
// the cores (wall time then measures waiting for a core too).
double CpuMs() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int Run(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: store_bench STORE_DIR RUNS A B\n");
    return 2;
  }
  int runs = std::atoi(argv[2]);
  auto store = entente::store::Store::Open(argv[1], entente::store::OpenMode::kRead);
  if (!store.ok()) {
    std::fprintf(stderr, "store_bench: %s\n", store.status().ToString().c_str());
    return 1;
  }
  auto info = (*store)->Info();
  std::printf("bytes\t%llu\ton disk (segments and manifest)\n",
              static_cast<unsigned long long>(info.ok() ? info->bytes : 0));

  const std::string only = argc > 5 ? argv[5] : "";  // run just this query (for profiling)
  auto timed = [&](const char* name, const AggregateQuery& q) {
    if (!only.empty() && only != name) return;
    std::vector<AggregateRow> rows;
    std::vector<double> ms, cpu;
    for (int i = 0; i <= runs; ++i) {  // run 0 is the warm-up
      double c0 = CpuMs();
      auto t0 = std::chrono::steady_clock::now();
      auto r = (*store)->Aggregate(q);
      auto t1 = std::chrono::steady_clock::now();
      double c1 = CpuMs();
      if (!r.ok()) {
        std::fprintf(stderr, "store_bench: %s\n", r.status().ToString().c_str());
        std::exit(1);
      }
      rows = std::move(*r);
      if (i > 0) {
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        cpu.push_back(c1 - c0);
      }
    }
    int64_t events = 0;
    double gold = 0;
    for (const AggregateRow& row : rows) {
      events += row.events;
      gold += row.goldstein_sum;
    }
    std::printf("%s\t%.2f\t%zu groups, %lld events, goldstein %.1f\n", name, Median(ms),
                rows.size(), static_cast<long long>(events), gold);
    std::printf("%s_cpu\t%.2f\tCPU ms, all threads\n", name, Median(cpu));
  };

  AggregateQuery dyad;
  dyad.filter.dyad_a = argv[3];
  dyad.filter.dyad_b = argv[4];
  dyad.period = entente::Period::kMonth;
  timed("dyad_series", dyad);

  AggregateQuery scan;
  scan.period = entente::Period::kYear;
  scan.by_root = true;
  timed("full_scan", scan);

  // The same answer from the rows, bypassing the period cube (a `from` bound one day into a
  // month makes the cube inapplicable; every event is later than it): what the full scan costs
  // where no cube applies, e.g. grouped by dyad or filtered by actor.
  AggregateQuery rows = scan;
  rows.filter.from = entente::PeriodStart(-100000, entente::Period::kMonth) + 1;
  timed("full_scan_rows", rows);
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
