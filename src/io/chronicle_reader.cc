// The chronicle TSV (data/chronicle/*.tsv, docs/CHRONICLE.md): hand-curated events with a
// description and a citation, read by column name:
//   id, date, source, source_name, target, target_name, code, sector, description, publication,
//   title, pub_date, url
// The date's length gives its precision ("1965", "1965-04", "1965-04-08"). QuadClass, root and
// Goldstein come from the codebook; the citation is "publication, title, pub_date" (empty parts
// left out). Dataset "chronicle".
#include <fmt/format.h>

#include <array>
#include <cmath>

#include "core/cameo.h"
#include "io/cameo_fill.h"
#include "io/row_parser.h"

namespace entente::io {
namespace {

enum Col {
  kId,
  kDate,
  kSource,
  kSourceName,
  kTarget,
  kTargetName,
  kCode,
  kSector,
  kDescription,
  kPublication,
  kTitle,
  kPubDate,
  kUrl,
  kNumCols
};
constexpr std::array<std::string_view, kNumCols> kNames = {
    "id",     "date",        "source",      "source_name", "target",   "target_name", "code",
    "sector", "description", "publication", "title",       "pub_date", "url"};
constexpr int kMaxFields = 32;

void SetActor(std::string_view code, std::string_view name, ActorRow* a) {
  a->code = code;
  a->name = name;
  if (code.size() >= 3 && IsCountryCode(code.substr(0, 3))) a->country = code.substr(0, 3);
}

class ChronicleParser : public RowParser {
 public:
  Result<bool> Header(std::string_view line) override {
    std::string_view f[kMaxFields];
    int n = SplitTabs(line, f, kMaxFields);
    columns_ = n;
    std::string missing = MapHeader({f, static_cast<size_t>(std::min(n, kMaxFields))}, kNames,
                                    index_, {kDate, kSource, kTarget, kCode});
    if (!missing.empty()) {
      return Status::InvalidArgument(fmt::format("chronicle header lacks {}", missing));
    }
    return true;
  }

  bool Parse(std::string_view line, EventRow* row, RowError* err) override {
    if (!SplitHeaderRow(line, f_, kMaxFields, columns_, err)) return false;
    row->dataset = "chronicle";
    row->id = Get(kId);
    Result<DateValue> d = ParseDate(Get(kDate));
    if (!d.ok()) return Fail(err, index_[kDate] + 1, BadValue("date", "date", Get(kDate)));
    row->date = d->days;
    row->precision = d->precision;
    SetActor(Get(kSource), Get(kSourceName), &row->source);
    SetActor(Get(kTarget), Get(kTargetName), &row->target);
    std::string_view code = Get(kCode);
    if (!AllDigits(code)) return Fail(err, index_[kCode] + 1, BadValue("event code", "code", code));
    row->code = code;
    row->goldstein = NAN;
    FillFromCodebook(row, /*fill_goldstein=*/true);
    row->sector = Get(kSector);
    row->text = Get(kDescription);
    row->url = Get(kUrl);
    citation_.clear();
    for (Col c : {kPublication, kTitle, kPubDate}) {
      std::string_view part = Get(c);
      if (part.empty()) continue;
      if (!citation_.empty()) citation_ += ", ";
      citation_ += part;
    }
    row->citation = citation_;
    return true;
  }

 private:
  std::string_view Get(Col c) const { return index_[c] < 0 ? std::string_view() : f_[index_[c]]; }

  int columns_ = 0;
  std::array<int, kNumCols> index_{};
  std::string_view f_[kMaxFields];
  std::string citation_;
};

}  // namespace

std::unique_ptr<RowParser> MakeChronicleParser() { return std::make_unique<ChronicleParser>(); }

}  // namespace entente::io
