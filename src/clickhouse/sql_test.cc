#include "clickhouse/sql.h"

#include <gtest/gtest.h>

#include "clickhouse/schema.h"

namespace entente::clickhouse {
namespace {

// Out of line: g++ 12 warns (wrongly) that the strings of an Event built in place and then
// assigned may be uninitialized.
[[gnu::noinline]] Event Blank() { return Event{}; }

TEST(Sql, QuoteEscapesEverythingThatCouldEndTheLiteral) {
  EXPECT_EQ(Quote("PAK"), "'PAK'");
  EXPECT_EQ(Quote("a'b"), "'a\\'b'");
  EXPECT_EQ(Quote("a\\'; DROP TABLE x; --"), "'a\\\\\\'; DROP TABLE x; --'");
  EXPECT_EQ(Quote(std::string("a\nb\0c", 5)), "'a\\x0Ab\\x00c'");
}

TEST(Sql, TsvFieldsRoundTrip) {
  std::string s("tab\there\nnew\\line\r\0end", 23);
  std::string out;
  AppendTsvField(s, &out);
  EXPECT_EQ(out.find('\t'), std::string::npos);
  EXPECT_EQ(out.find('\n'), std::string::npos);
  EXPECT_EQ(UnescapeTsv(out), s);
  EXPECT_EQ(UnescapeTsv("a\\'b"), "a'b");
}

TEST(Sql, OddActorsAreThoseAKeyRangeWouldMiss) {
  Event e = Blank();
  e.source.code = "PAKGOV";
  e.source.country = "PAK";
  e.target.code = "RUS";
  EXPECT_FALSE(OddActors(ViewOf(e)));
  e.target.code = "GOV";
  e.target.country = "RUS";  // matches "RUS" by country and "GOV" by code
  EXPECT_TRUE(OddActors(ViewOf(e)));
}

TEST(Sql, EmptyFilterHasNoWhere) { EXPECT_EQ(WhereClause(EventFilter{}), ""); }

TEST(Sql, FilterBecomesWhere) {
  EventFilter f;
  f.dyad_a = "PAK";
  f.dyad_b = "RUSGOV";
  f.from = 10;
  f.to = 20;
  f.quad = 3;
  f.code_prefix = "04";
  f.dataset = "gdelt2";
  f.quality.root_only = true;
  f.quality.min_sources = 2;
  EXPECT_EQ(WhereClause(f),
            "WHERE (odd = 1 OR (odd = 0 AND da LIKE 'PAK%' AND db LIKE 'RUS%') OR (odd = 0 AND "
            "da LIKE 'RUS%' AND db LIKE 'PAK%')) AND date >= 10 AND date <= 20 AND quad = 3 AND "
            "startsWith(code, '04') AND dataset "
            "= 'gdelt2' AND is_root = 1 AND sources >= 2 AND (((startsWith(s_code, 'PAK') OR "
            "s_country = 'PAK') AND startsWith(t_code, 'RUSGOV')) OR (startsWith(s_code, "
            "'RUSGOV') AND (startsWith(t_code, 'PAK') OR t_country = 'PAK')))");
  f = EventFilter{};
  f.dyad_a = "PAK";
  f.dyad_b = "IND";
  f.directed = true;
  f.actors = {"CHN"};
  EXPECT_EQ(WhereClause(f),
            "WHERE (odd = 1 OR (odd = 0 AND da LIKE 'PAK%' AND db LIKE 'IND%') OR (odd = 0 AND "
            "da LIKE 'IND%' AND db LIKE 'PAK%')) AND ((startsWith(s_code, 'CHN') OR s_country = "
            "'CHN') OR (startsWith(t_code, "
            "'CHN') OR t_country = 'CHN')) AND ((startsWith(s_code, 'PAK') OR s_country = 'PAK') "
            "AND (startsWith(t_code, 'IND') OR t_country = 'IND'))");
}

TEST(Schema, RowRoundTrips) {
  Event e = Blank();
  e.dataset = "gdelt2";
  e.id = "42";
  e.date = -8000;
  e.precision = DatePrecision::kMonth;
  e.source.code = "PAKGOV";
  e.source.country = "PAK";
  e.source.name = "tab\tname";
  e.target.code = "RUS";
  e.is_root = true;
  e.code = "0314";
  e.base_code = "031";
  e.root_code = "03";
  e.quad = 1;
  e.goldstein = 2.8f;
  e.mentions = 7;
  e.tone = -1.25f;
  e.lat = 33.7f;
  e.date_added = 20150218230000;
  e.text = "line\nbreak \\ back";
  std::string line;
  AppendRow(ViewOf(e), 123, &line);
  ASSERT_EQ(line.back(), '\n');
  line.pop_back();
  RowDecoder d;
  EventRow r;
  ASSERT_TRUE(d.Decode(line, &r).ok());
  Event back = ToOwned(r);
  EXPECT_EQ(back.source.name, e.source.name);
  EXPECT_EQ(back.text, e.text);
  EXPECT_EQ(back.date, e.date);
  EXPECT_EQ(back.precision, e.precision);
  EXPECT_EQ(back.goldstein, e.goldstein);
  EXPECT_TRUE(std::isnan(back.lon));
  EXPECT_EQ(back.date_added, e.date_added);
  EXPECT_EQ(EventKeyHash(r), EventKeyHash(ViewOf(e)));
  EXPECT_FALSE(d.Decode("too\tfew", &r).ok());
}

}  // namespace
}  // namespace entente::clickhouse
