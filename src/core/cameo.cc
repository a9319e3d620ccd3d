// Parses the embedded codebook tables once and answers lookups by binary search over sorted
// vectors (see cameo.h for why that is enough at this size).
#include "core/cameo.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>

#include "core/embedded.h"
#include "core/event.h"
#include "core/tsv.h"

namespace entente {
namespace {

struct Codebook {
  std::vector<EventCodeInfo> events;
  std::vector<const EventCodeInfo*> roots;
  std::vector<CodeName> countries, types, groups, religions;
  std::vector<std::string_view> states;          // sorted; countries of kind "state"
  std::vector<std::string_view> entente_groups;  // sorted
};

bool ByCode(const CodeName& a, const CodeName& b) { return a.code < b.code; }

// Reads a code/name table; calls `extra(fields)` for tables with more columns.
std::vector<CodeName> LoadNames(
    std::string_view path,
    const std::function<void(const std::vector<std::string_view>&)>& extra = nullptr) {
  std::vector<CodeName> out;
  std::optional<std::string_view> bytes = EmbeddedFile(path);
  if (!bytes) return out;
  ForEachTsvRecord(*bytes, /*skip_header=*/true, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 2 || f[0].empty()) return;
    out.push_back(CodeName{f[0], f[1]});
    if (extra) extra(f);
  });
  std::sort(out.begin(), out.end(), ByCode);
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
  for (const EventCodeInfo& e : b.events) {
    if (e.code.size() == 2) b.roots.push_back(&e);
  }
  b.countries = LoadNames("cameo/countries.tsv", [&](const std::vector<std::string_view>& f) {
    if (f.size() >= 3 && f[2] == "state") b.states.push_back(f[0]);
  });
  std::sort(b.states.begin(), b.states.end());
  b.types = LoadNames("cameo/actortypes.tsv");
  b.groups = LoadNames("cameo/knowngroups.tsv", [&](const std::vector<std::string_view>& f) {
    if (f.size() >= 3 && f[2] == "entente") b.entente_groups.push_back(f[0]);
  });
  std::sort(b.entente_groups.begin(), b.entente_groups.end());
  b.religions = LoadNames("cameo/religions.tsv");
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

std::string_view EventCodeLabel(std::string_view code) {
  const EventCodeInfo* info = LookupEventCode(code);
  return info ? info->label : std::string_view();
}

std::string_view RootLabel(std::string_view code) {
  if (code.size() < 2) return {};
  return EventCodeLabel(code.substr(0, 2));
}

const std::vector<const EventCodeInfo*>& AllRootCodes() { return Book().roots; }

std::string_view QuadClassLabel(int quad) {
  switch (quad) {
    case 1: return "Verbal Cooperation";
    case 2: return "Material Cooperation";
    case 3: return "Verbal Conflict";
    case 4: return "Material Conflict";
    default: return {};
  }
}

bool IsCountryCode(std::string_view code) { return !FindName(Book().countries, code).empty(); }
std::string_view CountryName(std::string_view code) { return FindName(Book().countries, code); }
bool IsStateCode(std::string_view code) {
  const auto& v = Book().states;
  return std::binary_search(v.begin(), v.end(), code);
}
bool IsRegionCode(std::string_view code) { return IsCountryCode(code) && !IsStateCode(code); }

std::string_view TrimCode(std::string_view code) {
  while (!code.empty() && (code.front() == ' ' || code.front() == '\t')) code.remove_prefix(1);
  while (!code.empty() && (code.back() == ' ' || code.back() == '\t')) code.remove_suffix(1);
  return code;
}
const std::vector<CodeName>& AllCountries() { return Book().countries; }
std::string_view ActorTypeName(std::string_view code) { return FindName(Book().types, code); }
const std::vector<CodeName>& AllActorTypes() { return Book().types; }
std::string_view KnownGroupName(std::string_view code) { return FindName(Book().groups, code); }
const std::vector<CodeName>& AllKnownGroups() { return Book().groups; }
std::string_view ReligionName(std::string_view code) { return FindName(Book().religions, code); }
const std::vector<CodeName>& AllReligions() { return Book().religions; }

bool IsEntenteKnownGroup(std::string_view code) {
  const auto& v = Book().entente_groups;
  return std::binary_search(v.begin(), v.end(), code);
}

ActorCodeParts SplitActorCode(std::string_view code) {
  ActorCodeParts parts;
  // Some GDELT rows pad codes with spaces (" INDGOV" in 2013 daily files).
  code = TrimCode(code);
  for (size_t i = 0; i < code.size(); i += 3) {
    std::string_view p = code.substr(i, 3);
    // Order matters where tables overlap: PSE is a country and a group (country wins, as in
    // GDELT's Actor*CountryCode); UNO, AMN and IRC are groups and roles (group wins: GDELT codes
    // "IGOUNO" as type IGO, group UNO).
    if (parts.country.empty() && IsCountryCode(p)) {
      parts.country = p;
    } else if (parts.known_group.empty() && !KnownGroupName(p).empty()) {
      parts.known_group = p;
    } else if (!ActorTypeName(p).empty()) {
      parts.types.push_back(p);
    } else if (parts.religion.empty() && !ReligionName(p).empty()) {
      parts.religion = p;
    } else {
      parts.unknown.push_back(p);
    }
  }
  return parts;
}

namespace {

// True when `a` becomes `b` by adding, dropping or changing one letter.
bool OneEditApart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

}  // namespace

std::string ActorCodeHint(std::string_view code) {
  std::string_view trimmed = TrimCode(code);
  if (trimmed.empty()) return "";
  if (trimmed.size() % 3 == 0 && SplitActorCode(trimmed).unknown.empty()) {
    return "";
  }
  std::string hint = fmt::format("{} is no CAMEO actor code", trimmed);
  std::string upper(trimmed);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const CodeName& c : AllCountries()) {
    if (IsStateCode(c.code) && OneEditApart(upper, c.code)) {
      return fmt::format("{}; did you mean {}?", hint, c.code);
    }
  }
  return hint;
}

}  // namespace entente
