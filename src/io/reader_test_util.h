// Test-only helpers for the reader tests: authored GDELT rows, and gz/zip containers built in
// memory with zlib and libarchive (so no binary fixtures need to be checked in).
#ifndef ENTENTE_IO_READER_TEST_UTIL_H_
#define ENTENTE_IO_READER_TEST_UTIL_H_

#include <string>
#include <utility>
#include <vector>

#include "core/event.h"
#include "io/reader.h"
#include "io/reject_sinks.h"

namespace entente::io::testutil {

// A GDELT 2.0 row (61 fields) with the given values and plausible others.
std::string Gdelt2Row(int64_t id, const std::string& date, const std::string& actor1,
                      const std::string& country1, const std::string& actor2,
                      const std::string& country2, const std::string& code);
// The same event as a GDELT 1.0 daily row (58 fields) or historical row (57 fields).
std::string Gdelt1Row(int64_t id, const std::string& date, const std::string& actor1,
                      const std::string& actor2, const std::string& code, bool with_url);

std::string Gzip(const std::string& bytes);
std::string Zip(const std::vector<std::pair<std::string, std::string>>& members);
// A zip whose members are each deflated or stored as asked.
struct ZipMember {
  std::string name;
  std::string data;
  bool stored = false;
};
std::string ZipMembers(const std::vector<ZipMember>& members);

struct ReadResult {
  Status status;
  ReadStats stats;
  std::vector<Event> events;
  std::vector<Reject> rejects;
};
ReadResult ReadBytes(const std::string& name, const std::string& bytes,
                     Format format = Format::kAuto);
ReadResult ReadFile(const std::string& path, Format format = Format::kAuto);

}  // namespace entente::io::testutil

#endif  // ENTENTE_IO_READER_TEST_UTIL_H_
