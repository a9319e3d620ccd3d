#include "core/plover.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/embedded.h"
#include "core/tsv.h"

namespace entente {
namespace {

using Row = std::pair<std::string_view, PloverCoding>;  // CAMEO code, its PLOVER coding

std::vector<Row> Load() {
  std::vector<Row> rows;
  if (std::optional<std::string_view> bytes = EmbeddedFile("cameo/plover.tsv")) {
    ForEachTsvRecord(*bytes, /*skip_header=*/true, [&](const std::vector<std::string_view>& f) {
      if (f.size() < 2 || f[0].empty() || f[1].empty()) return;
      rows.push_back({f[0], PloverCoding{f[1], f.size() > 2 ? f[2] : std::string_view(),
                                         f.size() > 3 ? f[3] : std::string_view()}});
    });
  }
  std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return x.first < y.first; });
  return rows;
}

const PloverCoding* Find(std::string_view code) {
  static const std::vector<Row> kRows = Load();
  auto it = std::lower_bound(kRows.begin(), kRows.end(), code,
                             [](const Row& r, std::string_view k) { return r.first < k; });
  return it != kRows.end() && it->first == code ? &it->second : nullptr;
}

}  // namespace

const PloverCoding* PloverOf(std::string_view cameo_code) {
  for (size_t len = std::min<size_t>(cameo_code.size(), 4); len >= 2; --len) {
    if (const PloverCoding* p = Find(cameo_code.substr(0, len))) return p;
  }
  return nullptr;
}

}  // namespace entente
