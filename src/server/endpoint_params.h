// Query parameters of the API endpoints, checked and converted: actor codes, whole numbers in a
// range, the dyad list of /api/compare, and by/from/to. Bad input is InvalidArgument with a
// message that names the parameter and shows what was expected (the API answers 400).
#ifndef ENTENTE_SERVER_ENDPOINT_PARAMS_H_
#define ENTENTE_SERVER_ENDPOINT_PARAMS_H_

#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "core/status.h"
#include "server/api_types.h"
#include "server/data_summary.h"

namespace entente::server {

// The first value of `name`, or `fallback`.
std::string Param(const Params& p, const std::string& name, std::string fallback = "");
// An actor code: letters and digits, at most 30, upper-cased.
Result<std::string> ActorParam(const Params& p, const std::string& name);
Result<int> IntParam(const Params& p, const std::string& name, int fallback, int lo, int hi);
// "PAK-RUS,IND-RUS" (also '_' or ':' between the actors).
Result<std::vector<analysis::DyadName>> DyadListParam(const std::string& list);

// by, from, to. from/to are clipped to the data's date range and the grid they span is checked
// (analysis::CheckPeriodGrid).
// root_only (0/1), min_sources, min_articles: the noise filters (core/filter.h EventQuality).
Result<EventQuality> QualityParams(const Params& p);
Status RangeParams(const Params& p, const DataSummary& data, analysis::SeriesOptions* o);

struct DyadArgs {
  std::string a, b;
  analysis::SeriesOptions series;
};
// a, b (different), by, from, to.
Result<DyadArgs> ParseDyad(const Params& p, const DataSummary& data);

}  // namespace entente::server

#endif  // ENTENTE_SERVER_ENDPOINT_PARAMS_H_
