#include "report/palette.h"

#include <fmt/format.h>

#include <vector>

#include "core/sector.h"

namespace entente::report::palette {

std::string_view LevelColour(std::string_view label) {
  if (label == "hostile") return kVermillion;
  if (label == "tense") return kOrange;
  if (label == "cordial") return kSkyBlue;
  if (label == "close") return kBlue;
  return kGrey;  // neutral and anything unexpected
}

const std::string& PaletteJs() {
  static const std::string kJs = [] {
    std::vector<std::string> level, sector;
    for (std::string_view l : {"hostile", "tense", "neutral", "cordial", "close"}) {
      level.push_back(fmt::format("{}: '{}'", l, LevelColour(l)));
    }
    for (int s = 0; s < kSectorCount; ++s) {
      sector.push_back(fmt::format("{}: '{}'", SectorName(static_cast<Sector>(s)), kSector[s]));
    }
    return fmt::format(
        "// The report's palette (src/report/palette.h), served by entente for the dashboard.\n"
        "const PALETTE = {{ netCoop: '{}', goldstein: '{}', interval: '{}', level: {{ {} }},\n"
        "  quad: ['{}', '{}', '{}', '{}'], sector: {{ {} }} }};\n",
        kNetCoop, kGoldstein, kNetCoop, fmt::join(level, ", "), kQuad[0], kQuad[1], kQuad[2],
        kQuad[3], fmt::join(sector, ", "));
  }();
  return kJs;
}

}  // namespace entente::report::palette
