// `entente ingest`: not built yet (see the issue that owns it).
#include <cstdio>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace entente::cli {
namespace {

class IngestCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override { app->allow_extras(); }
  int Run(const GlobalOptions&) override {
    std::fprintf(stderr, "entente: 'ingest' is not implemented yet\n");
    return kExitFailure;
  }
};

}  // namespace

std::unique_ptr<CommandHandler> MakeIngestCommand() { return std::make_unique<IngestCommand>(); }

}  // namespace entente::cli
