// The event assembler. Pipeline per sentence (all buffers reused between sentences):
//   1. tokenise, look up vocabulary ids
//   2. one leftmost-longest trie pass -> pieces (actor, agent, verb, noun, cue)
//   3. actor groups: adjacent actor/agent pieces with glue ("'s", "of", unknown capitalised names)
//      resolved to one code at the sentence's date
//   4. slots: groups coordinated by "and", "," or a hyphen ("Pak-Russia")
//   5. triggers (verbs, then unclaimed nouns): modifiers, pattern, source and target slots,
//      events for every source/target pair (both directions for a lone coordinated slot)
#include "coder/coder.h"

#include <algorithm>

#include "coder/dates.h"
#include "coder/text.h"
#include "coder/tunables.h"

namespace entente::coder {
namespace {

constexpr int kNone = -1;

struct Piece {
  uint32_t b = 0, e = 0;  // token range
  int actor = kNone, agent = kNone, verb = kNone, noun = kNone;
  uint8_t form = 0;
  uint32_t cues = 0;  // bit per Cue
  bool Has(Cue c) const { return cues & (1u << unsigned(c)); }
};

struct Group {
  uint32_t b = 0, e = 0;  // token range
  std::string code;
  bool agent_role = false;  // the role came from an agent word ("Russian troops")
};

struct Slot {
  uint32_t b = 0, e = 0;
  std::vector<int> groups;
  bool hyphen = false;  // coordinated by a hyphen ("Pak-Russia")
};

bool SameCountry(const std::string& a, const std::string& b) {
  if (a.size() < 3 || b.size() < 3) return a == b;
  return a.compare(0, 3, b, 0, 3) == 0;
}

}  // namespace

std::string IntentCodeFor(std::string_view code) {
  if (code.size() < 2) return "";
  std::string_view root = code.substr(0, 2);
  if (root == "03") return std::string(code);
  if (code.substr(0, 3) == "045") return "039";
  if (root == "04") return "036";
  if (root == "05") return code.substr(0, 3) == "057" ? "030" : "032";
  if (root == "06") {
    if (code.size() >= 3) {
      char c = code[2];
      if (c >= '1' && c <= '4') return std::string("031") + c;
    }
    return "031";
  }
  if (root == "07") {
    if (code.size() >= 3) {
      char c = code[2];
      if (c >= '1' && c <= '4') return std::string("033") + c;
    }
    return "033";
  }
  if (root == "08") return "035";
  if (root == "16") return code.substr(0, 3) == "163" ? "1312" : "131";
  if (root == "17") return "130";
  if (root == "18" || root == "19" || root == "20") return "138";
  if (root == "13") return std::string(code);
  return "";
}

std::string RefusalCodeFor(std::string_view code) {
  if (code.size() < 2) return "";
  std::string_view root = code.substr(0, 2);
  if (root == "04" || root == "036") return "125";
  if (root == "05") return code.substr(0, 3) == "057" ? "127" : "120";
  if (root == "06") return code.substr(0, 3) == "062" ? "1212" : "1211";
  if (root == "07") return "122";
  if (root == "08") return "124";
  if (root == "03") return code.substr(0, 3) == "036" ? "125" : "120";
  return "";
}

struct Coder::Scratch {
  TokenizedSentence ts;
  std::vector<uint32_t> ids;
  std::vector<Piece> pieces;
  std::vector<int> piece_of;  // token -> piece index
  std::vector<Group> groups;
  std::vector<int> group_of;  // token -> group index
  std::vector<Slot> slots;
  std::vector<int> slot_of;  // token -> slot index
  std::vector<uint8_t> consumed;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  std::vector<const VerbPattern*> pats;
  std::vector<uint32_t> claimed;
};

Coder::Coder(const Dictionary* dict) : dict_(dict), scratch_(std::make_unique<Scratch>()) {}
Coder::~Coder() = default;

void Coder::CodeDocument(std::string_view text, Days doc_date, std::vector<CodedEvent>* out) {
  Scratch& s = *scratch_;
  SplitSentences(text, &s.sentences);
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  sentences.swap(s.sentences);
  uint32_t index = 0;
  for (auto [b, e] : sentences) {
    ++index;
    CodeSentence(text.substr(b, e - b), doc_date, index, b, out);
  }
  sentences.swap(s.sentences);
}

void Coder::CodeSentence(std::string_view sentence, Days doc_date, uint32_t index, uint32_t begin,
                         std::vector<CodedEvent>* out) {
  ++stats_.sentences;
  if (sentence.size() > config::kMaxSentenceBytes) {
    ++stats_.skipped_sentences;
    return;
  }
  Scratch& s = *scratch_;
  const Dictionary& d = *dict_;
  Tokenize(sentence, &s.ts);
  const std::vector<Token>& tok = s.ts.tokens;
  const uint32_t n = uint32_t(tok.size());
  if (n == 0) return;
  s.ids.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    s.ids[i] = d.Lookup(tok[i].text);
    // "US" in capitals is the country, "us" the pronoun.
    if (tok[i].text == "us" && tok[i].cap && tok[i].end - tok[i].begin == 2 &&
        sentence[tok[i].begin + 1] == 'S') {
      s.ids[i] = d.Lookup("u.s.");
    }
  }

