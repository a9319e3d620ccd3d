#include "fetch/master_list.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>

#include "core/tsv.h"
#include "core/words.h"

namespace entente::fetch {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int Number(std::string_view digits) {
  int v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

bool IsMd5(std::string_view s) {
  return s.size() == 32 && std::all_of(s.begin(), s.end(), [](char c) {
           return std::isxdigit(static_cast<unsigned char>(c));
         });
}

bool ParseSize(std::string_view s, int64_t* out) {
  if (!AllDigits(s)) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

std::string_view BaseName(std::string_view url) {
  size_t slash = url.rfind('/');
  return slash == std::string_view::npos ? url : url.substr(slash + 1);
}

}  // namespace

std::string_view DefaultBaseUrl(GdeltVersion version) {
  return version == GdeltVersion::kV2 ? "http://data.gdeltproject.org/gdeltv2/"
                                      : "http://data.gdeltproject.org/events/";
}

bool CoverageOfName(GdeltVersion version, std::string_view name, Days* first, Days* last) {
  constexpr std::string_view kExport = ".export.CSV.zip";
  if (version == GdeltVersion::kV2) {
    // YYYYMMDDHHMMSS.export.CSV.zip
    if (name.size() != 14 + kExport.size() || !name.ends_with(kExport)) return false;
    std::string_view stamp = name.substr(0, 14);
    if (!AllDigits(stamp) || !ParseYmdCompact(stamp.substr(0, 8), first)) return false;
    if (Number(stamp.substr(8, 2)) > 23 || Number(stamp.substr(10, 2)) > 59) return false;
    *last = *first;
    return true;
  }
  if (name.size() == 8 + kExport.size() && name.ends_with(kExport)) {  // daily, from 2013-04-01
    if (!ParseYmdCompact(name.substr(0, 8), first)) return false;
    *last = *first;
    return true;
  }
  if (!name.ends_with(".zip")) return false;
  std::string_view stem = name.substr(0, name.size() - 4);
  if (!AllDigits(stem)) return false;
  if (stem.size() == 4) {  // yearly, 1979-2005
    int year = Number(stem);
    *first = DaysFromCivil(year, 1, 1);
    *last = DaysFromCivil(year, 12, 31);
    return true;
  }
  if (stem.size() == 6) {  // monthly, 2006-01 to 2013-03
    int year = Number(stem.substr(0, 4)), month = Number(stem.substr(4, 2));
    if (month < 1 || month > 12) return false;
    *first = DaysFromCivil(year, month, 1);
    *last = (month == 12 ? DaysFromCivil(year + 1, 1, 1) : DaysFromCivil(year, month + 1, 1)) - 1;
    return true;
  }
  return false;
}

FileListBuilder::FileListBuilder(GdeltVersion version, std::string base_url, Days from, Days to)
    : version_(version), base_url_(std::move(base_url)), from_(from), to_(to) {
  if (base_url_.empty() || base_url_.back() != '/') base_url_ += '/';
}

RemoteFile* FileListBuilder::Entry(std::string_view name) {
  Days first, last;
  if (!CoverageOfName(version_, name, &first, &last)) return nullptr;
  ++stats_.exports;
  if (last < from_ || first > to_) return nullptr;
  auto [it, inserted] = index_.try_emplace(std::string(name), files_.size());
  if (inserted) {
    RemoteFile f;
    f.name = std::string(name);
    f.url = base_url_ + f.name;
    f.first = first;
    f.last = last;
    files_.push_back(std::move(f));
  }
  return &files_[it->second];
}

void FileListBuilder::AddMasterListLine(std::string_view line) {
  std::vector<std::string_view> w = SplitOnBlanks(line);
  if (w.empty()) return;
  ++stats_.lines;
  int64_t size;
  if (w.size() != 3 || !ParseSize(w[0], &size) || !IsMd5(w[1])) {
    ++stats_.malformed;
    return;
  }
  if (RemoteFile* f = Entry(BaseName(w[2]))) {
    f->size = size;
    f->md5 = AsciiLower(w[1]);
  }
}

void FileListBuilder::AddMd5sumsLine(std::string_view line) {
  std::vector<std::string_view> w = SplitOnBlanks(line);
  if (w.empty()) return;
  ++stats_.lines;
  if (w.size() != 2 || !IsMd5(w[0])) {
    ++stats_.malformed;
    return;
  }
  std::string_view name = w[1];
  if (name.starts_with("*")) name.remove_prefix(1);  // md5sum's binary-mode marker
  if (RemoteFile* f = Entry(BaseName(name))) f->md5 = AsciiLower(w[0]);
}

void FileListBuilder::AddFilesizesLine(std::string_view line) {
  std::vector<std::string_view> w = SplitOnBlanks(line);
  if (w.empty()) return;
  ++stats_.lines;
  int64_t size;
  if (w.size() != 2 || !ParseSize(w[0], &size)) {
    ++stats_.malformed;
    return;
  }
  if (RemoteFile* f = Entry(BaseName(w[1]))) f->size = size;
}

std::vector<RemoteFile> FileListBuilder::Finish() {
  std::vector<RemoteFile> out = std::move(files_);
  files_.clear();
  index_.clear();
  std::sort(out.begin(), out.end(),
            [](const RemoteFile& a, const RemoteFile& b) { return a.name < b.name; });
  // In 1.0, yearly "2005.zip" sorts before monthly "200601.zip" and daily names: time order too.
  return out;
}

Status ForEachLineInFile(const std::string& path, const std::function<void(std::string_view)>& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    fn(line);
  }
  if (in.bad()) return Status::IOError(fmt::format("{}: read failed", path));
  return Status::Ok();
}

}  // namespace entente::fetch
