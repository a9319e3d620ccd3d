// GDELT events, both versions: one parser over the fields they share (gdelt_columns.h), told by
// each version's layouts where the tail (action geo, DATEADDED, SOURCEURL) sits.
//
// GDELT 1.0: 57 columns in the historical backfile (to 2013-03-31), 58 in the daily files
// (SOURCEURL added). Real files and re-exports mix both, so the layout is chosen per row by its
// field count; any other count is a reject.
// GDELT 2.0: 61 columns (the 15-minute export files since 2015-02-18, and the translingual
// stream). Each geo block has ADM2Code, so the action geo sits two fields later than in 1.0;
// DATEADDED is YYYYMMDDHHMMSS.
#include <fmt/format.h>

#include <vector>

#include "io/gdelt_columns.h"
#include "io/row_parser.h"

namespace entente::io {
namespace {

// A row of `fields` fields has its tail at `tail`.
struct GdeltLayout {
  int fields;
  GdeltTail tail;
};

class GdeltParser : public RowParser {
 public:
  // `counts` names the accepted field counts in messages ("57 or 58").
  GdeltParser(std::string_view dataset, std::string_view version, std::string_view counts,
              std::vector<GdeltLayout> layouts)
      : dataset_(dataset), version_(version), counts_(counts), layouts_(std::move(layouts)) {}

  Result<bool> Header(std::string_view line) override { return IsGdeltHeader(line); }
  bool SetsEveryField() const override { return true; }  // ParseGdeltCore + ParseGdeltTail

  bool Parse(std::string_view line, EventRow* row, RowError* err) override {
    bool ascii = false;
    int n = SplitTabs(line, fields_, kGdeltMaxFields, &ascii);
    const GdeltLayout* layout = nullptr;
    for (const GdeltLayout& l : layouts_) {
      if (l.fields == n) layout = &l;
    }
    if (!layout) {
      if (n == 1 && line.find(',') != std::string_view::npos) {
        return Fail(err, 0, "no tabs: GDELT rows are tab-separated (comma-separated?)");
      }
      return Fail(err, 0, fmt::format("expected {} fields ({}), found {}", counts_, version_, n));
    }
    if (!ascii && !CheckLineUtf8(line, err)) return false;
    const char* end = line.data() + line.size();
    row->dataset = dataset_;
    if (!ParseGdeltCore(fields_, end, row, err)) return false;
    return ParseGdeltTail(fields_, layout->tail, end, row, err);
  }

 private:
  std::string_view dataset_, version_, counts_;
  std::vector<GdeltLayout> layouts_;
  std::string_view fields_[kGdeltMaxFields];
};

}  // namespace

std::unique_ptr<RowParser> MakeGdelt1Parser() {
  // 0-based: ActionGeo_FullName 50, CountryCode 51, Lat 53, Long 54; DATEADDED 56; SOURCEURL 57
  // (daily files only).
  return std::make_unique<GdeltParser>(
      "gdelt1", "GDELT 1.0", "57 or 58",
      std::vector<GdeltLayout>{{57, {50, 51, 53, 54, 56, -1}}, {58, {50, 51, 53, 54, 56, 57}}});
}

std::unique_ptr<RowParser> MakeGdelt2Parser() {
  // 0-based: ActionGeo_FullName 52, CountryCode 53, Lat 56, Long 57; DATEADDED 59; SOURCEURL 60.
  return std::make_unique<GdeltParser>("gdelt2", "GDELT 2.0", "61",
                                       std::vector<GdeltLayout>{{61, {52, 53, 56, 57, 59, 60}}});
}

}  // namespace entente::io
