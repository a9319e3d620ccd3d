// One sentence through the coder's stages (internal to coder/; Coder::CodeSentence runs it):
//   1. LookUpWords: vocabulary ids of the tokens ("US" in capitals is the country, "us" a pronoun).
//   2. FindPieces: one leftmost-longest trie pass; each piece is what its words are in the
//      dictionary (actor, agent, verb with its form, noun, cues).
//   3. GroupActors: adjacent actor and agent pieces, with glue ("'s", "of", unknown capitalised
//      names between), become one actor code resolved at the sentence's date.
//   4. FormSlots: groups coordinated by "and", "," (closed by a later "and") or a hyphen
//      ("Pak-Russia") share one grammatical slot.
//   5. CodeVerbs, then CodeNouns (nouns no verb claimed): modifiers (negation, intent, refusal,
//      passive), the verb pattern with the most words, source and target slots, and an event for
//      every source/target pair (both directions for a lone coordinated slot).
// Each stage reads what the ones before it left in the scratch buffers and fills its own.
#ifndef ENTENTE_CODER_SENTENCE_CODER_H_
#define ENTENTE_CODER_SENTENCE_CODER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "coder/coder.h"
#include "coder/dictionary.h"
#include "coder/text.h"
#include "core/date.h"

namespace entente::coder {

inline constexpr int kNone = -1;

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
  bool person = false;      // a named person ("Lavrov"), or a pronoun standing for one
};

// What an article has named so far, for the references that lean on it: a definite role ("the
// minister", "the army chief") is the last actor of that role (GOV, MIL) the article named, and
// "he" or "she" the last person. Kept by Coder::CodeDocument, cleared for each document; a
// sentence coded on its own has none.
struct ArticleMemory {
  std::map<std::string, std::string, std::less<>> by_role;  // "GOV" -> "RUSGOV"
  std::string last_person;                                  // "RUSGOV" (Lavrov, 2012)
  void Clear() {
    by_role.clear();
    last_person.clear();
  }
};

struct Slot {
  uint32_t b = 0, e = 0;
  std::vector<int> groups;
  bool hyphen = false;      // coordinated by a hyphen ("Pak-Russia")
  bool apposition = false;  // one actor named twice ("Putin, Russia's president,"), not a list
};

// The buffers of every stage, reused from sentence to sentence (no allocation per sentence once
// they have grown).
struct SentenceScratch {
  TokenizedSentence ts;
  std::vector<uint32_t> ids;      // stage 1: vocabulary id per token
  std::vector<Piece> pieces;      // stage 2
  std::vector<int> piece_of;      // token -> piece index
  std::vector<Group> groups;      // stage 3
  std::vector<int> group_of;      // token -> group index
  std::vector<Slot> slots;        // stage 4
  std::vector<int> slot_of;       // token -> slot index
  std::vector<uint8_t> consumed;  // stage 5: tokens a coded verb has claimed
  std::vector<uint32_t> claimed;
};

class SentenceCoder {
 public:
  // Events go to *out (sentence `index` of its document, starting at byte `begin`); *stats counts
  // them. REQUIRES: everything outlives the SentenceCoder.
  SentenceCoder(const Dictionary& dict, SentenceScratch& scratch, std::string_view sentence,
                uint32_t index, uint32_t begin, std::vector<CodedEvent>* out, CoderStats* stats)
      : d_(dict),
        s_(scratch),
        sentence_(sentence),
        index_(index),
        begin_(begin),
        out_(out),
        stats_(stats) {}

  // The article's memory (may be null: no references are resolved); updated after the sentence.
  void set_memory(ArticleMemory* memory) { memory_ = memory; }

  // Every stage in order; `doc_date` dates the sentence unless it names its own date.
  void Run(Days doc_date);

 private:
  // The actor code a group adds up to while it grows.
  struct GroupCode {
    std::string best;  // most specific actor code
    std::string agent_suffix, agent_prefix;
    bool person = false;
  };
  // Modifiers in the few words before a trigger.
  struct Mods {
    bool negated = false, future = false, refuse = false, passive = false;
  };

  void LookUpWords();
  void FindPieces();
  void GroupActors();
  void FormSlots();
  void CodeVerbs();
  void CodeNouns();

  // Stage 3.
  bool Resolve(const ActorEntry& a, std::string* code) const;
  void Absorb(const Piece& p, GroupCode* gc) const;
  size_t BuildGroup(size_t first);
  int NextGroupStep(size_t last, uint32_t group_begin, const GroupCode& gc) const;
  int GlueStep(size_t last, uint32_t group_begin, const GroupCode& gc) const;
  void FinishGroup(uint32_t b, uint32_t e, GroupCode gc);
  // "the minister" with no country: the article's last actor of that role, or "".
  std::string RoleReference(uint32_t b, const GroupCode& gc) const;
  // Groups for "he" and "she" (the article's last person), in token order with the others.
  void AddPronounGroups();
  // What this sentence's groups tell later sentences.
  void Remember() const;
  // Stage 4.
  // How group gi + 1 joins the slot whose last group is gi.
  enum class Join { kNo, kList, kHyphen, kApposition };
  Join JoinsSlot(size_t gi, const Slot& sl) const;
  // Stage 5.
  void CodeVerb(const Piece& p);
  void MarkDenied(const Piece& denial);
  bool VerbIsTheEvent(const Piece& p) const;
  const VerbPattern* BestPattern(const VerbEntry& v, uint32_t lo, uint32_t b, uint32_t e,
                                 uint32_t hi) const;
  std::pair<int, int> VerbSlots(const Piece& p, const VerbEntry& v, const std::string& code,
                                bool passive, bool* between);
  void CodeNoun(const Piece& p);
  bool NounReading(const Piece& p) const;
  Mods Modifiers(uint32_t at) const;
  static void Transform(const Mods& m, std::string* code, std::string* paired);
  bool InOrder(const std::vector<uint32_t>& want, uint32_t lo, uint32_t hi,
               std::vector<uint32_t>* at) const;
  void Emit(int src_slot, int tgt_slot, const std::string& code, const std::string& paired,
            bool mutual);
  void Add(const std::string& a, const std::string& b, const std::string& code);

  // Slots and cues.
  const Piece* PieceAt(int64_t t) const;
  bool CueAt(int64_t t, Cue c) const;
  bool ObjectPosition(const Slot& sl) const;
  int SubjectSlot(uint32_t before) const;
  int ObjectSlot(uint32_t after, bool by_only, bool* between) const;

  const Dictionary& d_;
  SentenceScratch& s_;
  std::string_view sentence_;
  uint32_t index_, begin_;
  std::vector<CodedEvent>* out_;
  CoderStats* stats_;
  uint32_t n_ = 0;  // tokens
  DateValue date_;
  size_t first_out_ = 0;  // this sentence's first event in *out_
  // Tokens [denied_from_, denied_to_) follow a denial ("denied that it had attacked"): a verb
  // there is what was denied, not an act.
  uint32_t denied_from_ = 0, denied_to_ = 0;
  bool allow_location_ = false;  // ObjectSlot may take "in X" (the verb goes there)
  ArticleMemory* memory_ = nullptr;
};

}  // namespace entente::coder

#endif  // ENTENTE_CODER_SENTENCE_CODER_H_
