#include "core/cameo.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string>

#include "core/embedded.h"
#include "core/event.h"
#include "core/tsv.h"

namespace entente {
namespace {

struct Codebook {
  std::vector<EventCodeInfo> events;
  std::vector<CodeName> countries, types, groups;
};

std::vector<CodeName> LoadNames(std::string_view path) {
  std::vector<CodeName> out;
  std::optional<std::string_view> bytes = EmbeddedFile(path);
  if (!bytes) return out;
  ForEachTsvRecord(*bytes, /*skip_header=*/true, [&](const std::vector<std::string_view>& f) {
    if (f.size() >= 2 && !f[0].empty()) out.push_back(CodeName{f[0], f[1]});
  });
  std::sort(out.begin(), out.end(),
            [](const CodeName& a, const CodeName& b) { return a.code < b.code; });
  return out;
}

Codebook Load() {
  Codebook b;
  if (std::optional<std::string_view> bytes = EmbeddedFile("cameo/eventcodes.tsv")) {
    ForEachTsvRecord(*bytes, true, [&](const std::vector<std::string_view>& f) {
      if (f.size() < 3 || f[0].empty()) return;
      EventCodeInfo info;
      info.code = f[0];
      info.label = f[1];
      info.base = f[0].substr(0, std::min<size_t>(3, f[0].size()));
      info.root = RootOf(f[0]);
      info.quad = QuadClassOfRoot(info.root);
      std::string g(f[2]);
      info.goldstein = std::strtof(g.c_str(), nullptr);
      b.events.push_back(info);
    });
  }
  std::sort(b.events.begin(), b.events.end(),
            [](const EventCodeInfo& x, const EventCodeInfo& y) { return x.code < y.code; });
  b.countries = LoadNames("cameo/countries.tsv");
  b.types = LoadNames("cameo/actortypes.tsv");
  b.groups = LoadNames("cameo/knowngroups.tsv");
  return b;
}

const Codebook& Book() {
  static const Codebook kBook = Load();
  return kBook;
}

std::string_view FindName(const std::vector<CodeName>& v, std::string_view code) {
  auto it = std::lower_bound(v.begin(), v.end(), code,
                             [](const CodeName& c, std::string_view k) { return c.code < k; });
  return it != v.end() && it->code == code ? it->name : std::string_view();
}

}  // namespace

const EventCodeInfo* LookupEventCode(std::string_view code) {
  const auto& v = Book().events;
  auto it = std::lower_bound(v.begin(), v.end(), code,
                             [](const EventCodeInfo& c, std::string_view k) { return c.code < k; });
  return it != v.end() && it->code == code ? &*it : nullptr;
}

const std::vector<EventCodeInfo>& AllEventCodes() { return Book().events; }

bool IsCountryCode(std::string_view code) { return !FindName(Book().countries, code).empty(); }
std::string_view CountryName(std::string_view code) { return FindName(Book().countries, code); }
const std::vector<CodeName>& AllCountries() { return Book().countries; }
std::string_view ActorTypeName(std::string_view code) { return FindName(Book().types, code); }
const std::vector<CodeName>& AllActorTypes() { return Book().types; }
std::string_view KnownGroupName(std::string_view code) { return FindName(Book().groups, code); }
const std::vector<CodeName>& AllKnownGroups() { return Book().groups; }

}  // namespace entente
