// The named fields of an event as entente writes them: the columns of `entente events` (CLI.md)
// and, for JSON Lines, every other field of the Event model after them. One table serves the
// writer (cli/cmd_events.cc turns values into cells) and the JSONL reader (jsonl_reader.cc maps
// names back), so `entente events --format jsonl` output reads back in unchanged.
//
// JSONL format version 1 (docs/FORMATS.md): one JSON object per line; "date" is "YYYY-MM-DD" and
// "date_precision" says how much of it is known (day, month or year; readers also take "YYYY-MM"
// or "YYYY" alone, the length giving the precision); missing numbers are null; codes are strings
// ("010"); "sector" is the dataset's own or, when it gives none, entente's (core/sector.h);
// "date_added" is always YYYYMMDDhhmmss.
#ifndef ENTENTE_IO_EVENT_FIELDS_H_
#define ENTENTE_IO_EVENT_FIELDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"

namespace entente::io {

struct FieldValue {
  enum Kind { kNull, kInt, kReal, kText } kind = kNull;
  int64_t i = 0;
  double d = 0;
  std::string s;
};

// id, date, date_precision, source, source_country, target, target_country, code, root, quad,
// goldstein, mentions, tone, dataset, url.
const std::vector<std::string>& EventColumns();
// EventColumns() then source_name, source_known_group, ..., citation (every Event field).
const std::vector<std::string>& EventColumnsFull();

// The shortest decimal that reads back as `f`, as a double (33.7f is 33.7, not its exact value
// 33.700000762939453), so a value prints as the dataset wrote it. NaN stays NaN.
double FloatAsDouble(float f);

// Values in the order of EventColumns() (or EventColumnsFull() when `full`).
void EventFieldValues(const EventRow& e, bool full, std::vector<FieldValue>* out);

// plover_event, plover_mode, plover_context: PLOVER's reading of an event's CAMEO code
// (core/plover.h), which outputs may add after the columns above.
const std::vector<std::string>& PloverColumns();
// Appends those three values for `cameo_code`; null where PLOVER has none.
void AppendPloverValues(std::string_view cameo_code, std::vector<FieldValue>* out);

}  // namespace entente::io

#endif  // ENTENTE_IO_EVENT_FIELDS_H_
