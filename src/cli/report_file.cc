#include "cli/report_file.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

namespace entente::cli {

Status WriteReportFile(const std::string& path, const std::string& bytes) {
  std::error_code ec;
  std::filesystem::path p(path);
  if (p.has_parent_path()) {
    std::filesystem::create_directories(p.parent_path(), ec);
    if (ec) {
      return Status::IOError(
          fmt::format("{}: cannot create directory: {}", p.parent_path().string(), ec.message()));
    }
  }
  // Written beside the target and renamed over it, so a reader never sees half a report. Errors
  // name the file the user asked for; the temporary name would only puzzle them.
  std::string tmp = fmt::format("{}.tmp-{}", path, getpid());
  std::FILE* out = std::fopen(tmp.c_str(), "wb");
  if (out == nullptr) {
    return Status::IOError(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
  }
  bool written = std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
  int write_errno = errno;
  if (std::fclose(out) != 0 && written) {
    written = false;
    write_errno = errno;
  }
  if (!written) {
    std::filesystem::remove(tmp, ec);
    return Status::IOError(fmt::format("{}: cannot write: {}", path, std::strerror(write_errno)));
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    return Status::IOError(fmt::format("{}: cannot replace: {}", path, ec.message()));
  }
  return Status::Ok();
}

std::string TodayUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace entente::cli
