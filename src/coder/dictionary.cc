#include "coder/dictionary.h"

#include <algorithm>

namespace entente::coder {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

VerbForms Inflect(std::string_view lemma) {
  std::string w(lemma);
  VerbForms f;
  f.base = w;
  size_t n = w.size();
  auto ends = [&](std::string_view s) {
    return n >= s.size() && std::string_view(w).substr(n - s.size()) == s;
  };
  if (n == 0) return f;
  char last = w[n - 1];
  if (ends("ee") || ends("ye") || ends("oe")) {
    f.third = w + "s";
    f.past = w + "d";
    f.ing = w + "ing";
  } else if (ends("ie")) {
    f.third = w + "s";
    f.past = w + "d";
    f.ing = w.substr(0, n - 2) + "ying";
  } else if (last == 'e') {
    f.third = w + "s";
    f.past = w + "d";
    f.ing = w.substr(0, n - 1) + "ing";
  } else if (last == 'y' && n >= 2 && !IsVowel(w[n - 2])) {
    f.third = w.substr(0, n - 1) + "ies";
    f.past = w.substr(0, n - 1) + "ied";
    f.ing = w + "ing";
  } else if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) {
    f.third = w + "es";
    f.past = w + "ed";
    f.ing = w + "ing";
  } else {
    f.third = w + "s";
    f.past = w + "ed";
    f.ing = w + "ing";
  }
  return f;
}

Dictionary::Dictionary() {
  words_.emplace_back();
  is_stem_.push_back(false);
}

uint32_t Dictionary::Intern(std::string_view word) {
  auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  uint32_t id = uint32_t(words_.size());
  words_.emplace_back(word);
  is_stem_.push_back(false);
  ids_.emplace(std::string(word), id);
  return id;
}

void Dictionary::AddStem(std::string_view stem) {
  if (stem.size() < 3) return;
  uint32_t id = Intern(stem);
  if (!is_stem_[id]) {
    is_stem_[id] = true;
    ++stems_;
    max_stem_ = std::max(max_stem_, stem.size());
  }
}

uint32_t Dictionary::Lookup(std::string_view word) const {
  auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  if (stems_ == 0) return 0;
  for (size_t len = std::min(word.size(), max_stem_); len >= 3; --len) {
    auto jt = ids_.find(word.substr(0, len));
    if (jt != ids_.end() && is_stem_[jt->second]) return jt->second;
  }
  return 0;
}

void Dictionary::AssignIds(TokenizedSentence* s) const {
  for (Token& t : s->tokens) t.id = Lookup(t.text);
}

std::vector<uint32_t> Dictionary::InternPhrase(std::string_view phrase) {
  std::vector<uint32_t> ids;
  if (phrase.find('_') != std::string_view::npos) {
    std::string p(phrase);
    for (char& c : p) {
      if (c == '_') c = ' ';
    }
    Tokenize(p, &scratch_);
  } else {
    Tokenize(phrase, &scratch_);
  }
  ids.reserve(scratch_.tokens.size());
  for (const Token& t : scratch_.tokens) ids.push_back(Intern(t.text));
  return ids;
}

void Dictionary::Register(const std::vector<uint32_t>& ids, Payload p) {
  if (ids.empty()) return;
  uint32_t node = trie_.Insert(ids.data(), ids.size());
  // The same entry under the same phrase twice (a file listing a name twice) is kept once.
  for (uint32_t existing : trie_.Payloads(node)) {
    const Payload& q = payloads_[existing];
    if (q.kind == p.kind && q.index == p.index) {
      payloads_[existing].form |= p.form;
      return;
    }
  }
  payloads_.push_back(p);
  trie_.AddPayload(node, uint32_t(payloads_.size() - 1));
  ++phrases_;
}

void Dictionary::AddActor(std::string_view phrase, const ActorEntry& entry) {
  actors_.push_back(entry);
  Register(InternPhrase(phrase), Payload{Kind::kActor, 0, uint32_t(actors_.size() - 1)});
}

void Dictionary::AddAgent(std::string_view phrase, const AgentEntry& entry) {
  agents_.push_back(entry);
  Register(InternPhrase(phrase), Payload{Kind::kAgent, 0, uint32_t(agents_.size() - 1)});
}

