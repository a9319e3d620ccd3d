// Hand-made events for the analysis tests (header-only, tests only).
#ifndef ENTENTE_ANALYSIS_TEST_EVENTS_H_
#define ENTENTE_ANALYSIS_TEST_EVENTS_H_

#include <string>

#include "core/date.h"
#include "core/event.h"

namespace entente::analysis::testing {

// An event between two country codes on a date ("2012-10-04" or "2012"), with a CAMEO code; quad
// and Goldstein are given (the tests do not depend on the codebook).
inline Event MakeEvent(const std::string& date, const std::string& src, const std::string& tgt,
                       const std::string& code, int quad, float goldstein,
                       const std::string& text = "", int articles = 0) {
  Event e;
  e.dataset = "test";
  DateValue d = *ParseDate(date);
  e.date = d.days;
  e.precision = d.precision;
  e.source.code = src;
  e.source.country = src.substr(0, 3);
  e.target.code = tgt;
  e.target.country = tgt.substr(0, 3);
  e.code = code;
  e.base_code = code.substr(0, 3);
  e.root_code = code.substr(0, 2);
  e.quad = static_cast<int8_t>(quad);
  e.goldstein = goldstein;
  e.text = text;
  e.articles = articles;
  return e;
}

}  // namespace entente::analysis::testing

#endif  // ENTENTE_ANALYSIS_TEST_EVENTS_H_
