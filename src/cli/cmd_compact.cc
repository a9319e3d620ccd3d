// `entente compact`: merges the store's segments into a few, each holding a range of dyads.
// Ingest already merges small and medium segments as they pile up (store_config.h); this is for
// the rest, e.g. right after a large ingest left dozens of segments each holding some of every
// dyad (the next ingests would merge them a few million rows at a time). Prints one summary line;
// `info` shows the count. A large store takes minutes, so the rows merged so far are drawn on
// stderr (progress.h).
#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "cli/clickhouse_store.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/progress.h"
#include "store/store.h"

namespace entente::cli {
namespace {

class CompactCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App*) override {}

  int Run(const GlobalOptions& globals) override {
    auto start = std::chrono::steady_clock::now();
    if (IsClickHouseStore(globals)) return NotOnClickHouse("compact");
    auto store = store::Store::Open(ResolveStoreDir(globals), store::OpenMode::kWrite);
    if (!store.ok()) return ReportError(store.status());
    store::CompactOptions options;
    ProgressLine line(ShowProgress(globals), "rows");
    if (ShowProgress(globals)) {
      options.progress = [&line](uint64_t done, uint64_t total) {
        line.Tick(static_cast<double>(done), static_cast<double>(total));
      };
    }
    store::CompactStats stats;
    Status s = (*store)->Compact(options, &stats);
    line.Finish();
    if (!s.ok()) return ReportError(s);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (stats.merged == 0) {
      std::printf("nothing to compact: %d segment%s\n", stats.segments_before,
                  stats.segments_before == 1 ? "" : "s");
      return kExitOk;
    }
    std::printf(
        "compacted %d segments into %d: %llu events, %llu -> %llu bytes, %d segment%s now\n",
        stats.merged, stats.written, static_cast<unsigned long long>(stats.rows_merged),
        static_cast<unsigned long long>(stats.bytes_before),
        static_cast<unsigned long long>(stats.bytes_after), stats.segments_after,
        stats.segments_after == 1 ? "" : "s");
    if (!globals.quiet) std::fprintf(stderr, "entente: %.2f s\n", secs);
    return kExitOk;
  }
};

}  // namespace

std::unique_ptr<CommandHandler> MakeCompactCommand() { return std::make_unique<CompactCommand>(); }

}  // namespace entente::cli
