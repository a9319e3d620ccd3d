// Writes events as a real SQLite database any SQLite tool opens: one `events` table with every
// field of the Event model (the column names of `entente events --format jsonl`), and indexes on
// (source_country, target_country, date) and (date). Built fast and left normal: journal and
// syncs off while one transaction inserts every row through one prepared statement, then the
// indexes, then the journal back to DELETE mode and a final sync. Written to PATH.tmp and renamed,
// so a failed export never leaves a half database under the asked name.
#ifndef ENTENTE_STORE_SQLITE_EXPORT_H_
#define ENTENTE_STORE_SQLITE_EXPORT_H_

#include <cstdint>
#include <functional>
#include <string>

#include "core/event_source.h"
#include "core/filter.h"
#include "core/status.h"

namespace entente::store {

// Rows inserted so far of `total` (the filter's count, limit included; 0 when the source could
// not count), called after every row on the calling thread: cheap callers throttle
// (cli::ProgressLine::Update). Indexing the rows follows the last call.
using SqliteProgress = std::function<void(int64_t rows, int64_t total)>;

// Writes the events `filter` picks from `source` to a new database at `path`, replacing any file
// there, and sets *rows to their count. `plover` adds io::PloverColumns() after the Event fields.
// `progress` may be empty; the rows are counted first only when it is not.
Status ExportSqlite(EventSource* source, const EventFilter& filter, const std::string& path,
                    bool plover, int64_t* rows, const SqliteProgress& progress = {});

}  // namespace entente::store

#endif  // ENTENTE_STORE_SQLITE_EXPORT_H_