  // 2. Pieces.
  s.pieces.clear();
  s.piece_of.assign(n, kNone);
  const TokenTrie& trie = d.trie();
  for (uint32_t i = 0; i < n;) {
    uint32_t node = 0;
    size_t len = trie.LongestMatch(&s.ids[i], n - i, &node);
    if (len == 0) {
      ++i;
      continue;
    }
    Piece p;
    p.b = i;
    p.e = uint32_t(i + len);
    for (uint32_t pi : trie.Payloads(node)) {
      const Payload& pl = d.payload(pi);
      switch (pl.kind) {
        case Kind::kActor:
          if (p.actor == kNone) p.actor = int(pl.index);
          break;
        case Kind::kAgent:
          if (p.agent == kNone) p.agent = int(pl.index);
          break;
        case Kind::kVerb:
          if (p.verb == kNone) {
            p.verb = int(pl.index);
            p.form = pl.form;
          }
          break;
        case Kind::kNoun:
          if (p.noun == kNone) p.noun = int(pl.index);
          break;
        case Kind::kCue: p.cues |= 1u << pl.index; break;
      }
    }
    for (uint32_t k = p.b; k < p.e; ++k) s.piece_of[k] = int(s.pieces.size());
    s.pieces.push_back(p);
    i = p.e;
  }

  // Date of the sentence.
  DateValue date{doc_date, DatePrecision::kDay};
  if (auto found = ExtractDate(tok, doc_date)) date = *found;

  auto piece_at = [&](int64_t t) -> const Piece* {
    if (t < 0 || t >= int64_t(n) || s.piece_of[t] == kNone) return nullptr;
    return &s.pieces[s.piece_of[t]];
  };
  auto cue_at = [&](int64_t t, Cue c) {
    const Piece* p = piece_at(t);
    return p && p->Has(c);
  };
  auto resolve = [&](const ActorEntry& a, std::string* code) {
    for (const DatedCode& dc : a.codes) {
      if (date.days >= dc.from && date.days <= dc.to) {
        *code = dc.code;
        return true;
      }
    }
    if (!a.fallback.empty()) {
      *code = a.fallback;
      return true;
    }
    return false;
  };

