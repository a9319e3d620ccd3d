// A URL as its host plus a path *shape*: separators and structural words ("news", "article",
// "html") kept, headline words and numbers abstracted ({w} a slug word, {W} Title case, {U} upper
// case, {dN} N digits, {xN} N lowercase alphanumerics), as tools/derive_gen_tables.py writes them
// to data/gen/urls.tsv. Expanding a shape with random words and digits gives URLs with the lengths,
// hosts and texture of real SOURCEURLs without reproducing any of them (and without the unrealistic
// compressibility of a few URLs repeated).
#ifndef ENTENTE_GEN_URL_SHAPE_H_
#define ENTENTE_GEN_URL_SHAPE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "gen/alias_table.h"
#include "gen/rng.h"

namespace entente::gen {

struct UrlPiece {
  enum Kind : uint8_t { kLiteral, kWord, kTitleWord, kUpperWord, kDigits, kAlnum };
  Kind kind = kLiteral;
  uint16_t length = 0;    // kDigits, kAlnum
  std::string_view text;  // kLiteral
};

struct UrlShape {
  std::string_view host;  // "https://www.example.com"
  std::vector<UrlPiece> pieces;
};

// Parses a shape ("/news/{w}-{w}/{d7}/"); InvalidArgument on an unknown or unclosed {...}.
// REQUIRES: `host` and `shape` outlive the result.
Result<UrlShape> ParseUrlShape(std::string_view host, std::string_view shape);

// Appends host + expanded path to `out`, drawing words from `words` by `word_table`.
void ExpandUrl(const UrlShape& shape, const std::vector<std::string_view>& words,
               const AliasTable& word_table, Rng& rng, std::string* out);

}  // namespace entente::gen

#endif  // ENTENTE_GEN_URL_SHAPE_H_
