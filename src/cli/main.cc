// entente: measures how relations between states change, from political event data.
// The command line is parsed and dispatched by cli/dispatch.cc; commands live in cmd_<name>.cc.
#include <iostream>

#include "cli/dispatch.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return entente::cli::RunCommandLine(argc, argv);
}
