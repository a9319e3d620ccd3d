// BuildReport: one call per analysis the report shows, in the order the page reads.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "core/cameo.h"
#include "report/headline.h"
#include "report/report.h"
#include "report/triangle.h"

namespace entente::report {

std::string ActorDisplayName(const std::string& code) {
  std::string_view name = CountryName(code);
  if (name.empty()) name = KnownGroupName(code);
  return name.empty() ? code : std::string(name);
}

Result<ReportData> BuildReport(EventSource& source, const ReportOptions& options) {
  if (options.a.empty() || options.b.empty()) {
    return Status::InvalidArgument("a report needs two actors, e.g. PAK RUS");
  }
  if (options.a == options.b) {
    return Status::InvalidArgument(
        fmt::format("a report needs two different actors (got {} twice)", options.a));
  }
  if (options.from && options.to && *options.from > *options.to) {
    return Status::InvalidArgument("--from is after --to");
  }
  ReportData data;
  data.options = options;
  data.a_name = ActorDisplayName(options.a);
  data.b_name = ActorDisplayName(options.b);

  // The dyad's extent: event count and first/last date (a dyad is small; one scan).
  EventFilter filter;
  filter.dyad_a = options.a;
  filter.dyad_b = options.b;
  filter.from = options.from;
  filter.to = options.to;
  filter.quality = options.quality;
  Days first = std::numeric_limits<Days>::max(), last = std::numeric_limits<Days>::min();
  RETURN_IF_ERROR(source.Scan(filter, [&](const EventRow& e) {
    ++data.events;
    first = std::min(first, e.date);
    last = std::max(last, e.date);
    return true;
  }));
  if (data.events == 0) {
    return analysis::NoDyadEvents(
        options.a, options.b,
        fmt::format("{} in the {}", options.from || options.to ? " in that date range" : "",
                    source.Describe()));
  }
  data.first_date = first;
  data.last_date = last;

  analysis::SeriesOptions so;
  so.period = options.period;
  so.from = options.from;
  so.to = options.to;
  so.quality = options.quality;
  ASSIGN_OR_RETURN(analysis::Tracks tracks, analysis::FindTracks(source, options.a, options.b, so,
                                                                 analysis::PhaseOptions{}));
  data.phases = std::move(tracks.tone);
  data.density = std::move(tracks.density);
  data.kind = std::move(tracks.kind);
  data.track_turns = std::move(tracks.turns);

  analysis::KeyEventOptions ko;
  ko.top = options.top_events;
  ko.from = options.from;
  ko.to = options.to;
  ko.quality = options.quality;
  ASSIGN_OR_RETURN(data.key_events, analysis::FindKeyEvents(source, options.a, options.b, ko));

  ASSIGN_OR_RETURN(data.sectors, analysis::BuildSectorSeries(source, options.a, options.b, so));

  // The triangle: A–B and its neighbours on one grid (the main dyad's own range when none given,
  // so the panel lines up with the series chart).
  ASSIGN_OR_RETURN(std::vector<DyadCount> neighbours, FindTriangleDyads(source, options));
  std::vector<analysis::DyadName> dyads = {{options.a, options.b}};
  for (const DyadCount& d : neighbours) dyads.push_back({d.a, d.b});
  analysis::SeriesOptions to = so;
  to.with_intensity = false;
  if (!to.from) to.from = first;
  if (!to.to) to.to = last;
  ASSIGN_OR_RETURN(data.triangle, analysis::CompareDyads(source, dyads, to, {}));
  for (size_t i = 0; i < neighbours.size(); ++i) {
    TriangleDyad t;
    t.a = neighbours[i].a;
    t.b = neighbours[i].b;
    t.events = neighbours[i].events;
    for (const analysis::PairStats& p : data.triangle.pairs) {
      if (p.first == 0 && p.second == static_cast<int>(i + 1)) t.vs_main = p;
    }
    data.triangle_dyads.push_back(std::move(t));
  }

  RETURN_IF_ERROR(BuildHeadline(source, &data));
  return data;
}

}  // namespace entente::report
