#include "store/entry_match.h"

namespace entente::store {
namespace {

bool HasTag(const DyadEntry& e, std::string_view pattern) {
  if (pattern.size() < 3) return true;  // too short to prune on
  std::string_view p3 = pattern.substr(0, 3);
  for (std::string_view t : e.tags) {
    if (t == p3) return true;
  }
  return false;
}

// Whether any row of `e` can match the actor parts of `f` (a superset test, never a false no).
bool TagsMayMatch(const DyadEntry& e, const EventFilter& f) {
  if (!f.source.empty() && !HasTag(e, f.source)) return false;
  if (!f.target.empty() && !HasTag(e, f.target)) return false;
  if (f.has_dyad() && !(HasTag(e, f.dyad_a) && HasTag(e, f.dyad_b))) return false;
  if (!f.actors.empty()) {
    bool any = false;
    for (const std::string& a : f.actors) any = any || HasTag(e, a);
    if (!any) return false;
  }
  return true;
}

// Every pattern of `f` has exactly 3 letters (the case DyadEntry::pure speaks for).
bool AllPatternsThreeLetters(const EventFilter& f) {
  auto three = [](const std::string& p) { return p.empty() || p.size() == 3; };
  if (!three(f.source) || !three(f.target)) return false;
  if (f.has_dyad() && (f.dyad_a.size() != 3 || f.dyad_b.size() != 3)) return false;
  for (const std::string& a : f.actors) {
    if (a.size() != 3) return false;
  }
  return true;
}

// The actor parts of `f` for a row of a pure entry whose source's dyad country is `s` and
// target's is `t` (a 3-letter pattern P matches a side exactly when its dyad country is P).
bool CountriesMatch(const EventFilter& f, std::string_view s, std::string_view t) {
  if (!f.source.empty() && s != f.source) return false;
  if (!f.target.empty() && t != f.target) return false;
  if (!f.actors.empty()) {
    bool any = false;
    for (const std::string& a : f.actors) any = any || s == a || t == a;
    if (!any) return false;
  }
  if (f.has_dyad()) {
    bool forward = s == f.dyad_a && t == f.dyad_b;
    bool reverse = !f.directed && s == f.dyad_b && t == f.dyad_a;
    if (!forward && !reverse) return false;
  }
  return true;
}

}  // namespace

bool HasActorParts(const EventFilter& f) {
  return !f.source.empty() || !f.target.empty() || !f.actors.empty() || f.has_dyad();
}

EntryMatch MatchEntry(const DyadEntry& e, const EventFilter& f) {
  if (!HasActorParts(f)) return EntryMatch::kAll;
  if (!TagsMayMatch(e, f)) return EntryMatch::kNone;
  if (!e.pure || !AllPatternsThreeLetters(f)) return EntryMatch::kPerRow;
  bool forward = CountriesMatch(f, e.a, e.b), flipped = CountriesMatch(f, e.b, e.a);
  if (forward && flipped) return EntryMatch::kAll;
  if (forward) return EntryMatch::kForwardOnly;
  if (flipped) return EntryMatch::kFlippedOnly;
  return EntryMatch::kNone;
}

bool ActorPartsMatch(const EventFilter& f, const ActorRow& source, const ActorRow& target) {
  if (!f.source.empty() && !ActorMatches(source, f.source)) return false;
  if (!f.target.empty() && !ActorMatches(target, f.target)) return false;
  if (!f.actors.empty()) {
    bool any = false;
    for (const std::string& a : f.actors) {
      if (ActorMatches(source, a) || ActorMatches(target, a)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  if (f.has_dyad()) {
    bool forward = ActorMatches(source, f.dyad_a) && ActorMatches(target, f.dyad_b);
    if (!forward) {
      if (f.directed) return false;
      if (!(ActorMatches(source, f.dyad_b) && ActorMatches(target, f.dyad_a))) return false;
    }
  }
  return true;
}

}  // namespace entente::store
