// GDELT 1.0 events: 57 columns in the historical backfile (to 2013-03-31), 58 in the daily files
// (SOURCEURL added). Real files and re-exports mix both, so the layout is chosen per row by its
// field count; any other count is a reject.
#include <fmt/format.h>

#include "io/gdelt_columns.h"
#include "io/row_parser.h"

namespace entente::io {
namespace {

// 0-based: ActionGeo_FullName 50, CountryCode 51, Lat 53, Long 54; DATEADDED 56; SOURCEURL 57.
constexpr GdeltTail kHistorical{50, 51, 53, 54, 56, -1};
constexpr GdeltTail kDaily{50, 51, 53, 54, 56, 57};

class Gdelt1Parser : public RowParser {
 public:
  Result<bool> Header(std::string_view line) override { return IsGdeltHeader(line); }
  bool SetsEveryField() const override { return true; }  // ParseGdeltCore + ParseGdeltTail

  bool Parse(std::string_view line, EventRow* row, RowError* err) override {
    bool ascii = false;
    int n = SplitTabs(line, fields_, kGdeltMaxFields, &ascii);
    if (n != 57 && n != 58) {
      if (n == 1 && line.find(',') != std::string_view::npos) {
        return Fail(err, 0, "no tabs: GDELT rows are tab-separated (comma-separated?)");
      }
      return Fail(err, 0, fmt::format("expected 57 or 58 fields (GDELT 1.0), found {}", n));
    }
    if (!ascii && !CheckLineUtf8(line, err)) return false;
    const char* end = line.data() + line.size();
    row->dataset = "gdelt1";
    if (!ParseGdeltCore(fields_, end, row, err)) return false;
    return ParseGdeltTail(fields_, n == 57 ? kHistorical : kDaily, end, row, err);
  }

 private:
  std::string_view fields_[kGdeltMaxFields];
};

}  // namespace

std::unique_ptr<RowParser> MakeGdelt1Parser() { return std::make_unique<Gdelt1Parser>(); }

}  // namespace entente::io
