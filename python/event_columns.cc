#include "event_columns.h"

#include "io/event_fields.h"

namespace entente::python {

void DictColumn::Add(std::string_view s) {
  if (s.empty()) {
    codes.push_back(-1);
    return;
  }
  if (s != last_ || last_code_ < 0) {
    auto it = index_.find(s);
    if (it == index_.end()) {
      it = index_.emplace(std::string(s), static_cast<int32_t>(values.size())).first;
      values.emplace_back(s);
    }
    last_.assign(s);
    last_code_ = it->second;
  }
  codes.push_back(last_code_);
}

void EventColumns::Add(const EventRow& e) {
  id.Add(e.id);
  // As the csv's date reads back: "1965" is 1965-01-01, "1965-04" is 1965-04-01.
  Days day = e.date;
  if (e.precision == DatePrecision::kYear) day = PeriodStart(day, Period::kYear);
  if (e.precision == DatePrecision::kMonth) day = PeriodStart(day, Period::kMonth);
  days.push_back(day);
  source.Add(e.source.code);
  source_country.Add(e.source.country);
  target.Add(e.target.code);
  target_country.Add(e.target.country);
  code.Add(e.code);
  root.Add(e.root_code);
  quad.push_back(e.quad);
  goldstein.push_back(io::FloatAsDouble(e.goldstein));
  mentions.push_back(e.mentions);
  tone.push_back(io::FloatAsDouble(e.tone));
  dataset.Add(e.dataset);
  url.Add(e.url);
}

}  // namespace entente::python
