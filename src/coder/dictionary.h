// The coder's dictionaries in memory: one vocabulary, one token trie over every phrase, and the
// tables the trie's payloads point into (actors with dated codes, agents, verbs with their
// patterns, event nouns, cue words). Our own files (data/dict/*.dict, format in docs/CODER.md),
// PETRARCH2 files and TABARI files all load into this one structure, so the matcher and the event
// assembler never care where an entry came from; later entries for the same phrase add to
// earlier ones.
//
// Thread safety: built by one thread; read-only afterwards and safe to share between coders.
#ifndef ENTENTE_CODER_DICTIONARY_H_
#define ENTENTE_CODER_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "coder/text.h"
#include "coder/trie.h"
#include "core/date.h"

namespace entente::coder {

inline constexpr Days kNoStart = -1000000;  // open-ended date ranges
inline constexpr Days kNoEnd = 1000000;

// One code an actor phrase takes over [from, to] (inclusive).
struct DatedCode {
  std::string code;
  Days from = kNoStart;
  Days to = kNoEnd;
};

struct ActorEntry {
  std::vector<DatedCode> codes;  // the first whose range holds the event date wins
  std::string fallback;          // when none does ("" = the phrase is not an actor then)
  bool person = false;           // a named individual (their code carries the role)
};

// An agent: a role without a country ("foreign minister" -> GOV). `prefix` agents go before the
// country code (TABARI "NGO~"), the others after it ("~GOV").
struct AgentEntry {
  std::string type;
  bool prefix = false;
};

// Words that must appear near a verb for a pattern to apply: `pre` before it and `post` after it,
// each in order with gaps allowed (see tunables kPatternWindow). An element >= kSetBase stands for
// any word of the word set (PETRARCH/TABARI synset "&CURRENCY") number element - kSetBase.
inline constexpr uint32_t kSetBase = 0x80000000u;
struct VerbPattern {
  std::vector<uint32_t> pre;
  std::vector<uint32_t> post;
  std::string code;       // "" or "---" = this pattern means no event
  std::string paired;     // event in the other direction (TABARI [042:043]), "" when none
  bool reversed = false;  // the subject is the target ("received aid from")
};

struct VerbEntry {
  std::string lemma;
  std::string code;  // default code when no pattern applies ("" = none)
  std::string paired;
  bool reversed = false;  // the grammatical subject is the target ("receive", "get")
  bool location = false;  // "in X" / "at X" may name the target ("arrived in Moscow")
  std::vector<VerbPattern> patterns;
};

struct NounEntry {
  std::string code;
  std::string paired;
};

// Function words the assembler reads. Listed in data/dict/cues.dict.
enum class Cue : uint8_t {
  kNegation,     // not, never, n't, no
  kFuture,       // will, would, shall, to be, is to, is expected to: intent codes (03x)
  kIntent,       // plans to, agreed to, pledged to, offered to, wants to: intent codes (03x)
  kRefuse,       // refused to, declined to, rejected: rejection codes (12x)
  kBeAux,        // was, were, is, are, been, being: passive with a participle and "by"
  kAnd,          // and, as well as, along with
  kPrep,         // to, with, on, against, for, in, at, from, into, over
  kBy,           // by
  kOf,           // of
  kBetween,      // between, among
  kDeterminer,   // the, a, an, his, its, their, this: the next word is a noun
  kClauseBreak,  // ; : "said" "who" "which" "while" "but": actors do not cross it
  kHyphen,       // -
  kPossessive,   // 's
  kComma,        // ,
  kLocation,     // in, at, near, inside: a place, not a target (unless the verb says so)
  kCount
};

enum class Kind : uint8_t { kActor, kAgent, kVerb, kNoun, kCue };

// Verb form flags (a form may be several: "met" is past and participle).
enum : uint8_t { kFormBase = 1, kFormThird = 2, kFormPast = 4, kFormParticiple = 8, kFormIng = 16 };

struct Payload {
  Kind kind;
  uint8_t form = 0;  // verbs: kForm* bits
  uint32_t index = 0;
};

class Dictionary {
 public:
  Dictionary();

