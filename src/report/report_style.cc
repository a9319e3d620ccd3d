#include "report/report_style.h"

#include "core/embedded.h"

namespace entente::report {

std::string_view ReportCss() {
  static const std::string_view kCss = FindEmbedded(WebFiles(), "report.css").value_or("");
  return kCss;
}

}  // namespace entente::report
