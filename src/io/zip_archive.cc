#include "io/zip_archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/shared_library.h"

namespace entente::io {

// The part of libarchive entente uses, opened on first use (core/shared_library.h says why).
struct ArchiveApi {
  decltype(&::archive_read_new) read_new;
  decltype(&::archive_read_support_format_zip_streamable) support_format_zip_streamable;
  decltype(&::archive_read_support_filter_none) support_filter_none;
  decltype(&::archive_read_free) read_free;
  decltype(&::archive_read_open_filename) open_filename;
  decltype(&::archive_read_open_memory) open_memory;
  decltype(&::archive_read_next_header) next_header;
  decltype(&::archive_read_data_block) data_block;
  decltype(&::archive_error_string) error_string;
  decltype(&::archive_filter_bytes) filter_bytes;
  decltype(&::archive_entry_filetype) entry_filetype;
  decltype(&::archive_entry_pathname) entry_pathname;
};

namespace {

constexpr const char* kArchiveSoname = "libarchive.so.13";

Result<ArchiveApi> LoadArchive() {
  ASSIGN_OR_RETURN(void* lib, OpenSharedLibrary(kArchiveSoname, "the Debian package libarchive13"));
  ArchiveApi a{};
  auto bind = [&](const char* name, auto* fn) { return BindSymbol(lib, kArchiveSoname, name, fn); };
  RETURN_IF_ERROR(bind("archive_read_new", &a.read_new));
  RETURN_IF_ERROR(
      bind("archive_read_support_format_zip_streamable", &a.support_format_zip_streamable));
  RETURN_IF_ERROR(bind("archive_read_support_filter_none", &a.support_filter_none));
  RETURN_IF_ERROR(bind("archive_read_free", &a.read_free));
  RETURN_IF_ERROR(bind("archive_read_open_filename", &a.open_filename));
  RETURN_IF_ERROR(bind("archive_read_open_memory", &a.open_memory));
  RETURN_IF_ERROR(bind("archive_read_next_header", &a.next_header));
  RETURN_IF_ERROR(bind("archive_read_data_block", &a.data_block));
  RETURN_IF_ERROR(bind("archive_error_string", &a.error_string));
  RETURN_IF_ERROR(bind("archive_filter_bytes", &a.filter_bytes));
  RETURN_IF_ERROR(bind("archive_entry_filetype", &a.entry_filetype));
  RETURN_IF_ERROR(bind("archive_entry_pathname", &a.entry_pathname));
  return a;
}

Result<const ArchiveApi*> Archive() {
  static const Result<ArchiveApi> api = LoadArchive();  // thread-safe static initialisation
  if (!api.ok()) return api.status();
  return &api.value();
}

}  // namespace

class ZipArchive::MemberStream : public ByteStream {
 public:
  MemberStream(const ArchiveApi* api, archive* a, std::string name)
      : api_(api), a_(a), name_(std::move(name)) {}
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
      int rc = api_->data_block(a_, &block, &size, &offset);
      if (rc == ARCHIVE_EOF) return size_t{0};
      if (rc < ARCHIVE_WARN) {
        const char* why = api_->error_string(a_);
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
  int64_t RawPosition() const override { return api_->filter_bytes(a_, -1); }

 private:
  const ArchiveApi* api_;
  archive* a_;
  std::string name_;
  std::string_view pending_;  // the rest of the last block (owned by libarchive)
};

ByteStream* ZipArchive::member_stream() { return stream_.get(); }

ZipArchive::ZipArchive() {
  Result<const ArchiveApi*> api = Archive();
  if (!api.ok()) {
    load_status_ = api.status();
    return;
  }
  api_ = *api;
  a_ = api_->read_new();
  api_->support_format_zip_streamable(a_);
  api_->support_filter_none(a_);
}

ZipArchive::~ZipArchive() {
  if (a_) api_->read_free(a_);
}

Status ZipArchive::OpenFile(const std::string& path) {
  name_ = path;
  path_ = path;
  if (!api_) return Status::NotSupported(fmt::format("{}: {}", path, load_status_.message()));
  if (api_->open_filename(a_, path.c_str(), 1 << 20) != ARCHIVE_OK) {
    const char* why = api_->error_string(a_);
    return Status::IOError(fmt::format("{}: cannot open zip: {}", path, why ? why : "?"));
  }
  return Status::Ok();
}

Status ZipArchive::OpenMemory(std::string_view name, std::string_view bytes) {
  name_ = std::string(name);
  memory_ = bytes;
  if (!api_) return Status::NotSupported(fmt::format("{}: {}", name_, load_status_.message()));
  if (api_->open_memory(a_, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    const char* why = api_->error_string(a_);
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
    int rc = api_->next_header(a_, &entry);
    if (rc == ARCHIVE_EOF) return false;
    if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
      const char* why = api_->error_string(a_);
      std::string where = member_.empty() ? name_ : name_ + "!" + member_;
      return Status::Corruption(
          fmt::format("{}: truncated or corrupt zip archive: {}", where, why ? why : "bad header"));
    }
    ++members_seen_;
    if (api_->entry_filetype(entry) != AE_IFREG) continue;
    const char* p = api_->entry_pathname(entry);
    member_ = p ? p : "";
    stream_ = std::make_unique<MemberStream>(api_, a_, name_ + "!" + member_);
    return true;
  }
}

}  // namespace entente::io
