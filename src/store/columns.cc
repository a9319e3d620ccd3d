#include "store/columns.h"

#include <cassert>

namespace entente::store {
namespace {

template <class A>
auto& ActorField(A& a, int i) {
  switch (i) {
    case 0: return a.code;
    case 1: return a.name;
    case 2: return a.country;
    case 3: return a.known_group;
    case 4: return a.ethnic;
    case 5: return a.religion1;
    case 6: return a.religion2;
    case 7: return a.type1;
    case 8: return a.type2;
    default: return a.type3;
  }
}

template <class E>
auto* StringSlot(E& e, int c) {
  if (c >= kSrcCode && c <= kSrcType3) return &ActorField(e.source, c - kSrcCode);
  if (c >= kTgtCode && c <= kTgtType3) return &ActorField(e.target, c - kTgtCode);
  switch (c) {
    case kDataset: return &e.dataset;
    case kId: return &e.id;
    case kCode: return &e.code;
    case kBaseCode: return &e.base_code;
    case kRootCode: return &e.root_code;
    case kGeoCountry: return &e.geo_country;
    case kGeoName: return &e.geo_name;
    case kUrl: return &e.url;
    case kSector: return &e.sector;
    case kText: return &e.text;
    case kCitation: return &e.citation;
    default: assert(false && "not a string column"); return &e.dataset;
  }
}

}  // namespace

ColumnKind KindOf(int c) {
  switch (c) {
    case kId:
    case kUrl:
    case kText:
    case kCitation: return ColumnKind::kPlain;
    case kDate:
    case kPrecision:
    case kIsRoot:
    case kQuad:
    case kMentions:
    case kSources:
    case kArticles:
    case kDateAdded:
    case kDir: return ColumnKind::kInt;
    case kGoldstein:
    case kTone:
    case kLat:
    case kLon: return ColumnKind::kFloat;
    default: return ColumnKind::kDict;
  }
}

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

std::string_view StringField(const EventRow& e, int c) { return *StringSlot(e, c); }
void SetStringField(EventRow* e, int c, std::string_view v) { *StringSlot(*e, c) = v; }

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
