// Key events: score every event of the dyad (salience.h), merge same-day same-dyad same-code
// reports into one, add novelty, keep the top N.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "analysis/analysis.h"
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

}  // namespace

void ClassHistory::Add(int id, Days date) {
  if (id <= 0) return;
  if (static_cast<size_t>(id) >= dates.size()) dates.resize(id + 1);
  dates[id].push_back(date);
}

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

std::vector<KeyEvent> RankKeyEventsWithHistory(std::vector<Event> events, int novelty_years,
                                               const ClassHistory* history) {
  std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) {
    return std::tie(x.date, x.code, x.source.code, x.target.code, x.id) <
           std::tie(y.date, y.code, y.source.code, y.target.code, y.id);
  });
  // Group near-duplicates: same day, same (unordered) dyad, same code.
  struct Group {
    KeyEvent best;
    double base = -1;  // class + level of the representative
    int64_t media = 0;
    int count = 0;
  };
  std::map<std::tuple<Days, std::string, std::string, std::string>, size_t> index;
  std::vector<Group> groups;
  for (Event& e : events) {
    EventRow row = ViewOf(e);
    std::string x(DyadCountry(row.source)), y(DyadCountry(row.target));
    if (y < x) std::swap(x, y);
    auto [it, fresh] = index.try_emplace(std::make_tuple(e.date, x, y, e.code), groups.size());
    if (fresh) groups.emplace_back();
    Group& g = groups[it->second];
    EventClass cls = ClassifyEvent(row);
    ActorLevel level = ClassifyLevel(row);
    double base = (cls.id ? cls.score : MinorScore(e)) + level.score;
    g.media += MediaCount(e);
    g.count += 1;
    if (base > g.base) {
      g.base = base;
      g.best.event = std::move(e);
      g.best.class_score = cls.id ? cls.score : MinorScore(g.best.event);
      g.best.level_score = level.score;
      g.best.event_class = std::string(cls.name);
      // Phrases are rebuilt below from the kept event.
    }
  }

  ClassHistory seen;  // classes of the groups already passed, in date order
  std::vector<KeyEvent> out;
  out.reserve(groups.size());
  for (Group& g : groups) {  // groups are in date order (events were sorted)
    KeyEvent k = std::move(g.best);
    EventRow row = ViewOf(k.event);
    EventClass cls = ClassifyEvent(row);
    ActorLevel level = ClassifyLevel(row);
    k.merged = g.count;
    k.articles = g.media;
    k.media_score = MediaScore(std::max<int64_t>(g.media, g.count > 1 ? g.count : 0));
    std::vector<std::string> why;
    if (cls.id) why.emplace_back(cls.phrase);
    if (!level.phrase.empty()) why.emplace_back(level.phrase);
    if (g.media > 0) {
      why.push_back(fmt::format("{} article{}", g.media, g.media == 1 ? "" : "s"));
    } else if (g.count > 1) {
      why.push_back(fmt::format("{} reports", g.count));
    }
    if (cls.id) {
      std::optional<Days> last = seen.LastBefore(cls.id, k.event.date);
      if (history) {
        std::optional<Days> h = history->LastBefore(cls.id, k.event.date);
        if (h && (!last || *h > *last)) last = h;
      }
      if (!last) {
        k.novelty_score = config::kNoveltyBonus;
        why.emplace_back("first on record");
      } else {
        int years = static_cast<int>((k.event.date - *last) / kDaysPerYear);
        if (years >= novelty_years) {
          k.novelty_score = config::kNoveltyBonus;
          why.push_back(fmt::format("first in {} years", years));
        }
      }
      seen.dates.resize(std::max<size_t>(seen.dates.size(), cls.id + 1));
      seen.dates[cls.id].push_back(k.event.date);  // date order keeps it sorted
    }
    if (why.empty()) {
      why.push_back(std::isnan(k.event.goldstein)
                        ? std::string("ordinary event")
                        : fmt::format("Goldstein {:+.1f}", k.event.goldstein));
    }
    k.why = fmt::format("{}", fmt::join(why, "; "));
    k.salience = k.class_score + k.level_score + k.media_score + k.novelty_score;
    if (const EventCodeInfo* info = LookupEventCode(k.event.code))
      k.label = std::string(info->label);
    out.push_back(std::move(k));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const KeyEvent& x, const KeyEvent& y) { return x.salience > y.salience; });
  return out;
}

std::vector<KeyEvent> RankKeyEvents(std::vector<Event> events, int novelty_years) {
  return RankKeyEventsWithHistory(std::move(events), novelty_years, nullptr);
}

Result<std::vector<KeyEvent>> FindKeyEvents(EventSource& source, const std::string& a,
                                            const std::string& b, const KeyEventOptions& o) {
  EventFilter f;
  f.dyad_a = a;
  f.dyad_b = b;
  f.directed = o.directed;
  f.from = o.from;
  f.to = o.to;
  f.dataset = o.dataset;
  f.quality = o.quality;
  std::vector<Event> events;
  RETURN_IF_ERROR(source.Scan(f, [&](const EventRow& e) {
    events.push_back(ToOwned(e));
    return true;
  }));
  std::vector<KeyEvent> ranked = RankKeyEvents(std::move(events), o.novelty_years);
  if (o.top >= 0 && ranked.size() > static_cast<size_t>(o.top)) ranked.resize(o.top);
  return ranked;
}

}  // namespace entente::analysis
