// The API's endpoints, one function each, over one event source: parameters in, JSON (or the HTML
// report) out. Every analysis endpoint calls the same analysis API and JSON forms
// (report/report_json.h) as `entente report --format json`; docs/REPORT.md lists them. The router
// (api.h) supplies the source, the deadline and the caching.
//
// Every from/to is clipped to the data's date range (DataSummary) and the period grid is bounded
// (analysis::CheckPeriodGrid), so no parameter makes an answer larger than the data warrants.
#ifndef ENTENTE_SERVER_ENDPOINTS_H_
#define ENTENTE_SERVER_ENDPOINTS_H_

#include <string_view>

#include "core/event_source.h"
#include "core/status.h"
#include "server/api_types.h"
#include "server/data_summary.h"

namespace entente::server {

// /api/info, dyad, phases, key-events, sectors, compare, scan, report and /report.html.
bool IsEndpoint(std::string_view path);

// REQUIRES: IsEndpoint(path); `summary` describes `source` as it is now.
Result<ApiResponse> ServeEndpoint(std::string_view path, const Params& params, EventSource& source,
                                  const DataSummary& summary);

}  // namespace entente::server

#endif  // ENTENTE_SERVER_ENDPOINTS_H_
