// What a source holds as a whole: its event count, first and last date, and the dyads and
// countries the page's pickers list. /api/info shows it, and every endpoint clips its from/to to
// the date range, so `from=0001&to=9999` asks for the data's years, not ten thousand.
//
// It takes two Aggregates over every event, so the API computes it once per generation of the
// source (EventSource::Generation) and shares it.
#ifndef ENTENTE_SERVER_DATA_SUMMARY_H_
#define ENTENTE_SERVER_DATA_SUMMARY_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/date.h"
#include "core/event_source.h"
#include "core/status.h"

namespace entente::server {

struct DataSummary {
  uint64_t generation = 0;
  int64_t events = 0;
  std::optional<Days> first, last;  // set when events > 0
  nlohmann::json dyads;             // [{a, b, events}], the 200 busiest, busiest first
  nlohmann::json countries;         // [{code, name, events}], by code
};

Result<DataSummary> SummarizeSource(EventSource& source);

}  // namespace entente::server

#endif  // ENTENTE_SERVER_DATA_SUMMARY_H_