  // 3. Actor groups.
  s.groups.clear();
  s.group_of.assign(n, kNone);
  for (size_t pi = 0; pi < s.pieces.size();) {
    const Piece& p0 = s.pieces[pi];
    bool is_actorish = p0.actor != kNone || p0.agent != kNone;
    // A verb or noun reading wins over an agent-only reading ("government" stays an agent, but
    // a piece that is also a verb is not the start of an actor).
    if (!is_actorish || (p0.actor == kNone && (p0.verb != kNone || p0.noun != kNone))) {
      ++pi;
      continue;
    }
    std::string best;  // most specific actor code
    std::string agent_suffix, agent_prefix;
    bool person = false;
    uint32_t b = p0.b, e = p0.e;
    size_t pj = pi;
    auto absorb = [&](const Piece& p) {
      if (p.actor != kNone) {
        std::string c;
        const ActorEntry& a = d.actor(p.actor);
        if (resolve(a, &c)) {
          if (a.person && !person) {
            best = c;
            person = true;
          } else if (!person && (best.empty() || c.size() > best.size())) {
            best = c;
          }
        }
      }
      if (p.agent != kNone) {
        const AgentEntry& ag = d.agent(p.agent);
        if (ag.prefix) {
          if (agent_prefix.empty()) agent_prefix = ag.type;
        } else if (agent_suffix.empty()) {
          agent_suffix = ag.type;
        }
      }
    };
    absorb(p0);
    while (pj + 1 < s.pieces.size()) {
      const Piece& next = s.pieces[pj + 1];
      uint32_t gap_b = s.pieces[pj].e;
      bool next_actorish = (next.actor != kNone || next.agent != kNone) &&
                           !(next.actor == kNone && (next.verb != kNone || next.noun != kNone));
      if (!next_actorish) {
        // "Pakistan's army chief": possessive glue
        if (next.Has(Cue::kPossessive) && next.b == gap_b && pj + 2 < s.pieces.size()) {
          const Piece& after = s.pieces[pj + 2];
          if (after.b == next.e && after.actor == kNone && after.agent != kNone &&
              after.verb == kNone) {
            absorb(after);
            e = after.e;
            pj += 2;
            continue;
          }
        }
        // "the foreign minister of Pakistan", "militants from Pakistan", "protesters in Lahore"
        bool at_start = true;  // "Militants from Pakistan attacked": only as a subject
        for (uint32_t k = 0; k < b; ++k) at_start = at_start && cue_at(k, Cue::kDeterminer);
        bool of_like =
            next.Has(Cue::kOf) || (at_start && agent_prefix.empty() && !agent_suffix.empty() &&
                                   (next.Has(Cue::kLocation) || tok[next.b].text == "from"));
        if (of_like && next.b == gap_b && best.empty() && pj + 2 < s.pieces.size()) {
          const Piece& after = s.pieces[pj + 2];
          if (after.b == next.e && after.actor != kNone) {
            absorb(after);
            e = after.e;
            pj += 2;
            continue;
          }
        }
        break;
      }
      // Unknown capitalised words between (first names) are allowed.
      uint32_t gap = next.b - gap_b;
      bool ok = gap <= config::kMaxNameGap;
      for (uint32_t k = gap_b; ok && k < next.b; ++k) {
        if (s.piece_of[k] != kNone || !tok[k].cap) ok = false;
        if (s.ids[k] != 0) ok = false;
      }
      if (!ok) break;
      // Two different countries side by side are two actors ("Russia Pakistan"), not one.
      if (next.actor != kNone && !best.empty()) {
        std::string c;
        if (resolve(d.actor(next.actor), &c) && !SameCountry(c, best) && gap == 0 &&
            !d.actor(next.actor).person) {
          break;
        }
      }
      absorb(next);
      e = next.e;
      ++pj;
    }
    Group g;
    g.b = b;
    g.e = e;
    // A place name used as a modifier of a capitalised name ("the Tashkent Declaration",
    // "Pakistan Stream") is not an actor.
    if (e < n && tok[e].cap && s.group_of[e] == kNone) {
      const Piece* after = piece_at(e);
      std::string_view w = tok[e].text;
      bool calendar = w == "monday" || w == "tuesday" || w == "wednesday" || w == "thursday" ||
                      w == "friday" || w == "saturday" || w == "sunday";
      if (!calendar && (!after || (after->verb == kNone && after->actor == kNone &&
                                   after->agent == kNone && after->cues == 0))) {
        best.clear();
      }
    }
    if (!best.empty()) {
      if (best.size() == 3 && !person) {
        g.agent_role = !agent_suffix.empty() && agent_prefix.empty();
        g.code = agent_prefix + best + agent_suffix;
      } else {
        g.code = best;
      }
    }
    if (!g.code.empty()) {
      for (uint32_t k = b; k < e; ++k) s.group_of[k] = int(s.groups.size());
      s.groups.push_back(std::move(g));
    }
    pi = pj + 1;
  }

