// The names by which the command line and the files we write spell an enum's values, kept in one
// table that both parsing and printing read, so that the two directions cannot drift apart and an
// error's "expected ..." list names exactly what is accepted.
//
// A value may have a second name: its entry follows the first name's, and the error list writes
// it in brackets after the first ("coop (or tone)"). Printing uses the first name.
#ifndef ENTENTE_CORE_ENUM_NAMES_H_
#define ENTENTE_CORE_ENUM_NAMES_H_

#include <fmt/format.h>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"

namespace entente {

template <typename E>
struct EnumName {
  std::string_view name;
  E value;
};

// The names as an error lists them: "year, quarter, month, week or day".
// REQUIRES: names is not empty.
template <typename E>
std::string EnumNameList(std::span<const EnumName<E>> names) {
  size_t last = names.size() - 1;  // the last first name
  while (last > 0 && names[last].value == names[last - 1].value) --last;
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0 && names[i].value == names[i - 1].value) {
      out += fmt::format(" (or {})", names[i].name);
      continue;
    }
    if (i > 0) out += i == last ? " or " : ", ";
    out += names[i].name;
  }
  return out;
}

// The value named `text`; InvalidArgument "bad {what} '{text}': expected {list}" otherwise.
template <typename E, size_t N>
Result<E> ParseEnumName(std::string_view text, const EnumName<E> (&names)[N],
                        std::string_view what) {
  for (const EnumName<E>& n : names) {
    if (n.name == text) return n.value;
  }
  return Status::InvalidArgument(
      fmt::format("bad {} '{}': expected {}", what, text, EnumNameList<E>(names)));
}

// The first name of `value`, "?" for a value the table lacks.
template <typename E, size_t N>
std::string_view NameOfEnum(E value, const EnumName<E> (&names)[N]) {
  for (const EnumName<E>& n : names) {
    if (n.value == value) return n.name;
  }
  return "?";
}

}  // namespace entente

#endif  // ENTENTE_CORE_ENUM_NAMES_H_
