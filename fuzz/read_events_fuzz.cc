// Any bytes through every event reader. The first byte picks the format (auto-detection
// included), the rest is the file. A reader may reject rows or the whole input, but must not
// crash, hang or hand out an event whose codes are not text of the expected shape.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/fuzz_target.h"
#include "io/reader.h"

using entente::EventRow;
namespace io = entente::io;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr io::Format kFormats[] = {
      io::Format::kAuto,    io::Format::kGdelt1, io::Format::kGdelt2,   io::Format::kIcews,
      io::Format::kPhoenix, io::Format::kJsonl,  io::Format::kChronicle};
  io::ReadOptions options;
  options.format = kFormats[data[0] % std::size(kFormats)];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  io::ReadStats stats;
  int64_t seen = 0;
  entente::Status st = io::ReadEventBytes(
      "fuzz-input", bytes, options,
      [&](const EventRow& e) {
        ++seen;
        // Codes are digits; a reader that lets anything else through has a parsing bug.
        for (char c : std::string_view(e.code)) {
          if (c < '0' || c > '9') {
            std::fprintf(stderr, "event code '%s' is not digits (format %d)\n",
                         std::string(e.code).c_str(), static_cast<int>(options.format));
            std::abort();
          }
        }
        return true;
      },
      &stats);
  // Every row is either an event or a reject: none silently dropped.
  if (st.ok() && (stats.events != seen || stats.rows < stats.events)) {
    std::fprintf(stderr, "counts disagree: rows %lld events %lld seen %lld\n",
                 static_cast<long long>(stats.rows), static_cast<long long>(stats.events),
                 static_cast<long long>(seen));
    std::abort();
  }
  return 0;
}