  // 4. Slots: coordination by "and", "," (when a later "and" closes the list) or a hyphen.
  s.slots.clear();
  s.slot_of.assign(n, kNone);
  for (size_t gi = 0; gi < s.groups.size(); ++gi) {
    Slot sl;
    sl.b = s.groups[gi].b;
    sl.e = s.groups[gi].e;
    sl.groups.push_back(int(gi));
    while (gi + 1 < s.groups.size()) {
      const Group& next = s.groups[gi + 1];
      uint32_t gap_b = sl.e;
      bool join = false;
      bool hyphen = false;
      if (next.b == gap_b + 1 && cue_at(gap_b, Cue::kHyphen)) {
        join = hyphen = true;
      } else if (next.b > gap_b && next.b - gap_b <= 3) {
        join = true;
        bool saw_and = false;
        for (uint32_t k = gap_b; k < next.b; ++k) {
          const Piece* p = piece_at(k);
          if (!p || !(p->Has(Cue::kAnd) || p->Has(Cue::kComma) || p->Has(Cue::kDeterminer))) {
            join = false;
          }
          if (p && p->Has(Cue::kAnd)) saw_and = true;
        }
        if (join && !saw_and) {
          // "X, Y and Z": a comma joins only when an "and" follows the next group.
          join = next.e + 1 < n && cue_at(next.e, Cue::kAnd) && gi + 2 < s.groups.size() &&
                 s.groups[gi + 2].b <= next.e + 2;
          if (!join && SameCountry(next.code, s.groups[gi].code)) {
            // apposition: "Putin, Russia's president," -- the same actor
            join = true;
          }
        }
      }
      if (!join) break;
      sl.hyphen = sl.hyphen || hyphen;
      sl.groups.push_back(int(gi + 1));
      sl.e = next.e;
      ++gi;
    }
    if (sl.groups.size() >= 2 && !sl.hyphen) {
      const std::string& last = s.groups[sl.groups.back()].code;
      if (last.size() == 6 && s.groups[sl.groups.back()].agent_role) {
        for (int g : sl.groups) {
          std::string& c = s.groups[g].code;
          if (c.size() == 3 && SameCountry(c, c) && g != sl.groups.back()) c += last.substr(3);
        }
      }
    }
    for (uint32_t k = sl.b; k < sl.e; ++k) s.slot_of[k] = int(s.slots.size());
    s.slots.push_back(std::move(sl));
  }

  // Is the slot in object position (after a preposition or a verb)?
  auto object_position = [&](const Slot& sl) {
    int64_t k = int64_t(sl.b) - 1;
    while (k >= 0 && cue_at(k, Cue::kDeterminer)) --k;
    if (k < 0) return false;
    const Piece* p = piece_at(k);
    if (!p) return false;
    return p->Has(Cue::kPrep) || p->Has(Cue::kBy) || p->Has(Cue::kOf) || p->Has(Cue::kBetween) ||
           (p->verb != kNone && !p->Has(Cue::kAnd));
  };
  auto subject_slot = [&](uint32_t before) -> int {
    int fallback = kNone;
    bool crossed = false;
    for (int64_t k = int64_t(before) - 1; k >= 0; --k) {
      if (cue_at(k, Cue::kClauseBreak)) crossed = true;
      int si = s.slot_of[k];
      if (si == kNone) continue;
      const Slot& sl = s.slots[si];
      k = sl.b;
      if (!object_position(sl)) {
        if (!crossed) return si;
        if (fallback == kNone) fallback = si;
      }
    }
    return fallback;
  };
  // The first slot after `after` within the window, not crossing a clause break; with `by_only`,
  // only a slot right after "by".
  bool allow_location = false;
  auto object_slot = [&](uint32_t after, bool by_only, bool* between) -> int {
    uint32_t limit = std::min<uint32_t>(n, after + uint32_t(config::kTargetWindow));
    for (uint32_t k = after; k < limit; ++k) {
      if (cue_at(k, Cue::kClauseBreak)) return kNone;
      int si = s.slot_of[k];
      if (si == kNone) continue;
      const Slot& sl = s.slots[si];
      int64_t pk = int64_t(sl.b) - 1;
      while (pk >= 0 && cue_at(pk, Cue::kDeterminer)) --pk;
      bool by = pk >= 0 && cue_at(pk, Cue::kBy);
      if (by_only && !by) {
        k = sl.e - 1;
        continue;
      }
      // "in Islamabad", "at the UN": a place, not a target, unless the verb goes there.
      if (!allow_location && pk >= 0 && cue_at(pk, Cue::kLocation)) {
        k = sl.e - 1;
        continue;
      }
      if (between) *between = pk >= 0 && cue_at(pk, Cue::kBetween);
      return si;
    }
    return kNone;
  };

