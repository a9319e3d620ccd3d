// The columns every GDELT event layout shares (1.0 historical 57, 1.0 daily 58, 2.0 61): fields
// 1-35, GLOBALEVENTID through AvgTone. The layouts differ only in the geo blocks after them (2.0
// adds ADM2Code to each) and in DATEADDED/SOURCEURL. Column meanings: docs/FORMATS.md.
#ifndef ENTENTE_IO_GDELT_COLUMNS_H_
#define ENTENTE_IO_GDELT_COLUMNS_H_

#include <string_view>

#include "core/event.h"
#include "io/fields.h"

namespace entente::io {

inline constexpr int kGdeltMaxFields = 64;

// Where the action geo, DATEADDED and SOURCEURL sit in one layout (0-based field indexes).
struct GdeltTail {
  int geo_name, geo_country, lat, lon, date_added, url;  // url = -1 when the layout has none
};

// Parses fields 1-35 of `f` into *row (dataset left to the caller). Views point into `f`.
// `line_end` is the end of the line the fields were split from (numbers are read word-wise).
bool ParseGdeltCore(const std::string_view* f, const char* line_end, EventRow* row, RowError* err);
// Parses the action geo, DATEADDED and SOURCEURL at the positions in `tail`, and clears the
// fields GDELT does not have (sector, text, citation). On success the two together set every
// field of *row but `dataset` (RowParser::SetsEveryField).
bool ParseGdeltTail(const std::string_view* f, const GdeltTail& tail, const char* line_end,
                    EventRow* row, RowError* err);
// A GDELT header line (first field "GLOBALEVENTID"), as some exports and tools add.
bool IsGdeltHeader(std::string_view line);

}  // namespace entente::io

#endif  // ENTENTE_IO_GDELT_COLUMNS_H_
