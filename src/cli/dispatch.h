// The whole command line of `entente`: builds the CLI11 parser from the command table, parses
// argv and runs the chosen command. main.cc calls it; the Python module calls it too (under a
// TableCapture), so a Python call and a command line take the same path.
#ifndef ENTENTE_CLI_DISPATCH_H_
#define ENTENTE_CLI_DISPATCH_H_

#include <string>
#include <vector>

namespace entente::cli {

// Returns the process exit code (exit_codes.h). argv[0] is the program name.
int RunCommandLine(int argc, char** argv);

// The same with the arguments as strings (argv[0] included).
int RunCommandLine(const std::vector<std::string>& args);

}  // namespace entente::cli

#endif  // ENTENTE_CLI_DISPATCH_H_
