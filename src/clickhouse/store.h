// A ClickHouse cluster as an EventSource and an ingest target. Aggregate and CountEvents become
// one GROUP BY on the Distributed table (each shard sums its part, the entry node adds the parts
// up); Scan is a SELECT of whole rows. Every read says FINAL, so re-ingested rows not yet merged
// away count once.
#ifndef ENTENTE_CLICKHOUSE_STORE_H_
#define ENTENTE_CLICKHOUSE_STORE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "clickhouse/http.h"
#include "clickhouse/url.h"
#include "core/event_source.h"
#include "core/reject.h"
#include "io/reader.h"

namespace entente::clickhouse {

struct ClusterInfo {
  int64_t events = 0;
  Days first = 0, last = 0;
  std::vector<std::pair<std::string, int64_t>> datasets;  // by name
  int64_t dyads = 0;
  std::vector<std::pair<std::string, int64_t>> shards;  // "host:http_port", raw rows on it
};

struct IngestStats {
  int64_t files = 0, rows = 0, stored = 0, duplicates = 0, rejected = 0, bytes = 0;
  std::vector<std::string> empty_files;  // inputs without rows
};

class ClickHouseStore : public EventSource {
 public:
  // Connects and checks that the server answers (no schema needed yet).
  static Result<std::unique_ptr<ClickHouseStore>> Open(const StoreUrl& url);

  // Whether the events table exists (a fresh cluster has none).
  Result<bool> HasSchema();
  // Creates the database and tables on every shard when missing.
  Status CreateSchema();
  // Reads files and inserts their events in batches; see docs/CLICKHOUSE.md for what is atomic.
  Status IngestFiles(const std::vector<std::string>& paths, io::Format format, RejectSink* rejects,
                     IngestStats* stats);
  // The same for events already in memory (the coder).
  Status IngestEvents(const std::vector<Event>& events, IngestStats* stats);
  Result<ClusterInfo> Info();
  // Events held (after dedupe); 0 when there is no schema.
  Result<int64_t> Events();

  std::string Describe() const override;
  Status Scan(const EventFilter& filter,
              const std::function<bool(const EventRow&)>& visit) override;
  Result<std::vector<AggregateRow>> Aggregate(const AggregateQuery& query) override;
  Result<int64_t> CountEvents(const EventFilter& filter) override;
  // Re-reads what the cluster holds: the generation changes with every insert, and with every
  // merge that drops copies.
  Status Refresh() override;
  uint64_t Generation() const override { return generation_; }
  // Whether the cluster held no events at the last Refresh.
  bool empty() const { return rows_ == 0; }

 private:
  explicit ClickHouseStore(const StoreUrl& url);
  std::string Table() const;
  Result<std::vector<Endpoint>> ShardEndpoints();
  Status InsertBatch(std::string* batch);

  StoreUrl url_;
  HttpClient http_;
  uint64_t generation_ = 0;
  uint64_t rows_ = 0;  // before dedupe
};

}  // namespace entente::clickhouse

#endif  // ENTENTE_CLICKHOUSE_STORE_H_