  // The id of `word` (lower case), 0 when unknown. With stems loaded (TABARI), a word that is
  // not known exactly takes the id of its longest known stem.
  uint32_t Lookup(std::string_view word) const;
  // Sets the id of every token of `s`.
  void AssignIds(TokenizedSentence* s) const;

  // Tokenises `phrase` with the text tokenizer and interns its words; underscores join words.
  std::vector<uint32_t> InternPhrase(std::string_view phrase);
  uint32_t Intern(std::string_view word);
  void AddStem(std::string_view stem);

  // Each Add* registers `phrase` (or token ids) in the trie with a new or given payload.
  void AddActor(std::string_view phrase, const ActorEntry& entry);
  // One entry shared by several phrases (synonyms).
  template <class Range>
  void AddActorPhrases(const Range& phrases, const ActorEntry& entry) {
    actors_.push_back(entry);
    for (const auto& p : phrases) {
      Register(InternPhrase(p), Payload{Kind::kActor, 0, uint32_t(actors_.size() - 1)});
    }
  }
  void AddAgent(std::string_view phrase, const AgentEntry& entry);
  void AddCue(std::string_view phrase, Cue cue);
  void AddNoun(std::string_view phrase, const NounEntry& entry);
  // Registers every inflected form of `lemma` ("call_for" inflects its first word);
  // `irregular` lists extra forms (past, participle, ...). Returns the verb index.
  uint32_t AddVerb(const VerbEntry& verb, const std::vector<std::string>& irregular);
  VerbEntry& verb(uint32_t index) { return verbs_[index]; }
  // The index of the verb already registered under `lemma`, or -1.
  int64_t FindVerb(std::string_view lemma) const;

  const TokenTrie& trie() const { return trie_; }
  const Payload& payload(uint32_t i) const { return payloads_[i]; }
  const ActorEntry& actor(uint32_t i) const { return actors_[i]; }
  const AgentEntry& agent(uint32_t i) const { return agents_[i]; }
  const VerbEntry& verb(uint32_t i) const { return verbs_[i]; }
  const NounEntry& noun(uint32_t i) const { return nouns_[i]; }
  // Word sets for patterns: sorted ids. AddWordSet returns kSetBase + its number.
  uint32_t AddWordSet(std::vector<uint32_t> ids);
  bool ElementMatches(uint32_t element, uint32_t id) const;
  size_t actor_count() const { return actors_.size(); }
  size_t agent_count() const { return agents_.size(); }
  size_t verb_count() const { return verbs_.size(); }
  size_t noun_count() const { return nouns_.size(); }
  size_t phrase_count() const { return phrases_; }
  size_t vocabulary_size() const { return words_.size(); }
  std::string_view word(uint32_t id) const { return words_[id]; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  void Register(const std::vector<uint32_t>& ids, Payload p);

  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string> words_;  // by id; words_[0] = ""
  std::vector<bool> is_stem_;
  size_t stems_ = 0;
  size_t max_stem_ = 0;
  TokenTrie trie_;
  std::vector<Payload> payloads_;
  std::vector<ActorEntry> actors_;
  std::vector<AgentEntry> agents_;
  std::vector<VerbEntry> verbs_;
  std::vector<NounEntry> nouns_;
  std::vector<std::vector<uint32_t>> sets_;
  std::unordered_map<std::string, uint32_t> verb_by_lemma_;
  size_t phrases_ = 0;
  TokenizedSentence scratch_;  // reused by InternPhrase
};

// Regular English inflections of a verb: base, third person, past (= participle), -ing.
struct VerbForms {
  std::string base, third, past, ing;
};
VerbForms Inflect(std::string_view lemma);

}  // namespace entente::coder

#endif  // ENTENTE_CODER_DICTIONARY_H_
