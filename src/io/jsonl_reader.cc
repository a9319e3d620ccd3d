// entente JSON Lines: one JSON object per line, with the field names of io/event_fields.h (what
// `entente events --format jsonl` writes). Only "date" is required; unknown keys are ignored so
// that later versions can add fields. Fields of the wrong JSON type are a reject naming the field.
// Codes left out are filled from the codebook (root, base, QuadClass; Goldstein when the key is
// absent — an explicit null stays missing, so written output reads back exactly).
//
// nlohmann-json is used in its non-throwing mode (parse(..., allow_exceptions=false) and typed
// checks before every get), so no exception leaves this file.
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "io/cameo_fill.h"
#include "io/fields.h"
#include "io/row_parser.h"

namespace entente::io {
namespace {

using json = nlohmann::json;

enum class Kind { kText, kInt32, kInt64, kFloat, kBool };

struct Slot {
  Kind kind;
  std::string Event::*text = nullptr;
  std::string Actor::*actor_text = nullptr;
  Actor Event::*actor = nullptr;
  int32_t Event::*i32 = nullptr;
  int64_t Event::*i64 = nullptr;
  float Event::*f = nullptr;
};

std::unordered_map<std::string, Slot> BuildSlots() {
  std::unordered_map<std::string, Slot> m;
  auto text = [&](const char* n, std::string Event::*p) { m[n] = Slot{Kind::kText, p}; };
  text("id", &Event::id);
  text("code", &Event::code);
  text("root", &Event::root_code);
  text("base_code", &Event::base_code);
  text("dataset", &Event::dataset);
  text("url", &Event::url);
  text("geo_country", &Event::geo_country);
  text("geo_name", &Event::geo_name);
  text("sector", &Event::sector);
  text("text", &Event::text);
  text("citation", &Event::citation);
  for (auto [side, actor] : {std::pair{"source", &Event::source}, {"target", &Event::target}}) {
    auto at = [&](std::string suffix, std::string Actor::*p) {
      Slot s{Kind::kText};
      s.actor = actor;
      s.actor_text = p;
      m[std::string(side) + suffix] = s;
    };
    at("", &Actor::code);
    at("_country", &Actor::country);
    at("_name", &Actor::name);
    at("_known_group", &Actor::known_group);
    at("_ethnic", &Actor::ethnic);
    at("_religion1", &Actor::religion1);
    at("_religion2", &Actor::religion2);
    at("_type1", &Actor::type1);
    at("_type2", &Actor::type2);
    at("_type3", &Actor::type3);
  }
  for (auto [n, p] : {std::pair{"mentions", &Event::mentions},
                      {"sources", &Event::sources},
                      {"articles", &Event::articles}}) {
    Slot s{Kind::kInt32};
    s.i32 = p;
    m[n] = s;
  }
  Slot added{Kind::kInt64};
  added.i64 = &Event::date_added;
  m["date_added"] = added;
  for (auto [n, p] : {std::pair{"goldstein", &Event::goldstein},
                      {"tone", &Event::tone},
                      {"lat", &Event::lat},
                      {"lon", &Event::lon}}) {
    Slot s{Kind::kFloat};
    s.f = p;
    m[n] = s;
  }
  m["is_root"] = Slot{Kind::kBool};
  m["quad"] = Slot{Kind::kInt32};  // handled specially (int8)
  return m;
}

class JsonlParser : public RowParser {
 public:
  Result<bool> Header(std::string_view) override { return false; }

  bool Parse(std::string_view line, EventRow* row, RowError* err) override {
    static const std::unordered_map<std::string, Slot> kSlots = BuildSlots();
    json doc = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return Fail(err, 0, "not valid JSON (or not valid UTF-8)");
    if (!doc.is_object()) return Fail(err, 0, "expected a JSON object");
    event_ = Event();
    bool has_date = false;
    bool has_goldstein = false;
    std::optional<DatePrecision>
        precision;  // "date_precision" when given: wins over the date's length
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      const std::string& key = it.key();
      const json& v = it.value();
      if (key == "date") {
        if (!v.is_string()) return Fail(err, 0, "field 'date': expected a string");
        Result<DateValue> d = ParseDate(v.get_ref<const std::string&>());
        if (!d.ok())
          return Fail(err, 0, BadValue("date", "'date'", v.get_ref<const std::string&>()));
        event_.date = d->days;
        event_.precision = d->precision;
        has_date = true;
        continue;
      }
      if (key == "date_precision") {
        Result<DatePrecision> p =
            v.is_string() ? ParsePrecision(v.get_ref<const std::string&>())
                          : Result<DatePrecision>(Status::InvalidArgument("expected a string"));
        if (!p.ok()) return Fail(err, 0, "field 'date_precision': " + p.status().message());
        precision = *p;
        continue;
      }
      if (key == "goldstein") has_goldstein = true;
      auto slot = kSlots.find(key);
      if (slot == kSlots.end() || v.is_null()) continue;
      const Slot& s = slot->second;
      switch (s.kind) {
        case Kind::kText:
          if (!v.is_string())
            return Fail(err, 0, fmt::format("field '{}': expected a string", key));
          if (s.actor) {
            (event_.*s.actor).*s.actor_text = v.get<std::string>();
          } else {
            event_.*s.text = v.get<std::string>();
          }
          break;
        case Kind::kInt32:
        case Kind::kInt64: {
          if (!v.is_number_integer()) {
            return Fail(err, 0, fmt::format("field '{}': expected an integer", key));
          }
          int64_t x = v.get<int64_t>();
          if (key == "quad") {
            if (x < 0 || x > 4) return Fail(err, 0, "field 'quad': expected 1-4");
            event_.quad = static_cast<int8_t>(x);
          } else if (s.kind == Kind::kInt64) {
            event_.*s.i64 = x;
          } else {
            if (x < INT32_MIN || x > INT32_MAX) {
              return Fail(err, 0, fmt::format("field '{}': out of range", key));
            }
            event_.*s.i32 = static_cast<int32_t>(x);
          }
          break;
        }
        case Kind::kFloat:
          if (!v.is_number())
            return Fail(err, 0, fmt::format("field '{}': expected a number", key));
          event_.*s.f = v.get<float>();
          break;
        case Kind::kBool:
          if (v.is_boolean()) {
            event_.is_root = v.get<bool>();
          } else if (v.is_number_integer()) {
            event_.is_root = v.get<int64_t>() != 0;
          } else {
            return Fail(err, 0, "field 'is_root': expected true/false or 0/1");
          }
          break;
      }
    }
    if (!has_date) return Fail(err, 0, "missing field 'date'");
    if (precision) event_.precision = *precision;
    if (!GoldsteinInRange(event_.goldstein)) {
      return Fail(err, 0, GoldsteinOutOfRange("'goldstein'", fmt::format("{}", event_.goldstein)));
    }
    // Codes are digits in every dataset entente reads; anything else is a damaged row.
    for (auto [name, value] : {std::pair<const char*, const std::string*>{"code", &event_.code},
                               {"root", &event_.root_code},
                               {"base_code", &event_.base_code}}) {
      if (!value->empty() && !AllDigits(*value)) {
        return Fail(err, 0, BadValue("event code", fmt::format("'{}'", name), *value));
      }
    }
    if (event_.dataset.empty()) event_.dataset = "jsonl";
    *row = ViewOf(event_);
    FillFromCodebook(row, /*fill_goldstein=*/!has_goldstein);
    return true;
  }

 private:
  Event event_;
};

}  // namespace

std::unique_ptr<RowParser> MakeJsonlParser() { return std::make_unique<JsonlParser>(); }

}  // namespace entente::io
