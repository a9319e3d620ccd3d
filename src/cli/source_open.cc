// OpenReadSource: the store when it has events, else the embedded chronicle (with a note). Opens
// the store read-only: it never takes the writer lock, so reads never wait for an ingest, and a
// damaged store is an error that names the file rather than a silent fallback. OpenLiveSource:
// the same choice, made again at every Refresh() (for `serve`).
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/clickhouse_store.h"
#include "cli/common.h"
#include "cli/live_source.h"
#include "store/store.h"

namespace entente::cli {

Status CheckStoreDirReadable(const std::string& dir) {
  struct stat st;
  if (stat(dir.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::Ok();
    return Status::StoreError(fmt::format("store {}: {}", dir, std::strerror(errno)));
  }
  if (!S_ISDIR(st.st_mode)) {
    return Status::StoreError(fmt::format("store {}: not a directory", dir));
  }
  if (access(dir.c_str(), R_OK | X_OK) != 0) {
    return Status::StoreError(
        fmt::format("store {}: cannot be read: {}", dir, std::strerror(errno)));
  }
  return Status::Ok();
}

Result<std::unique_ptr<EventSource>> OpenReadSource(const GlobalOptions& globals) {
  if (IsClickHouseStore(globals)) return OpenClickHouseRead(globals);
  std::string dir = ResolveStoreDir(globals);
  RETURN_IF_ERROR(CheckStoreDirReadable(dir));
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s,
                   store::Store::Open(dir, store::OpenMode::kRead));
  if (!s->empty()) return std::unique_ptr<EventSource>(std::move(s));
  if (!globals.quiet) {
    std::fprintf(stderr, "entente: the store at %s has no events; using the embedded chronicle\n",
                 dir.c_str());
  }
  return OpenChronicleSource();
}

Result<std::unique_ptr<EventSource>> OpenLiveSource(
    const GlobalOptions& globals, std::shared_ptr<store::ActorDayCache> actor_days) {
  if (IsClickHouseStore(globals)) return OpenClickHouseLive(globals);
  std::string dir = ResolveStoreDir(globals);
  RETURN_IF_ERROR(CheckStoreDirReadable(dir));
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s,
                   store::Store::Open(dir, store::OpenMode::kRead));
  s->UseActorDayCache(std::move(actor_days));
  s->KeepBlocksResident();  // a live source serves many queries over the same blocks
  if (s->empty() && !globals.quiet) {
    std::fprintf(stderr,
                 "entente: the store at %s has no events; using the embedded chronicle until it "
                 "has\n",
                 dir.c_str());
  }
  ASSIGN_OR_RETURN(std::unique_ptr<EventSource> chronicle, OpenChronicleSource());
  return std::unique_ptr<EventSource>(
      std::make_unique<LiveSource<store::Store>>(std::move(s), std::move(chronicle)));
}

}  // namespace entente::cli
