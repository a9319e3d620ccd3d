#include "store/columns.h"

#include <cassert>

namespace entente::store {
bool IsDeltaColumn(int c) { return c == kDate || c == kDateAdded; }

std::string_view ColumnName(int c) {
  static constexpr std::string_view kNames[kNumColumns] = {"dataset",
                                                           "id",
                                                           "date",
                                                           "precision",
                                                           "source",
                                                           "source_name",
                                                           "source_country",
                                                           "source_known_group",
                                                           "source_ethnic",
                                                           "source_religion1",
                                                           "source_religion2",
                                                           "source_type1",
                                                           "source_type2",
                                                           "source_type3",
                                                           "target",
                                                           "target_name",
                                                           "target_country",
                                                           "target_known_group",
                                                           "target_ethnic",
                                                           "target_religion1",
                                                           "target_religion2",
                                                           "target_type1",
                                                           "target_type2",
                                                           "target_type3",
                                                           "is_root",
                                                           "code",
                                                           "base_code",
                                                           "root",
                                                           "quad",
                                                           "goldstein",
                                                           "mentions",
                                                           "sources",
                                                           "articles",
                                                           "tone",
                                                           "geo_country",
                                                           "geo_name",
                                                           "lat",
                                                           "lon",
                                                           "date_added",
                                                           "url",
                                                           "sector",
                                                           "text",
                                                           "citation",
                                                           "dir"};
  return c >= 0 && c < kNumColumns ? kNames[c] : "?";
}

int64_t IntField(const EventRow& e, int c) {
  switch (c) {
    case kDate: return e.date;
    case kPrecision: return static_cast<int64_t>(e.precision);
    case kIsRoot: return e.is_root ? 1 : 0;
    case kQuad: return e.quad;
    case kMentions: return e.mentions;
    case kSources: return e.sources;
    case kArticles: return e.articles;
    case kDateAdded: return e.date_added;
    default: assert(false && "not an int field"); return 0;
  }
}

void SetIntField(EventRow* e, int c, int64_t v) {
  switch (c) {
    case kDate: e->date = static_cast<Days>(v); break;
    case kPrecision: e->precision = static_cast<DatePrecision>(v); break;
    case kIsRoot: e->is_root = v != 0; break;
    case kQuad: e->quad = static_cast<int8_t>(v); break;
    case kMentions: e->mentions = static_cast<int32_t>(v); break;
    case kSources: e->sources = static_cast<int32_t>(v); break;
    case kArticles: e->articles = static_cast<int32_t>(v); break;
    case kDateAdded: e->date_added = v; break;
    default: break;  // kDir is not a field
  }
}

float FloatField(const EventRow& e, int c) {
  switch (c) {
    case kGoldstein: return e.goldstein;
    case kTone: return e.tone;
    case kLat: return e.lat;
    default: return e.lon;
  }
}

void SetFloatField(EventRow* e, int c, float v) {
  switch (c) {
    case kGoldstein: e->goldstein = v; break;
    case kTone: e->tone = v; break;
    case kLat: e->lat = v; break;
    default: e->lon = v; break;
  }
}

}  // namespace entente::store
