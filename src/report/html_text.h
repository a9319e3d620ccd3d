// Text helpers for the HTML and SVG the report writes: escaping, number formatting that reads well
// to an analyst ("+0.42", "−3.1", "1,204"), and the checks a link must pass before it becomes an
// <a href>. Everything the report prints from data goes through Escape(), so a description or a
// citation with '<' or '"' in it can never break the page (the chronicle and GDELT URLs do hold
// '&', and a store can hold anything).
#ifndef ENTENTE_REPORT_HTML_TEXT_H_
#define ENTENTE_REPORT_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace entente::report {

// Escapes & < > " ' for use in element text and in double- or single-quoted attributes.
std::string Escape(std::string_view text);

// True for http:// and https:// URLs without spaces or control characters: the only links the
// report makes clickable (a javascript: or data: URL from a hostile file stays plain text).
bool IsSafeLink(std::string_view url);

// A number with `decimals` places and a sign ("+0.42", "-0.10", "0.00"); NaN gives "n/a".
std::string Signed(double value, int decimals);
// A number with `decimals` places; NaN gives "n/a".
std::string Fixed(double value, int decimals);
// An integer with thousands separators: 1204 -> "1,204".
std::string Thousands(long long value);
// Compact SVG coordinate: at most one decimal, no trailing ".0" ("12.5", "40").
std::string Coord(double value);

}  // namespace entente::report

#endif  // ENTENTE_REPORT_HTML_TEXT_H_
