// Readers for the dictionaries of the older coders, so that `entente code --dict DIR` can use
// the CAMEO dictionaries written for TABARI and PETRARCH over two decades (about 15,000 verb
// patterns and 60,000 actor phrases) and so that their validation suites can be scored.
//
//   TABARI   (TABARI 0.8 manual):  .verbs (verb lines with [code], "- pre * post [code]"
//            patterns, <SYNSETS>, <TIME>/<NOUN>/<ADJECTIVE> sections), .actors (PHRASE [CODE
//            dates] with >YYMMDD, <YYMMDD, YYMMDD-YYMMDD restrictions), .agents ([~GOV], [NGO~]),
//            .options (read for nothing we use yet; accepted), .project (names the other files).
//            A word without a final '_' is a stem: it matches any word it begins.
//   PETRARCH (petrarch2 docs/dictionaries.rst): verb blocks "--- NAME [code] ---" with synonym
//            lines and patterns, &SYNSETs; actors with '+' synonyms and indented dated codes;
//            agents with !SUBSTITUTION! sets.
// Shallow reading: pattern words are matched in order near the verb, ignoring the parse
// structure PETRARCH reads ('(' ')' '{' '}' '$' '+' '^' '%' are dropped).
//
// Encodings: the files mix ASCII, Latin-1 / Mac-Roman, CRLF line ends and stray control bytes
// (0x1A, NUL). Bytes that are not valid UTF-8 are taken as Latin-1; control bytes are dropped.
// Lines that cannot be read are counted (ForeignStats) and skipped, never fatal.
#ifndef ENTENTE_CODER_FOREIGN_READER_H_
#define ENTENTE_CODER_FOREIGN_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "coder/dictionary.h"
#include "core/status.h"

namespace entente::coder {

enum class ForeignKind {
  kUnknown,
  kEntente,
  kTabariProject,
  kTabariOptions,
  kTabariVerbs,
  kTabariActors,
  kTabariAgents,
  kPetrarchVerbs,
  kPetrarchActors,
  kPetrarchAgents,
};

ForeignKind ClassifyDictionaryFile(std::string_view name);

// Loads one file of any known kind (a .project loads the files it names).
Status LoadDictionaryFile(const std::string& path, Dictionary* dict);

// Reads the bytes of one TABARI or PETRARCH file into `dict`.
Status ReadForeignDict(ForeignKind kind, std::string_view path, std::string_view bytes,
                       Dictionary* dict);

// The dictionary files a TABARI .project names (<actorsfile>, <verbsfile>, <agentsfile>,
// <optionsfile>), in that order.
std::vector<std::string> TabariProjectFiles(std::string_view bytes);

// Bytes to clean UTF-8: Latin-1 for invalid sequences, control bytes dropped, CR dropped.
std::string CleanLegacyText(std::string_view bytes);

}  // namespace entente::coder

#endif  // ENTENTE_CODER_FOREIGN_READER_H_
