// `entente demo`: not built yet (see the issue that owns it).
#include <cstdio>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace entente::cli {
namespace {

class DemoCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override { app->allow_extras(); }
  int Run(const GlobalOptions&) override {
    std::fprintf(stderr, "entente: 'demo' is not implemented yet\n");
    return kExitFailure;
  }
};

}  // namespace

std::unique_ptr<CommandHandler> MakeDemoCommand() { return std::make_unique<DemoCommand>(); }

}  // namespace entente::cli
