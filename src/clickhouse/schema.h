// The ClickHouse schema: one row per event with every field of the event model, plus the columns
// entente derives at ingest (the dedupe key, each side's dyad country, the sorted pair) so that
// SQL can group and shard on them without knowing CAMEO's country list, and the start of the
// event's month, quarter and year (as days since 1970, like `date`: ClickHouse's Date type
// cannot hold the years before 1970 the chronicle and GDELT 1.0 cover).
//
//   <db>.events_local  ReplacingMergeTree(ver) ORDER BY (odd, da, db, date, key), one per shard:
//                      rows of a dyad together and by date (odd: OddActors), and two copies of
//                      one event (same key, hence the same row) collapse when parts merge
//   <db>.events        Distributed over the cluster, sharded by cityHash64(da, db), so a dyad's
//                      events all live on one shard (with no cluster: events_local itself)
//
// Reads say FINAL so that copies not yet merged away still count once.
#ifndef ENTENTE_CLICKHOUSE_SCHEMA_H_
#define ENTENTE_CLICKHOUSE_SCHEMA_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/status.h"

namespace entente::clickhouse {

// The statements that create `database` and its tables when missing, for one shard.
std::vector<std::string> CreateStatements(std::string_view database, std::string_view cluster);

// The table reads and inserts go through.
std::string EventsTable(std::string_view database, std::string_view cluster);

// Whether an actor of the event has a country that is not the first three letters of its code
// ("GOV" of "PAK"). Only in such rows can an actor pattern match while the dyad country does not
// start with the pattern's first three letters; all others are found through the sorting key.
bool OddActors(const EventRow& e);

// Column names in row order, comma separated (for INSERT and SELECT).
const std::string& ColumnList();

// One TabSeparated line (with its '\n') for `e`. Of two rows with one dedupe key, a merge keeps
// the one with the higher `version`: ingest gives earlier rows higher versions, so that the first
// copy read wins, as in the embedded store.
void AppendRow(const EventRow& e, uint64_t version, std::string* out);

// Decodes a line of SELECT <ColumnList()>; string fields are unescaped into `storage`, which the
// row's views point into. Corruption when the line does not have the schema's shape.
class RowDecoder {
 public:
  Status Decode(std::string_view line, EventRow* row);

 private:
  std::vector<std::string> storage_;
};

}  // namespace entente::clickhouse

#endif  // ENTENTE_CLICKHOUSE_SCHEMA_H_
