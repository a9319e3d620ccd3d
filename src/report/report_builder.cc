// BuildReport: one stage per analysis the report shows, in the order the page reads
// (kReportStages). Each stage adds its part of ReportData and may read what the stages before it
// added; splitting them lets a caller see which one is running on a large store.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <limits>

#include "analysis/dyad_filter.h"
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

namespace {

Status CheckOptions(const ReportOptions& options) {
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
  return Status::Ok();
}

analysis::SeriesOptions SeriesOf(const ReportOptions& options) {
  analysis::SeriesOptions so;
  so.period = options.period;
  so.from = options.from;
  so.to = options.to;
  so.quality = options.quality;
  return so;
}

// The dyad's extent: event count and first/last date (a dyad is small; one scan). NotFound when
// it has none, which ends the report before any analysis.
Status ReadExtent(EventSource& source, ReportData* data) {
  const ReportOptions& options = data->options;
  EventFilter filter = analysis::DyadFilter(options.a, options.b, SeriesOf(options));
  Days first = std::numeric_limits<Days>::max(), last = std::numeric_limits<Days>::min();
  RETURN_IF_ERROR(source.Scan(filter, [&](const EventRow& e) {
    ++data->events;
    first = std::min(first, e.date);
    last = std::max(last, e.date);
    return true;
  }));
  if (data->events == 0) {
    return analysis::NoDyadEvents(
        options.a, options.b,
        fmt::format("{} in the {}", options.from || options.to ? " in that date range" : "",
                    source.Describe()));
  }
  data->first_date = first;
  data->last_date = last;
  return Status::Ok();
}

// The three tracks (analysis::FindTracks); the tone track is the report's phases.
Status AddPhases(EventSource& source, ReportData* data) {
  const ReportOptions& o = data->options;
  ASSIGN_OR_RETURN(analysis::Tracks tracks,
                   analysis::FindTracks(source, o.a, o.b, SeriesOf(o), analysis::PhaseOptions{}));
  data->phases = std::move(tracks.tone);
  data->density = std::move(tracks.density);
  data->kind = std::move(tracks.kind);
  data->track_turns = std::move(tracks.turns);
  return Status::Ok();
}

Status AddKeyEvents(EventSource& source, ReportData* data) {
  const ReportOptions& o = data->options;
  analysis::KeyEventOptions ko;
  ko.top = o.top_events;
  ko.from = o.from;
  ko.to = o.to;
  ko.quality = o.quality;
  ASSIGN_OR_RETURN(data->key_events, analysis::FindKeyEvents(source, o.a, o.b, ko));
  return Status::Ok();
}

Status AddSectors(EventSource& source, ReportData* data) {
  const ReportOptions& o = data->options;
  ASSIGN_OR_RETURN(data->sectors, analysis::BuildSectorSeries(source, o.a, o.b, SeriesOf(o)));
  return Status::Ok();
}

// The triangle: A–B and its neighbours on one grid (the main dyad's own range when none given,
// so the panel lines up with the series chart).
Status AddTriangle(EventSource& source, ReportData* data) {
  const ReportOptions& o = data->options;
  ASSIGN_OR_RETURN(std::vector<DyadCount> neighbours, FindTriangleDyads(source, o));
  std::vector<analysis::DyadName> dyads = {{o.a, o.b}};
  for (const DyadCount& d : neighbours) dyads.push_back({d.a, d.b});
  analysis::SeriesOptions to = SeriesOf(o);
  to.with_intensity = false;
  if (!to.from) to.from = data->first_date;
  if (!to.to) to.to = data->last_date;
  ASSIGN_OR_RETURN(data->triangle, analysis::CompareDyads(source, dyads, to, {}));
  for (size_t i = 0; i < neighbours.size(); ++i) {
    TriangleDyad t;
    t.a = neighbours[i].a;
    t.b = neighbours[i].b;
    t.events = neighbours[i].events;
    for (const analysis::PairStats& p : data->triangle.pairs) {
      if (p.first == 0 && p.second == static_cast<int>(i + 1)) t.vs_main = p;
    }
    data->triangle_dyads.push_back(std::move(t));
  }
  return Status::Ok();
}

using Stage = Status (*)(EventSource&, ReportData*);
// One per name in kReportStages, in the same order.
constexpr Stage kStages[] = {ReadExtent, AddPhases,   AddKeyEvents,
                             AddSectors, AddTriangle, BuildHeadline};
static_assert(std::size(kStages) == kReportStages.size());

}  // namespace

Result<ReportData> BuildReport(EventSource& source, const ReportOptions& options) {
  RETURN_IF_ERROR(CheckOptions(options));
  ReportData data;
  data.options = options;
  data.options.on_step = nullptr;  // the caller's, which may not outlive the call
  data.a_name = ActorDisplayName(options.a);
  data.b_name = ActorDisplayName(options.b);
  for (size_t i = 0; i < std::size(kStages); ++i) {
    if (options.on_step) options.on_step(i);
    RETURN_IF_ERROR(kStages[i](source, &data));
  }
  return data;
}

}  // namespace entente::report
