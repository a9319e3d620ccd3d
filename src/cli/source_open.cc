// OpenReadSource: the store when it has events, else the embedded chronicle.
#include <cstdio>

#include "cli/common.h"

namespace entente::cli {

Result<std::unique_ptr<EventSource>> OpenReadSource(const GlobalOptions& globals) {
  // TODO(store): open the store at ResolveStoreDir(globals) and use it when it holds events.
  if (!globals.quiet) {
    std::fprintf(stderr, "entente: the store at %s has no events; using the embedded chronicle\n",
                 ResolveStoreDir(globals).c_str());
  }
  return OpenChronicleSource();
}

}  // namespace entente::cli
