// The report's colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which
// stays distinguishable under the common colour-vision deficiencies, so no chart relies on a
// red/green contrast. Every series also differs by something other than hue where it matters
// (dashes for the Goldstein line, order and legends for stacks). The dashboard (web/app.js)
// reads the same values from PaletteJs, which the server serves as /palette.js: the palette is
// defined here only.
#ifndef ENTENTE_REPORT_PALETTE_H_
#define ENTENTE_REPORT_PALETTE_H_

#include <string>
#include <string_view>

namespace entente::report::palette {

inline constexpr std::string_view kBlack = "#000000";
inline constexpr std::string_view kOrange = "#E69F00";
inline constexpr std::string_view kSkyBlue = "#56B4E9";
inline constexpr std::string_view kGreen = "#009E73";
inline constexpr std::string_view kYellow = "#F0E442";
inline constexpr std::string_view kBlue = "#0072B2";
inline constexpr std::string_view kVermillion = "#D55E00";
inline constexpr std::string_view kPurple = "#CC79A7";
inline constexpr std::string_view kGrey = "#8C8C8C";

// Lines of the series chart.
inline constexpr std::string_view kNetCoop = kBlack;
inline constexpr std::string_view kGoldstein = kPurple;

// QuadClass 1..4 (index quad - 1): cooperation in blues, conflict in orange/vermillion.
inline constexpr std::string_view kQuad[4] = {kSkyBlue, kBlue, kOrange, kVermillion};

// Sectors in analysis::Sector order: energy, defence, trade, security, diplomacy, culture.
inline constexpr std::string_view kSector[6] = {kOrange, kVermillion, kGreen,
                                                kPurple, kBlue,       kSkyBlue};

// Phase bands by level label (drawn at low opacity behind the lines).
std::string_view LevelColour(std::string_view label);

// The palette as a script for the dashboard: `const PALETTE = {netCoop, goldstein, interval,
// level: {hostile: …}, quad: [vcoop, mcoop, vconf, mconf], sector: {energy: …}};`.
const std::string& PaletteJs();

}  // namespace entente::report::palette

#endif  // ENTENTE_REPORT_PALETTE_H_
