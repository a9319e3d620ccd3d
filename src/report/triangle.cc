#include "report/triangle.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/cameo.h"

namespace entente::report {

std::vector<DyadCount> ChooseTriangleDyads(const std::vector<DyadEvents>& rows,
                                           const ReportOptions& o) {
  // Events per unordered country pair.
  std::map<std::pair<std::string, std::string>, int64_t> pairs;
  for (const DyadEvents& r : rows) {
    if (r.a == r.b || !IsStateCode(r.a) || !IsStateCode(r.b)) continue;
    auto key = r.a < r.b ? std::make_pair(r.a, r.b) : std::make_pair(r.b, r.a);
    pairs[key] += r.events;
  }
  auto count = [&](const std::string& x, const std::string& y) -> int64_t {
    auto it = pairs.find(x < y ? std::make_pair(x, y) : std::make_pair(y, x));
    return it == pairs.end() ? 0 : it->second;
  };

  // Partners: countries with events with both A and B.
  std::set<std::string> candidates;
  for (const auto& [key, n] : pairs) {
    if (key.first == o.a || key.first == o.b) candidates.insert(key.second);
    if (key.second == o.a || key.second == o.b) candidates.insert(key.first);
  }
  candidates.erase(o.a);
  candidates.erase(o.b);
  struct Partner {
    std::string code;
    int64_t both, total;
  };
  std::vector<Partner> partners;
  for (const std::string& c : candidates) {
    int64_t with_a = count(o.a, c), with_b = count(o.b, c);
    if (with_a < o.min_triangle_events && with_b < o.min_triangle_events) continue;
    partners.push_back({c, std::min(with_a, with_b), with_a + with_b});
  }
  std::sort(partners.begin(), partners.end(), [](const Partner& x, const Partner& y) {
    if (x.both != y.both) return x.both > y.both;
    if (x.total != y.total) return x.total > y.total;
    return x.code < y.code;
  });
  if (static_cast<int>(partners.size()) > o.max_partners) partners.resize(o.max_partners);

  std::vector<std::string> members = {o.a, o.b};
  for (const Partner& p : partners) members.push_back(p.code);
  std::vector<DyadCount> with_main, others;
  for (size_t i = 0; i < members.size(); ++i) {
    for (size_t j = i + 1; j < members.size(); ++j) {
      if (i == 0 && j == 1) continue;  // A–B itself
      int64_t n = count(members[i], members[j]);
      if (n < o.min_triangle_events) continue;
      DyadCount d{std::min(members[i], members[j]), std::max(members[i], members[j]), n};
      (i < 2 ? with_main : others).push_back(d);
    }
  }
  auto by_events = [](const DyadCount& x, const DyadCount& y) {
    if (x.events != y.events) return x.events > y.events;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  };
  std::sort(with_main.begin(), with_main.end(), by_events);
  std::sort(others.begin(), others.end(), by_events);
  std::vector<DyadCount> out = with_main;
  out.insert(out.end(), others.begin(), others.end());
  size_t cap = static_cast<size_t>(std::max(0, o.max_triangle_dyads - 1));
  if (out.size() > cap) out.resize(cap);
  return out;
}

Result<std::vector<DyadCount>> FindTriangleDyads(EventSource& source, const ReportOptions& o) {
  // Two bounded queries rather than one over every dyad (a GDELT store holds hundreds of
  // thousands): the dyads of A or B, which pick the partners; then the dyads among the partners.
  EventFilter f;
  f.from = o.from;
  f.to = o.to;
  f.actors = {o.a, o.b};
  f.quality = o.quality;
  ASSIGN_OR_RETURN(std::vector<DyadEvents> rows, source.CountByDyad(f));
  std::vector<DyadCount> first = ChooseTriangleDyads(rows, o);
  std::set<std::string> partners;
  for (const DyadCount& d : first) {
    for (const std::string& c : {d.a, d.b}) {
      if (c != o.a && c != o.b) partners.insert(c);
    }
  }
  if (partners.size() < 2) return first;
  f.actors.assign(partners.begin(), partners.end());
  ASSIGN_OR_RETURN(std::vector<DyadEvents> among, source.CountByDyad(f));
  for (DyadEvents& r : among) {
    if (r.a == o.a || r.a == o.b || r.b == o.a || r.b == o.b) continue;  // counted already
    rows.push_back(std::move(r));
  }
  return ChooseTriangleDyads(rows, o);
}

}  // namespace entente::report
