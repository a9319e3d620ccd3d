// Writes events as a real SQLite database any SQLite tool opens: one `events` table with every
// field of the Event model (the column names of `entente events --format jsonl`), and indexes on
// (source_country, target_country, date) and (date). Built fast and left normal: journal and
// syncs off while one transaction inserts every row through one prepared statement, then the
// indexes, then the journal back to DELETE mode and a final sync. Written to PATH.tmp and renamed,
// so a failed export never leaves a half database under the asked name.
#ifndef ENTENTE_STORE_SQLITE_EXPORT_H_
#define ENTENTE_STORE_SQLITE_EXPORT_H_

#include <cstdint>
#include <string>

#include "core/event_source.h"
#include "core/filter.h"
#include "core/status.h"

namespace entente::store {

Status ExportSqlite(EventSource* source, const EventFilter& filter, const std::string& path,
                    int64_t* rows);

}  // namespace entente::store

#endif  // ENTENTE_STORE_SQLITE_EXPORT_H_