  s.consumed.assign(n, 0);
  size_t first_out = out->size();
  auto emit = [&](int src_slot, int tgt_slot, const std::string& code, const std::string& paired,
                  bool mutual) {
    if (code.empty()) return;
    auto add = [&](const std::string& a, const std::string& b, const std::string& c) {
      if (a.empty() || b.empty() || c.empty() || a == b) return;
      // One country on both sides: only two distinct roles make an event ("PAKOPP PAKGOV");
      // "Putin, Russia's president" is one actor twice.
      if (SameCountry(a, b) && (a.size() <= 3 || b.size() <= 3)) return;
      for (size_t k = first_out; k < out->size(); ++k) {
        const CodedEvent& x = (*out)[k];
        if (x.source == a && x.target == b && x.code == c) return;
      }
      CodedEvent ev;
      ev.sentence = index;
      ev.date = date;
      ev.source = a;
      ev.target = b;
      ev.code = c;
      ev.begin = begin;
      ev.end = begin + uint32_t(sentence.size());
      out->push_back(std::move(ev));
      ++stats_.events;
    };
    auto pair = [&](const std::string& a, const std::string& b) {
      add(a, b, code);
      if (!paired.empty()) add(b, a, paired);
    };
    if (src_slot != kNone && tgt_slot != kNone && src_slot != tgt_slot) {
      for (int ga : s.slots[src_slot].groups) {
        for (int gb : s.slots[tgt_slot].groups) pair(s.groups[ga].code, s.groups[gb].code);
      }
      return;
    }
    int only = src_slot != kNone ? src_slot : tgt_slot;
    if (only == kNone || (!mutual && s.slots[only].groups.size() < 2)) return;
    const auto& gs = s.slots[only].groups;
    for (size_t x = 0; x < gs.size(); ++x) {
      for (size_t y = 0; y < gs.size(); ++y) {
        if (x != y) add(s.groups[gs[x]].code, s.groups[gs[y]].code, code);
      }
    }
  };

  // Modifiers in the few words before a trigger.
  struct Mods {
    bool negated = false, future = false, refuse = false, passive = false;
  };
  auto modifiers = [&](uint32_t at) {
    Mods m;
    uint32_t lo = at > config::kModifierWindow ? at - uint32_t(config::kModifierWindow) : 0;
    for (int64_t k = int64_t(at) - 1; k >= int64_t(lo); --k) {
      if (s.group_of[k] != kNone || cue_at(k, Cue::kClauseBreak) || cue_at(k, Cue::kComma)) break;
      const Piece* p = piece_at(k);
      if (!p) continue;
      if (p->Has(Cue::kNegation)) m.negated = true;
      if (p->Has(Cue::kFuture) || p->Has(Cue::kIntent)) m.future = true;
      if (p->Has(Cue::kRefuse)) m.refuse = true;
      if (p->Has(Cue::kBeAux) && at - k <= 2) m.passive = true;
      k = p->b;
    }
    return m;
  };
  auto transform = [&](const Mods& m, std::string* code, std::string* paired) {
    if (m.refuse) {
      *code = RefusalCodeFor(*code);
      paired->clear();
    } else if (m.negated) {
      code->clear();
    } else if (m.future) {
      *code = IntentCodeFor(*code);
      paired->clear();
    }
  };
  // In order words of `want` found in token range [lo, hi); records their positions.
  auto in_order = [&](const std::vector<uint32_t>& want, uint32_t lo, uint32_t hi,
                      std::vector<uint32_t>* at) {
    size_t w = 0;
    for (uint32_t k = lo; k < hi && w < want.size(); ++k) {
      if (d.ElementMatches(want[w], s.ids[k])) {
        if (at) at->push_back(k);
        ++w;
      }
    }
    return w == want.size();
  };

