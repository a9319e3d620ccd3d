// Sectors: which field of the relation an event belongs to. In order (METHODS.md "Sectors"):
//  1. Event.sector when the dataset sets it (the chronicle does, by hand);
//  2. event codes that name their field (062 military cooperation, 061 economic, 063/064
//     judicial and intelligence, 071/072 economic and military aid, 163 embargo, 15/18-20 force);
//  3. words in the text or URL (gas, pipeline, oil, LNG -> energy; arms, helicopter, exercise,
//     jets -> defence; ...), first sector in the table order whose word matches;
//  4. actor role codes (MIL -> defence, BUS -> trade, EDU -> culture, COP/SPY -> security);
//  5. otherwise diplomacy (visits, statements, meetings: the bulk of any dyad).
#include "core/sector.h"

#include <fmt/format.h>

#include <cctype>

#include "core/words.h"

namespace entente {
namespace {

struct CodeSector {
  std::string_view prefix;
  Sector sector;
};

constexpr CodeSector kCodeSectors[] = {
    {"0311", Sector::kTrade},    {"0312", Sector::kDefence}, {"0313", Sector::kSecurity},
    {"0314", Sector::kSecurity}, {"061", Sector::kTrade},    {"062", Sector::kDefence},
    {"063", Sector::kSecurity},  {"064", Sector::kSecurity}, {"071", Sector::kTrade},
    {"072", Sector::kDefence},   {"074", Sector::kDefence},  {"0811", Sector::kTrade},
    {"163", Sector::kTrade},     {"1621", Sector::kTrade},   {"1622", Sector::kDefence},
    {"15", Sector::kDefence},    {"18", Sector::kSecurity},  {"19", Sector::kDefence},
    {"20", Sector::kDefence},
};

struct WordSector {
  std::string_view word;
  Sector sector;
};

// Substrings (lower case) of text or URL; the first match in this order wins, so the narrow
// fields (energy, defence) come before the broad ones (trade).
constexpr WordSector kWordSectors[] = {
    {"pipeline", Sector::kEnergy},
    {"gas", Sector::kEnergy},
    {"lng", Sector::kEnergy},
    {"oil", Sector::kEnergy},
    {"crude", Sector::kEnergy},
    {"energy", Sector::kEnergy},
    {"electricity", Sector::kEnergy},
    {"power plant", Sector::kEnergy},
    {"refiner", Sector::kEnergy},
    {"nuclear power", Sector::kEnergy},
    {"arms", Sector::kDefence},
    {"weapon", Sector::kDefence},
    {"helicopter", Sector::kDefence},
    {"exercise", Sector::kDefence},
    {"jets", Sector::kDefence},
    {"fighter", Sector::kDefence},
    {"defence", Sector::kDefence},
    {"defense", Sector::kDefence},
    {"military", Sector::kDefence},
    {"missile", Sector::kDefence},
    {"naval", Sector::kDefence},
    {"navy", Sector::kDefence},
    {"mi-35", Sector::kDefence},
    {"mi-17", Sector::kDefence},
    {"terror", Sector::kSecurity},
    {"extremis", Sector::kSecurity},
    {"taliban", Sector::kSecurity},
    {"narcotic", Sector::kSecurity},
    {"drug traffick", Sector::kSecurity},
    {"security", Sector::kSecurity},
    {"intelligence", Sector::kSecurity},
    {"insurgen", Sector::kSecurity},
    {"trade", Sector::kTrade},
    {"invest", Sector::kTrade},
    {"econom", Sector::kTrade},
    {"loan", Sector::kTrade},
    {"credit", Sector::kTrade},
    {"steel", Sector::kTrade},
    {"export", Sector::kTrade},
    {"import", Sector::kTrade},
    {"tariff", Sector::kTrade},
    {"railway", Sector::kTrade},
    {"business", Sector::kTrade},
    {"wheat", Sector::kTrade},
    {"bank", Sector::kTrade},
    {"cultur", Sector::kCulture},
    {"educat", Sector::kCulture},
    {"student", Sector::kCulture},
    {"universit", Sector::kCulture},
    {"scholarship", Sector::kCulture},
    {"film", Sector::kCulture},
    {"sport", Sector::kCulture},
    {"touris", Sector::kCulture},
    {"academ", Sector::kCulture},
    {"language", Sector::kCulture},
};

struct TypeSector {
  std::string_view type;
  Sector sector;
};

constexpr TypeSector kTypeSectors[] = {
    {"MIL", Sector::kDefence},  {"BUS", Sector::kTrade},    {"EDU", Sector::kCulture},
    {"COP", Sector::kSecurity}, {"SPY", Sector::kSecurity},
};

bool HasType(const ActorRow& a, std::string_view type) {
  return a.type1 == type || a.type2 == type || a.type3 == type ||
         (a.code.size() >= 6 && a.code.substr(3).starts_with(type));
}

}  // namespace

std::string_view SectorName(Sector s) {
  switch (s) {
    case Sector::kEnergy: return "energy";
    case Sector::kDefence: return "defence";
    case Sector::kTrade: return "trade";
    case Sector::kSecurity: return "security";
    case Sector::kDiplomacy: return "diplomacy";
    case Sector::kCulture: return "culture";
  }
  return "diplomacy";
}

Result<Sector> ParseSector(std::string_view t) {
  std::string s;
  for (char c : t) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s == "energy") return Sector::kEnergy;
  if (s == "defence" || s == "defense" || s == "military") return Sector::kDefence;
  if (s == "trade" || s == "investment" || s == "economy" || s == "economic") return Sector::kTrade;
  if (s == "security" || s == "counter-terrorism" || s == "counterterrorism")
    return Sector::kSecurity;
  if (s == "diplomacy" || s == "diplomatic" || s == "political") return Sector::kDiplomacy;
  if (s == "culture" || s == "education") return Sector::kCulture;
  return Status::InvalidArgument(fmt::format(
      "bad sector '{}': expected energy, defence, trade, security, diplomacy or culture", t));
}

Sector ClassifySector(const EventRow& e) {
  if (!e.sector.empty()) {
    // The first word when the field holds several ("trade,energy").
    std::string_view first = e.sector.substr(0, e.sector.find_first_of(",;/ "));
    if (Result<Sector> s = ParseSector(first); s.ok()) return *s;
  }
  for (const CodeSector& c : kCodeSectors) {
    if (e.code.starts_with(c.prefix)) return c.sector;
  }
  // Lowered once: every event of an export or a sector series asks some fifty words of them.
  LowerText text(e.text), url(e.url);
  for (const WordSector& w : kWordSectors) {
    if (text.HasWordStart(w.word) || url.HasWordStart(w.word)) return w.sector;
  }
  for (const TypeSector& t : kTypeSectors) {
    if (HasType(e.source, t.type) || HasType(e.target, t.type)) return t.sector;
  }
  return Sector::kDiplomacy;
}

}  // namespace entente
