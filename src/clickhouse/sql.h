// SQL text for ClickHouse: string literals, TabSeparated fields, and the WHERE clause an
// EventFilter becomes. Column names are those of schema.h.
#ifndef ENTENTE_CLICKHOUSE_SQL_H_
#define ENTENTE_CLICKHOUSE_SQL_H_

#include <string>
#include <string_view>

#include "core/filter.h"

namespace entente::clickhouse {

// A single-quoted string literal: backslash and quote escaped, control bytes as \xHH, so that no
// input can end the literal.
std::string Quote(std::string_view s);

// TabSeparated escaping of one field (backslash, tab, newline, carriage return, NUL).
void AppendTsvField(std::string_view s, std::string* out);
// The inverse, for fields read back from a TabSeparated answer.
std::string UnescapeTsv(std::string_view s);

// "WHERE ..." (or "" when the filter takes everything) matching exactly what Matches() accepts,
// limit aside.
std::string WhereClause(const EventFilter& filter);

}  // namespace entente::clickhouse

#endif  // ENTENTE_CLICKHOUSE_SQL_H_