void Dictionary::AddCue(std::string_view phrase, Cue cue) {
  Register(InternPhrase(phrase), Payload{Kind::kCue, 0, uint32_t(cue)});
}

void Dictionary::AddNoun(std::string_view phrase, const NounEntry& entry) {
  nouns_.push_back(entry);
  std::vector<uint32_t> ids = InternPhrase(phrase);
  Register(ids, Payload{Kind::kNoun, 0, uint32_t(nouns_.size() - 1)});
  // Regular plural of the last word ("talk" -> "talks"), unless given already.
  if (!ids.empty()) {
    std::string last(words_[ids.back()]);
    if (!last.empty() && last.back() != 's' && last.back() != '.') {
      VerbForms f = Inflect(last);
      ids.back() = Intern(f.third);
      Register(ids, Payload{Kind::kNoun, 0, uint32_t(nouns_.size() - 1)});
    }
  }
}

uint32_t Dictionary::AddWordSet(std::vector<uint32_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  sets_.push_back(std::move(ids));
  return kSetBase + uint32_t(sets_.size() - 1);
}

bool Dictionary::ElementMatches(uint32_t element, uint32_t id) const {
  if (element < kSetBase) return element == id;
  const std::vector<uint32_t>& set = sets_[element - kSetBase];
  return std::binary_search(set.begin(), set.end(), id);
}

int64_t Dictionary::FindVerb(std::string_view lemma) const {
  auto it = verb_by_lemma_.find(std::string(lemma));
  return it == verb_by_lemma_.end() ? -1 : int64_t(it->second);
}

uint32_t Dictionary::AddVerb(const VerbEntry& verb, const std::vector<std::string>& irregular) {
  uint32_t index;
  int64_t found = FindVerb(verb.lemma);
  if (found >= 0) {
    index = uint32_t(found);
    VerbEntry& v = verbs_[index];
    if (v.code.empty()) {
      v.code = verb.code;
      v.paired = verb.paired;
    }
    v.patterns.insert(v.patterns.end(), verb.patterns.begin(), verb.patterns.end());
  } else {
    verbs_.push_back(verb);
    index = uint32_t(verbs_.size() - 1);
    verb_by_lemma_.emplace(verb.lemma, index);
  }
  std::vector<uint32_t> ids = InternPhrase(verb.lemma);
  if (ids.empty()) return index;
  std::string head(words_[ids[0]]);
  VerbForms f = Inflect(head);
  auto add = [&](const std::string& form, uint8_t flags) {
    std::vector<uint32_t> v = ids;
    v[0] = Intern(form);
    Register(v, Payload{Kind::kVerb, flags, index});
  };
  add(f.base, kFormBase);
  add(f.third, kFormThird);
  add(f.past, kFormPast | kFormParticiple);
  add(f.ing, kFormIng);
  // Consonant-vowel-consonant endings may double ("ban" -> "banned"); both spellings are added.
  size_t n = head.size();
  if (n >= 3 && !IsVowel(head[n - 1]) && IsVowel(head[n - 2]) && !IsVowel(head[n - 3]) &&
      head[n - 1] != 'w' && head[n - 1] != 'x' && head[n - 1] != 'y' &&
      !(n >= 4 && IsVowel(head[n - 3]))) {
    std::string d = head + head[n - 1];
    add(d + "ed", kFormPast | kFormParticiple);
    add(d + "ing", kFormIng);
  }
  for (const std::string& irr : irregular) {
    uint8_t flags = kFormPast | kFormParticiple;
    if (irr.size() > 3 && irr.compare(irr.size() - 3, 3, "ing") == 0) flags = kFormIng;
    if (irr.size() > 1 && irr.back() == 's' && irr != "was") flags = kFormThird;
    std::vector<uint32_t> v = InternPhrase(irr);
    if (v.empty()) continue;
    if (v.size() == 1 && ids.size() > 1) {  // irregular head of a multi-word verb
      std::vector<uint32_t> w = ids;
      w[0] = v[0];
      v = w;
    }
    Register(v, Payload{Kind::kVerb, flags, index});
  }
  return index;
}

}  // namespace entente::coder
