#include "cli/exit_codes.h"

#include <cstdio>

#include "cli/table_capture.h"

namespace entente::cli {

int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotSupported: return kExitBadInput;
    case StatusCode::kCorruption:
    case StatusCode::kBusy:
    case StatusCode::kStoreError: return kExitStore;
    case StatusCode::kIOError: return kExitFailure;
    case StatusCode::kNetwork: return kExitNetwork;
    case StatusCode::kNotFound: return kExitNotFound;
  }
  return kExitFailure;
}

int ReportError(const Status& s) {
  if (TableCapture* capture = TableCapture::Active()) {
    capture->RecordError(s.message(), s.code());
    return ExitCodeFor(s);
  }
  std::fprintf(stderr, "entente: %s\n", s.message().c_str());
  return ExitCodeFor(s);
}

}  // namespace entente::cli
