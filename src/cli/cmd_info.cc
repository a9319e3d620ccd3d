// `entente info`: what the store holds. table/csv/tsv: key/value rows (store, events, first, last,
// one `dataset` row per dataset with its count, dyads, bytes, segments). json and jsonl: one
// object with those keys as fields, numbers as numbers, and `datasets` an object of name: count,
// since a script reads a store's facts by name, not by scanning rows. `--check` also reads every
// block of every segment and verifies its checksum (slow; for after a crash or a disk error).
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/clickhouse_store.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "store/store.h"
#include "store/store_config.h"

namespace entente::cli {
namespace {

class InfoCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_flag("--check", check_, "Also verify every checksum of every segment (reads it all)");
  }

  int Run(const GlobalOptions& globals) override {
    auto format = ResolveOutputFormat(globals.format);
    if (!format.ok()) return ReportError(format.status());
    if (IsClickHouseStore(globals)) {
      if (check_) return NotOnClickHouse("info --check");
      return ClickHouseInfo(globals);
    }
    std::string dir = ResolveStoreDir(globals);
    if (Status s = CheckStoreDirReadable(dir); !s.ok()) return ReportError(s);
    auto store = store::Store::Open(dir, store::OpenMode::kRead);
    if (!store.ok()) return ReportError(store.status());
    auto info = (*store)->Info();
    if (!info.ok()) return ReportError(info.status());
    if (check_) {
      Status s = (*store)->Verify();
      if (!s.ok()) return ReportError(s);
    }
    if (*format == OutputFormat::kJson || *format == OutputFormat::kJsonl) {
      PrintJson(dir, *info, *format == OutputFormat::kJson);
    } else {
      PrintRows(dir, *info, *format);
    }
    if (info->segments > store::config::kMaxSegments && !globals.quiet) {
      std::fprintf(stderr, "entente: %d segments; 'entente compact' merges them into a few\n",
                   info->segments);
    }
    if (info->events == 0 && !globals.quiet) {
      std::fprintf(stderr,
                   "entente: the store is empty; read commands use the embedded chronicle\n");
    }
    return kExitOk;
  }

 private:
  void PrintRows(const std::string& dir, const store::StoreInfo& info, OutputFormat format) {
    TableWriter out(std::cout, format, {"key", "value"});
    out.Row({std::string("store"), dir});
    out.Row({std::string("events"), info.events});
    out.Row({std::string("first"), info.events ? FormatDate(info.first) : std::string()});
    out.Row({std::string("last"), info.events ? FormatDate(info.last) : std::string()});
    for (const auto& [name, n] : info.datasets) {
      out.Row({std::string("dataset"), fmt::format("{} {}", name, n)});
    }
    out.Row({std::string("dyads"), info.dyads});
    out.Row({std::string("bytes"), static_cast<int64_t>(info.bytes)});
    out.Row({std::string("segments"), static_cast<int64_t>(info.segments)});
    if (check_) out.Row({std::string("check"), std::string("ok")});
    out.Finish();
  }

  // `pretty`: one field a line (json); else the whole object on one line (jsonl).
  void PrintJson(const std::string& dir, const store::StoreInfo& info, bool pretty) {
    std::vector<std::pair<std::string, std::string>> fields;
    Cell none;
    fields.emplace_back("store", CellJson(dir));
    fields.emplace_back("events", CellJson(info.events));
    fields.emplace_back("first", CellJson(info.events ? Cell(FormatDate(info.first)) : none));
    fields.emplace_back("last", CellJson(info.events ? Cell(FormatDate(info.last)) : none));
    fields.emplace_back("datasets", JsonCounts(info.datasets));
    fields.emplace_back("dyads", CellJson(info.dyads));
    fields.emplace_back("bytes", CellJson(static_cast<int64_t>(info.bytes)));
    fields.emplace_back("segments", CellJson(static_cast<int64_t>(info.segments)));
    if (check_) fields.emplace_back("check", CellJson(std::string("ok")));
    std::cout << JsonObject(fields, pretty);
  }

 private:
  bool check_ = false;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeInfoCommand() { return std::make_unique<InfoCommand>(); }

}  // namespace entente::cli
