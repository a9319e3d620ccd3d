// The columns of a segment: one per field of the Event model (so a round trip is exact), plus
// `dir`, a derived bit the aggregate fast path reads instead of the actor columns. Each column has
// one encoding, chosen for what GDELT/ICEWS put in it:
//   kDict   few distinct values (actor codes, names, countries, CAMEO codes, dataset, geo): ids
//           into a per-segment dictionary, varint, zstd.
//   kPlain  mostly unique text (ids, URLs, descriptions): varint lengths then bytes, zstd.
//   kInt    integers, zigzag varint, delta-coded against the previous row for dates (rows are
//           sorted by dyad then date, so deltas are mostly 0 or 1), zstd.
//   kFloat  floats kept bit for bit (Goldstein's one decimal, tone, lat/lon; NaN = missing),
//           byte-shuffled so zstd sees the slowly varying exponent bytes together.
// Column ids are part of the file format (docs/FORMAT.md): append, never renumber.
#ifndef ENTENTE_STORE_COLUMNS_H_
#define ENTENTE_STORE_COLUMNS_H_

#include <cstdint>
#include <string_view>

#include "core/event.h"

namespace entente::store {

enum class ColumnKind : uint8_t { kDict = 0, kPlain = 1, kInt = 2, kFloat = 3 };

enum Column : int {
  kDataset = 0,
  kId,
  kDate,
  kPrecision,
  kSrcCode,  // the 10 source actor fields, in BasicActor order
  kSrcName,
  kSrcCountry,
  kSrcKnownGroup,
  kSrcEthnic,
  kSrcReligion1,
  kSrcReligion2,
  kSrcType1,
  kSrcType2,
  kSrcType3,
  kTgtCode,  // the 10 target actor fields
  kTgtName,
  kTgtCountry,
  kTgtKnownGroup,
  kTgtEthnic,
  kTgtReligion1,
  kTgtReligion2,
  kTgtType1,
  kTgtType2,
  kTgtType3,
  kIsRoot,
  kCode,
  kBaseCode,
  kRootCode,
  kQuad,
  kGoldstein,
  kMentions,
  kSources,
  kArticles,
  kTone,
  kGeoCountry,
  kGeoName,
  kLat,
  kLon,
  kDateAdded,
  kUrl,
  kSector,
  kText,
  kCitation,
  kDir,  // derived: 0 when DyadCountry(source) is the dyad's first country, 1 when flipped
  kNumColumns
};

// Inline (with the field access below): ingest calls them for every column of every row, and
// out of line they were 8% of its time.
constexpr ColumnKind KindOf(int c) {
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

bool IsDeltaColumn(int column);  // kInt columns coded as differences from the previous row
std::string_view ColumnName(int column);

namespace columns_internal {
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
    default: return &e.dataset;  // not a string column: a caller bug
  }
}
}  // namespace columns_internal

// Field access by column id. REQUIRES: the column has the matching kind.
inline std::string_view StringField(const EventRow& e, int column) {
  return *columns_internal::StringSlot(e, column);
}
inline void SetStringField(EventRow* e, int column, std::string_view v) {
  *columns_internal::StringSlot(*e, column) = v;
}
int64_t IntField(const EventRow& e, int column);  // kDir is not a field: the caller supplies it
float FloatField(const EventRow& e, int column);
void SetIntField(EventRow* e, int column, int64_t v);
void SetFloatField(EventRow* e, int column, float v);

}  // namespace entente::store

#endif  // ENTENTE_STORE_COLUMNS_H_
