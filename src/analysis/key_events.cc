// Key events: score every event of the dyad (salience.h), merge the reports of one interaction
// (same day, same dyad, same or reciprocal code) into one, weigh corroboration, add novelty
// against the dyad's record, keep the top N.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "analysis/analysis.h"
#include "analysis/dyad_filter.h"
#include "analysis/key_events_internal.h"
#include "analysis/salience.h"
#include "analysis/tunables.h"
#include "core/cameo.h"

namespace entente::analysis {
namespace {

constexpr double kDaysPerYear = 365.2425;

int64_t MediaCount(const Event& e) {
  if (e.articles > 0) return e.articles;
  if (e.sources > 0) return e.sources;
  return e.mentions > 0 ? e.mentions : 0;
}

// Points for an event of no particular class: up to 1 by the strength of its Goldstein score, so
// that among ordinary events the stronger ones still come first.
double MinorScore(const Event& e) {
  return std::isnan(e.goldstein) ? 0 : std::fabs(e.goldstein) / 10;
}

// The two halves of one reported interaction carry reciprocal codes: A makes a visit to B (042)
// and B hosts a visit by A (043) are one visit. Symmetric acts (meet, negotiate, sign) carry the
// same code both ways and merge as they are.
std::string_view InteractionCode(std::string_view code) {
  return code == "043" ? std::string_view("042") : code;
}

// How far the class points are trusted, from the sources that reported the event (0: the dataset
// does not count them).
double Corroboration(int64_t sources) {
  return sources > 0 ? 1 - std::pow(config::kDoubtPerSource, static_cast<double>(sources)) : 1;
}

// The reports of one interaction, represented by the most salient.
struct Group {
  KeyEvent best;
  double base = -1;  // class + level of the representative
  int64_t media = 0;
  int64_t sources = 0;
  int count = 0;
};

std::vector<Group> GroupReports(std::vector<Event>& events) {
  std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) {
    return std::tie(x.date, x.code, x.source.code, x.target.code, x.id) <
           std::tie(y.date, y.code, y.source.code, y.target.code, y.id);
  });
  std::map<std::tuple<Days, std::string, std::string, std::string>, size_t> index;
  std::vector<Group> groups;
  for (Event& e : events) {
    EventRow row = ViewOf(e);
    std::string x(DyadCountry(row.source)), y(DyadCountry(row.target));
    if (y < x) std::swap(x, y);
    std::string code(InteractionCode(e.code));
    auto [it, fresh] = index.try_emplace(std::make_tuple(e.date, x, y, code), groups.size());
    if (fresh) groups.emplace_back();
    Group& g = groups[it->second];
    EventClass cls = ClassifyEvent(row);
    double base = (cls.id ? cls.score : MinorScore(e)) + ClassifyLevel(row).score;
    g.media += MediaCount(e);
    g.sources += std::max(0, e.sources);
    g.count += 1;
    if (base > g.base) {
      g.base = base;
      g.best.event = std::move(e);
    }
  }
  return groups;  // in date order, as the events were sorted
}

// Novelty points and phrase for an event of class `id`, given the classes already passed
// (`seen`) and the record; "" when not novel or when the record cannot tell.
std::string Novelty(int id, Days date, int years, const ClassHistory& seen,
                    const NoveltyRecord* record) {
  if (record && record->start && date - years * kDaysPerYear < *record->start) return "";
  std::optional<Days> last = seen.LastBefore(id, date);
  if (record) {
    std::optional<Days> h = record->history.LastBefore(id, date);
    if (h && (!last || *h > *last)) last = h;
  }
  if (!last) return "first on record";
  int since = static_cast<int>((date - *last) / kDaysPerYear);
  return since >= years ? fmt::format("first in {} years", since) : "";
}

KeyEvent Score(Group& g, int years, ClassHistory& seen, const NoveltyRecord* record) {
  KeyEvent k = std::move(g.best);
  EventRow row = ViewOf(k.event);
  EventClass cls = ClassifyEvent(row);
  ActorLevel level = ClassifyLevel(row);
  double trust = Corroboration(g.sources);
  k.merged = g.count;
  k.articles = g.media;
  k.event_class = std::string(cls.name);
  k.class_score = (cls.id ? cls.score : MinorScore(k.event)) * trust;
  k.level_score = level.score;
  k.media_score = MediaScore(std::max<int64_t>(g.media, g.count > 1 ? g.count : 0));
  std::vector<std::string> why;
  if (cls.id) why.emplace_back(cls.phrase);
  if (!level.phrase.empty()) why.emplace_back(level.phrase);
  if (g.media > 0) {
    why.push_back(fmt::format("{} article{}", g.media, g.media == 1 ? "" : "s"));
  } else if (g.count > 1) {
    why.push_back(fmt::format("{} reports", g.count));
  }
  if (trust < 0.9) {
    why.push_back(fmt::format("only {} source{} (class x{:.2f})", g.sources,
                              g.sources == 1 ? "" : "s", trust));
  }
  if (cls.id) {
    std::string novelty = Novelty(cls.id, k.event.date, years, seen, record);
    if (!novelty.empty()) {
      k.novelty_score = config::kNoveltyBonus;
      why.push_back(std::move(novelty));
    }
    seen.Add(cls.id, k.event.date);  // date order keeps each class's dates sorted
  }
  if (why.empty()) {
    why.push_back(std::isnan(k.event.goldstein)
                      ? std::string("ordinary event")
                      : fmt::format("Goldstein {:+.1f}", k.event.goldstein));
  }
  k.why = fmt::format("{}", fmt::join(why, "; "));
  k.salience = k.class_score + k.level_score + k.media_score + k.novelty_score;
  if (const EventCodeInfo* info = LookupEventCode(k.event.code)) k.label = std::string(info->label);
  return k;
}

}  // namespace

