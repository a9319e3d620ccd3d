// The TABARI and PETRARCH loaders: small authored samples with the quirks of the real files
// (CRLF, Latin-1 bytes, 0x1A, stems, dated codes, synsets), then the real shared dictionaries
// (skipped with a message when ../shared/data is absent).
#include "coder/foreign_reader.h"

#include <gtest/gtest.h>

#include <chrono>

#include "coder/coder.h"
#include "testing.h"

namespace entente::coder {
namespace {

std::unique_ptr<Dictionary> WithCues() {
  auto d = LoadDictionaries(DictionaryOptions{false, {}});
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

std::vector<std::string> Code(const Dictionary& d, std::string_view text, std::string_view date) {
  Coder c(&d);
  std::vector<CodedEvent> ev;
  c.CodeDocument(text, ParseDate(date)->days, &ev);
  std::vector<std::string> out;
  for (const CodedEvent& e : ev) out.push_back(e.source + " " + e.target + " " + e.code);
  return out;
}

TEST(ForeignReader, TabariActorsWithDatesStemsAndEncodings) {
  auto d = WithCues();
  std::string actors =
      "ARNOR  [ARN] ;comment\r\n"
      "GONDOR_ [GON]\r\n"
      "ALBRIGHT  [USAGOV 991201-010114] [---] ;ems\r\n"
      "CAF\xE9_ROUGE [FRA]\x1A\n";
  std::string verbs =
      "<SYNSETS>\n&TIES\n+TIES\n+RELATIONS\n</SYNSETS>\n"
      "VISIT  [042:043]\n"
      "RESTORE  [050]\n- * FULL &TIES [064]\n";
  ASSERT_TRUE(ReadForeignDict(ForeignKind::kTabariActors, "t.actors", actors, d.get()).ok());
  ASSERT_TRUE(ReadForeignDict(ForeignKind::kTabariVerbs, "t.verbs", verbs, d.get()).ok());
  // "ARNOR" is a stem: "Arnorian" matches it.
  EXPECT_EQ(Code(*d, "Arnorian troops visited Gondor.", "2000-01-01"),
            (std::vector<std::string>{"ARN GON 042", "GON ARN 043"}));
  EXPECT_EQ(Code(*d, "Arnor will restore full relations with Gondor.", "2000-01-01"),
            (std::vector<std::string>{"ARN GON 0314"}));
  // Albright is USAGOV only inside her dates.
  EXPECT_EQ(Code(*d, "Albright visited Gondor.", "2000-06-01"),
            (std::vector<std::string>{"USAGOV GON 042", "GON USAGOV 043"}));
  EXPECT_TRUE(Code(*d, "Albright visited Gondor.", "2005-06-01").empty());
}

TEST(ForeignReader, PetrarchBlocksSynonymsAndDatedActors) {
  auto d = WithCues();
  std::string verbs =
      "&AID\n+AID\n+ASSISTANCE\n\n"
      "---  GIVE   [070]  ---\n"
      "GIVE {GAVE GIVEN GIVING GIVES}\n"
      "DONATE\n"
      "- * &AID                                 [070]  # GIVE\n"
      "- * MILITARY &AID                        [072]  # GIVE\n";
  std::string actors =
      "RUSSIA_  [RUS]\n+RUSSIAN_\n"
      "PAKISTAN_  [PAK]\n"
      "VLADIMIR_PUTIN_  # CountryInfo.txt\n+PUTIN_\n"
      "\t[RUSELI 700101-990809]\n\t[RUSGOV >990809]\n";
  ASSERT_TRUE(ReadForeignDict(ForeignKind::kPetrarchVerbs, "v.txt", verbs, d.get()).ok());
  ASSERT_TRUE(ReadForeignDict(ForeignKind::kPetrarchActors, "a.txt", actors, d.get()).ok());
  EXPECT_EQ(Code(*d, "Russia donated military aid to Pakistan.", "2010-01-01"),
            (std::vector<std::string>{"RUS PAK 072"}));
  EXPECT_EQ(Code(*d, "Putin gave aid to Pakistan.", "2010-01-01"),
            (std::vector<std::string>{"RUSGOV PAK 070"}));
  EXPECT_EQ(Code(*d, "Putin gave aid to Pakistan.", "1995-01-01"),
            (std::vector<std::string>{"RUSELI PAK 070"}));
}

TEST(ForeignReader, CleanLegacyText) {
  EXPECT_EQ(CleanLegacyText(std::string("a\r\nb\x1A\0c\xE9", 8)), "a\nbc\xC3\xA9");
}

TEST(ForeignReaderShared, LoadsFullPetrarchDictionaries) {
  ENTENTE_REQUIRE_SHARED(dir, "petrarch2/dictionaries");
  DictionaryOptions o;
  o.builtin = true;
  o.dirs = {dir + "/CAMEO.2.0.txt", dir + "/Phoenix.Countries.actors.txt",
            dir + "/Phoenix.International.actors.txt", dir + "/Phoenix.MilNonState.actors.txt",
            dir + "/Phoenix.agents.txt"};
  auto t0 = std::chrono::steady_clock::now();
  auto d = LoadDictionaries(o);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  std::printf("petrarch2 + ours: %zu phrases, %zu verbs, %zu actors, %zu agents, %.3f s\n",
              (*d)->phrase_count(), (*d)->verb_count(), (*d)->actor_count(), (*d)->agent_count(),
              secs);
  EXPECT_GT((*d)->verb_count(), 1500u);
  EXPECT_GT((*d)->actor_count(), 20000u);
  // Still codes our own sentences.
  EXPECT_FALSE(Code(**d, "Russia signed an agreement with Pakistan.", "2015-01-01").empty());
}

TEST(ForeignReaderShared, LoadsTabariProjectAndDictionaries) {
  ENTENTE_REQUIRE_SHARED(project, "tabari/code-repo/Validate.project");
  auto d = LoadDictionaries(DictionaryOptions{false, {project}});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_GT((*d)->verb_count(), 50u);
  EXPECT_GT((*d)->actor_count(), 50u);
  EXPECT_EQ(Code(**d, "Arnor is about to restore full diplomatic ties with Gondor.", "1995-01-01"),
            (std::vector<std::string>{"ARN GON 064"}));
  ENTENTE_REQUIRE_SHARED(verbs, "tabari/code-repo/CAMEO.091003.master.verbs");  // CRLF file
  auto big = LoadDictionaries(DictionaryOptions{false, {verbs}});
  ASSERT_TRUE(big.ok());
  EXPECT_GT((*big)->verb_count(), 1000u);
}

}  // namespace
}  // namespace entente::coder
