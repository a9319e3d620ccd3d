// Three tracks: the phases of a relation's tone, density and kind, each found on its own signal
// (FindPhases with kCoop, kDensity, kKind) so that each turn carries its own support, and every
// turn described by the measure that moved.
#include <algorithm>
#include <tuple>

#include "analysis/analysis.h"
#include "analysis/phase_inputs.h"

namespace entente::analysis {
namespace {

// The turns into every phase but the first of one track.
void AddTurns(const PhaseResult& r, std::vector<TrackTurn>* out) {
  for (size_t j = 1; j < r.phases.size(); ++j) {
    const Phase& before = r.phases[j - 1];
    const Phase& after = r.phases[j];
    TrackTurn t;
    t.track = r.signal;
    t.at = after.start_label;
    t.start = after.start;
    t.support = after.support;
    t.events = after.turning_events;
    switch (r.signal) {
      case PhaseSignal::kDensity:
        if (r.density_by_count) {
          t.measure = TrackTurn::Measure::kEventsPerPeriod;
          t.before = before.events / static_cast<double>(before.periods);
          t.after = after.events / static_cast<double>(after.periods);
        } else {
          t.measure = TrackTurn::Measure::kIntensity;
          std::tie(t.before, t.after) = std::pair(before.intensity, after.intensity);
        }
        break;
      case PhaseSignal::kKind: {
        t.measure = TrackTurn::Measure::kSectorShare;
        t.sector = RisingSector(before, after);
        const int rose = static_cast<int>(t.sector);
        std::tie(t.before, t.after) =
            std::pair(before.sector_share[rose], after.sector_share[rose]);
        break;
      }
      default:
        t.measure = TrackTurn::Measure::kNetCoop;
        std::tie(t.before, t.after) = std::pair(before.net_coop, after.net_coop);
    }
    out->push_back(std::move(t));
  }
}

}  // namespace

std::string_view TrackName(PhaseSignal track) {
  switch (track) {
    case PhaseSignal::kCoop: return "tone";
    case PhaseSignal::kDensity: return "density";
    case PhaseSignal::kKind: return "kind";
    case PhaseSignal::kVolume: return "volume";
    case PhaseSignal::kIntensity: return "intensity";
    case PhaseSignal::kSectors: return "sectors";
  }
  return "";
}

std::string MeasureName(const TrackTurn& turn) {
  switch (turn.measure) {
    case TrackTurn::Measure::kIntensity: return "intensity";
    case TrackTurn::Measure::kEventsPerPeriod: return "events per period";
    case TrackTurn::Measure::kSectorShare: return "share " + std::string(SectorName(turn.sector));
    case TrackTurn::Measure::kNetCoop: break;
  }
  return "net_coop";
}

Result<Tracks> FindTracks(EventSource& source, const std::string& a, const std::string& b,
                          const SeriesOptions& series_options, const PhaseOptions& phase_options) {
  Tracks tracks;
  PhaseOptions po = phase_options;
  SeriesOptions so = series_options;
  so.with_intensity = true;  // density is the dyad's share of its actors' events
  // One scan of the dyad serves the three signals.
  ASSIGN_OR_RETURN(PhaseInputs in, GatherPhaseInputs(source, a, b, so, po.novelty_years));
  std::tuple<PhaseSignal, PhaseResult*> runs[] = {{PhaseSignal::kCoop, &tracks.tone},
                                                  {PhaseSignal::kDensity, &tracks.density},
                                                  {PhaseSignal::kKind, &tracks.kind}};
  for (auto& [signal, result] : runs) {
    po.signal = signal;
    ASSIGN_OR_RETURN(*result, SegmentPhases(source, in, po));
    AddTurns(*result, &tracks.turns);
  }
  std::stable_sort(tracks.turns.begin(), tracks.turns.end(),
                   [](const TrackTurn& x, const TrackTurn& y) { return x.start < y.start; });
  return tracks;
}

}  // namespace entente::analysis
