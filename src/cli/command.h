// The command table: every subcommand of `entente` with its one-line help, what it needs from the
// store, and a factory for its handler. main.cc builds the CLI11 parser from this table, prints
// help from it, and suggests the nearest name for a typo. One file per command (cmd_<name>.cc).
#ifndef ENTENTE_CLI_COMMAND_H_
#define ENTENTE_CLI_COMMAND_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace entente::cli {

// Options every command sees (given before or after the command name).
struct GlobalOptions {
  std::string store;   // --store DIR (else $ENTENTE_STORE, else the XDG data dir)
  std::string format;  // --format table|csv|tsv|jsonl|json ("" = by terminal)
  bool quiet = false;  // --quiet: no progress, no notes on stderr
};

class CommandHandler {
 public:
  virtual ~CommandHandler() = default;
  // Adds the command's own options and positionals to `app`.
  virtual void AddOptions(CLI::App* app) = 0;
  // Runs after a successful parse; returns the process exit code (see exit_codes.h).
  virtual int Run(const GlobalOptions& globals) = 0;
};

struct Command {
  std::string_view name;
  std::string_view help;
  std::unique_ptr<CommandHandler> (*make)();
};

const std::vector<Command>& AllCommands();

// The command names closest to `typo` (edit distance <= 2), best first.
std::vector<std::string_view> SuggestCommands(std::string_view typo);

// Factories, one per cmd_<name>.cc.
std::unique_ptr<CommandHandler> MakeIngestCommand();
std::unique_ptr<CommandHandler> MakeInfoCommand();
std::unique_ptr<CommandHandler> MakeCompactCommand();
std::unique_ptr<CommandHandler> MakeRecoverCommand();
std::unique_ptr<CommandHandler> MakeEventsCommand();
std::unique_ptr<CommandHandler> MakeExportCommand();
std::unique_ptr<CommandHandler> MakeDyadCommand();
std::unique_ptr<CommandHandler> MakeSectorsCommand();
std::unique_ptr<CommandHandler> MakePhasesCommand();
std::unique_ptr<CommandHandler> MakeCompareCommand();
std::unique_ptr<CommandHandler> MakeKeyEventsCommand();
std::unique_ptr<CommandHandler> MakeScanCommand();
std::unique_ptr<CommandHandler> MakeCodeCommand();
std::unique_ptr<CommandHandler> MakeReportCommand();
std::unique_ptr<CommandHandler> MakeDemoCommand();
std::unique_ptr<CommandHandler> MakeFetchCommand();
std::unique_ptr<CommandHandler> MakeGenerateCommand();
std::unique_ptr<CommandHandler> MakeServeCommand();

}  // namespace entente::cli

#endif  // ENTENTE_CLI_COMMAND_H_
