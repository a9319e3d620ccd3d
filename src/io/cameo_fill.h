// Filling in what a dataset leaves out from the CAMEO codebook (core/cameo.h): root, base,
// QuadClass and Goldstein weight from the event code. Used by the readers whose sources give only
// a code (ICEWS, chronicle, JSONL written by hand). GDELT rows carry all of these and are kept as
// published.
#ifndef ENTENTE_IO_CAMEO_FILL_H_
#define ENTENTE_IO_CAMEO_FILL_H_

#include <string>
#include <string_view>

#include "core/event.h"

namespace entente::io {

// A code as written by a dataset, made canonical: ICEWS exports sometimes lose leading zeros
// ("40" for "040", "314" for "0314"). Returns a view of `code` or of a codebook entry, or writes
// the padded code to *scratch and returns a view of it.
std::string_view CanonicalCameoCode(std::string_view code, std::string* scratch);

// Sets base_code, root_code and quad (when unset) and goldstein (when NaN and `fill_goldstein`)
// from row->code. Views point into the codebook or into row->code.
void FillFromCodebook(EventRow* row, bool fill_goldstein);

}  // namespace entente::io

#endif  // ENTENTE_IO_CAMEO_FILL_H_
