// The coder end to end on our own dictionaries: golden files (tests/golden/coder/*.test), the
// gold set's regression floor, intent/refusal mapping, and random bytes that must never crash.
#include "coder/coder.h"

#include <dirent.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "coder/eval.h"
#include "coder/test_dictionary.h"
#include "core/embedded.h"
#include "core/tsv.h"
#include "testing.h"

namespace entente::coder {
namespace {

constexpr double kGoldEventF1Floor = 0.95;
constexpr double kGoldRootF1Floor = 0.95;
// The held-out news set (data/eval/news.txt), root level, as last measured minus a margin. The
// goals (recall 0.85, precision 0.90) are far above; docs/CODER.md gives the figures by kind.
constexpr double kNewsRootF1Floor = 0.50;

// Golden file: header comments, `YYYY-MM-DD<TAB>sentence` lines, `----`, then the expected
// `source target code date` lines for all sentences in order.
TEST(CoderGolden, AllFiles) {
  std::string dir = testing::SourceDir() + "/tests/golden/coder";
  std::vector<std::string> files;
  if (DIR* dp = opendir(dir.c_str())) {
    while (dirent* de = readdir(dp)) {
      std::string n = de->d_name;
      if (n.size() > 5 && n.substr(n.size() - 5) == ".test") files.push_back(n);
    }
    closedir(dp);
  }
  ASSERT_FALSE(files.empty()) << "no golden files in " << dir;
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    std::string text = testing::ReadFileOrDie(dir + "/" + f);
    size_t sep = text.find("\n----\n");
    ASSERT_NE(sep, std::string::npos) << f << ": no ---- line";
    std::string input = text.substr(0, sep), want = text.substr(sep + 6);
    Coder coder(&BundledDictionary());
    std::string got;
    std::string_view unread = input;
    while (!unread.empty()) {
      std::string_view line = CutAt(&unread, '\n');
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      ASSERT_NE(tab, std::string::npos) << f << ": " << line;
      auto date = ParseDate(line.substr(0, tab));
      ASSERT_TRUE(date.ok()) << f << ": " << line;
      std::vector<CodedEvent> events;
      coder.CodeDocument(line.substr(tab + 1), date->days, &events);
      for (const CodedEvent& e : events) {
        got += fmt::format("{} {} {} {}\n", e.source, e.target, e.code,
                           FormatDate(e.date.days, e.date.precision));
      }
    }
    EXPECT_EQ(got, want) << "golden file " << f;
  }
}

// Regression floor on the gold set (data/gold): the scores when this test was last tightened,
// minus a small margin. Raise them when the coder improves; never lower them silently.
TEST(CoderGold, RegressionFloor) {
  EvalSet all;
  for (const EmbeddedEntry& e : EmbeddedFilesUnder("gold/")) {
    auto set = ParseEvalFile(e.path, e.bytes);
    ASSERT_TRUE(set.ok()) << set.status().ToString();
    for (auto& r : set->records) all.records.push_back(r);
  }
  ASSERT_GE(all.records.size(), 150u);
  Coder coder(&BundledDictionary());
  EvalResult r = Evaluate(all, &coder, 1000);
  for (const std::string& m : r.misses) std::printf("miss %s\n", m.c_str());
  std::printf("gold: %lld records; event P %.3f R %.3f F1 %.3f; root P %.3f R %.3f F1 %.3f\n",
              (long long)r.records, r.events.precision(), r.events.recall(), r.events.f1(),
              r.roots.precision(), r.roots.recall(), r.roots.f1());
  EXPECT_GE(r.events.f1(), kGoldEventF1Floor);
  EXPECT_GE(r.roots.f1(), kGoldRootF1Floor);
}

TEST(CoderGold, CoversEveryRoot) {
  std::set<std::string> roots;
  for (const EmbeddedEntry& e : EmbeddedFilesUnder("gold/")) {
    auto set = ParseEvalFile(e.path, e.bytes);
    ASSERT_TRUE(set.ok());
    for (const auto& r : set->records) {
      for (const auto& x : r.expected) roots.insert(x.code.substr(0, 2));
    }
  }
  for (int i = 1; i <= 20; ++i) EXPECT_TRUE(roots.count(fmt::format("{:02d}", i))) << i;
}

TEST(CoderEval, KindLinesGroupTheRecordsBelowThem) {
  auto set = ParseEvalFile("t.txt",
                           "2001-01-01\tRussia visited Pakistan.\n= RUS PAK 042\n"
                           "#: negation\n"
                           "2001-01-01\tRussia did not sign the accord.\n= none\n"
                           "# a comment keeps the kind\n"
                           "2001-01-01\tIndia did not attack Pakistan.\n= none\n"
                           "#: plain\n"
                           "2001-01-01\tIndia and Pakistan held talks.\n= IND PAK 040\n");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set->records.size(), 4u);
  EXPECT_EQ(set->records[0].kind, "");
  EXPECT_EQ(set->records[1].kind, "negation");
  EXPECT_EQ(set->records[2].kind, "negation");
  EXPECT_EQ(set->records[3].kind, "plain");
  Coder coder(&BundledDictionary());
  EvalResult r = Evaluate(*set, &coder, 0);
  EXPECT_EQ(r.records, 4);
  EXPECT_EQ(r.none_records, 2);
  ASSERT_EQ(r.kinds.size(), 2u);
  EXPECT_EQ(r.kinds["negation"].records, 2);
  EXPECT_EQ(r.kinds["negation"].none_records, 2);
  EXPECT_EQ(r.kinds["negation"].none_events, r.none_events);
  EXPECT_EQ(r.kinds["plain"].records, 1);
  EXPECT_EQ(r.kinds["plain"].roots.tp + r.kinds["plain"].roots.fn, 1);
}

