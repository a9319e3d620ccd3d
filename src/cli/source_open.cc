// OpenReadSource: the store when it has events, else the embedded chronicle (with a note). Opens
// the store read-only: it never takes the writer lock, so reads never wait for an ingest, and a
// damaged store is an error that names the file rather than a silent fallback.
#include <cstdio>

#include "cli/common.h"
#include "store/store.h"

namespace entente::cli {

Result<std::unique_ptr<EventSource>> OpenReadSource(const GlobalOptions& globals) {
  std::string dir = ResolveStoreDir(globals);
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s,
                   store::Store::Open(dir, store::OpenMode::kRead));
  if (!s->empty()) return std::unique_ptr<EventSource>(std::move(s));
  if (!globals.quiet) {
    std::fprintf(stderr, "entente: the store at %s has no events; using the embedded chronicle\n",
                 dir.c_str());
  }
  return OpenChronicleSource();
}

}  // namespace entente::cli
