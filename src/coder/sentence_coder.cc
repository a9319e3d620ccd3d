#include "coder/sentence_coder.h"

#include <algorithm>

#include "coder/dates.h"
#include "coder/tunables.h"
#include "core/cameo.h"

namespace entente::coder {
namespace {

bool SameCountry(const std::string& a, const std::string& b) {
  if (a.size() < 3 || b.size() < 3) return a == b;
  return a.compare(0, 3, b, 0, 3) == 0;
}

// An actor or agent reading that no verb or noun reading outranks ("government" stays an agent,
// but a piece that is also a verb is not the start of an actor).
bool ActorLike(const Piece& p) {
  return (p.actor != kNone || p.agent != kNone) &&
         !(p.actor == kNone && (p.verb != kNone || p.noun != kNone));
}

// Force (18-20): the target may be where it happens ("troops entered Lahore").
bool IsForce(const std::string& code) {
  return code.size() >= 2 && (code.compare(0, 2, "18") == 0 || code.compare(0, 2, "19") == 0 ||
                              code.compare(0, 2, "20") == 0);
}

}  // namespace

void SentenceCoder::Run(Days doc_date) {
  Tokenize(sentence_, &s_.ts);
  n_ = uint32_t(s_.ts.tokens.size());
  if (n_ == 0) return;
  LookUpWords();
  FindPieces();
  date_ = DateValue{doc_date, DatePrecision::kDay};
  if (auto found = ExtractDate(s_.ts.tokens, doc_date)) date_ = *found;
  GroupActors();
  AddPronounGroups();
  FormSlots();
  s_.consumed.assign(n_, 0);
  first_out_ = out_->size();
  CodeVerbs();
  CodeNouns();
  Remember();
}

// ---------------------------------------------------------------------------------------------
// 1-2. Words and pieces.

void SentenceCoder::LookUpWords() {
  const std::vector<Token>& tok = s_.ts.tokens;
  s_.ids.resize(n_);
  for (uint32_t i = 0; i < n_; ++i) {
    s_.ids[i] = d_.Lookup(tok[i].text);
    // "US" in capitals is the country, "us" the pronoun.
    if (tok[i].text == "us" && tok[i].cap && tok[i].end - tok[i].begin == 2 &&
        sentence_[tok[i].begin + 1] == 'S') {
      s_.ids[i] = d_.Lookup("u.s.");
    }
  }
}

void SentenceCoder::FindPieces() {
  s_.pieces.clear();
  s_.piece_of.assign(n_, kNone);
  const TokenTrie& trie = d_.trie();
  for (uint32_t i = 0; i < n_;) {
    uint32_t node = 0;
    size_t len = trie.LongestMatch(&s_.ids[i], n_ - i, &node);
    if (len == 0) {
      ++i;
      continue;
    }
    Piece p;
    p.b = i;
    p.e = uint32_t(i + len);
    for (uint32_t pi : trie.Payloads(node)) {
      const Payload& pl = d_.payload(pi);
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
    for (uint32_t k = p.b; k < p.e; ++k) s_.piece_of[k] = int(s_.pieces.size());
    s_.pieces.push_back(p);
    i = p.e;
  }
}

const Piece* SentenceCoder::PieceAt(int64_t t) const {
  if (t < 0 || t >= int64_t(n_) || s_.piece_of[t] == kNone) return nullptr;
  return &s_.pieces[s_.piece_of[t]];
}

bool SentenceCoder::CueAt(int64_t t, Cue c) const {
  const Piece* p = PieceAt(t);
  return p && p->Has(c);
}

// ---------------------------------------------------------------------------------------------
// 3. Actor groups.

bool SentenceCoder::Resolve(const ActorEntry& a, std::string* code) const {
  for (const DatedCode& dc : a.codes) {
    if (date_.days >= dc.from && date_.days <= dc.to) {
      *code = dc.code;
      return true;
    }
  }
  if (!a.fallback.empty()) {
    *code = a.fallback;
    return true;
  }
  return false;
}

void SentenceCoder::Absorb(const Piece& p, GroupCode* gc) const {
  if (p.actor != kNone) {
    std::string c;
    const ActorEntry& a = d_.actor(p.actor);
    if (Resolve(a, &c)) {
      if (a.person && !gc->person) {
        gc->best = c;
        gc->person = true;
      } else if (!gc->person && (gc->best.empty() || c.size() > gc->best.size())) {
        gc->best = c;
      }
    }
  }
  if (p.agent != kNone) {
    const AgentEntry& ag = d_.agent(p.agent);
    if (ag.prefix) {
      if (gc->agent_prefix.empty()) gc->agent_prefix = ag.type;
    } else if (gc->agent_suffix.empty()) {
      gc->agent_suffix = ag.type;
    }
  }
}

void SentenceCoder::GroupActors() {
  s_.groups.clear();
  s_.group_of.assign(n_, kNone);
  for (size_t pi = 0; pi < s_.pieces.size();) {
    pi = ActorLike(s_.pieces[pi]) ? BuildGroup(pi) + 1 : pi + 1;
  }
}

// Grows a group from piece `first`, absorbing what NextGroupStep allows; returns the index of its
// last piece.
size_t SentenceCoder::BuildGroup(size_t first) {
  GroupCode gc;
  uint32_t b = s_.pieces[first].b, e = s_.pieces[first].e;
  size_t last = first;
  Absorb(s_.pieces[first], &gc);
  while (last + 1 < s_.pieces.size()) {
    int step = NextGroupStep(last, b, gc);
    if (step == 0) break;
    last += size_t(step);
    Absorb(s_.pieces[last], &gc);
    e = s_.pieces[last].e;
  }
  FinishGroup(b, e, std::move(gc));
  return last;
}

// How many pieces after `last` join the group: 1 (the next actor, across unknown capitalised
// words), 2 (glue and the piece after it), 0 (none).
int SentenceCoder::NextGroupStep(size_t last, uint32_t group_begin, const GroupCode& gc) const {
  const Piece& next = s_.pieces[last + 1];
  if (!ActorLike(next)) return GlueStep(last, group_begin, gc);
  // Unknown capitalised words between (first names) are allowed.
  const uint32_t gap_b = s_.pieces[last].e;
  uint32_t gap = next.b - gap_b;
  if (gap > config::kMaxNameGap) return 0;
  for (uint32_t k = gap_b; k < next.b; ++k) {
    if (s_.piece_of[k] != kNone || !s_.ts.tokens[k].cap || s_.ids[k] != 0) return 0;
  }
  // Two different countries side by side are two actors ("Russia Pakistan"), not one.
  if (next.actor != kNone && !gc.best.empty()) {
    std::string c;
    const ActorEntry& a = d_.actor(next.actor);
    if (Resolve(a, &c) && !SameCountry(c, gc.best) && gap == 0 && !a.person) return 0;
  }
  return 1;
}

// Glue after piece `last`: "Pakistan's army chief" (a possessive, then an agent), "the foreign
// minister of Pakistan", "militants from Pakistan", "protesters in Lahore" (of-like, then an
// actor).
int SentenceCoder::GlueStep(size_t last, uint32_t group_begin, const GroupCode& gc) const {
  const Piece& next = s_.pieces[last + 1];
  const uint32_t gap_b = s_.pieces[last].e;
  if (last + 2 >= s_.pieces.size() || next.b != gap_b) return 0;
  const Piece& after = s_.pieces[last + 2];
  if (next.Has(Cue::kPossessive) && after.b == next.e && after.actor == kNone &&
      after.agent != kNone && after.verb == kNone) {
    return 2;
  }
  bool at_start = true;  // "Militants from Pakistan attacked": only as a subject
  for (uint32_t k = 0; k < group_begin; ++k) at_start = at_start && CueAt(k, Cue::kDeterminer);
  bool of_like =
      next.Has(Cue::kOf) || (at_start && gc.agent_prefix.empty() && !gc.agent_suffix.empty() &&
                             (next.Has(Cue::kLocation) || s_.ts.tokens[next.b].text == "from"));
  if (of_like && gc.best.empty() && after.b == next.e && after.actor != kNone) return 2;
  return 0;
}

void SentenceCoder::FinishGroup(uint32_t b, uint32_t e, GroupCode gc) {
  const std::vector<Token>& tok = s_.ts.tokens;
  Group g;
  g.b = b;
  g.e = e;
  // A place name used as a modifier of a capitalised name ("the Tashkent Declaration",
  // "Pakistan Stream") is not an actor.
  if (e < n_ && tok[e].cap && s_.group_of[e] == kNone) {
    const Piece* after = PieceAt(e);
    std::string_view w = tok[e].text;
    bool calendar = w == "monday" || w == "tuesday" || w == "wednesday" || w == "thursday" ||
                    w == "friday" || w == "saturday" || w == "sunday";
    if (!calendar && (!after || (after->verb == kNone && after->actor == kNone &&
                                 after->agent == kNone && after->cues == 0))) {
      gc.best.clear();
    }
  }
  if (!gc.best.empty()) {
    if (gc.best.size() == 3 && !gc.person) {
      g.agent_role = !gc.agent_suffix.empty() && gc.agent_prefix.empty();
      g.code = gc.agent_prefix + gc.best + gc.agent_suffix;
    } else {
      g.code = gc.best;
      g.person = gc.person;
    }
  } else {
    g.code = RoleReference(b, gc);
  }
  if (g.code.empty()) return;
  for (uint32_t k = b; k < e; ++k) s_.group_of[k] = int(s_.groups.size());
  s_.groups.push_back(std::move(g));
}

std::string SentenceCoder::RoleReference(uint32_t b, const GroupCode& gc) const {
  if (!memory_ || gc.agent_suffix.empty() || !gc.agent_prefix.empty()) return "";
  if (b == 0 || s_.ts.tokens[b - 1].text != "the") return "";  // "a minister" is someone else
  auto it = memory_->by_role.find(gc.agent_suffix);
  return it == memory_->by_role.end() ? "" : it->second;
}

void SentenceCoder::AddPronounGroups() {
  if (!memory_ || memory_->last_person.empty()) return;
  const std::vector<Token>& tok = s_.ts.tokens;
  bool added = false;
  for (uint32_t k = 0; k < n_; ++k) {
    if ((tok[k].text != "he" && tok[k].text != "she") || s_.group_of[k] != kNone) continue;
    Group g;
    g.b = k;
    g.e = k + 1;
    g.code = memory_->last_person;
    g.person = true;
    s_.groups.push_back(std::move(g));
    added = true;
  }
  if (!added) return;
  std::sort(s_.groups.begin(), s_.groups.end(),
            [](const Group& x, const Group& y) { return x.b < y.b; });
  s_.group_of.assign(n_, kNone);
  for (size_t gi = 0; gi < s_.groups.size(); ++gi) {
    for (uint32_t k = s_.groups[gi].b; k < s_.groups[gi].e; ++k) s_.group_of[k] = int(gi);
  }
}

void SentenceCoder::Remember() const {
  if (!memory_) return;
  for (const Group& g : s_.groups) {
    // A role is remembered from someone who holds it ("Lavrov", "Pakistan's army chief"), not
    // from a place that stands for a government ("Islamabad": PAKGOV).
    const bool holder = g.person || g.agent_role;
    if (holder && g.code.size() >= 6 && IsCountryCode(g.code.substr(0, 3))) {
      memory_->by_role[g.code.substr(3, 3)] = g.code;
    }
    if (g.person) memory_->last_person = g.code;
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Slots.

// Whether group gi + 1 joins slot `sl` (whose last group is gi): a hyphen, or only "and", ","
// and determiners between, where a comma needs an "and" after the next group ("X, Y and Z") or
// names the same country again (an apposition: "Putin, Russia's president,").
SentenceCoder::Join SentenceCoder::JoinsSlot(size_t gi, const Slot& sl) const {
  const Group& next = s_.groups[gi + 1];
  const uint32_t gap_b = sl.e;
  if (next.b == gap_b + 1 && CueAt(gap_b, Cue::kHyphen)) return Join::kHyphen;
  if (!(next.b > gap_b && next.b - gap_b <= 3)) return Join::kNo;
  bool saw_and = false;
  for (uint32_t k = gap_b; k < next.b; ++k) {
    const Piece* p = PieceAt(k);
    if (!p || !(p->Has(Cue::kAnd) || p->Has(Cue::kComma) || p->Has(Cue::kDeterminer))) {
      return Join::kNo;
    }
    if (p->Has(Cue::kAnd)) saw_and = true;
  }
  if (saw_and) return Join::kList;
  if (next.e + 1 < n_ && CueAt(next.e, Cue::kAnd) && gi + 2 < s_.groups.size() &&
      s_.groups[gi + 2].b <= next.e + 2) {
    return Join::kList;
  }
  return SameCountry(next.code, s_.groups[gi].code) ? Join::kApposition : Join::kNo;
}

void SentenceCoder::FormSlots() {
  s_.slots.clear();
  s_.slot_of.assign(n_, kNone);
  for (size_t gi = 0; gi < s_.groups.size(); ++gi) {
    Slot sl;
    sl.b = s_.groups[gi].b;
    sl.e = s_.groups[gi].e;
    sl.groups.push_back(int(gi));
    bool listed = false;
    for (Join j; gi + 1 < s_.groups.size() && (j = JoinsSlot(gi, sl)) != Join::kNo; ++gi) {
      sl.hyphen = sl.hyphen || j == Join::kHyphen;
      listed = listed || j != Join::kApposition;
      sl.groups.push_back(int(gi + 1));
      sl.e = s_.groups[gi + 1].e;
    }
    sl.apposition = sl.groups.size() >= 2 && !listed;
    // "Pakistani and Russian troops": the role of the last group goes to the bare countries.
    if (sl.groups.size() >= 2 && !sl.hyphen) {
      const std::string& last = s_.groups[sl.groups.back()].code;
      if (last.size() == 6 && s_.groups[sl.groups.back()].agent_role) {
        for (int g : sl.groups) {
          std::string& c = s_.groups[g].code;
          if (c.size() == 3 && g != sl.groups.back()) c += last.substr(3);
        }
      }
    }
    for (uint32_t k = sl.b; k < sl.e; ++k) s_.slot_of[k] = int(s_.slots.size());
    s_.slots.push_back(std::move(sl));
  }
}

// Is the slot in object position (after a preposition or a verb)?
bool SentenceCoder::ObjectPosition(const Slot& sl) const {
  int64_t k = int64_t(sl.b) - 1;
  while (k >= 0 && CueAt(k, Cue::kDeterminer)) --k;
  if (k < 0) return false;
  const Piece* p = PieceAt(k);
  if (!p) return false;
  return p->Has(Cue::kPrep) || p->Has(Cue::kBy) || p->Has(Cue::kOf) || p->Has(Cue::kBetween) ||
         (p->verb != kNone && !p->Has(Cue::kAnd));
}

// The nearest slot before token `before` not in object position, preferring one inside the
// clause.
int SentenceCoder::SubjectSlot(uint32_t before) const {
  int fallback = kNone;
  bool crossed = false;
  for (int64_t k = int64_t(before) - 1; k >= 0; --k) {
    if (CueAt(k, Cue::kClauseBreak)) crossed = true;
    int si = s_.slot_of[k];
    if (si == kNone) continue;
    const Slot& sl = s_.slots[si];
    k = sl.b;
    if (!ObjectPosition(sl)) {
      if (!crossed) return si;
      if (fallback == kNone) fallback = si;
    }
  }
  return fallback;
}

// The first slot after `after` within the window, not crossing a clause break; with `by_only`,
// only a slot right after "by". *between: the slot follows "between".
int SentenceCoder::ObjectSlot(uint32_t after, bool by_only, bool* between) const {
  uint32_t limit = std::min<uint32_t>(n_, after + uint32_t(config::kTargetWindow));
  for (uint32_t k = after; k < limit; ++k) {
    if (CueAt(k, Cue::kClauseBreak)) return kNone;
    int si = s_.slot_of[k];
    if (si == kNone) continue;
    const Slot& sl = s_.slots[si];
    int64_t pk = int64_t(sl.b) - 1;
    while (pk >= 0 && CueAt(pk, Cue::kDeterminer)) --pk;
    bool by = pk >= 0 && CueAt(pk, Cue::kBy);
    if (by_only && !by) {
      k = sl.e - 1;
      continue;
    }
    // "in Islamabad", "at the UN": a place, not a target, unless the verb goes there.
    if (!allow_location_ && pk >= 0 && CueAt(pk, Cue::kLocation)) {
      k = sl.e - 1;
      continue;
    }
    if (between) *between = pk >= 0 && CueAt(pk, Cue::kBetween);
    return si;
  }
  return kNone;
}

// ---------------------------------------------------------------------------------------------
// 5. Events.

SentenceCoder::Mods SentenceCoder::Modifiers(uint32_t at) const {
  Mods m;
  uint32_t lo = at > config::kModifierWindow ? at - uint32_t(config::kModifierWindow) : 0;
  for (int64_t k = int64_t(at) - 1; k >= int64_t(lo); --k) {
    if (s_.group_of[k] != kNone || CueAt(k, Cue::kClauseBreak) || CueAt(k, Cue::kComma)) break;
    const Piece* p = PieceAt(k);
    if (!p) continue;
    if (p->Has(Cue::kNegation)) m.negated = true;
    if (p->Has(Cue::kFuture) || p->Has(Cue::kIntent)) m.future = true;
    if (p->Has(Cue::kRefuse)) m.refuse = true;
    if (p->Has(Cue::kBeAux) && at - k <= 2) m.passive = true;
    k = p->b;
  }
  return m;
}

// A refused act becomes its rejection code, a negated one no event, a future one an intent.
void SentenceCoder::Transform(const Mods& m, std::string* code, std::string* paired) {
  if (m.refuse) {
    *code = RefusalCodeFor(*code);
    paired->clear();
  } else if (m.negated) {
    code->clear();
  } else if (m.future) {
    *code = IntentCodeFor(*code);
    paired->clear();
  }
}

// Whether the words of `want` occur in order in token range [lo, hi); records their positions.
bool SentenceCoder::InOrder(const std::vector<uint32_t>& want, uint32_t lo, uint32_t hi,
                            std::vector<uint32_t>* at) const {
  size_t w = 0;
  for (uint32_t k = lo; k < hi && w < want.size(); ++k) {
    if (d_.ElementMatches(want[w], s_.ids[k])) {
      if (at) at->push_back(k);
      ++w;
    }
  }
  return w == want.size();
}

// A word that is both a verb and a noun reads as a noun after a determiner, a possessive, a
// hyphen or a hyphenated slot ("Pak-Russia talks"), or a number.
bool SentenceCoder::NounReading(const Piece& p) const {
  int64_t k = int64_t(p.b) - 1;
  if (k < 0) return false;
  const std::vector<Token>& tok = s_.ts.tokens;
  if (!tok[k].text.empty() && tok[k].text[0] >= '0' && tok[k].text[0] <= '9') return true;
  return CueAt(k, Cue::kDeterminer) || CueAt(k, Cue::kPossessive) || CueAt(k, Cue::kHyphen) ||
         (s_.slot_of[k] != kNone && s_.slots[s_.slot_of[k]].hyphen);
}

void SentenceCoder::CodeVerbs() {
  for (const Piece& p : s_.pieces) {
    if (p.verb != kNone && s_.group_of[p.b] == kNone && VerbIsTheEvent(p)) CodeVerb(p);
  }
}

// Whether a verb piece is an event of its own here, not a noun or a gerund or a word a coded
// verb already claimed.
bool SentenceCoder::VerbIsTheEvent(const Piece& p) const {
  bool plain = (p.form & (kFormBase | kFormThird)) && !(p.form & (kFormPast | kFormIng));
  if (plain && s_.consumed[p.b]) return false;  // "signed an agreement on oil supplies"
  if (p.b > 0 && (CueAt(p.b - 1, Cue::kDeterminer) || CueAt(p.b - 1, Cue::kPossessive)) &&
      !(p.form & kFormPast)) {
    return false;  // "the release", "a protest": a noun here
  }
  if ((p.form == kFormIng) && p.b > 0 &&
      (CueAt(p.b - 1, Cue::kPrep) || CueAt(p.b - 1, Cue::kOf) || CueAt(p.b - 1, Cue::kBy))) {
    return false;  // "of supporting", "on training": a gerund, not the main event
  }
  bool ambiguous = p.noun != kNone && (p.form & (kFormBase | kFormThird));
  return !(ambiguous && NounReading(p));
}

// The pattern of `v` matching the most words around the verb at [b, e) (words before it from
// `lo`, after it up to `hi`); null when none matches.
const VerbPattern* SentenceCoder::BestPattern(const VerbEntry& v, uint32_t lo, uint32_t b,
                                              uint32_t e, uint32_t hi) const {
  const VerbPattern* best = nullptr;
  size_t best_len = 0;
  for (const VerbPattern& vp : v.patterns) {
    size_t len = vp.pre.size() + vp.post.size();
    if (len <= best_len && best) continue;
    if (!InOrder(vp.pre, lo, b, nullptr) || !InOrder(vp.post, e, hi, nullptr)) continue;
    best = &vp;
    best_len = len;
  }
  return best;
}

void SentenceCoder::CodeVerb(const Piece& p) {
  if (p.b >= denied_from_ && p.b < denied_to_) return;  // a denied act is not that act
  const VerbEntry& v = d_.verb(p.verb);
  Mods m = Modifiers(p.b);
  m.passive = m.passive && (p.form & kFormParticiple);
  uint32_t hi = std::min<uint32_t>(n_, p.e + uint32_t(config::kPatternWindow));
  uint32_t lo = p.b > config::kModifierWindow + 1 ? p.b - uint32_t(config::kModifierWindow + 1) : 0;
  const VerbPattern* best = BestPattern(v, lo, p.b, p.e, hi);
  std::string code = best ? best->code : v.code;
  std::string paired = best ? best->paired : v.paired;
  if (best) {
    s_.claimed.clear();
    InOrder(best->post, p.e, hi, &s_.claimed);
    for (uint32_t k : s_.claimed) s_.consumed[k] = 1;
  }
  if (code.empty()) return;
  Transform(m, &code, &paired);
  if (code.empty()) return;
  bool between = false;
  auto [src, tgt] = VerbSlots(p, v, code, m.passive, &between);
  if (m.passive && src == kNone) return;
  if (v.reversed != (best && best->reversed)) std::swap(src, tgt);
  Emit(src, tgt, code, paired, between);
  if (code.compare(0, 3, "016") == 0) MarkDenied(p);
  // Nouns (and noun-like verb forms) after a coded verb belong to it ("signed an agreement
  // on oil supplies").
  for (uint32_t k = p.e; k < std::min<uint32_t>(n_, p.e + 8); ++k) {
    if (CueAt(k, Cue::kClauseBreak) || CueAt(k, Cue::kAnd)) break;
    if (s_.group_of[k] == kNone) s_.consumed[k] = 1;
  }
}

// What a denial denies: the words after it up to an "and", a comma or a clause break, within
// eight tokens ("denied that it had attacked Georgian villages", "denied attacking").
void SentenceCoder::MarkDenied(const Piece& denial) {
  uint32_t end = denial.e;
  for (uint32_t k = denial.e; k < std::min<uint32_t>(n_, denial.e + 8); ++k) {
    if (CueAt(k, Cue::kAnd) || CueAt(k, Cue::kComma) || CueAt(k, Cue::kClauseBreak)) break;
    end = k + 1;
  }
  denied_from_ = denial.e;
  denied_to_ = end;
}

// The source and target slots of a verb: the subject and the first object, or in the passive the
// "by" slot and the subject.
std::pair<int, int> SentenceCoder::VerbSlots(const Piece& p, const VerbEntry& v,
                                             const std::string& code, bool passive, bool* between) {
  const std::vector<Token>& tok = s_.ts.tokens;
  if (passive) return {ObjectSlot(p.e, /*by_only=*/true, nullptr), SubjectSlot(p.b)};
  int src = SubjectSlot(p.b);
  // "a doctor who helped the CIA": the subject is the word before "who", not an actor.
  if (p.b >= 2 &&
      (tok[p.b - 1].text == "who" || tok[p.b - 1].text == "which" || tok[p.b - 1].text == "that") &&
      s_.group_of[p.b - 2] == kNone) {
    src = kNone;
  }
  allow_location_ = v.location || IsForce(code);
  int tgt = ObjectSlot(p.e, false, between);
  allow_location_ = false;
  // "Pakistan and Russia signed an agreement on training Pakistani soldiers": a coordinated
  // subject acts on each other; a later actor is only a target right after the verb or after
  // "with", "to" or "against" ("A and B signed accords with C": A and B each with C).
  if (src != kNone && tgt != kNone && s_.slots[src].groups.size() >= 2 &&
      !s_.slots[src].apposition && !*between) {
    int64_t k = int64_t(s_.slots[tgt].b) - 1;
    while (k >= int64_t(p.e) && CueAt(k, Cue::kDeterminer)) --k;
    std::string_view before = k >= int64_t(p.e) ? tok[k].text : std::string_view();
    bool partner = before == "with" || before == "to" || before == "against";
    if (k >= int64_t(p.e) && !partner) tgt = kNone;
  }
  return {src, tgt};
}

void SentenceCoder::CodeNouns() {
  for (const Piece& p : s_.pieces) {
    if (p.noun == kNone || s_.consumed[p.b] || s_.group_of[p.b] != kNone) continue;
    if (p.verb != kNone && !(p.form & (kFormBase | kFormThird))) continue;
    if (p.verb != kNone && !NounReading(p)) continue;  // coded (or not) as a verb
    CodeNoun(p);
  }
}

void SentenceCoder::CodeNoun(const Piece& p) {
  const std::vector<Token>& tok = s_.ts.tokens;
  const NounEntry& ne = d_.noun(p.noun);
  std::string code = ne.code, paired = ne.paired;
  Mods m = Modifiers(p.b);
  m.passive = false;
  Transform(m, &code, &paired);
  if (code.empty()) return;
  // Source: the actor right before ("Russia's visit", "Russian aid", "Pak-Russia talks").
  int src = kNone, tgt = kNone;
  int64_t k = int64_t(p.b) - 1;
  while (k >= 0 && s_.slot_of[k] == kNone && s_.group_of[k] == kNone &&
         (CueAt(k, Cue::kPossessive) || CueAt(k, Cue::kDeterminer) ||
          (s_.piece_of[k] == kNone && !tok[k].cap && int64_t(p.b) - k <= 3))) {
    --k;
  }
  if (k >= 0 && s_.slot_of[k] != kNone) src = s_.slot_of[k];
  bool between = false;
  allow_location_ = IsForce(code);
  if (src != kNone) {
    tgt = ObjectSlot(p.e, false, &between);
  } else {
    // Else "of/by X" after the noun is the source ("a visit by Putin to Islamabad"), or the
    // subject is, with the slot after the noun as the target.
    int of = ObjectSlot(p.e, false, &between);
    if (of != kNone) {
      int64_t pk = int64_t(s_.slots[of].b) - 1;
      while (pk >= 0 && CueAt(pk, Cue::kDeterminer)) --pk;
      if (pk >= 0 && (CueAt(pk, Cue::kOf) || CueAt(pk, Cue::kBy)) && !between) {
        src = of;
        tgt = ObjectSlot(s_.slots[of].e, false, nullptr);
      }
    }
    if (src == kNone) {
      tgt = of;
      if (!between) src = SubjectSlot(p.b);
    }
  }
  allow_location_ = false;
  Emit(src, tgt, code, paired, between || (src != kNone && s_.slots[src].hyphen));
}

// One event, unless it repeats one of this sentence's or names one actor on both sides.
void SentenceCoder::Add(const std::string& a, const std::string& b, const std::string& code) {
  if (a.empty() || b.empty() || code.empty() || a == b) return;
  // One country on both sides: only two distinct roles make an event ("PAKOPP PAKGOV");
  // "Putin, Russia's president" is one actor twice.
  if (SameCountry(a, b) && (a.size() <= 3 || b.size() <= 3)) return;
  for (size_t k = first_out_; k < out_->size(); ++k) {
    const CodedEvent& x = (*out_)[k];
    if (x.source == a && x.target == b && x.code == code) return;
  }
  CodedEvent ev;
  ev.sentence = index_;
  ev.date = date_;
  ev.source = a;
  ev.target = b;
  ev.code = code;
  ev.begin = begin_;
  ev.end = begin_ + uint32_t(sentence_.size());
  out_->push_back(std::move(ev));
  ++stats_->events;
}

// Events from every group of the source slot to every group of the target slot (and back with
// the paired code); with one slot, between its coordinated groups when `mutual` or when it holds
// several ("Pakistan and Russia signed").
void SentenceCoder::Emit(int src_slot, int tgt_slot, const std::string& code,
                         const std::string& paired, bool mutual) {
  if (code.empty()) return;
  if (src_slot != kNone && tgt_slot != kNone && src_slot != tgt_slot) {
    for (int ga : s_.slots[src_slot].groups) {
      for (int gb : s_.slots[tgt_slot].groups) {
        const std::string& a = s_.groups[ga].code;
        const std::string& b = s_.groups[gb].code;
        Add(a, b, code);
        if (!paired.empty()) Add(b, a, paired);
      }
    }
    return;
  }
  int only = src_slot != kNone ? src_slot : tgt_slot;
  if (only == kNone || (!mutual && s_.slots[only].groups.size() < 2)) return;
  const std::vector<int>& gs = s_.slots[only].groups;
  for (size_t x = 0; x < gs.size(); ++x) {
    for (size_t y = 0; y < gs.size(); ++y) {
      if (x != y) Add(s_.groups[gs[x]].code, s_.groups[gs[y]].code, code);
    }
  }
}

}  // namespace entente::coder
