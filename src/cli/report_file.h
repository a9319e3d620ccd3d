// Writing a finished report to disk, shared by `entente report -o` and `entente demo`.
#pragma once

#include <string>

#include "core/status.h"

namespace entente::cli {

// Writes `bytes` to `path`, creating parent directories. The bytes go to a temporary file beside
// `path` that is renamed over it, so a reader (a browser reloading the page) never sees half a
// report and a failed write leaves the previous report in place.
Status WriteReportFile(const std::string& path, const std::string& bytes);

// Today's date in UTC ("2026-11-26"), for the report's footer.
std::string TodayUtc();

}  // namespace entente::cli
