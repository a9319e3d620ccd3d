#include "store/manifest.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <sstream>

#include "store/coding.h"
#include "store/file_util.h"

namespace entente::store {

uint64_t Manifest::rows() const {
  uint64_t n = 0;
  for (const SegmentInfo& s : segments) n += s.rows;
  return n;
}

std::string SegmentFileName(uint64_t number) { return fmt::format("seg-{:08d}.ens", number); }

uint64_t SegmentNumber(std::string_view name) {
  if (!name.starts_with("seg-") || !name.ends_with(".ens")) return 0;
  std::string_view digits = name.substr(4, name.size() - 8);
  uint64_t n = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  return ec == std::errc() && ptr == digits.data() + digits.size() ? n : 0;
}

std::string EncodeManifest(const Manifest& m) {
  std::string body = fmt::format("entente-store {}\nnext {}\n", kManifestVersion, m.next_segment);
  for (const SegmentInfo& s : m.segments) {
    body += fmt::format("segment {} rows {} bytes {} min {} max {}\n", s.name, s.rows, s.bytes,
                        s.min_date, s.max_date);
  }
  body += fmt::format("crc {:08x}\n", Crc32(body));
  return body;
}

Result<Manifest> DecodeManifest(const std::string& path, const std::string& text) {
  size_t crc_at = text.rfind("crc ");
  if (crc_at == std::string::npos || (crc_at > 0 && text[crc_at - 1] != '\n')) {
    return Status::Corruption(path + ": checksum line missing (torn or edited file)");
  }
  uint32_t want = 0;
  if (std::sscanf(text.c_str() + crc_at, "crc %x", &want) != 1 ||
      Crc32(std::string_view(text).substr(0, crc_at)) != want) {
    return Status::Corruption(path + ": checksum mismatch");
  }
  Manifest m;
  std::istringstream in(text.substr(0, crc_at));
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::istringstream ls(line);
    std::string word;
    ls >> word;
    if (line_no == 1) {
      int version = 0;
      if (word != "entente-store" || !(ls >> version)) {
        return Status::Corruption(fmt::format("{}:1: not an entente manifest", path));
      }
      if (version != kManifestVersion) {
        // Intact but written by another entente: a store error (exit 4), not bad input, and
        // not damage to recover from.
        return Status::StoreError(fmt::format("{}: manifest version {} (this entente reads {})",
                                              path, version, kManifestVersion));
      }
    } else if (word == "next") {
      ls >> m.next_segment;
    } else if (word == "segment") {
      SegmentInfo s;
      std::string k1, k2, k3, k4;
      ls >> s.name >> k1 >> s.rows >> k2 >> s.bytes >> k3 >> s.min_date >> k4 >> s.max_date;
      if (!ls || k1 != "rows" || k2 != "bytes" || k3 != "min" || k4 != "max") {
        return Status::Corruption(fmt::format("{}:{}: bad segment line", path, line_no));
      }
      m.segments.push_back(std::move(s));
    } else if (!word.empty()) {
      return Status::Corruption(fmt::format("{}:{}: unknown line '{}'", path, line_no, word));
    }
  }
  return m;
}

std::string RecoverHint(const std::string& dir) {
  return fmt::format("`entente --store {} recover` rebuilds it from the intact segments", dir);
}

Result<Manifest> ReadManifest(Env* env, const std::string& dir) {
  std::string path = dir + "/" + kManifestName, text;
  Status s = env->ReadFile(path, &text);
  if (s.code() == StatusCode::kNotFound) {
    // No MANIFEST is an empty store only while there is nothing else: segments without one mean
    // the MANIFEST was lost, and taking that for an empty store would let the next writer delete
    // every segment as a leftover.
    Result<std::vector<std::string>> names = env->ListDir(dir);
    if (!names.ok()) {
      if (names.status().code() == StatusCode::kNotFound) return Manifest{};
      return names.status();
    }
    size_t segments = std::count_if(names->begin(), names->end(),
                                    [](const std::string& n) { return SegmentNumber(n) != 0; });
    if (segments == 0) return Manifest{};
    return Status::Corruption(
        fmt::format("{}: missing, but the store holds {} segment file{}; nothing was changed. {}",
                    path, segments, segments == 1 ? "" : "s", RecoverHint(dir)));
  }
  RETURN_IF_ERROR(s);
  Result<Manifest> m = DecodeManifest(path, text);
  if (!m.ok() && m.status().code() == StatusCode::kCorruption) {
    return Status::Corruption(m.status().message() + ". " + RecoverHint(dir));
  }
  return m;
}

Status CommitManifest(Env* env, const std::string& dir, const Manifest& m, AtomicWrite* what) {
  return WriteFileAtomic(env, dir, kManifestName, EncodeManifest(m), what);
}

}  // namespace entente::store
