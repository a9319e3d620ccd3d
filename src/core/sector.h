// Sectors: which field of a relation an event belongs to (energy, defence, trade, security,
// diplomacy, culture). A property of the event, derived from what it carries, so every output that
// shows an event (events, export, the report, the API) gives the same sector as `sectors` counts.
#ifndef ENTENTE_CORE_SECTOR_H_
#define ENTENTE_CORE_SECTOR_H_

#include <string_view>

#include "core/event.h"
#include "core/status.h"

namespace entente {

enum class Sector { kEnergy, kDefence, kTrade, kSecurity, kDiplomacy, kCulture };
inline constexpr int kSectorCount = 6;
std::string_view SectorName(Sector s);
Result<Sector> ParseSector(std::string_view text);  // accepts "defense", "investment", ...

// The sector of one event: Event.sector when set, else its code, words in text/url, actor types;
// diplomacy when nothing says otherwise (METHODS.md "Sectors").
Sector ClassifySector(const EventRow& e);

}  // namespace entente

#endif  // ENTENTE_CORE_SECTOR_H_
