#include "core/filter.h"

#include <fmt/format.h>

namespace entente {

bool ActorMatches(const ActorRow& actor, std::string_view pattern) {
  if (pattern.empty()) return true;
  if (actor.code.starts_with(pattern)) return true;
  return pattern.size() == 3 && actor.country == pattern;
}

bool Matches(const EventFilter& f, const EventRow& e) {
  if (f.from && e.date < *f.from) return false;
  if (f.to && e.date > *f.to) return false;
  if (f.quad != 0 && e.quad != f.quad) return false;
  if (!f.code_prefix.empty() && !e.code.starts_with(f.code_prefix)) return false;
  if (!f.dataset.empty() && e.dataset != f.dataset) return false;
  if (!f.quality.Passes(e.is_root, e.sources, e.articles)) return false;
  if (!f.source.empty() && !ActorMatches(e.source, f.source)) return false;
  if (!f.target.empty() && !ActorMatches(e.target, f.target)) return false;
  if (!f.actors.empty()) {
    bool any = false;
    for (const std::string& a : f.actors) {
      if (ActorMatches(e.source, a) || ActorMatches(e.target, a)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  if (f.has_dyad()) {
    bool forward = ActorMatches(e.source, f.dyad_a) && ActorMatches(e.target, f.dyad_b);
    if (!forward) {
      if (f.directed) return false;
      if (!(ActorMatches(e.source, f.dyad_b) && ActorMatches(e.target, f.dyad_a))) return false;
    }
  }
  return true;
}

std::string EventFilter::Describe() const {
  std::string out;
  auto add = [&](const std::string& s) {
    if (!out.empty()) out += ' ';
    out += s;
  };
  if (has_dyad()) add(fmt::format("{}{}{}", dyad_a, directed ? "->" : "-", dyad_b));
  for (const std::string& a : actors) add("actor " + a);
  if (!source.empty()) add("source " + source);
  if (!target.empty()) add("target " + target);
  if (from || to) {
    add(fmt::format("{}..{}", from ? FormatDate(*from) : "", to ? FormatDate(*to) : ""));
  }
  if (!code_prefix.empty()) add("code " + code_prefix + "*");
  if (quad) add(fmt::format("quad {}", quad));
  if (!dataset.empty()) add("dataset " + dataset);
  return out.empty() ? "all events" : out;
}

}  // namespace entente
