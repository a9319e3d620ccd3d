// A .zip file read member by member with libarchive, streaming: local headers are read in order
// and each member's data is inflated as the reader pulls it, so memory stays constant and rows of
// a truncated archive that precede the cut are still delivered. (The central directory at the end
// is not consulted; GDELT's zips hold one member and are written front to back.)
//
// Every regular-file member is read; directories are skipped. A truncated or corrupt archive is a
// Corruption error naming "path!member".
#ifndef ENTENTE_IO_ZIP_ARCHIVE_H_
#define ENTENTE_IO_ZIP_ARCHIVE_H_

#include <memory>
#include <string>
#include <string_view>

#include "io/byte_stream.h"

struct archive;

namespace entente::io {

class ZipArchive {
 public:
  ZipArchive();
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  Status OpenFile(const std::string& path);
  // REQUIRES: `bytes` outlives the archive.
  Status OpenMemory(std::string_view name, std::string_view bytes);

  // Moves to the next regular-file member; false at the end of the archive.
  Result<bool> NextMember();
  const std::string& member_name() const { return member_; }
  // The current member's bytes. Valid until the next NextMember().
  ByteStream* member_stream();
  // After the last member: checks that the archive ends with its end-of-central-directory record,
  // so that a download cut inside the trailing directory is still reported as truncated, and that
  // the directory lists as many members as were read.
  Status CheckComplete() const;

 private:
  class MemberStream;
  std::string name_;
  std::string path_;         // set by OpenFile
  std::string_view memory_;  // set by OpenMemory
  std::string member_;
  unsigned members_seen_ = 0;  // every entry, directories too (the central directory counts them)
  const struct ArchiveApi* api_ = nullptr;  // null when libarchive cannot be loaded
  Status load_status_;
  archive* a_ = nullptr;
  std::unique_ptr<MemberStream> stream_;
};

}  // namespace entente::io

#endif  // ENTENTE_IO_ZIP_ARCHIVE_H_