  // 5a. Verbs.
  for (size_t pi = 0; pi < s.pieces.size(); ++pi) {
    const Piece& p = s.pieces[pi];
    if (p.verb == kNone || s.group_of[p.b] != kNone) continue;
    bool plain = (p.form & (kFormBase | kFormThird)) && !(p.form & (kFormPast | kFormIng));
    if (plain && s.consumed[p.b]) continue;  // "signed an agreement on oil supplies"
    if (p.b > 0 && (cue_at(p.b - 1, Cue::kDeterminer) || cue_at(p.b - 1, Cue::kPossessive)) &&
        !(p.form & kFormPast)) {
      continue;  // "the release", "a protest": a noun here
    }
    if ((p.form == kFormIng) && p.b > 0 &&
        (cue_at(p.b - 1, Cue::kPrep) || cue_at(p.b - 1, Cue::kOf) || cue_at(p.b - 1, Cue::kBy))) {
      continue;  // "of supporting", "on training": a gerund, not the main event
    }
    bool ambiguous = p.noun != kNone && (p.form & (kFormBase | kFormThird));
    if (ambiguous) {
      int64_t k = int64_t(p.b) - 1;
      bool noun = k >= 0 && (cue_at(k, Cue::kDeterminer) || cue_at(k, Cue::kPossessive) ||
                             cue_at(k, Cue::kHyphen) ||
                             (s.slot_of[k] != kNone && s.slots[s.slot_of[k]].hyphen));
      if (k >= 0 && !tok[k].text.empty() && tok[k].text[0] >= '0' && tok[k].text[0] <= '9') {
        noun = true;
      }
      if (noun) continue;
    }
    const VerbEntry& v = d.verb(p.verb);
    Mods m = modifiers(p.b);
    m.passive = m.passive && (p.form & kFormParticiple);
    // Pattern: the one matching the most words.
    const VerbPattern* best = nullptr;
    size_t best_len = 0;
    uint32_t hi = std::min<uint32_t>(n, p.e + uint32_t(config::kPatternWindow));
    uint32_t lo =
        p.b > config::kModifierWindow + 1 ? p.b - uint32_t(config::kModifierWindow + 1) : 0;
    for (const VerbPattern& vp : v.patterns) {
      size_t len = vp.pre.size() + vp.post.size();
      if (len <= best_len && best) continue;
      if (!in_order(vp.pre, lo, p.b, nullptr) || !in_order(vp.post, p.e, hi, nullptr)) continue;
      best = &vp;
      best_len = len;
    }
    std::string code = best ? best->code : v.code;
    std::string paired = best ? best->paired : v.paired;
    if (best) {
      s.claimed.clear();
      in_order(best->post, p.e, hi, &s.claimed);
      for (uint32_t k : s.claimed) s.consumed[k] = 1;
    }
    if (code.empty()) continue;
    transform(m, &code, &paired);
    if (code.empty()) continue;
    int src = kNone, tgt = kNone;
    bool between = false;
    if (m.passive) {
      src = object_slot(p.e, /*by_only=*/true, nullptr);
      tgt = subject_slot(p.b);
      if (src == kNone) continue;
    } else {
      src = subject_slot(p.b);
      // "a doctor who helped the CIA": the subject is the word before "who", not an actor.
      if (p.b >= 2 &&
          (tok[p.b - 1].text == "who" || tok[p.b - 1].text == "which" ||
           tok[p.b - 1].text == "that") &&
          s.group_of[p.b - 2] == kNone) {
        src = kNone;
      }
      allow_location = v.location || (code.size() >= 2 && (code.compare(0, 2, "18") == 0 ||
                                                           code.compare(0, 2, "19") == 0 ||
                                                           code.compare(0, 2, "20") == 0));
      tgt = object_slot(p.e, false, &between);
      allow_location = false;
      // "Pakistan and Russia signed an agreement on training Pakistani soldiers": a coordinated
      // subject acts on each other; a later actor is only a target right after the verb.
      if (src != kNone && tgt != kNone && s.slots[src].groups.size() >= 2 && !between) {
        int64_t k = int64_t(s.slots[tgt].b) - 1;
        while (k >= int64_t(p.e) && cue_at(k, Cue::kDeterminer)) --k;
        if (k >= int64_t(p.e)) tgt = kNone;
      }
    }
    if (v.reversed != (best && best->reversed)) std::swap(src, tgt);
    emit(src, tgt, code, paired, between);
    // Nouns (and noun-like verb forms) after a coded verb belong to it ("signed an agreement
    // on oil supplies").
    for (uint32_t k = p.e; k < std::min<uint32_t>(n, p.e + 8); ++k) {
      if (cue_at(k, Cue::kClauseBreak) || cue_at(k, Cue::kAnd)) break;
      if (s.group_of[k] == kNone) s.consumed[k] = 1;
    }
  }

