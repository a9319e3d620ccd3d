// Phoenix event data (the Open Event Data Alliance's daily files events.full.YYYYMMDD.txt, coded
// by PETRARCH): 26 tab-separated columns, usually without a header:
//   EventID, Date (YYYYMMDD), Year, Month, Day, SourceActorFull, SourceActorEntity,
//   SourceActorRole, SourceActorAttribute, TargetActorFull, TargetActorEntity, TargetActorRole,
//   TargetActorAttribute, EventCode, EventRootCode, QuadClass, GoldsteinScore, Issues, Lat, Lon,
//   LocationName, StateName, CountryCode, SentenceID, URLs, NewsSources.
// Phoenix's QuadClass is a "pentaclass" (0 = neutral for roots 01-02), so QuadClass is recomputed
// from the root code to mean the same as in GDELT. A header line starting "EventID" is skipped.
#include <fmt/format.h>

#include <cmath>

#include "core/cameo.h"
#include "io/cameo_fill.h"
#include "io/row_parser.h"

namespace entente::io {
namespace {

constexpr int kColumns = 26;

void FillActor(const std::string_view* f, ActorRow* a) {
  a->code = TrimCode(f[0]);
  std::string_view entity = TrimCode(f[1]);
  if (entity.size() == 3 && IsCountryCode(entity)) {
    a->country = entity;
  } else if (entity.size() == 3 && a->code.starts_with(entity) && entity != "IGO" &&
             entity != "NGO" && entity != "MNC") {
    a->country = entity;  // codebook not loaded or an unlisted country: trust the coder
  } else {
    a->known_group = entity;
  }
  a->type1 = f[2];
  a->type2 = f[3];
}

class PhoenixParser : public RowParser {
 public:
  Result<bool> Header(std::string_view line) override { return line.starts_with("EventID\t"); }

  bool Parse(std::string_view line, EventRow* row, RowError* err) override {
    int n = SplitTabs(line, f_, kColumns + 1);
    if (n != kColumns) {
      return Fail(err, 0, fmt::format("expected {} fields (Phoenix), found {}", kColumns, n));
    }
    if (!CheckLineUtf8(line, err)) return false;
    row->dataset = "phoenix";
    row->id = f_[0];
    if (!ParseYmdCompact(f_[1], &row->date)) return Fail(err, 2, BadValue("date", "Date", f_[1]));
    row->precision = DatePrecision::kDay;
    FillActor(f_ + 5, &row->source);
    FillActor(f_ + 9, &row->target);
    if (!AllDigits(f_[13])) return Fail(err, 14, BadValue("event code", "EventCode", f_[13]));
    row->code = f_[13];
    row->root_code = f_[14];
    row->quad = 0;  // recomputed from the root (see above)
    row->goldstein = NAN;
    if (!ParseFloatOrEmpty(f_[16], &row->goldstein)) {
      return Fail(err, 17, BadValue("number", "GoldsteinScore", f_[16]));
    }
    if (!GoldsteinInRange(row->goldstein)) {
      return Fail(err, 17, GoldsteinOutOfRange("GoldsteinScore", f_[16]));
    }
    FillFromCodebook(row, /*fill_goldstein=*/true);
    row->sector = f_[17];  // Issues
    row->lat = row->lon = NAN;
    if (!ParseFloatOrEmpty(f_[18], &row->lat))
      return Fail(err, 19, BadValue("number", "Lat", f_[18]));
    if (!ParseFloatOrEmpty(f_[19], &row->lon))
      return Fail(err, 20, BadValue("number", "Lon", f_[19]));
    row->geo_name = f_[20];
    row->geo_country = f_[22];
    row->url = f_[24];
    row->citation = f_[25];
    return true;
  }

 private:
  std::string_view f_[kColumns + 1];
};

}  // namespace

std::unique_ptr<RowParser> MakePhoenixParser() { return std::make_unique<PhoenixParser>(); }

}  // namespace entente::io
