// `entente code`: not built yet (see the issue that owns it).
#include <cstdio>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace entente::cli {
namespace {

class CodeCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override { app->allow_extras(); }
  int Run(const GlobalOptions&) override {
    std::fprintf(stderr, "entente: 'code' is not implemented yet\n");
    return kExitFailure;
  }
};

}  // namespace

std::unique_ptr<CommandHandler> MakeCodeCommand() { return std::make_unique<CodeCommand>(); }

}  // namespace entente::cli
