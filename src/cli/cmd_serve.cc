// `entente serve`: not built yet (see the issue that owns it).
#include <cstdio>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace entente::cli {
namespace {

class ServeCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override { app->allow_extras(); }
  int Run(const GlobalOptions&) override {
    std::fprintf(stderr, "entente: 'serve' is not implemented yet\n");
    return kExitFailure;
  }
};

}  // namespace

std::unique_ptr<CommandHandler> MakeServeCommand() { return std::make_unique<ServeCommand>(); }

}  // namespace entente::cli
