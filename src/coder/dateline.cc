#include "coder/dateline.h"

#include <cctype>
#include <string>

#include "coder/dates.h"
#include "coder/text.h"

namespace entente::coder {
namespace {

constexpr size_t kMaxDatelineTail = 80;  // bytes between the place's comma and the dash

// The length of a capitalised place at the start of `line` ending just before a comma; 0 if none.
size_t PlaceLength(std::string_view line) {
  size_t letters = 0, i = 0;
  for (; i < line.size() && line[i] != ','; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (std::isupper(c)) {
      ++letters;
    } else if (c != ' ' && c != '.' && c != '-' && c != '\'') {
      return 0;  // a lower-case letter, a digit: a sentence, not a dateline
    }
  }
  return i < line.size() && letters >= 3 ? i : 0;
}

// Whether every word of `s` starts with a capital or a digit ("Pakistan", "Oct. 4"): a region or
// a date, not the words of a sentence ("NATO, the EU - ...").
bool OnlyCapitalisedWords(std::string_view s) {
  bool word_start = true;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (word_start && std::islower(c)) return false;
    word_start = c == ' ';
  }
  return true;
}

// Where the dash that ends a dateline starts in `tail`, and how long it is with its spaces.
std::optional<std::pair<size_t, size_t>> FindDash(std::string_view tail) {
  for (std::string_view dash : {" -- ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - "}) {
    size_t at = tail.find(dash);
    if (at != std::string_view::npos && at <= kMaxDatelineTail) {
      return std::pair<size_t, size_t>{at, dash.size()};
    }
  }
  return std::nullopt;
}

std::optional<Dateline> DatelineAt(std::string_view doc, size_t line_begin, Days doc_date) {
  size_t end_of_line = doc.find('\n', line_begin);
  std::string_view line =
      doc.substr(line_begin, end_of_line == std::string_view::npos ? std::string_view::npos
                                                                   : end_of_line - line_begin);
  size_t place = PlaceLength(line);
  if (place == 0) return std::nullopt;
  std::string_view tail = line.substr(place + 1);
  std::optional<std::pair<size_t, size_t>> dash = FindDash(tail);
  if (!dash) return std::nullopt;
  Dateline d;
  d.begin = line_begin;
  d.end = line_begin + place + 1 + dash->first + dash->second;
  d.place = line.substr(0, place);
  while (!d.place.empty() && d.place.back() == ' ') d.place.remove_suffix(1);
  std::string_view between = tail.substr(0, dash->first);
  TokenizedSentence tokens;
  Tokenize(between, &tokens);
  d.date = ExtractDate(tokens.tokens, doc_date);
  const size_t agency = between.find('(');
  if (!d.date && !OnlyCapitalisedWords(between.substr(0, agency))) return std::nullopt;
  return d;
}

}  // namespace

std::optional<Dateline> FindDateline(std::string_view document, Days doc_date) {
  size_t line = 0;
  for (int tries = 0; tries < 2 && line < document.size(); ++tries) {
    while (line < document.size() && std::isspace(static_cast<unsigned char>(document[line]))) {
      ++line;
    }
    if (std::optional<Dateline> d = DatelineAt(document, line, doc_date)) return d;
    line = document.find('\n', line);
    if (line == std::string_view::npos) break;
  }
  return std::nullopt;
}

}  // namespace entente::coder
