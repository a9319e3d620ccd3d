// `entente recover`: rebuilds the MANIFEST of a store whose MANIFEST is missing or damaged, from
// the segments that pass their checksums (store::Store::Recover). Segments it cannot use are moved
// to <store>/set-aside/, never deleted, and each is listed with the reason. On a store whose
// MANIFEST is intact it changes nothing and says so.
#include <cstdio>

#include "cli/clickhouse_store.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "store/store.h"

namespace entente::cli {
namespace {

class RecoverCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App*) override {}

  int Run(const GlobalOptions& globals) override {
    if (IsClickHouseStore(globals)) return NotOnClickHouse("recover");
    std::string dir = ResolveStoreDir(globals);
    store::RecoverStats stats;
    if (Status s = store::Store::Recover(dir, &stats); !s.ok()) return ReportError(s);
    if (!stats.needed) {
      std::printf("the MANIFEST of %s is intact: nothing to recover\n", dir.c_str());
      return kExitOk;
    }
    if (!stats.damaged_manifest.empty()) {
      std::printf("moved the damaged MANIFEST to %s\n", stats.damaged_manifest.c_str());
    }
    for (const store::RecoverStats::SetAside& s : stats.set_aside) {
      std::printf("set aside %s -> %s: %s\n", s.from.c_str(), s.to.c_str(), s.why.c_str());
    }
    std::printf("recovered %s: %d segment%s, %llu events\n", dir.c_str(), stats.kept,
                stats.kept == 1 ? "" : "s", static_cast<unsigned long long>(stats.rows));
    return kExitOk;
  }
};

}  // namespace

std::unique_ptr<CommandHandler> MakeRecoverCommand() { return std::make_unique<RecoverCommand>(); }

}  // namespace entente::cli
