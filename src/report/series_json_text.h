// A series' JSON (report_json.h SeriesJson) written straight to text, without building the JSON
// tree: the same bytes as SeriesJson(s) dumped compactly (keys in order, numbers as nlohmann's
// shortest round-trip form). The dashboard's /api/dyad answers with it: a weekly series of ten
// years is ~520 objects of 14 members, and building and freeing that tree cost more than the
// analysis behind it.
#ifndef ENTENTE_REPORT_SERIES_JSON_TEXT_H_
#define ENTENTE_REPORT_SERIES_JSON_TEXT_H_

#include <string>

#include "analysis/analysis.h"

namespace entente::report {

std::string SeriesJsonText(const analysis::Series& s);

// Appends `v` as nlohmann::json dumps a double: null when not finite, "-0.0", "100.0",
// "0.0001", "1e-05", "1.5e+20".
void AppendJsonNumber(double v, std::string* out);

}  // namespace entente::report

#endif  // ENTENTE_REPORT_SERIES_JSON_TEXT_H_
