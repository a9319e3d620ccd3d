// ClickHouseStore::IngestFiles: reads each file with io's readers and sends its rows as
// TabSeparated INSERT batches to the Distributed table, which forwards each row to the shard its
// dyad hashes to (insert_distributed_sync=1: a batch is acknowledged once every shard has it).
#include <fmt/format.h>
#include <sys/stat.h>

#include <chrono>

#include "clickhouse/schema.h"
#include "clickhouse/store.h"

namespace entente::clickhouse {
namespace {

// ~16 MB per INSERT: large enough that ClickHouse writes few parts (each insert is a part per
// shard, and a MergeTree slows down with many small parts), small enough to bound memory.
constexpr size_t kBatchBytes = 16 << 20;

// Versions decrease as rows are read, from a start that decreases with time, so that a merge
// keeps the first copy of an event ever read (ReplacingMergeTree keeps the highest version).
uint64_t FirstVersion() {
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
  return UINT64_MAX - static_cast<uint64_t>(ns) * 16;
}

}  // namespace

Status ClickHouseStore::InsertBatch(std::string* batch) {
  if (batch->empty()) return Status::Ok();
  Status s = http_.Insert(
      fmt::format("INSERT INTO {} ({}) FORMAT TabSeparated", Table(), ColumnList()), *batch);
  batch->clear();
  return s;
}

Status ClickHouseStore::IngestFiles(const std::vector<std::string>& paths, io::Format format,
                                    RejectSink* rejects, IngestStats* stats) {
  RETURN_IF_ERROR(CreateSchema());
  ASSIGN_OR_RETURN(int64_t before, Events());
  uint64_t version = FirstVersion();
  std::string batch;
  batch.reserve(kBatchBytes + (1 << 20));
  Status insert_error;
  for (const std::string& path : paths) {
    io::ReadOptions options;
    options.format = format;
    options.rejects = rejects;
    io::ReadStats rs;
    Status st = io::ReadEventFile(
        path, options,
        [&](const EventRow& e) {
          AppendRow(e, version--, &batch);
          if (batch.size() >= kBatchBytes) insert_error = InsertBatch(&batch);
          return insert_error.ok();
        },
        &rs);
    RETURN_IF_ERROR(insert_error);
    RETURN_IF_ERROR(st);
    stats->files += 1;
    stats->rows += rs.events;
    stats->rejected += rs.rejected;
    stats->bytes += rs.bytes;
    struct stat sb;
    bool no_bytes = path != "-" && stat(path.c_str(), &sb) == 0 && sb.st_size == 0;
    if (rs.rows == 0 || no_bytes)
      stats->empty_files.push_back(path == "-" ? "standard input" : path);
  }
  RETURN_IF_ERROR(InsertBatch(&batch));
  ASSIGN_OR_RETURN(int64_t after, Events());
  stats->stored = after - before;
  stats->duplicates = stats->rows - stats->stored;
  return Refresh();
}

Status ClickHouseStore::IngestEvents(const std::vector<Event>& events, IngestStats* stats) {
  RETURN_IF_ERROR(CreateSchema());
  ASSIGN_OR_RETURN(int64_t before, Events());
  uint64_t version = FirstVersion();
  std::string batch;
  for (const Event& e : events) {
    AppendRow(ViewOf(e), version--, &batch);
    if (batch.size() >= kBatchBytes) RETURN_IF_ERROR(InsertBatch(&batch));
  }
  RETURN_IF_ERROR(InsertBatch(&batch));
  ASSIGN_OR_RETURN(int64_t after, Events());
  stats->rows += static_cast<int64_t>(events.size());
  stats->stored += after - before;
  stats->duplicates += static_cast<int64_t>(events.size()) - (after - before);
  return Refresh();
}

}  // namespace entente::clickhouse
