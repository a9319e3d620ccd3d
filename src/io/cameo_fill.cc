#include "io/cameo_fill.h"

#include <algorithm>
#include <cmath>

#include "core/cameo.h"
#include "io/fields.h"

namespace entente::io {

std::string_view CanonicalCameoCode(std::string_view code, std::string* scratch) {
  if (code.empty() || !AllDigits(code)) return code;
  if (const EventCodeInfo* info = LookupEventCode(code)) return info->code;
  // Lost leading zero: try it back ("40" -> "040", "314" -> "0314").
  if (code.size() <= 3) {
    scratch->clear();
    scratch->push_back('0');
    scratch->insert(scratch->end(), code.begin(), code.end());
    if (const EventCodeInfo* info = LookupEventCode(*scratch)) return info->code;
    if (code.size() < 3) {
      // No codebook entry either way: a one- or two-digit ICEWS code is a three-digit one.
      scratch->assign(3 - code.size(), '0');
      scratch->insert(scratch->end(), code.begin(), code.end());
      return *scratch;
    }
  }
  return code;
}

void FillFromCodebook(EventRow* row, bool fill_goldstein) {
  const EventCodeInfo* info = LookupEventCode(row->code);
  if (row->root_code.empty()) row->root_code = info ? info->root : RootOf(row->code);
  if (row->base_code.empty()) {
    row->base_code = info ? info->base : row->code.substr(0, std::min<size_t>(3, row->code.size()));
  }
  if (row->quad == 0) row->quad = static_cast<int8_t>(QuadClassOfRoot(row->root_code));
  if (fill_goldstein && std::isnan(row->goldstein) && info) row->goldstein = info->goldstein;
}

}  // namespace entente::io
