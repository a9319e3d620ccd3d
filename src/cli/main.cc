// entente: measures how relations between states change, from political event data.
// This file only builds the parser from the command table and dispatches; commands live in
// cmd_<name>.cc.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace {

int Main(int argc, char** argv) {
  using namespace entente::cli;
  CLI::App app{"entente: how relations between states change, from political event data"};
  app.name("entente");
  app.require_subcommand(1);
  app.fallthrough();
  app.set_version_flag("--version", "entente 0.1.0");
  GlobalOptions globals;
  app.add_option("--store", globals.store,
                 "Event store directory (else $ENTENTE_STORE, else ~/.local/share/entente)");
  app.add_option("--format", globals.format, "Output: table, csv, tsv, jsonl or json");
  app.add_flag("-q,--quiet", globals.quiet, "No progress bars or notes on stderr");

  std::vector<std::pair<CLI::App*, std::unique_ptr<CommandHandler>>> handlers;
  for (const Command& c : AllCommands()) {
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.help));
    sub->fallthrough();
    std::unique_ptr<CommandHandler> h = c.make();
    h->AddOptions(sub);
    handlers.emplace_back(sub, std::move(h));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string msg = e.what();
    std::fprintf(stderr, "entente: %s\n", msg.c_str());
    // A first positional that is no command: suggest the nearest names.
    if (argc > 1 && argv[1][0] != '-') {
      bool known = false;
      for (const Command& c : AllCommands()) known |= c.name == argv[1];
      if (!known) {
        auto near = SuggestCommands(argv[1]);
        if (!near.empty())
          std::fprintf(stderr, "did you mean '%s'?\n", std::string(near[0]).c_str());
      }
    }
    std::fprintf(stderr, "run 'entente --help' or 'entente COMMAND --help' for usage\n");
    return kExitUsage;
  }

  for (auto& [sub, handler] : handlers) {
    if (sub->parsed()) {
      try {
        return handler->Run(globals);
      } catch (const std::exception& e) {
        // Our code returns Status; this catches what a library threw past its edge.
        std::fprintf(stderr, "entente: internal error: %s\n", e.what());
        return kExitFailure;
      }
    }
  }
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return Main(argc, argv);
}