// The held-out set: every kind of sentence the coder must handle, every root, and no-event
// sentences; scored as a floor only (never tuned on).
TEST(CoderHeldOut, NewsSetCoversItsKindsAndHoldsItsFloor) {
  std::vector<EmbeddedEntry> files = EmbeddedFilesUnder("eval/");
  ASSERT_EQ(files.size(), 1u);
  auto set = ParseEvalFile(files[0].path, files[0].bytes);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_GE(set->records.size(), 300u);
  std::set<std::string> roots;
  for (const auto& r : set->records) {
    for (const auto& x : r.expected) roots.insert(x.code.substr(0, 2));
  }
  for (int i = 1; i <= 20; ++i) EXPECT_TRUE(roots.count(fmt::format("{:02d}", i))) << i;
  Coder coder(&BundledDictionary());
  EvalResult r = Evaluate(*set, &coder, 0);
  EXPECT_EQ(r.kinds.size(), 10u);
  EXPECT_GE(r.kinds["no-event"].none_records, 20);
  EXPECT_LE(r.none_events * 20, r.none_records);  // at most 1 event on 20 no-event sentences
  EXPECT_GE(r.roots.f1(), kNewsRootF1Floor);
}

TEST(Coder, IntentAndRefusalCodes) {
  // (code, the intent to do it); "" where there is none.
  const std::pair<std::string_view, std::string_view> intents[] = {{"042", "036"},  {"072", "0332"},
                                                                   {"062", "0312"}, {"057", "030"},
                                                                   {"195", "138"},  {"111", ""}};
  for (const auto& [code, intent] : intents) EXPECT_EQ(IntentCodeFor(code), intent) << code;
  // (code, the refusal of it). Refusing to meet (036, an intent to meet) is the rejection of a
  // meeting, as refusing 04 is; other intents are rejections in general.
  const std::pair<std::string_view, std::string_view> refusals[] = {
      {"040", "125"},  {"057", "127"}, {"036", "125"},
      {"0361", "125"}, {"030", "120"}, {"062", "1212"}};
  for (const auto& [code, refusal] : refusals) EXPECT_EQ(RefusalCodeFor(code), refusal) << code;
}

