// Where a ClickHouse store lives:
// `clickhouse://HOST:PORT/DB?cluster=C&user=U&password=P&shards=H:P,H:P`. PORT is the HTTP
// interface's (8123 by default). `cluster` names the remote_servers entry the Distributed table
// spans; `shards` lists each shard's HTTP address for creating the schema (default: every host of
// the cluster at PORT). The password is kept for requests only: Describe() and every message leave
// it out.
#ifndef ENTENTE_CLICKHOUSE_URL_H_
#define ENTENTE_CLICKHOUSE_URL_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace entente::clickhouse {

struct Endpoint {
  std::string host;
  int port = 8123;
};

struct StoreUrl {
  Endpoint entry;                // the node entente sends queries to
  std::string database;          // "entente" when the path is empty
  std::string cluster;           // empty: a single server (plain table, no Distributed)
  std::string user;              // empty: ClickHouse's `default`
  std::string password;          // never printed
  std::vector<Endpoint> shards;  // explicit shard HTTP addresses, may be empty

  // "clickhouse://127.0.0.1:8123/entente?cluster=c&user=u" (no password).
  std::string Describe() const;
};

// True when `store` names a ClickHouse store rather than a directory.
bool IsClickHouseUrl(std::string_view store);

// InvalidArgument naming what is wrong (never echoing the password).
Result<StoreUrl> ParseStoreUrl(std::string_view url);

}  // namespace entente::clickhouse

#endif  // ENTENTE_CLICKHOUSE_URL_H_
