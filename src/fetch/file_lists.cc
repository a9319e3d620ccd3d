#include "fetch/file_lists.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace entente::fetch {
namespace {

std::string ReadSmallFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

bool WriteSmallFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text << '\n';
  return bool(out);
}

std::string Age(int64_t seconds) {
  if (seconds < 120) return fmt::format("{} s", seconds);
  if (seconds < 7200) return fmt::format("{} min", seconds / 60);
  if (seconds < 172800) return fmt::format("{} h", seconds / 3600);
  return fmt::format("{} days", seconds / 86400);
}

// Makes sure ListPath(name) holds a usable copy of base_url + name.
Status EnsureList(const ListRequest& request, const FileCache& cache, HttpClient* http,
                  const std::string& name, ListReport* report) {
  std::string path = cache.ListPath(name);
  std::string url = request.base_url + name;
  int64_t size = 0, mtime_ns = 0;
  bool have = StatFile(path, &size, &mtime_ns) && ReadSmallFile(path + ".url") == url;
  int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  int64_t age_s = have ? now_s - mtime_ns / 1000000000 : 0;
  if (have && age_s < int64_t(request.max_age_minutes) * 60) return Status::Ok();

  std::string tmp = path + ".tmp";
  HttpOutcome got = http->GetFile(url, tmp, have ? time_t(mtime_ns / 1000000000) : 0);
  if (got.kind == HttpKind::kNotModified) {
    std::error_code ec;
    std::filesystem::last_write_time(path, std::filesystem::file_time_type::clock::now(), ec);
    std::filesystem::remove(tmp, ec);
    report->downloaded.push_back(name + " (unchanged)");
    return Status::Ok();
  }
  if (got.kind == HttpKind::kOk) {
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) return Status::IOError(fmt::format("{}: cannot replace: {}", path, ec.message()));
    if (!WriteSmallFile(path + ".url", url)) {
      return Status::IOError(fmt::format("{}.url: cannot write", path));
    }
    report->downloaded.push_back(name);
    return Status::Ok();
  }
  std::error_code ec;
  std::filesystem::remove(tmp, ec);
  if (have) {
    report->notes.push_back(fmt::format("could not refresh {} ({}); using the cached copy, {} old",
                                        url, got.error, Age(age_s)));
    return Status::Ok();
  }
  return Status::Network(fmt::format("{}: cannot download the file list: {}", url, got.error));
}

}  // namespace

std::vector<std::string> ListNames(GdeltVersion version) {
  if (version == GdeltVersion::kV2) return {"masterfilelist.txt"};
  return {"md5sums", "filesizes"};
}

Result<std::vector<RemoteFile>> LoadFileList(const ListRequest& request, const FileCache& cache,
                                             HttpClient* http, ListReport* report) {
  for (const std::string& name : ListNames(request.version)) {
    RETURN_IF_ERROR(EnsureList(request, cache, http, name, report));
  }
  FileListBuilder builder(request.version, request.base_url, request.from, request.to);
  if (request.version == GdeltVersion::kV2) {
    RETURN_IF_ERROR(ForEachLineInFile(cache.ListPath("masterfilelist.txt"),
                                      [&](std::string_view l) { builder.AddMasterListLine(l); }));
  } else {
    RETURN_IF_ERROR(ForEachLineInFile(cache.ListPath("md5sums"),
                                      [&](std::string_view l) { builder.AddMd5sumsLine(l); }));
    RETURN_IF_ERROR(ForEachLineInFile(cache.ListPath("filesizes"),
                                      [&](std::string_view l) { builder.AddFilesizesLine(l); }));
  }
  report->stats = builder.stats();
  return builder.Finish();
}

}  // namespace entente::fetch
