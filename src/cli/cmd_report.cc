// `entente report`: not built yet (see the issue that owns it).
#include <cstdio>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace entente::cli {
namespace {

class ReportCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override { app->allow_extras(); }
  int Run(const GlobalOptions&) override {
    std::fprintf(stderr, "entente: 'report' is not implemented yet\n");
    return kExitFailure;
  }
};

}  // namespace

std::unique_ptr<CommandHandler> MakeReportCommand() { return std::make_unique<ReportCommand>(); }

}  // namespace entente::cli
