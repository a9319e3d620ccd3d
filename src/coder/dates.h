// Dates named in a sentence, resolved against the document date: an event reported on
// 2012-10-05 as happening "yesterday" happened on 2012-10-04, and a sentence about a treaty
// signed "in 1950" is an event of 1950 (year precision), not of the article's date. TABARI never
// moves events this way; for a historical chronicle it matters most.
//
// Recognised: "in 2007" (year), "in October 2012" / "October 2012" (month), "on October 4,
// 2012", "Oct. 4, 2012", "4 October 2012" (day), "October 4" / "Oct. 4" (day; the year is the
// document's, or the one before when that would lie in the future), "in March" (month, same
// rule), "yesterday", "today", "last week" (7 days before), "last month", "last year", and weekday
// names "on Monday" (the latest such day on or before the document date).
// The first date expression in the sentence wins.
#ifndef ENTENTE_CODER_DATES_H_
#define ENTENTE_CODER_DATES_H_

#include <optional>
#include <vector>

#include "coder/text.h"
#include "core/date.h"

namespace entente::coder {

std::optional<DateValue> ExtractDate(const std::vector<Token>& tokens, Days doc_date);

}  // namespace entente::coder

#endif  // ENTENTE_CODER_DATES_H_
