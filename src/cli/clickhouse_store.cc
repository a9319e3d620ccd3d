#include "cli/clickhouse_store.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/live_source.h"
#include "cli/output.h"
#include "io/reject_sinks.h"

namespace entente::cli {
namespace {

// As `info` prints a store: one object, `datasets` and `shards` objects of name: count.
void PrintInfoJson(const std::string& where, const clickhouse::ClusterInfo& info, bool pretty) {
  Cell none;
  std::vector<std::pair<std::string, std::string>> fields = {
      {"store", CellJson(where)},
      {"events", CellJson(info.events)},
      {"first", CellJson(info.events ? Cell(FormatDate(info.first)) : none)},
      {"last", CellJson(info.events ? Cell(FormatDate(info.last)) : none)},
      {"datasets", JsonCounts(info.datasets)},
      {"dyads", CellJson(info.dyads)},
      {"shards", JsonCounts(info.shards)}};
  std::cout << JsonObject(fields, pretty);
}

}  // namespace

bool IsClickHouseStore(const GlobalOptions& globals) {
  return clickhouse::IsClickHouseUrl(ResolveStoreDir(globals));
}

Result<std::unique_ptr<clickhouse::ClickHouseStore>> OpenClickHouse(const GlobalOptions& globals) {
  Result<clickhouse::StoreUrl> url = clickhouse::ParseStoreUrl(ResolveStoreDir(globals));
  if (!url.ok()) return Status::StoreError(url.status().message());
  return clickhouse::ClickHouseStore::Open(*url);
}

Result<std::unique_ptr<EventSource>> OpenClickHouseRead(const GlobalOptions& globals) {
  ASSIGN_OR_RETURN(std::unique_ptr<clickhouse::ClickHouseStore> s, OpenClickHouse(globals));
  // Refresh counts raw rows (no FINAL: cheap); dedupe never removes every copy of an event.
  RETURN_IF_ERROR(s->Refresh());
  if (!s->empty()) return std::unique_ptr<EventSource>(std::move(s));
  if (!globals.quiet) {
    std::fprintf(stderr, "entente: the %s has no events; using the embedded chronicle\n",
                 s->Describe().c_str());
  }
  return OpenChronicleSource();
}

Result<std::unique_ptr<EventSource>> OpenClickHouseLive(const GlobalOptions& globals) {
  ASSIGN_OR_RETURN(std::unique_ptr<clickhouse::ClickHouseStore> s, OpenClickHouse(globals));
  RETURN_IF_ERROR(s->Refresh());
  if (s->empty() && !globals.quiet) {
    std::fprintf(stderr,
                 "entente: the %s has no events; using the embedded chronicle until it has\n",
                 s->Describe().c_str());
  }
  ASSIGN_OR_RETURN(std::unique_ptr<EventSource> chronicle, OpenChronicleSource());
  return std::unique_ptr<EventSource>(std::make_unique<LiveSource<clickhouse::ClickHouseStore>>(
      std::move(s), std::move(chronicle)));
}

int ClickHouseIngest(const GlobalOptions& globals, const std::vector<std::string>& paths,
                     io::Format format, const std::string& rejects_path) {
  auto store = OpenClickHouse(globals);
  if (!store.ok()) return ReportError(store.status());
  io::TsvRejectSink file;
  if (!rejects_path.empty()) {
    if (Status s = file.Open(rejects_path); !s.ok()) return ReportError(s);
  }
  io::SummaryRejectSink rejects(rejects_path.empty() ? nullptr : &file);
  auto start = std::chrono::steady_clock::now();
  clickhouse::IngestStats stats;
  Status s = (*store)->IngestFiles(paths, format, &rejects, &stats);
  Status closed = file.Close();
  if (!s.ok()) {
    int code = ReportError(s);
    if (stats.rows > 0 || stats.files > 0) {
      std::fprintf(stderr,
                   "entente: the batches sent before the error are stored; run the same ingest "
                   "again to complete it (it adds nothing twice)\n");
    }
    return s.code() == StatusCode::kStoreError ? code : kExitBadInput;
  }
  if (!closed.ok()) return ReportError(closed);
  if (!globals.quiet) {
    for (const std::string& p : stats.empty_files)
      std::fprintf(stderr, "entente: %s: no rows\n", p.c_str());
  }
  std::string where = rejects_path.empty() || rejects.count() == 0
                          ? std::string()
                          : fmt::format(" (rejects: {})", rejects_path);
  std::printf("ingested %lld files: %lld rows, %lld stored, %lld duplicates, %lld rejected%s\n",
              static_cast<long long>(stats.files), static_cast<long long>(stats.rows),
              static_cast<long long>(stats.stored), static_cast<long long>(stats.duplicates),
              static_cast<long long>(stats.rejected), where.c_str());
  if (!globals.quiet) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "entente: %.2f s, %.0f rows/s into %s\n", secs,
                 stats.rows / std::max(secs, 1e-6), (*store)->Describe().c_str());
  }
  return kExitOk;
}

int ClickHouseInfo(const GlobalOptions& globals) {
  auto format = ResolveOutputFormat(globals.format);
  if (!format.ok()) return ReportError(format.status());
  auto store = OpenClickHouse(globals);
  if (!store.ok()) return ReportError(store.status());
  auto info = (*store)->Info();
  if (!info.ok()) return ReportError(info.status());
  std::string where = (*store)->Describe().substr(6);  // without "store "
  if (*format == OutputFormat::kJson || *format == OutputFormat::kJsonl) {
    PrintInfoJson(where, *info, *format == OutputFormat::kJson);
    return kExitOk;
  }
  TableWriter out(std::cout, *format, {"key", "value"});
  out.Row({std::string("store"), where});
  out.Row({std::string("events"), info->events});
  out.Row({std::string("first"), info->events ? FormatDate(info->first) : std::string()});
  out.Row({std::string("last"), info->events ? FormatDate(info->last) : std::string()});
  for (const auto& [name, n] : info->datasets) {
    out.Row({std::string("dataset"), fmt::format("{} {}", name, n)});
  }
  out.Row({std::string("dyads"), info->dyads});
  for (const auto& [shard, n] : info->shards) {
    out.Row({std::string("shard"), fmt::format("{} {}", shard, n)});
  }
  out.Finish();
  if (info->events == 0 && !globals.quiet) {
    std::fprintf(stderr, "entente: the store is empty; read commands use the embedded chronicle\n");
  }
  return kExitOk;
}

int NotOnClickHouse(const char* command) {
  std::fprintf(stderr,
               "entente: '%s' applies to a store directory, not to a ClickHouse store (ClickHouse "
               "merges its parts itself; see docs/CLICKHOUSE.md)\n",
               command);
  return kExitUsage;
}

}  // namespace entente::cli
