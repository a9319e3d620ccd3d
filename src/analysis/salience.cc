#include "analysis/salience.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "analysis/tunables.h"

namespace entente::analysis {
namespace {

struct CodeClass {
  std::string_view prefix;
  EventClass cls;
};

// Longest prefixes first within a root, so "072" wins over "07".
constexpr CodeClass kCodeClasses[] = {
    {"057", {2, "agreement", "signed agreement", 3.0}},
    {"062", {3, "military cooperation", "military cooperation", 3.0}},
    {"042", {4, "visit", "visit", 2.5}},
    {"043", {4, "visit", "hosted a visit", 2.5}},
    {"044", {6, "meeting", "meeting at a third location", 2.0}},
    {"054", {7, "recognition", "diplomatic recognition", 2.5}},
    {"072", {8, "military aid", "military aid", 2.5}},
    {"07", {9, "aid", "aid", 2.0}},
    {"163", {10, "sanctions", "sanctions or embargo", 3.0}},
    {"16", {11, "reduced relations", "reduced or broke relations", 2.0}},
    {"20", {12, "mass violence", "mass violence", 4.0}},
    {"19", {13, "fighting", "use of force: fighting", 3.5}},
    {"18", {14, "assault", "use of force: assault", 3.0}},
    {"061", {15, "economic cooperation", "economic cooperation", 2.0}},
    {"06", {16, "material cooperation", "material cooperation", 1.5}},
    {"15", {17, "military posture", "show of military force", 1.5}},
    {"17", {18, "coercion", "coercion", 1.5}},
    {"13", {19, "threat", "threat", 1.0}},
    {"12", {20, "rejection", "rejection", 1.0}},
    {"14", {21, "protest", "protest", 1.0}},
    {"11", {22, "disapproval", "disapproval", 0.8}},
    {"05", {23, "diplomatic cooperation", "diplomatic cooperation", 1.0}},
    {"08", {24, "concession", "concession", 1.5}},
};

constexpr EventClass kCancellation = {1, "cancellation", "cancelled or postponed visit", 2.5};
constexpr EventClass kSummit = {5, "summit", "summit", 2.5};

bool IsVisitLike(std::string_view code) {
  return code.starts_with("04") || code.starts_with("03") || code.starts_with("16");
}

struct Title {
  std::string_view words;
  ActorLevel level;
};

// Checked in order: deputies before the titles they contain.
constexpr Title kTitles[] = {
    {"vice president", {1.0, "deputy head of state or government"}},
    {"vice-president", {1.0, "deputy head of state or government"}},
    {"deputy prime minister", {1.0, "deputy head of state or government"}},
    {"deputy premier", {1.0, "deputy head of state or government"}},
    {"first deputy", {1.0, "deputy head of state or government"}},
    {"president", {1.5, "head of state or government"}},
    {"prime minister", {1.5, "head of state or government"}},
    {"premier", {1.5, "head of state or government"}},
    {"head of state", {1.5, "head of state or government"}},
    {"general secretary", {1.5, "head of state or government"}},
    {"chancellor", {1.5, "head of state or government"}},
    {"king ", {1.5, "head of state or government"}},
    {"foreign minister", {1.0, "foreign minister"}},
    {"minister of foreign affairs", {1.0, "foreign minister"}},
    {"foreign secretary", {1.0, "foreign minister"}},
    {"secretary of state", {1.0, "foreign minister"}},
    {"defence minister", {1.0, "defence minister"}},
    {"defense minister", {1.0, "defence minister"}},
    {"minister of defence", {1.0, "defence minister"}},
    {"minister of defense", {1.0, "defence minister"}},
    {"defence secretary", {1.0, "defence minister"}},
    {"defense secretary", {1.0, "defence minister"}},
    {"army chief", {0.8, "military chief"}},
    {"chief of army staff", {0.8, "military chief"}},
    {"chief of general staff", {0.8, "military chief"}},
    {"chief of the general staff", {0.8, "military chief"}},
    {"chief of staff", {0.8, "military chief"}},
    {"joint chiefs", {0.8, "military chief"}},
    {"commander-in-chief", {0.8, "military chief"}},
};

ActorLevel LevelOf(const ActorRow& a) {
  for (const Title& t : kTitles) {
    if (ContainsWord(a.name, t.words)) return t.level;
  }
  auto has_type = [&](std::string_view type) {
    return a.type1 == type || a.type2 == type || a.type3 == type ||
           (a.code.size() >= 6 && a.code.substr(3).starts_with(type));
  };
  if (has_type("GOV")) return {0.3, "government"};
  if (has_type("MIL")) return {0.3, "military"};
  return {};
}

}  // namespace

EventClass ClassifyEvent(const EventRow& e) {
  if (IsVisitLike(e.code) && (ContainsWord(e.text, "cancel") || ContainsWord(e.text, "postpone") ||
                              ContainsWord(e.text, "called off"))) {
    return kCancellation;
  }
  if ((e.code.starts_with("04") || e.code.starts_with("05")) && ContainsWord(e.text, "summit")) {
    return kSummit;
  }
  for (const CodeClass& c : kCodeClasses) {
    if (e.code.starts_with(c.prefix)) return c.cls;
  }
  return {};
}

ActorLevel ClassifyLevel(const EventRow& e) {
  ActorLevel a = LevelOf(e.source), b = LevelOf(e.target);
  return b.score > a.score ? b : a;
}

double MediaScore(int64_t count) {
  if (count <= 0) return 0;
  return std::min(config::kMediaCap,
                  config::kMediaPerDecade * std::log10(1.0 + static_cast<double>(count)));
}

int EventDirection(const EventRow& e) {
  if (ClassifyEvent(e).id == kCancellation.id) return -1;
  if (e.quad == 1 || e.quad == 2) return 1;
  if (e.quad == 3 || e.quad == 4) return -1;
  if (!std::isnan(e.goldstein) && e.goldstein != 0) return e.goldstein > 0 ? 1 : -1;
  return 0;
}

}  // namespace entente::analysis
