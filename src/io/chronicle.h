// The bundled chronicle (data/chronicle/*.tsv, compiled into the binary): Pakistan–Russia relations
// and their neighbours from 1947, each event with a description and a citation. It is the embedded
// default: read commands on an empty store use it. Format: docs/CHRONICLE.md.
#ifndef ENTENTE_IO_CHRONICLE_H_
#define ENTENTE_IO_CHRONICLE_H_

#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/reject.h"
#include "core/status.h"

namespace entente::io {

// What a source serving the embedded chronicle answers to Describe(): the report's methods note
// and the dashboard tell the chronicle from a store by it.
inline constexpr std::string_view kEmbeddedChronicleName = "embedded chronicle";

// Every embedded chronicle event (dataset "chronicle"), sorted by date. Rows that do not parse are
// a bug in our data: they are reported to `rejects` (if given) and a test keeps their count at 0.
Result<std::vector<Event>> LoadEmbeddedChronicle(RejectSink* rejects = nullptr);

}  // namespace entente::io

#endif  // ENTENTE_IO_CHRONICLE_H_
