// The documents `entente code` finds in its input, in each of its three shapes, with what each
// shape gets wrong in practice: a datetime for a date, a number for an id, a headline without a
// period above a dateline, a line that is not JSON.
#include "cli/code_input.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace entente::cli {
namespace {

struct Doc {
  Cell id;
  std::string article_id, text;
  Days date;
};

std::vector<Doc> Read(std::string_view input, CodeInputKind kind, CodeInputCounts* counts) {
  std::vector<Doc> docs;
  ForEachCodeDocument(
      input, kind, ParseDate("2020-01-15")->days,
      [&](const CodeInputDoc& d) {
        docs.push_back(Doc{d.id, d.article_id, std::string(d.text), d.date});
      },
      counts);
  return docs;
}

Days Day(const char* d) { return ParseDate(d)->days; }

TEST(CodeInputTest, JsonArticlesWithIdsDatesAndTitles) {
  const std::string input =
      R"({"id": "dawn-1", "date": "2015-06-10T08:00:00Z", "title": "Deal signed", )"
      R"("text": "Pakistan and Russia signed."})"
      "\n\n"
      R"({"id": 42, "text": "India protested."})"
      "\n"
      "not json\n"
      R"({"title": 5})"
      "\n"
      R"({"id": "x", "date": "someday", "text": "Iran vowed to retaliate."})"
      "\n";
  CodeInputCounts counts;
  std::vector<Doc> docs = Read(input, CodeInputKind::kJsonl, &counts);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(std::get<std::string>(docs[0].id), "dawn-1");
  EXPECT_EQ(docs[0].text, "Deal signed\n\nPakistan and Russia signed.");
  EXPECT_EQ(docs[0].date, Day("2015-06-10"));
  EXPECT_EQ(std::get<int64_t>(docs[1].id), 42);
  EXPECT_EQ(docs[1].article_id, "42");
  EXPECT_EQ(docs[1].date, Day("2020-01-15"));  // no date: the default
  EXPECT_EQ(docs[2].date, Day("2020-01-15"));  // an unreadable one: the default, counted
  EXPECT_EQ(counts.docs, 3);
  EXPECT_EQ(counts.bad_dates, 1);
  EXPECT_EQ(counts.bad_json, 2);
  EXPECT_EQ(counts.first_bad_json, "line 4: not JSON");
}

TEST(CodeInputTest, ADatelineDatesTheArticleAndIsBlanked) {
  const std::string input =
      "Talks in Islamabad\nISLAMABAD, Jan. 3 (Reuters) - Pakistan and Russia signed an accord.";
  CodeInputCounts counts;
  std::vector<Doc> docs = Read(input, CodeInputKind::kArticle, &counts);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].date, Day("2020-01-03"));
  EXPECT_EQ(docs[0].text.size(), input.size());  // offsets into the text are kept
  EXPECT_EQ(docs[0].text.find("ISLAMABAD"), std::string::npos);
  EXPECT_NE(docs[0].text.find("Talks in Islamabad\n\n"), std::string::npos);  // its own paragraph
  EXPECT_EQ(counts.datelines, 1);
}

TEST(CodeInputTest, LinesWithAndWithoutDatePrefixes) {
  CodeInputCounts counts;
  std::vector<Doc> docs =
      Read("2012-10-04\tLavrov visited Islamabad.\nno date here\n2012-13-40\tbad date\n",
           CodeInputKind::kLines, &counts);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].date, Day("2012-10-04"));
  EXPECT_EQ(docs[0].text, "Lavrov visited Islamabad.");
  EXPECT_EQ(std::get<int64_t>(docs[1].id), 2);
  EXPECT_EQ(docs[2].text, "2012-13-40\tbad date");
  EXPECT_EQ(counts.bad_dates, 1);
  EXPECT_TRUE(docs[0].article_id.empty());
}

}  // namespace
}  // namespace entente::cli