  // 5b. Nouns not claimed by a verb.
  for (size_t pi = 0; pi < s.pieces.size(); ++pi) {
    const Piece& p = s.pieces[pi];
    if (p.noun == kNone || s.consumed[p.b] || s.group_of[p.b] != kNone) continue;
    if (p.verb != kNone && !(p.form & (kFormBase | kFormThird))) continue;
    if (p.verb != kNone) {
      int64_t k = int64_t(p.b) - 1;
      bool noun = k >= 0 && (cue_at(k, Cue::kDeterminer) || cue_at(k, Cue::kPossessive) ||
                             cue_at(k, Cue::kHyphen) ||
                             (s.slot_of[k] != kNone && s.slots[s.slot_of[k]].hyphen));
      if (k >= 0 && !tok[k].text.empty() && tok[k].text[0] >= '0' && tok[k].text[0] <= '9') {
        noun = true;
      }
      if (!noun) continue;  // coded (or not) as a verb above
    }
    const NounEntry& ne = d.noun(p.noun);
    std::string code = ne.code, paired = ne.paired;
    Mods m = modifiers(p.b);
    m.passive = false;
    transform(m, &code, &paired);
    if (code.empty()) continue;
    // Source: the actor right before ("Russia's visit", "Russian aid", "Pak-Russia talks").
    int src = kNone, tgt = kNone;
    int64_t k = int64_t(p.b) - 1;
    while (k >= 0 && s.slot_of[k] == kNone && s.group_of[k] == kNone &&
           (cue_at(k, Cue::kPossessive) || cue_at(k, Cue::kDeterminer) ||
            (s.piece_of[k] == kNone && !tok[k].cap && int64_t(p.b) - k <= 3))) {
      --k;
    }
    if (k >= 0 && s.slot_of[k] != kNone) src = s.slot_of[k];
    bool between = false;
    allow_location =
        code.size() >= 2 && (code.compare(0, 2, "18") == 0 || code.compare(0, 2, "19") == 0 ||
                             code.compare(0, 2, "20") == 0);
    if (src == kNone) {
      int of = object_slot(p.e, false, &between);
      if (of != kNone) {
        int64_t pk = int64_t(s.slots[of].b) - 1;
        while (pk >= 0 && cue_at(pk, Cue::kDeterminer)) --pk;
        if (pk >= 0 && (cue_at(pk, Cue::kOf) || cue_at(pk, Cue::kBy)) && !between) {
          src = of;
          tgt = object_slot(s.slots[of].e, false, nullptr);
        }
      }
      if (src == kNone) {
        tgt = of;
        if (!between) src = subject_slot(p.b);
      }
    } else {
      tgt = object_slot(p.e, false, &between);
    }
    allow_location = false;
    emit(src, tgt, code, paired, between || (src != kNone && s.slots[src].hyphen));
  }
}

}  // namespace entente::coder
