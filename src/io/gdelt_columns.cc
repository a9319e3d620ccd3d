#include "io/gdelt_columns.h"

#include <fmt/format.h>

#include "core/date.h"
#include "io/line_numbers.h"

namespace entente::io {
namespace {

void FillActor(const std::string_view* f, ActorRow* a) {
  a->code = f[0];
  a->name = f[1];
  a->country = f[2];
  a->known_group = f[3];
  a->ethnic = f[4];
  a->religion1 = f[5];
  a->religion2 = f[6];
  a->type1 = f[7];
  a->type2 = f[8];
  a->type3 = f[9];
}

}  // namespace

bool ParseGdeltCore(const std::string_view* f, const char* line_end, EventRow* row, RowError* err) {
  if (!AllDigits(f[0])) return Fail(err, 1, BadValue("id", "GLOBALEVENTID", f[0]));
  row->id = f[0];
  if (!ParseYmdCompact(f[1], &row->date)) return Fail(err, 2, BadValue("date", "SQLDATE", f[1]));
  row->precision = DatePrecision::kDay;
  FillActor(f + 5, &row->source);
  FillActor(f + 15, &row->target);
  std::string_view is_root = f[25];
  if (is_root == "1") {
    row->is_root = true;
  } else if (is_root == "0" || is_root.empty()) {
    row->is_root = false;
  } else {
    return Fail(err, 26, BadValue("flag", "IsRootEvent", is_root));
  }
  row->code = f[26];
  row->base_code = f[27];
  row->root_code = f[28].empty() ? RootOf(f[26]) : f[28];
  if (!AllDigits(row->code)) return Fail(err, 27, BadValue("event code", "EventCode", row->code));
  int32_t quad = 0;
  if (f[29].empty()) {
    quad = QuadClassOfRoot(row->root_code);
  } else if (!ParseInt32(f[29], &quad, line_end) || quad < 1 || quad > 4) {
    return Fail(err, 30, BadValue("number", "QuadClass (1-4)", f[29]));
  }
  row->quad = static_cast<int8_t>(quad);
  row->goldstein = NAN;
  if (!ParseFloatOrEmpty(f[30], &row->goldstein, line_end)) {
    return Fail(err, 31, BadValue("number", "GoldsteinScale", f[30]));
  }
  if (!GoldsteinInRange(row->goldstein)) {
    return Fail(err, 31, GoldsteinOutOfRange("GoldsteinScale", f[30]));
  }
  row->mentions = row->sources = row->articles = 0;
  if (!ParseInt32OrEmpty(f[31], &row->mentions, line_end)) {
    return Fail(err, 32, BadValue("number", "NumMentions", f[31]));
  }
  if (!ParseInt32OrEmpty(f[32], &row->sources, line_end)) {
    return Fail(err, 33, BadValue("number", "NumSources", f[32]));
  }
  if (!ParseInt32OrEmpty(f[33], &row->articles, line_end)) {
    return Fail(err, 34, BadValue("number", "NumArticles", f[33]));
  }
  row->tone = NAN;
  if (!ParseFloatOrEmpty(f[34], &row->tone, line_end)) {
    return Fail(err, 35, BadValue("number", "AvgTone", f[34]));
  }
  return true;
}

bool ParseGdeltTail(const std::string_view* f, const GdeltTail& t, const char* line_end,
                    EventRow* row, RowError* err) {
  row->geo_name = f[t.geo_name];
  row->geo_country = f[t.geo_country];
  row->lat = row->lon = NAN;
  if (!ParseFloatOrEmpty(f[t.lat], &row->lat, line_end)) {
    return Fail(err, t.lat + 1, BadValue("number", "ActionGeo_Lat", f[t.lat]));
  }
  if (!ParseFloatOrEmpty(f[t.lon], &row->lon, line_end)) {
    return Fail(err, t.lon + 1, BadValue("number", "ActionGeo_Long", f[t.lon]));
  }
  row->date_added = 0;
  std::string_view added = f[t.date_added];
  if (!added.empty() && !ParseDigits64(added, &row->date_added, line_end)) {
    return Fail(err, t.date_added + 1, BadValue("number", "DATEADDED", added));
  }
  row->url = t.url >= 0 ? f[t.url] : std::string_view();
  row->sector = row->text = row->citation = std::string_view();
  return true;
}

bool IsGdeltHeader(std::string_view line) {
  return line.starts_with("GLOBALEVENTID\t") || line.starts_with("GlobalEventID\t");
}

}  // namespace entente::io