TEST(Coder, RandomBytesNeverCrash) {
  Coder coder(&BundledDictionary());
  std::mt19937 rng(11);
  std::vector<CodedEvent> events;
  // Random bytes, and random sequences of dictionary-ish words (denser in triggers).
  const char* words[] = {"Russia", "Pakistan", "'s",  "visited",    "and",    "-",
                         "by",     "was",      "not", "talks",      "signed", "agreement",
                         "to",     ",",        ".",   "Putin",      "the",    "refused to",
                         "will",   "between",  "of",  "army chief", "2012",   "Oct."};
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    if (i % 2) {
      s.resize(rng() % 400);
      for (char& c : s) c = char(rng() % 256);
    } else {
      int n = int(rng() % 40);
      for (int k = 0; k < n; ++k) {
        s += words[rng() % (sizeof(words) / sizeof(words[0]))];
        s += ' ';
      }
    }
    events.clear();
    coder.CodeDocument(s, 15000, &events);
    for (const CodedEvent& e : events) {
      ASSERT_LE(e.end, s.size());
      ASSERT_FALSE(e.code.empty());
    }
  }
}

std::vector<std::string> Coded(Coder* coder, std::string_view doc) {
  std::vector<CodedEvent> events;
  coder->CodeDocument(doc, ParseDate("2012-10-05")->days, &events);
  std::vector<std::string> out;
  for (const CodedEvent& e : events) {
    out.push_back(fmt::format("{} {} {} {}", e.sentence, e.source, e.target, e.code));
  }
  return out;
}

// Within an article, "the minister" is the last minister it named and "he" the last person; a
// place standing for a government names no minister, an indefinite "a minister" is someone else,
// and nothing carries over to the next article or to a sentence coded on its own.
TEST(Coder, ArticleReferencesLeanOnWhatItNamed) {
  Coder coder(&BundledDictionary());
  const std::string article =
      "Russian Foreign Minister Sergei Lavrov visited Islamabad on Monday. "
      "The minister met Pakistan's army chief. He also criticized India. "
      "The army chief later signed an agreement with Russia.";
  std::vector<std::string> got = Coded(&coder, article);
  auto has = [&](const std::string& e) { return std::count(got.begin(), got.end(), e) == 1; };
  EXPECT_TRUE(has("2 RUSGOV PAKMIL 040")) << fmt::format("{}", fmt::join(got, "; "));
  EXPECT_TRUE(has("3 RUSGOV IND 111")) << fmt::format("{}", fmt::join(got, "; "));
  EXPECT_TRUE(has("4 PAKMIL RUS 057")) << fmt::format("{}", fmt::join(got, "; "));

  EXPECT_TRUE(Coded(&coder, "He also criticized India. The minister met Pakistan's army chief.")
                  .empty());  // a new article: nobody named yet
  auto criticisms = [&](std::string_view doc) {
    std::vector<std::string> events = Coded(&coder, doc);
    return std::count_if(events.begin(), events.end(),
                         [](const std::string& e) { return e.ends_with(" IND 111"); });
  };
  EXPECT_EQ(criticisms("Pakistan welcomed Lavrov. The minister criticized India."), 1);
  EXPECT_EQ(criticisms("Lavrov visited Islamabad. The minister criticized India."), 1);
  EXPECT_EQ(criticisms("The PM visited Islamabad. The minister criticized India."), 0);
  EXPECT_EQ(criticisms("Sergei Lavrov visited Islamabad. A minister criticized India."), 0);
  std::vector<CodedEvent> alone;
  coder.CodeSentence("He also criticized India.", 15000, 1, 0, &alone);
  EXPECT_TRUE(alone.empty());
}

TEST(Coder, HugeSentenceIsSkippedAndCounted) {
  Coder coder(&BundledDictionary());
  std::string s(10 << 20, 'a');  // one 10 MB "sentence"
  std::vector<CodedEvent> events;
  coder.CodeDocument(s, 15000, &events);
  EXPECT_TRUE(events.empty());
  EXPECT_EQ(coder.stats().skipped_sentences, 1u);
}

}  // namespace
}  // namespace entente::coder
