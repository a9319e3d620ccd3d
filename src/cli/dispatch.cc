// RunCommandLine: the parser built from the command table, and the dispatch to one command.
#include "cli/dispatch.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/table_capture.h"

namespace entente::cli {
namespace {

// The first argument that is neither an option nor the value of a global option: the command name
// as typed, or "" when there is none.
std::string FirstWord(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--store" || arg == "--format") {
      ++i;
    } else if (!arg.starts_with("-")) {
      return std::string(arg);
    }
  }
  return "";
}

// A word that names no command gets the nearest names alone: CLI11's own complaint about it ("A
// subcommand is required", "arguments were not expected") would only bury the suggestion.
void ReportParseError(const CLI::ParseError& e, const std::string& word) {
  if (TableCapture* capture = TableCapture::Active()) {
    capture->RecordError(e.what(), StatusCode::kInvalidArgument);
    return;
  }
  bool known = false;
  for (const Command& c : AllCommands()) known |= c.name == word;
  if (!word.empty() && !known) {
    auto near = SuggestCommands(word);
    if (!near.empty()) {
      std::fprintf(stderr, "entente: unknown command '%s'; did you mean '%s'?\n", word.c_str(),
                   std::string(near[0]).c_str());
      return;
    }
    std::fprintf(stderr, "entente: unknown command '%s'\n", word.c_str());
  } else {
    std::fprintf(stderr, "entente: %s\n", e.what());
  }
  std::fprintf(stderr, "run 'entente --help' or 'entente COMMAND --help' for usage\n");
}

int RunParsed(int argc, char** argv) {
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
    ReportParseError(e, FirstWord(argc, argv));
    return kExitUsage;
  }

  for (auto& [sub, handler] : handlers) {
    if (sub->parsed()) {
      try {
        return handler->Run(globals);
      } catch (const std::exception& e) {
        // Our code returns Status; this catches what a library threw past its edge.
        return ReportError(Status::IOError(std::string("internal error: ") + e.what()));
      }
    }
  }
  return kExitUsage;
}

}  // namespace

int RunCommandLine(int argc, char** argv) { return RunParsed(argc, argv); }

int RunCommandLine(const std::vector<std::string>& args) {
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  return RunParsed(static_cast<int>(args.size()), argv.data());
}

}  // namespace entente::cli
