// Reader for entente's own dictionary format (data/dict/*.dict; the format is documented in
// docs/CODER.md, version 1). One statement per line; '#' starts a comment:
//
//   actor CODE = phrase | phrase ...          a country, capital or organisation
//   person = phrase | phrase ...              a named person, followed by indented lines
//     CODE FROM..TO                           the code while in office (either end may be empty)
//     else CODE                               the code outside every range (optional)
//   agent TYPE = phrase | ...                 a role: GOV, MIL, BUS...; "NGO~" puts it first
//   cue NAME = phrase | ...                   function words (negation, future, refuse, ...)
//   noun CODE[:PAIRED] = phrase | ...         an event noun ("visit", "talks", "sanctions")
//   verb LEMMA [{FORM FORM}] [CODE[:PAIRED]] [rev]
//     - PRE WORDS * POST WORDS CODE[:PAIRED]  a pattern: words before / after the verb
//
// Errors read `path:line: what is wrong`; a bad line stops loading (our files must be clean).
#ifndef ENTENTE_CODER_DICT_READER_H_
#define ENTENTE_CODER_DICT_READER_H_

#include <string_view>

#include "coder/dictionary.h"
#include "core/status.h"

namespace entente::coder {

Status ReadEntenteDict(std::string_view path, std::string_view text, Dictionary* dict);

// Loads every data/dict/*.dict file compiled into the binary.
Status LoadEmbeddedDictionaries(Dictionary* dict);

// "042:043" -> code "042", paired "043"; "---" -> empty code. False when not a code.
bool ParseCodePair(std::string_view text, std::string* code, std::string* paired);

}  // namespace entente::coder

#endif  // ENTENTE_CODER_DICT_READER_H_
