// Reading event files as published: GDELT 1.0 (57/58 columns, per row), GDELT 2.0 (61 columns),
// ICEWS (header-driven), Phoenix, entente's own JSON Lines, and the chronicle TSV. Plain, .gz or
// .zip (every member), detected from the bytes, not the name. Streaming with constant memory.
//
// A bad row never stops a read: it goes to the RejectSink (file, line, byte offset, field, reason,
// raw text) and is counted. A file that cannot be opened or recognised at all is an error Status
// that names it.
#ifndef ENTENTE_IO_READER_H_
#define ENTENTE_IO_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/event.h"
#include "core/reject.h"
#include "core/status.h"

namespace entente::io {

enum class Format { kAuto, kGdelt1, kGdelt2, kIcews, kPhoenix, kJsonl, kChronicle };

Result<Format> ParseFormat(
    std::string_view text);  // auto|gdelt1|gdelt2|icews|phoenix|jsonl|chronicle
std::string_view FormatName(Format f);

struct ReadStats {
  int64_t rows = 0;               // data lines seen (headers excluded)
  int64_t events = 0;             // rows handed to the visitor
  int64_t rejected = 0;           // rows sent to the reject sink
  int64_t bytes = 0;              // bytes consumed (decompressed)
  Format format = Format::kAuto;  // what was detected
};

struct ReadOptions {
  Format format = Format::kAuto;
  RejectSink* rejects = nullptr;  // not owned; may be null (rejects are then only counted)
  // Called now and then with compressed bytes read so far and the file size (for progress bars).
  std::function<void(int64_t done, int64_t total)> progress;
};

// Calls `visit` for each event in the file; stops early (OK status) when it returns false.
// REQUIRES: the EventRow is used only during the call.
Status ReadEventFile(const std::string& path, const ReadOptions& options,
                     const std::function<bool(const EventRow&)>& visit, ReadStats* stats);

// The same for bytes already in memory; `name` is used in messages and rejects.
Status ReadEventBytes(std::string_view name, std::string_view bytes, const ReadOptions& options,
                      const std::function<bool(const EventRow&)>& visit, ReadStats* stats);

}  // namespace entente::io

#endif  // ENTENTE_IO_READER_H_
