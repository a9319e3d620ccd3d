#include "io/icews_names.h"

#include <string>
#include <unordered_map>

#include "core/embedded.h"
#include "core/tsv.h"
#include "core/words.h"

namespace entente::io {
namespace {

using NameTable = std::unordered_map<std::string, std::string_view>;

NameTable Load(std::string_view path) {
  NameTable t;
  if (auto bytes = EmbeddedFile(path)) {
    ForEachTsvRecord(*bytes, /*skip_header=*/true, [&](const std::vector<std::string_view>& f) {
      if (f.size() >= 2 && !f[0].empty() && !f[1].empty()) t.emplace(AsciiLower(f[0]), f[1]);
    });
  }
  return t;
}

std::string_view Find(const NameTable& t, std::string_view name) {
  if (name.empty()) return {};
  auto it = t.find(AsciiLower(name));
  return it == t.end() ? std::string_view() : it->second;
}

}  // namespace

std::string_view CountryCodeForName(std::string_view name) {
  static const NameTable kTable = Load("io/icews_countries.tsv");
  return Find(kTable, name);
}

std::string_view TypeCodeForSector(std::string_view sector) {
  static const NameTable kTable = Load("io/icews_sectors.tsv");
  return Find(kTable, sector);
}

}  // namespace entente::io
