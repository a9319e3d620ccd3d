#include "report/headline.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/cameo.h"
#include "report/html_text.h"

namespace entente::report {
namespace {

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

struct Window {
  double coop = 0, conf = 0;
  int64_t events = 0;
  double net() const { return coop + conf > 0 ? (coop - conf) / (coop + conf) : 0; }
};

Window Sum(const analysis::Series& s, Days from, Days to) {
  Window w;
  for (const analysis::SeriesPoint& p : s.points) {
    if (p.period < from || p.period > to) continue;
    w.coop += p.vcoop + p.mcoop;
    w.conf += p.vconf + p.mconf;
    w.events += p.events;
  }
  return w;
}

// The recent window as words: "2009–2013", or "June 2011–2013" when the dyad's data start
// inside it (the window never claims years it has no data for).
std::string RecentRange(Days recent_from, Days first_date, int last_year) {
  if (first_date <= recent_from) {
    return fmt::format("{}–{}", CivilFromDays(recent_from).year, last_year);
  }
  CivilDate c = CivilFromDays(first_date);
  std::string start = HumanDate(first_date, DatePrecision::kMonth);
  if (c.year == last_year) return start;
  return fmt::format("{}–{}", start, last_year);
}

std::string TrendPhrase(const std::string& trend) {
  if (trend == "warming") return "and warming";
  if (trend == "cooling") return "but cooling";
  return "and steady";
}

}  // namespace

std::string HumanDate(Days days, DatePrecision precision) {
  CivilDate c = CivilFromDays(days);
  switch (precision) {
    case DatePrecision::kYear: return fmt::format("{}", c.year);
    case DatePrecision::kMonth: return fmt::format("{} {}", kMonths[c.month - 1], c.year);
    case DatePrecision::kDay: break;
  }
  return fmt::format("{} {} {}", c.day, kMonths[c.month - 1], c.year);
}

std::string WhatHappened(const Event& e) {
  if (!e.text.empty()) return e.text;
  std::string_view label = EventCodeLabel(e.code);
  if (!label.empty()) return std::string(label);
  return e.code;
}

std::string TrackChangeText(const analysis::TrackTurn& t, Period period) {
  auto percent = [](double v) { return Fixed(100 * v, v > 0 && v < 0.1 ? 1 : 0) + "%"; };
  using Measure = analysis::TrackTurn::Measure;
  switch (t.measure) {
    case Measure::kIntensity:
      return fmt::format("{} → {} of the actors' events", percent(t.before), percent(t.after));
    case Measure::kEventsPerPeriod:
      return fmt::format("{} → {} events a {}", Fixed(t.before, 1), Fixed(t.after, 1),
                         PeriodName(period));
    case Measure::kSectorShare:
      return fmt::format("{} {} → {} of events", analysis::SectorName(t.sector), percent(t.before),
                         percent(t.after));
    case Measure::kNetCoop: break;
  }
  return fmt::format("net cooperation {} → {}", Signed(t.before, 2), Signed(t.after, 2));
}

std::string SparsityText(const analysis::PhaseResult::Sparsity& s, Period period) {
  std::string_view unit = PeriodName(period);
  std::string needed =
      std::isinf(s.events_needed)
          ? fmt::format("no number of events a {} establishes it over {} {}s either side", unit,
                        s.periods_each_side, unit)
          : fmt::format(
                "about {:.0f} events a {} are needed to establish it over {} {}s either side",
                std::ceil(s.events_needed), unit, s.periods_each_side, unit);
  return fmt::format(
      "too sparse for a turn of {:.2g} in net cooperation: a median of {:.0f} events per {} "
      "with events, and {}",
      s.turn_size, s.median_events, unit, needed);
}

namespace {

// "a", "a and b", "a, b and c".
std::string JoinAnd(const std::vector<std::string>& items) {
  if (items.size() <= 1) return items.empty() ? "" : items[0];
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return fmt::format("{} and {}", fmt::join(head, ", "), items.back());
}

// "Beyond its tone, the relation intensified in 2018 (6.1 → 13.8 events a year); it changed in
// kind in 2014 (defence 8% → 37% of events) and 2022 (...)." Nothing when neither track turned.
std::string OtherTracksSentence(const ReportData& d) {
  std::vector<std::string> up, down, kind;
  for (const analysis::TrackTurn& t : d.track_turns) {
    std::string item = fmt::format("{} ({})", t.at, TrackChangeText(t, d.options.period));
    if (t.track == analysis::PhaseSignal::kKind) {
      kind.push_back(std::move(item));
    } else if (t.track == analysis::PhaseSignal::kDensity) {
      (t.after >= t.before ? up : down).push_back(std::move(item));
    }
  }
  std::vector<std::string> parts;
  if (!up.empty()) parts.push_back("intensified in " + JoinAnd(up));
  if (!down.empty()) parts.push_back("thinned in " + JoinAnd(down));
  if (!kind.empty()) parts.push_back("changed in kind in " + JoinAnd(kind));
  if (parts.empty()) return "";
  return fmt::format("Beyond its tone, the relation {}.", fmt::join(parts, "; it "));
}

}  // namespace

Status BuildHeadline(EventSource& source, ReportData* data) {
  Headline& h = data->headline;
  const analysis::PhaseResult& pr = data->phases;
  const std::string pair = fmt::format("{}–{}", data->a_name, data->b_name);
  if (pr.phases.empty()) return Status::Ok();
  const analysis::Phase& last = pr.phases.back();
  h.current_label = last.label;
  h.current_trend = last.trend;
  h.since = last.start_label;
  h.current_net_coop = last.net_coop;
  h.sentences.push_back(fmt::format(
      "{} relations have been {} {} since {}: net cooperation {} and mean Goldstein {} over the "
      "{} events of this phase.",
      pair, last.label, TrendPhrase(last.trend), last.start_label, Signed(last.net_coop, 2),
      Signed(last.goldstein_mean, 1), Thousands(last.events)));

  // The sharpest turn between consecutive phases.
  if (pr.phases.size() >= 2) {
    size_t best = 1;
    for (size_t i = 2; i < pr.phases.size(); ++i) {
      if (std::fabs(pr.phases[i].net_coop - pr.phases[i - 1].net_coop) >
          std::fabs(pr.phases[best].net_coop - pr.phases[best - 1].net_coop)) {
        best = i;
      }
    }
    const analysis::Phase& from = pr.phases[best - 1];
    const analysis::Phase& to = pr.phases[best];
    std::string because;
    if (!to.turning_events.empty()) {
      const Event& e = to.turning_events.front().event;
      std::string what = WhatHappened(e);
      while (!what.empty() && (what.back() == '.' || what.back() == ' ')) what.pop_back();
      because =
          fmt::format(" (its strongest signal: {}, {})", HumanDate(e.date, e.precision), what);
    }
    h.sentences.push_back(fmt::format(
        "The record splits into {} phases; the sharpest turn came in {}, from {} to {}{}.",
        pr.phases.size(), to.start_label, from.label, to.label, because));
  }

  if (std::string other = OtherTracksSentence(*data); !other.empty()) {
    h.sentences.push_back(std::move(other));
  }

  // Recent years against the years before.
  int last_year = CivilFromDays(data->last_date).year;
  int years = std::max(1, data->options.recent_years);
  Days recent_from = DaysFromCivil(last_year - years + 1, 1, 1);
  Days before_from = DaysFromCivil(last_year - 2 * years + 1, 1, 1);
  Window recent = Sum(pr.series, recent_from, data->last_date);
  Window before = Sum(pr.series, before_from, recent_from - 1);
  if (recent.events > 0) {
    h.has_recent = true;
    h.has_before = before.events > 0;
    h.recent_net_coop = recent.net();
    h.before_net_coop = h.has_before ? before.net() : 0;
    h.recent_range = RecentRange(recent_from, data->first_date, last_year);
    const std::string& range = h.recent_range;
    if (h.has_before) {
      double change = recent.net() - before.net();
      h.recent_direction = change >= kRecentChange    ? "improving"
                           : change <= -kRecentChange ? "worsening"
                                                      : "unchanged";
      h.sentences.push_back(fmt::format(
          "In {} net cooperation was {} ({} events) against {} ({} events) in the {} years "
          "before: the relation is {}.",
          range, Signed(recent.net(), 2), Thousands(recent.events), Signed(before.net(), 2),
          Thousands(before.events), years,
          h.recent_direction == "unchanged" ? "broadly unchanged" : h.recent_direction));
    } else {
      // Nothing before to compare with: no direction is claimed.
      h.sentences.push_back(fmt::format(
          "In {} net cooperation was {} over {} events; the dyad has no events in the {} years "
          "before to compare with.",
          range, Signed(recent.net(), 2), Thousands(recent.events), years));
    }

    analysis::KeyEventOptions ko;
    ko.top = 3;
    ko.from = std::max(recent_from, data->options.from.value_or(recent_from));
    ko.to = data->options.to;
    ASSIGN_OR_RETURN(h.signals,
                     analysis::FindKeyEvents(source, data->options.a, data->options.b, ko));
  }
  return Status::Ok();
}

}  // namespace entente::report