void ClassHistory::Add(int id, Days date) {
  if (id <= 0) return;
  if (static_cast<size_t>(id) >= dates.size()) dates.resize(id + 1);
  dates[id].push_back(date);
}

void ClassHistory::Add(const EventRow& e) { Add(ClassifyEvent(e).id, e.date); }

void ClassHistory::Finish() {
  for (auto& d : dates) std::sort(d.begin(), d.end());
}

std::optional<Days> ClassHistory::LastBefore(int id, Days date) const {
  if (id <= 0 || static_cast<size_t>(id) >= dates.size()) return std::nullopt;
  const std::vector<Days>& d = dates[id];
  auto it = std::lower_bound(d.begin(), d.end(), date);
  if (it == d.begin()) return std::nullopt;
  return *std::prev(it);
}

Result<std::optional<Days>> RecordStart(EventSource& source, const std::string& dataset) {
  AggregateQuery q;
  q.filter.dataset = dataset;
  q.period = Period::kMonth;
  ASSIGN_OR_RETURN(std::vector<AggregateRow> months, source.Aggregate(q));
  if (months.empty()) return std::optional<Days>();
  std::vector<int64_t> counts;
  for (const AggregateRow& m : months) counts.push_back(m.events);
  std::nth_element(counts.begin(), counts.begin() + counts.size() / 2, counts.end());
  double floor = std::max(1.0, config::kRecordStartShare * counts[counts.size() / 2]);
  std::optional<Days> start;
  for (const AggregateRow& m : months) {
    if (m.events >= floor && (!start || m.period < *start)) start = m.period;
  }
  return start;
}

Result<NoveltyRecord> LoadNoveltyRecord(EventSource& source, const EventFilter& dyad, int years) {
  NoveltyRecord record;
  ASSIGN_OR_RETURN(record.start, RecordStart(source, dyad.dataset));
  if (dyad.from && years > 0) {
    EventFilter before = dyad;
    before.to = *dyad.from - 1;
    before.from = *dyad.from - static_cast<Days>(std::ceil(years * kDaysPerYear)) - 1;
    before.limit = -1;
    RETURN_IF_ERROR(source.Scan(before, [&](const EventRow& e) {
      record.history.Add(e);
      return true;
    }));
  }
  return record;
}

std::vector<KeyEvent> RankKeyEventsWithRecord(std::vector<Event> events, int novelty_years,
                                              const NoveltyRecord* record) {
  std::vector<Group> groups = GroupReports(events);
  ClassHistory seen;  // classes of the groups already passed, in date order
  std::vector<KeyEvent> out;
  out.reserve(groups.size());
  for (Group& g : groups) out.push_back(Score(g, novelty_years, seen, record));
  std::stable_sort(out.begin(), out.end(),
                   [](const KeyEvent& x, const KeyEvent& y) { return x.salience > y.salience; });
  return out;
}

std::vector<KeyEvent> RankKeyEvents(std::vector<Event> events, int novelty_years) {
  return RankKeyEventsWithRecord(std::move(events), novelty_years, nullptr);
}

Result<std::vector<KeyEvent>> FindKeyEvents(EventSource& source, const std::string& a,
                                            const std::string& b, const KeyEventOptions& o) {
  EventFilter f = DyadFilter(a, b, o);
  std::vector<Event> events;
  RETURN_IF_ERROR(source.Scan(f, [&](const EventRow& e) {
    events.push_back(ToOwned(e));
    return true;
  }));
  if (events.empty()) return std::vector<KeyEvent>();
  ASSIGN_OR_RETURN(NoveltyRecord record, LoadNoveltyRecord(source, f, o.novelty_years));
  record.history.Finish();
  std::vector<KeyEvent> ranked =
      RankKeyEventsWithRecord(std::move(events), o.novelty_years, &record);
  if (o.top >= 0 && ranked.size() > static_cast<size_t>(o.top)) ranked.resize(o.top);
  return ranked;
}

}  // namespace entente::analysis
