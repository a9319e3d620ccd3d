// Exit codes of the CLI contract: 0 success, 2 usage error; the rest tell scripts what failed.
#ifndef ENTENTE_CLI_EXIT_CODES_H_
#define ENTENTE_CLI_EXIT_CODES_H_

#include "core/status.h"

namespace entente::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // anything not listed below
inline constexpr int kExitUsage = 2;     // bad command line (with a one-line reason and a hint)
inline constexpr int kExitBadInput = 3;  // an input file or text is unreadable or malformed
inline constexpr int kExitStore = 4;     // the store is locked, damaged or cannot be written
inline constexpr int kExitNetwork = 5;   // a download failed
inline constexpr int kExitNotFound = 6;  // a named file, dyad or actor has nothing

int ExitCodeFor(const Status& status);

// Prints "entente: <message>" on stderr (or records it in the active TableCapture) and returns
// ExitCodeFor(status).
int ReportError(const Status& status);

}  // namespace entente::cli

#endif  // ENTENTE_CLI_EXIT_CODES_H_
