#include "io/chronicle.h"

#include <algorithm>

#include "core/embedded.h"
#include "io/reader.h"

namespace entente::io {

Result<std::vector<Event>> LoadEmbeddedChronicle(RejectSink* rejects) {
  std::vector<Event> events;
  ReadOptions options;
  options.format = Format::kChronicle;
  options.rejects = rejects;
  for (const EmbeddedEntry& file : EmbeddedFilesUnder("chronicle/")) {
    if (!file.path.ends_with(".tsv")) continue;
    RETURN_IF_ERROR(ReadEventBytes(
        std::string("data/") + std::string(file.path), file.bytes, options,
        [&](const EventRow& row) {
          events.push_back(ToOwned(row));
          return true;
        },
        nullptr));
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.date < b.date; });
  return events;
}

}  // namespace entente::io
