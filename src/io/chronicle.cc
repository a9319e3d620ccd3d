#include "io/chronicle.h"

namespace entente::io {

// Placeholder until the chronicle reader lands (issue: foundation readers).
Result<std::vector<Event>> LoadEmbeddedChronicle(RejectSink*) { return std::vector<Event>(); }

}  // namespace entente::io
