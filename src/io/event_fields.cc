#include "io/event_fields.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/plover.h"
#include "core/sector.h"

namespace entente::io {
namespace {

FieldValue Text(std::string_view s) {
  FieldValue v;
  v.kind = FieldValue::kText;
  v.s = std::string(s);
  return v;
}
FieldValue Int(int64_t i) {
  FieldValue v;
  v.kind = FieldValue::kInt;
  v.i = i;
  return v;
}
FieldValue Real(float f) {
  FieldValue v;
  if (std::isnan(f)) return v;
  v.kind = FieldValue::kReal;
  v.d = FloatAsDouble(f);
  return v;
}

// GDELT 1.0 gives DATEADDED as YYYYMMDD, 2.0 as YYYYMMDDhhmmss: one width in every output, so a
// column of them sorts and parses as one kind of value.
int64_t FullDateAdded(int64_t date_added) {
  return date_added > 0 && date_added < 100000000 ? date_added * 1000000 : date_added;
}

void ActorExtras(const ActorRow& a, std::vector<FieldValue>* out) {
  for (std::string_view s :
       {a.name, a.known_group, a.ethnic, a.religion1, a.religion2, a.type1, a.type2, a.type3}) {
    out->push_back(Text(s));
  }
}

}  // namespace

double FloatAsDouble(float f) {
  if (std::isnan(f)) return f;
  char buf[32];
  char* end = fmt::format_to_n(buf, sizeof buf, "{}", f).out;
  double d = 0;
  std::from_chars(buf, end, d);  // correctly rounded, as strtod, without the locale
  return d;
}

const std::vector<std::string>& EventColumns() {
  static const std::vector<std::string> kColumns = {
      "id",        "date",           "date_precision", "source",  "source_country",
      "target",    "target_country", "code",           "root",    "quad",
      "goldstein", "mentions",       "tone",           "dataset", "url"};
  return kColumns;
}

const std::vector<std::string>& EventColumnsFull() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> c = EventColumns();
    for (const char* side : {"source", "target"}) {
      for (const char* f :
           {"name", "known_group", "ethnic", "religion1", "religion2", "type1", "type2", "type3"}) {
        c.push_back(std::string(side) + "_" + f);
      }
    }
    for (const char* f : {"is_root", "base_code", "sources", "articles", "geo_country", "geo_name",
                          "lat", "lon", "date_added", "sector", "text", "citation"}) {
      c.push_back(f);
    }
    return c;
  }();
  return kColumns;
}

void EventFieldValues(const EventRow& e, bool full, std::vector<FieldValue>* out) {
  out->clear();
  out->push_back(Text(e.id));
  out->push_back(Text(FormatDate(e.date)));
  out->push_back(Text(PrecisionName(e.precision)));
  out->push_back(Text(e.source.code));
  out->push_back(Text(e.source.country));
  out->push_back(Text(e.target.code));
  out->push_back(Text(e.target.country));
  out->push_back(Text(e.code));
  out->push_back(Text(e.root_code));
  out->push_back(e.quad > 0 ? Int(e.quad) : FieldValue());
  out->push_back(Real(e.goldstein));
  out->push_back(Int(e.mentions));
  out->push_back(Real(e.tone));
  out->push_back(Text(e.dataset));
  out->push_back(Text(e.url));
  if (!full) return;
  ActorExtras(e.source, out);
  ActorExtras(e.target, out);
  out->push_back(Int(e.is_root ? 1 : 0));
  out->push_back(Text(e.base_code));
  out->push_back(Int(e.sources));
  out->push_back(Int(e.articles));
  out->push_back(Text(e.geo_country));
  out->push_back(Text(e.geo_name));
  out->push_back(Real(e.lat));
  out->push_back(Real(e.lon));
  out->push_back(Int(FullDateAdded(e.date_added)));
  out->push_back(e.sector.empty() ? Text(SectorName(ClassifySector(e))) : Text(e.sector));
  out->push_back(Text(e.text));
  out->push_back(Text(e.citation));
}

const std::vector<std::string>& PloverColumns() {
  static const std::vector<std::string> kColumns = {"plover_event", "plover_mode",
                                                    "plover_context"};
  return kColumns;
}

void AppendPloverValues(std::string_view cameo_code, std::vector<FieldValue>* out) {
  const PloverCoding* p = PloverOf(cameo_code);
  for (std::string_view v : {p ? p->event : "", p ? p->mode : "", p ? p->context : ""}) {
    FieldValue& f = out->emplace_back();
    if (!v.empty()) {
      f.kind = FieldValue::kText;
      f.s = v;
    }
  }
}

}  // namespace entente::io
