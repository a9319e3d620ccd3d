#include "io/zip_archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace entente::io {

class ZipArchive::MemberStream : public ByteStream {
 public:
  MemberStream(archive* a, std::string name) : a_(a), name_(std::move(name)) {}
  // Block by block (archive_read_data_block), not archive_read_data: the latter fills the whole
  // request and, when the archive is cut short, drops what it had already inflated.
  //
  // A block may be empty without the member having ended: when a deflated member's data starts a
  // few bytes before the end of libarchive's read buffer, inflating those bytes yields nothing.
  // Only ARCHIVE_EOF ends a member; returning 0 for an empty block would drop the member silently.
  Result<size_t> Read(char* buf, size_t n) override {
    while (pending_.empty()) {
      const void* block = nullptr;
      size_t size = 0;
      la_int64_t offset = 0;
      int rc = archive_read_data_block(a_, &block, &size, &offset);
      if (rc == ARCHIVE_EOF) return size_t{0};
      if (rc < ARCHIVE_WARN) {
        const char* why = archive_error_string(a_);
        return Status::Corruption(
            fmt::format("{}: truncated or corrupt zip data: {}", name_, why ? why : "read failed"));
      }
      pending_ = std::string_view(static_cast<const char*>(block), size);
    }
    size_t k = std::min(n, pending_.size());
    std::memcpy(buf, pending_.data(), k);
    pending_.remove_prefix(k);
    return k;
  }
  int64_t RawPosition() const override { return archive_filter_bytes(a_, -1); }

 private:
  archive* a_;
  std::string name_;
  std::string_view pending_;  // the rest of the last block (owned by libarchive)
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
  path_ = path;
  if (archive_read_open_filename(a_, path.c_str(), 1 << 20) != ARCHIVE_OK) {
    const char* why = archive_error_string(a_);
    return Status::IOError(fmt::format("{}: cannot open zip: {}", path, why ? why : "?"));
  }
  return Status::Ok();
}

Status ZipArchive::OpenMemory(std::string_view name, std::string_view bytes) {
  name_ = std::string(name);
  memory_ = bytes;
  if (archive_read_open_memory(a_, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    const char* why = archive_error_string(a_);
    return Status::IOError(fmt::format("{}: cannot open zip: {}", name_, why ? why : "?"));
  }
  return Status::Ok();
}

Status ZipArchive::CheckComplete() const {
  // The record is 22 bytes plus a comment of at most 65535 bytes.
  constexpr size_t kTail = 22 + 65535;
  std::string tail;
  if (!path_.empty()) {
    std::FILE* f = std::fopen(path_.c_str(), "rb");
    if (!f) return Status::IOError(fmt::format("{}: cannot reopen zip", name_));
    std::fseek(f, 0, SEEK_END);
    long size = std::ftell(f);
    long start = size > static_cast<long>(kTail) ? size - static_cast<long>(kTail) : 0;
    std::fseek(f, start, SEEK_SET);
    tail.resize(static_cast<size_t>(size - start));
    tail.resize(std::fread(tail.data(), 1, tail.size(), f));
    std::fclose(f);
  } else {
    tail = std::string(memory_.substr(memory_.size() > kTail ? memory_.size() - kTail : 0));
  }
  size_t at = tail.rfind(std::string_view("PK\x05\x06", 4));
  if (at == std::string::npos || tail.size() - at < 22) {
    return Status::Corruption(fmt::format(
        "{}: truncated zip archive (its end-of-central-directory record is missing)", name_));
  }
  // The members were read front to back from their local headers; the central directory says how
  // many there are. A difference means members were skipped: an error, never a smaller input.
  // (0xFFFF: a ZIP64 archive keeps the real count elsewhere; not checked.)
  const auto* rec = reinterpret_cast<const unsigned char*>(tail.data() + at);
  const unsigned listed = rec[10] | (rec[11] << 8);
  if (listed != 0xFFFF && listed != members_seen_) {
    return Status::Corruption(
        fmt::format("{}: the zip's central directory lists {} members but {} were read", name_,
                    listed, members_seen_));
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
    ++members_seen_;
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    const char* p = archive_entry_pathname(entry);
    member_ = p ? p : "";
    stream_ = std::make_unique<MemberStream>(a_, name_ + "!" + member_);
    return true;
  }
}

}  // namespace entente::io
