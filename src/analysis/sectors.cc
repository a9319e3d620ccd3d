// Sector series: events per period and sector (ClassifySector, core/sector.h).
#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <map>

#include "analysis/analysis.h"
#include "analysis/dyad_filter.h"
#include "analysis/salience.h"

namespace entente::analysis {
Result<std::vector<SectorPoint>> BuildSectorSeries(EventSource& source, const std::string& a,
                                                   const std::string& b, const SeriesOptions& o) {
  EventFilter f = DyadFilter(a, b, o);
  struct Acc {
    int64_t events = 0;
    double weight = 0, coop = 0, conf = 0, gsum = 0, gw = 0;
  };
  std::map<std::pair<Days, int>, Acc> acc;
  RETURN_IF_ERROR(source.Scan(f, [&](const EventRow& e) {
    Acc& x = acc[{PeriodStart(e.date, o.period), static_cast<int>(ClassifySector(e))}];
    double w = EventWeight(e, o.weight);
    x.events += 1;
    x.weight += w;
    if (e.quad == 1 || e.quad == 2) x.coop += w;
    if (e.quad == 3 || e.quad == 4) x.conf += w;
    if (!std::isnan(e.goldstein)) {
      x.gsum += w * e.goldstein;
      x.gw += w;
    }
    return true;
  }));
  std::vector<SectorPoint> out;
  for (const auto& [key, x] : acc) {
    SectorPoint p;
    p.period = key.first;
    p.label = FormatPeriod(key.first, o.period);
    p.sector = static_cast<Sector>(key.second);
    p.events = x.events;
    p.weight = x.weight;
    p.net_coop = x.coop + x.conf > 0 ? (x.coop - x.conf) / (x.coop + x.conf) : 0;
    p.goldstein_mean = x.gw > 0 ? x.gsum / x.gw : 0;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace entente::analysis
