#include "io/zip_archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <sys/stat.h>

namespace entente::io {

class ZipArchive::MemberStream : public ByteStream {
 public:
  MemberStream(archive* a, std::string name) : a_(a), name_(std::move(name)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    la_ssize_t got = archive_read_data(a_, buf, n);
    if (got < 0) {
      const char* why = archive_error_string(a_);
      return Status::Corruption(
          fmt::format("{}: truncated or corrupt zip data: {}", name_, why ? why : "read failed"));
    }
    return static_cast<size_t>(got);
  }
  int64_t RawPosition() const override { return archive_filter_bytes(a_, -1); }

 private:
  archive* a_;
  std::string name_;
};

ByteStream* ZipArchive::member_stream() { return stream_.get(); }

ZipArchive::ZipArchive() {
  a_ = archive_read_new();
  archive_read_support_format_zip_streamable(a_);
  archive_read_support_filter_none(a_);
}

ZipArchive::~ZipArchive() {
  if (a_) archive_read_free(a_);
}

Status ZipArchive::OpenFile(const std::string& path) {
  name_ = path;
  if (archive_read_open_filename(a_, path.c_str(), 1 << 20) != ARCHIVE_OK) {
    const char* why = archive_error_string(a_);
    return Status::IOError(fmt::format("{}: cannot open zip: {}", path, why ? why : "?"));
  }
  return Status::Ok();
}

Status ZipArchive::OpenMemory(std::string_view name, std::string_view bytes) {
  name_ = std::string(name);
  if (archive_read_open_memory(a_, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    const char* why = archive_error_string(a_);
    return Status::IOError(fmt::format("{}: cannot open zip: {}", name_, why ? why : "?"));
  }
  return Status::Ok();
}

Result<bool> ZipArchive::NextMember() {
  for (;;) {
    archive_entry* entry = nullptr;
    int rc = archive_read_next_header(a_, &entry);
    if (rc == ARCHIVE_EOF) return false;
    if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
      const char* why = archive_error_string(a_);
      std::string where = member_.empty() ? name_ : name_ + "!" + member_;
      return Status::Corruption(
          fmt::format("{}: truncated or corrupt zip archive: {}", where, why ? why : "bad header"));
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    const char* p = archive_entry_pathname(entry);
    member_ = p ? p : "";
    stream_ = std::make_unique<MemberStream>(a_, name_ + "!" + member_);
    return true;
  }
}

}  // namespace entente::io
