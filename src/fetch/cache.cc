#include "fetch/cache.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "core/tsv.h"

namespace entente::fetch {
namespace {

constexpr std::string_view kJournalHeader = "# entente fetch verified v1";

}  // namespace

std::string DefaultCacheDir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/entente/gdelt";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.cache/entente/gdelt";
}

bool StatFile(const std::string& path, int64_t* size, int64_t* mtime_ns) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  *size = st.st_size;
  *mtime_ns = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

FileCache::FileCache(std::string root, GdeltVersion version)
    : root_(std::move(root)), version_(version) {}

std::string FileCache::dir() const {
  return fmt::format("{}/v{}", root_, version_ == GdeltVersion::kV1 ? 1 : 2);
}

Status FileCache::Load() {
  std::error_code ec;
  for (const char* sub : {"/files", "/quarantine"}) {
    std::filesystem::create_directories(dir() + sub, ec);
    if (ec) {
      return Status::IOError(
          fmt::format("{}{}: cannot create the cache directory: {}", dir(), sub, ec.message()));
    }
  }
  std::string path = dir() + "/verified.tsv";
  int64_t size, mtime;
  if (!StatFile(path, &size, &mtime)) return Status::Ok();
  bool first = true;
  int line_no = 0;
  Status bad;
  RETURN_IF_ERROR(ForEachLineInFile(path, [&](std::string_view line) {
    ++line_no;
    if (first) {
      first = false;
      if (line != kJournalHeader && bad.ok()) {
        bad = Status::Corruption(
            fmt::format("{}:1: not an entente fetch journal (expected '{}'); delete it to "
                        "re-verify the cache",
                        path, kJournalHeader));
      }
      return;
    }
    std::vector<std::string_view> f;
    SplitFields(line, '\t', &f);
    if (f.size() != 4) return;  // a torn last line after a crash: ignore it
    Entry e;
    e.size = std::atoll(std::string(f[1]).c_str());
    e.md5 = std::string(f[2]);
    e.mtime_ns = std::atoll(std::string(f[3]).c_str());
    journal_[std::string(f[0])] = std::move(e);  // later lines win
  }));
  return bad;
}

bool FileCache::IsVerified(const RemoteFile& file) const {
  auto it = journal_.find(file.name);
  if (it == journal_.end()) return false;
  int64_t size, mtime;
  if (!StatFile(FilePath(file.name), &size, &mtime)) return false;
  const Entry& e = it->second;
  if (size != e.size || mtime != e.mtime_ns) return false;
  if (file.size >= 0 && file.size != size) return false;
  return file.md5.empty() || file.md5 == e.md5;
}

Status FileCache::Record(const std::string& name, const std::string& md5) {
  Entry e;
  if (!StatFile(FilePath(name), &e.size, &e.mtime_ns)) {
    return Status::IOError(fmt::format("{}: vanished after verification", FilePath(name)));
  }
  e.md5 = md5;
  std::string path = dir() + "/verified.tsv";
  int64_t size, mtime;
  bool fresh = !StatFile(path, &size, &mtime) || size == 0;
  FILE* f = std::fopen(path.c_str(), "a");
  if (!f) return Status::IOError(fmt::format("{}: cannot append: {}", path, std::strerror(errno)));
  std::string text;
  if (fresh) text = fmt::format("{}\n", kJournalHeader);
  text += fmt::format("{}\t{}\t{}\t{}\n", name, e.size, e.md5, e.mtime_ns);
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  ok &= std::fclose(f) == 0;
  if (!ok) return Status::IOError(fmt::format("{}: write failed", path));
  journal_[name] = std::move(e);
  return Status::Ok();
}

}  // namespace entente::fetch
