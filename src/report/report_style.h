// The report page's stylesheet, inline in every report (no external CSS, no web fonts: the system
// sans-serif stack renders everywhere offline). Kept apart from the page builder so the layout
// code reads as structure and this file as presentation.
#ifndef ENTENTE_REPORT_REPORT_STYLE_H_
#define ENTENTE_REPORT_REPORT_STYLE_H_

#include <string_view>

namespace entente::report {

std::string_view ReportCss();

}  // namespace entente::report

#endif  // ENTENTE_REPORT_REPORT_STYLE_H_
