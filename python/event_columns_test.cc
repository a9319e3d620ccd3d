// Two halves of a scan gathered apart and appended give the columns one pass gives: ids numeric
// or text on either side, dictionary values shared, new or empty.
#include "event_columns.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace entente::python {
namespace {

Event MakeEvent(std::string id, std::string source, std::string url, float tone) {
  Event e;
  e.dataset = "gdelt2";
  e.id = std::move(id);
  e.date = 17000;
  e.source.code = source;
  e.source.country = source.substr(0, 3);
  e.target.code = "RUS";
  e.code = "042";
  e.root_code = "04";
  e.quad = 1;
  e.goldstein = 1.9f;
  e.tone = tone;
  e.url = std::move(url);
  return e;
}

// The values of a dictionary column row by row ("" for a missing one).
std::vector<std::string> Decoded(const DictColumn& c) {
  std::vector<std::string> out;
  for (int32_t code : c.codes) out.push_back(code < 0 ? "" : std::string(c.values()[code]));
  return out;
}

std::vector<std::string> Ids(const IdColumn& c) {
  std::vector<std::string> out;
  if (c.numeric()) {
    for (int64_t n : c.numbers) out.push_back(std::to_string(n));
  } else {
    for (std::string_view s : c.text.values) out.emplace_back(s);
  }
  return out;
}

void ExpectAppendEqualsOnePass(const std::vector<Event>& head, const std::vector<Event>& tail) {
  EventColumns one, first, second;
  for (const Event& e : head) {
    one.Add(ViewOf(e));
    first.Add(ViewOf(e));
  }
  for (const Event& e : tail) {
    one.Add(ViewOf(e));
    second.Add(ViewOf(e));
  }
  first.Append(std::move(second));
  ASSERT_EQ(first.size(), one.size());
  EXPECT_EQ(first.id.numeric(), one.id.numeric());
  EXPECT_EQ(Ids(first.id), Ids(one.id));
  for (auto [got, want] : {std::pair{&first.source, &one.source},
                           {&first.url, &one.url},
                           {&first.source_country, &one.source_country},
                           {&first.dataset, &one.dataset},
                           {&first.precision, &one.precision}}) {
    EXPECT_EQ(Decoded(*got), Decoded(*want));
  }
  EXPECT_EQ(first.url.values().size(), one.url.values().size());  // each value once
  EXPECT_EQ(first.days, one.days);
  EXPECT_EQ(first.quad, one.quad);
  EXPECT_EQ(first.mentions, one.mentions);
  EXPECT_EQ(first.tone, one.tone);  // no NaN among them
}

TEST(EventColumnsTest, AppendEqualsOnePass) {
  std::vector<Event> numbers = {MakeEvent("101", "PAKGOV", "http://a", 1.5f),
                                MakeEvent("102", "USA", "", -2.25f)};
  std::vector<Event> more = {MakeEvent("103", "PAKGOV", "http://b", 1.5f),
                             MakeEvent("104", "", "http://a", 0.1f)};
  std::vector<Event> text = {MakeEvent("evt-7", "CHN", "http://a", 3.0f),
                             MakeEvent("", "USA", "http://c", -1.0f)};
  for (const auto* head : {&numbers, &text}) {
    for (const auto* tail : {&more, &text, &numbers}) {
      ExpectAppendEqualsOnePass(*head, *tail);
    }
  }
  ExpectAppendEqualsOnePass({}, numbers);
  ExpectAppendEqualsOnePass(text, {});
}

}  // namespace
}  // namespace entente::python
