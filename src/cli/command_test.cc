// The command table and the command line's usage errors, in process: every command builds its
// options, a typo gets the nearest names, and a bad command line exits 2 with its reason on one
// line before anything is opened.
#include "cli/command.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "cli/dispatch.h"
#include "cli/exit_codes.h"

namespace entente::cli {
namespace {

TEST(CommandTableTest, EveryCommandIsNamedOnceHelpedAndBuildsItsOptions) {
  std::set<std::string_view> names;
  for (const Command& c : AllCommands()) {
    EXPECT_TRUE(names.insert(c.name).second) << c.name << " twice";
    EXPECT_FALSE(c.help.empty()) << c.name;
    std::unique_ptr<CommandHandler> handler = c.make();
    ASSERT_NE(handler, nullptr) << c.name;
    CLI::App app;
    EXPECT_NO_THROW(handler->AddOptions(&app)) << c.name;
  }
  for (const char* name : {"ingest", "dyad", "phases", "report", "serve", "code", "fetch"}) {
    EXPECT_TRUE(names.count(name)) << name;
  }
}

TEST(CommandTableTest, ATypoGetsTheNearestNames) {
  EXPECT_EQ(SuggestCommands("dyda").front(), "dyad");
  EXPECT_EQ(SuggestCommands("ingset").front(), "ingest");
  EXPECT_EQ(SuggestCommands("rep").front(), "report");  // a prefix
  EXPECT_TRUE(SuggestCommands("xxxxxxxx").empty());
}

struct UsageCase {
  std::vector<std::string> args;
  std::string reason;  // in the message
};

TEST(CommandLineTest, ABadCommandLineExitsTwoWithItsReason) {
  const std::vector<UsageCase> cases = {
      {{}, "subcommand is required"},
      {{"nosuch"}, "unknown command 'nosuch'"},
      {{"dyad"}, "A is required"},
      {{"dyad", "PAK", "RUS", "--by", "fortnight"}, "fortnight not in"},
      {{"dyad", "PAK", "RUS", "--from", "2020-13"}, "bad date '2020-13'"},
      {{"dyad", "PAK", "RUS", "--bogus"}, "--bogus"},
      {{"ingest"}, "paths is required"},
  };
  for (const UsageCase& c : cases) {
    std::vector<std::string> argv = {"entente", "--store", "/nonexistent/entente-store"};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    ::testing::internal::CaptureStderr();
    int code = RunCommandLine(argv);
    std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(code, kExitUsage) << err;
    EXPECT_NE(err.find(c.reason), std::string::npos) << err;
    EXPECT_EQ(err.rfind("entente: ", 0), 0u) << err;
    EXPECT_NE(err.find("--help"), std::string::npos) << "no hint: " << err;
  }
}

}  // namespace
}  // namespace entente::cli
