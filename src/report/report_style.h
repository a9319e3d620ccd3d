// The report page's stylesheet, web/report.css, inline in every report (no external CSS, no web
// fonts: the system sans-serif stack renders everywhere offline). A file of its own, beside the
// dashboard's, so the layout code reads as structure and the stylesheet as presentation.
#ifndef ENTENTE_REPORT_REPORT_STYLE_H_
#define ENTENTE_REPORT_REPORT_STYLE_H_

#include <string_view>

namespace entente::report {

std::string_view ReportCss();

}  // namespace entente::report

#endif  // ENTENTE_REPORT_REPORT_STYLE_H_
