// ICEWS Coded Event Data (Harvard Dataverse .tab files): tab-separated with a header line, read
// by column name so that the column order of different releases does not matter. Countries are
// English names (mapped to CAMEO codes, icews_names.h), sectors are comma-separated lists (mapped
// to CAMEO type codes where plain), dates are YYYY-MM-DD or M/D/YYYY, "NA" means missing, and
// Intensity (-10..+10, the Goldstein scale) is kept as goldstein. ICEWS has no actor codes: we
// build one as country + first type ("RUSGOV") so that actor filters work as on GDELT.
#include <fmt/format.h>

#include <array>
#include <cmath>

#include "io/cameo_fill.h"
#include "io/icews_names.h"
#include "io/row_parser.h"

namespace entente::io {
namespace {

enum Col {
  kId,
  kDate,
  kSourceName,
  kSourceSectors,
  kSourceCountry,
  kEventText,
  kCode,
  kIntensity,
  kTargetName,
  kTargetSectors,
  kTargetCountry,
  kStoryId,
  kSentence,
  kPublisher,
  kCity,
  kDistrict,
  kProvince,
  kCountry,
  kLat,
  kLon,
  kNumCols
};

constexpr std::array<std::string_view, kNumCols> kNames = {
    "Event ID",       "Event Date", "Source Name",     "Source Sectors", "Source Country",
    "Event Text",     "CAMEO Code", "Intensity",       "Target Name",    "Target Sectors",
    "Target Country", "Story ID",   "Sentence Number", "Publisher",      "City",
    "District",       "Province",   "Country",         "Latitude",       "Longitude"};

constexpr int kMaxFields = 64;

std::string_view Value(std::string_view v) { return v == "NA" ? std::string_view() : v; }

class IcewsParser : public RowParser {
 public:
  Result<bool> Header(std::string_view line) override {
    std::string_view f[kMaxFields];
    int n = SplitTabs(line, f, kMaxFields);
    if (n > kMaxFields) return Status::InvalidArgument("ICEWS header has too many columns");
    columns_ = n;
    std::string missing = MapHeader({f, static_cast<size_t>(n)}, kNames, index_,
                                    {kDate, kCode, kSourceCountry, kTargetCountry});
    if (!missing.empty()) {
      return Status::InvalidArgument(fmt::format("ICEWS header lacks {}", missing));
    }
    return true;
  }

  bool Parse(std::string_view line, EventRow* row, RowError* err) override {
    if (!SplitHeaderRow(line, f_, kMaxFields, columns_, err)) return false;
    row->dataset = "icews";
    row->id = Get(kId);
    std::string_view date = Get(kDate);
    Result<DateValue> d = ParseDate(date);
    if (!d.ok()) return Fail(err, index_[kDate] + 1, BadValue("date", "Event Date", date));
    row->date = d->days;
    row->precision = d->precision;
    Actor(kSourceName, kSourceSectors, kSourceCountry, &row->source, &source_code_);
    Actor(kTargetName, kTargetSectors, kTargetCountry, &row->target, &target_code_);
    std::string_view code = Get(kCode);
    if (!code.empty() && !AllDigits(code)) {
      return Fail(err, index_[kCode] + 1, BadValue("event code", "CAMEO Code", code));
    }
    row->code = CanonicalCameoCode(code, &code_scratch_);
    std::string_view intensity = Get(kIntensity);
    row->goldstein = NAN;
    if (!ParseFloatOrEmpty(intensity, &row->goldstein)) {
      return Fail(err, index_[kIntensity] + 1, BadValue("number", "Intensity", intensity));
    }
    if (!GoldsteinInRange(row->goldstein)) {
      return Fail(err, index_[kIntensity] + 1, GoldsteinOutOfRange("Intensity", intensity));
    }
    FillFromCodebook(row, /*fill_goldstein=*/false);
    row->text = Get(kEventText);
    row->citation = Get(kPublisher);
    std::string_view country = Get(kCountry);
    std::string_view country_code = CountryCodeForName(country);
    row->geo_country = country_code.empty() ? country : country_code;
    geo_name_.clear();
    for (Col c : {kCity, kDistrict, kProvince, kCountry}) {
      std::string_view part = Get(c);
      if (part.empty()) continue;
      if (!geo_name_.empty()) geo_name_ += ", ";
      geo_name_ += part;
    }
    row->geo_name = geo_name_;
    row->lat = row->lon = NAN;
    if (!ParseFloatOrEmpty(Get(kLat), &row->lat)) {
      return Fail(err, index_[kLat] + 1, BadValue("number", "Latitude", Get(kLat)));
    }
    if (!ParseFloatOrEmpty(Get(kLon), &row->lon)) {
      return Fail(err, index_[kLon] + 1, BadValue("number", "Longitude", Get(kLon)));
    }
    return true;
  }

 private:
  std::string_view Get(Col c) const {
    return index_[c] < 0 ? std::string_view() : Value(f_[index_[c]]);
  }

  void Actor(Col name, Col sectors, Col country, ActorRow* a, std::string* code) {
    a->name = Get(name);
    a->country = CountryCodeForName(Get(country));
    std::string_view types[3];
    int k = 0;
    std::string_view list = Get(sectors);
    while (!list.empty() && k < 3) {
      size_t comma = list.find(',');
      std::string_view s = list.substr(0, comma);
      list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
      std::string_view t = TypeCodeForSector(s);
      if (t.empty()) continue;
      bool seen = false;
      for (int i = 0; i < k; ++i) seen |= types[i] == t;
      if (!seen) types[k++] = t;
    }
    a->type1 = types[0];
    a->type2 = types[1];
    a->type3 = types[2];
    code->assign(a->country);
    if (!a->type1.empty()) code->append(a->type1);
    a->code = *code;
  }

  int columns_ = 0;
  std::array<int, kNumCols> index_{};
  std::string_view f_[kMaxFields];
  std::string source_code_, target_code_, code_scratch_, geo_name_;
};

}  // namespace

std::unique_ptr<RowParser> MakeIcewsParser() { return std::make_unique<IcewsParser>(); }

}  // namespace entente::io
