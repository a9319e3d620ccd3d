// Golden tests stage by stage: a sentence in, what one stage of SentenceCoder left in the scratch
// buffers out, so a change shows which stage it acts in.
#include "coder/sentence_coder.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coder/test_dictionary.h"
#include "core/date.h"

namespace entente::coder {
namespace {

struct Coded {
  SentenceScratch s;
  std::vector<CodedEvent> events;
};

Coded CodeOne(std::string_view sentence, const char* date = "2012-10-01") {
  Coded c;
  CoderStats stats;
  SentenceCoder(BundledDictionary(), c.s, sentence, 1, 0, &c.events, &stats)
      .Run(ParseDate(date)->days);
  return c;
}

// Stage 3: "CODE@first-last" per group (token positions).
std::string Groups(const Coded& c) {
  std::vector<std::string> out;
  for (const Group& g : c.s.groups) out.push_back(fmt::format("{}@{}-{}", g.code, g.b, g.e));
  return fmt::format("{}", fmt::join(out, " "));
}

// Stage 4: "[A B]" per slot, "-" for a hyphen slot.
std::string Slots(const Coded& c) {
  std::vector<std::string> out;
  for (const Slot& sl : c.s.slots) {
    std::vector<std::string> codes;
    for (int g : sl.groups) codes.push_back(c.s.groups[g].code);
    out.push_back(fmt::format("[{}]{}", fmt::join(codes, " "), sl.hyphen ? "-" : ""));
  }
  return fmt::format("{}", fmt::join(out, " "));
}

// Stage 5: "SRC>TGT:CODE" per event.
std::string Events(const Coded& c) {
  std::vector<std::string> out;
  for (const CodedEvent& e : c.events) out.push_back(e.source + ">" + e.target + ":" + e.code);
  return fmt::format("{}", fmt::join(out, " "));
}

// Stage 3: a possessive glues an agent to its country ("Pakistan's army chief"), a title and
// unknown first names join a person's name; a place is its own group.
TEST(SentenceCoder, GroupsGluePossessivesAndTitles) {
  Coded c = CodeOne("Pakistan's army chief met Russian Foreign Minister Sergei Lavrov in Moscow.");
  EXPECT_EQ(Groups(c), "PAKMIL@0-4 RUSGOV@5-10 RUSGOV@11-12");
  EXPECT_EQ(Events(c), "PAKMIL>RUSGOV:040");  // Moscow, after "in", is where, not whom
}

// Stage 3: a place name that modifies a capitalised name is not an actor.
TEST(SentenceCoder, PlaceModifyingANameIsNoActor) {
  EXPECT_EQ(Groups(CodeOne("The Tashkent Declaration was signed.")), "");
}

// Stage 4: "and" lists (with commas), hyphens and appositions make one slot each.
TEST(SentenceCoder, SlotsJoinListsHyphensAndAppositions) {
  EXPECT_EQ(Slots(CodeOne("India, Pakistan and China condemned the attack.")), "[IND PAK CHN]");
  Coded hyphen = CodeOne("The Pak-Russia talks ended.");
  EXPECT_EQ(Slots(hyphen), "[PAK RUS]-");
  EXPECT_EQ(Events(hyphen), "PAK>RUS:040 RUS>PAK:040");
  Coded apposition = CodeOne("Putin, Russia's president, signed an agreement with Pakistan.");
  EXPECT_EQ(Slots(apposition), "[RUSGOV RUSGOV] [PAK]");
  ASSERT_EQ(apposition.s.slots.size(), 2u);
  EXPECT_TRUE(apposition.s.slots[0].apposition);
  // One actor named twice is no coordinated subject: the later actor is the target.
  EXPECT_EQ(Events(apposition), "RUSGOV>PAK:057");
}

// Stage 5: a coordinated subject acts on each other, unless a partner follows "with", "to" or
// "against": then each acts on the partner.
TEST(SentenceCoder, CoordinatedSubjectActsOnEachOtherOrOnAPartner) {
  EXPECT_EQ(Events(CodeOne("Pakistan and Russia signed an agreement on energy cooperation.")),
            "PAK>RUS:057 RUS>PAK:057");
  EXPECT_EQ(Events(CodeOne("Pakistan and Russia signed an agreement on training Pakistani "
                           "soldiers.")),
            "PAK>RUS:057 RUS>PAK:057");
  EXPECT_EQ(Events(CodeOne("Pakistan and Russia signed an agreement with China.")),
            "PAK>CHN:057 RUS>CHN:057");
}

// Stage 5: negation removes the event, an announced act is an intent (03x), a refused one a
// rejection (12x).
TEST(SentenceCoder, ModifiersTransformTheCode) {
  EXPECT_EQ(Events(CodeOne("Russia will not provide aid to Georgia.")), "");
  EXPECT_EQ(Events(CodeOne("Russia will provide aid to Georgia.")), "RUS>GEO:033");
  EXPECT_EQ(Events(CodeOne("Pakistan refused to meet Russian officials.")), "PAK>RUSGOV:125");
}

// Stage 5: a denied act is not that act; the denial is the event.
TEST(SentenceCoder, ADeniedActIsNotCoded) {
  EXPECT_EQ(Events(CodeOne("Russia denied that it had attacked Georgian villages.")),
            "RUS>GEO:016");
  EXPECT_EQ(Events(CodeOne("Russia denied attacking Georgian villages.")), "RUS>GEO:016");
}

// The dictionaries: armed groups by name, and retaliation as force, which a vow makes a threat.
TEST(SentenceCoder, ArmedGroupsAndRetaliation) {
  EXPECT_EQ(Events(CodeOne("Hamas fired rockets into Israel.", "2019-06-20")), "PSEREBHMS>ISR:194");
  EXPECT_EQ(Events(CodeOne("Iran vowed to retaliate against Israel.", "2019-06-20")),
            "IRN>ISR:138");
}

}  // namespace
}  // namespace entente::coder
