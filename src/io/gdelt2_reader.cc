// GDELT 2.0 events: 61 columns (the 15-minute export files since 2015-02-18, and the
// translingual stream). Each geo block has ADM2Code, so the action geo sits two fields later than
// in 1.0; DATEADDED is YYYYMMDDHHMMSS.
#include <fmt/format.h>

#include "io/gdelt_columns.h"
#include "io/row_parser.h"

namespace entente::io {
namespace {

// 0-based: ActionGeo_FullName 52, CountryCode 53, Lat 56, Long 57; DATEADDED 59; SOURCEURL 60.
constexpr GdeltTail kTail{52, 53, 56, 57, 59, 60};

class Gdelt2Parser : public RowParser {
 public:
  Result<bool> Header(std::string_view line) override { return IsGdeltHeader(line); }
  bool SetsEveryField() const override { return true; }  // ParseGdeltCore + ParseGdeltTail

  bool Parse(std::string_view line, EventRow* row, RowError* err) override {
    bool ascii = false;
    int n = SplitTabs(line, fields_, kGdeltMaxFields, &ascii);
    if (n != 61) {
      if (n == 1 && line.find(',') != std::string_view::npos) {
        return Fail(err, 0, "no tabs: GDELT rows are tab-separated (comma-separated?)");
      }
      return Fail(err, 0, fmt::format("expected 61 fields (GDELT 2.0), found {}", n));
    }
    if (!ascii && !CheckLineUtf8(line, err)) return false;
    const char* end = line.data() + line.size();
    row->dataset = "gdelt2";
    if (!ParseGdeltCore(fields_, end, row, err)) return false;
    return ParseGdeltTail(fields_, kTail, end, row, err);
  }

 private:
  std::string_view fields_[kGdeltMaxFields];
};

}  // namespace

std::unique_ptr<RowParser> MakeGdelt2Parser() { return std::make_unique<Gdelt2Parser>(); }

}  // namespace entente::io
