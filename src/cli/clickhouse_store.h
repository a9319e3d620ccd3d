// The CLI's side of a ClickHouse store (--store clickhouse://...): opening it for reads, and the
// commands that write or describe a store (ingest, info) on it. Store-only commands (compact,
// recover) say they do not apply.
#ifndef ENTENTE_CLI_CLICKHOUSE_STORE_H_
#define ENTENTE_CLI_CLICKHOUSE_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "clickhouse/store.h"
#include "io/reader.h"

namespace entente::cli {

// The store option names a ClickHouse store.
bool IsClickHouseStore(const GlobalOptions& globals);

// Connects; a malformed URL or an unreachable server is a store error (exit 4).
Result<std::unique_ptr<clickhouse::ClickHouseStore>> OpenClickHouse(const GlobalOptions& globals);

// OpenReadSource / OpenLiveSource for a ClickHouse store (the chronicle while it has no events).
Result<std::unique_ptr<EventSource>> OpenClickHouseRead(const GlobalOptions& globals);
Result<std::unique_ptr<EventSource>> OpenClickHouseLive(const GlobalOptions& globals);

// `entente ingest` into ClickHouse; returns the exit code.
int ClickHouseIngest(const GlobalOptions& globals, const std::vector<std::string>& paths,
                     io::Format format, const std::string& rejects_path);
// `entente info` on ClickHouse; returns the exit code.
int ClickHouseInfo(const GlobalOptions& globals);
// For commands that only a store directory has: a message and exit 2.
int NotOnClickHouse(const char* command);

}  // namespace entente::cli

#endif  // ENTENTE_CLI_CLICKHOUSE_STORE_H_
