// JSON forms of the analysis results, shared by `entente report --format json` and the dashboard
// API (src/server), so a field has one name and one meaning everywhere. docs/REPORT.md documents
// every field. Conventions: snake_case keys; dates "YYYY-MM-DD" (with a separate precision where
// an event's date may be known only to the month or year); NaN and infinities become null.
#ifndef ENTENTE_REPORT_REPORT_JSON_H_
#define ENTENTE_REPORT_REPORT_JSON_H_

#include <nlohmann/json.hpp>
#include <vector>

#include "analysis/analysis.h"
#include "report/report.h"

namespace entente::report {

nlohmann::json NumberJson(double v);  // null for NaN/inf
nlohmann::json EventJson(const Event& e);
nlohmann::json KeyEventJson(const analysis::KeyEvent& k);
nlohmann::json KeyEventsJson(const std::vector<analysis::KeyEvent>& events);
nlohmann::json SeriesJson(const analysis::Series& s);
nlohmann::json PhaseJson(const analysis::Phase& p);
nlohmann::json PhasesJson(const analysis::PhaseResult& r);  // phases + change points, no series
nlohmann::json SectorsJson(const std::vector<analysis::SectorPoint>& sectors);
nlohmann::json PairJson(const analysis::PairStats& p, const analysis::Comparison& c);
nlohmann::json ComparisonJson(const analysis::Comparison& c);
nlohmann::json ScanJson(const analysis::ScanResult& r);
nlohmann::json HeadlineJson(const Headline& h);
nlohmann::json ReportJson(const ReportData& d);

}  // namespace entente::report

#endif  // ENTENTE_REPORT_REPORT_JSON_H_
