// Which dataset a stream holds, decided from its first lines — never from the file name, since
// GDELT's ".CSV" files are tab-separated and users rename things. Decision order:
//   1. binary bytes (NUL, many control bytes) -> error, the file is not a recognised event file;
//   2. a JSON object on the first line -> entente JSONL;
//   3. a header naming known columns -> ICEWS ("Event Date", "CAMEO Code"), chronicle ("id",
//      "date", "source", "source_name", "code"), Phoenix ("EventID", "SourceActorFull"), GDELT
//      ("GLOBALEVENTID", then 57/58 or 61 names);
//   4. field counts of the first data lines: 57/58 -> GDELT 1.0, 61 -> GDELT 2.0, 26 with a
//      YYYYMMDD second field -> Phoenix. A 16-column GDELT mentions file and comma-separated GDELT
//      get their own clear errors; anything else is "not a recognised event file".
// The first line that matches decides, so one malformed first row does not sink a good file.
#ifndef ENTENTE_IO_FORMAT_DETECT_H_
#define ENTENTE_IO_FORMAT_DETECT_H_

#include <string_view>

#include "core/status.h"
#include "io/reader.h"

namespace entente::io {

inline constexpr size_t kDetectBytes = 64 << 10;  // what detection looks at
inline constexpr int kDetectLines = 20;

// `head` is the start of the stream (`complete` when it is the whole stream). Returns kAuto when
// `head` has no non-blank line (an empty file, or blank lines only so far: the caller then asks
// again with the first line that has text), else the format, else an InvalidArgument error whose
// message starts with `name`.
Result<Format> DetectFormat(std::string_view name, std::string_view head, bool complete);

}  // namespace entente::io

#endif  // ENTENTE_IO_FORMAT_DETECT_H_
