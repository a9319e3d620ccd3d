// The dateline of a news article: "ISLAMABAD, Oct. 4 (Reuters) -", "NEW DELHI, 12 March 2014 —",
// "KYIV, Ukraine (AP) --". It says where the reporter was and, often, the day the article is
// about, and it is not part of any sentence: left in, its place name would be coded as an actor
// ("ISLAMABAD ... Pakistan's army chief said" is not an act of Islamabad).
//
// A dateline is looked for at the start of the document's first two lines (a headline may come
// first): a place in capitals (letters, spaces, '.', '-', '\''; at least three letters), a comma,
// then within 80 bytes a dash set off by spaces (" - ", " -- ", " – ", " — "). What lies between
// may hold a region, an agency in parentheses and a date, read as the coder reads dates in a
// sentence (dates.h), relative to the document date; without a date, every word before the agency
// must be capitalised ("KYIV, Ukraine (AP) --", not "NATO, the EU - ...").
#ifndef ENTENTE_CODER_DATELINE_H_
#define ENTENTE_CODER_DATELINE_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/date.h"

namespace entente::coder {

struct Dateline {
  size_t begin = 0, end = 0;      // [begin, end) in the document, the dash and a space included
  std::string_view place;         // "ISLAMABAD"
  std::optional<DateValue> date;  // when the dateline names one
};

std::optional<Dateline> FindDateline(std::string_view document, Days doc_date);

}  // namespace entente::coder

#endif  // ENTENTE_CODER_DATELINE_H_
