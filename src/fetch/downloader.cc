#include "fetch/downloader.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "fetch/md5.h"

namespace entente::fetch {
namespace {

// Sleeps `ms`, waking early when `cancel` turns true. Returns false when cancelled.
bool SleepUnlessCancelled(int ms, const std::atomic<bool>* cancel) {
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < end) {
    if (cancel && cancel->load()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(ms, 50)));
  }
  return !(cancel && cancel->load());
}

void Remove(const std::string& path) {
  std::error_code ec;
  std::filesystem::remove(path, ec);
}

int64_t SizeOf(const std::string& path) {
  int64_t size, mtime;
  return StatFile(path, &size, &mtime) ? size : -1;
}

// "MD5 mismatch" details that fit on a line.
std::string Md5Mismatch(const RemoteFile& file, const std::string& got) {
  return fmt::format("MD5 mismatch (list says {}, file has {})", file.md5, got);
}

}  // namespace

int BackoffMs(const RetryPolicy& policy, int retry) {
  int64_t wait = int64_t(policy.backoff_ms) << std::min(retry - 1, 20);
  wait = std::min<int64_t>(wait, policy.max_backoff_ms);
  thread_local std::mt19937 rng{std::random_device{}()};
  std::uniform_real_distribution<double> jitter(0.75, 1.25);
  return int(double(wait) * jitter(rng));
}

FileOutcome FetchOneFile(const RemoteFile& file, const FileCache& cache, HttpClient* http,
                         const RetryPolicy& policy, std::atomic<int64_t>* bytes,
                         const std::atomic<bool>* cancel) {
  FileOutcome out;
  out.file = file;
  const std::string final_path = cache.FilePath(file.name);
  const std::string part_path = cache.PartPath(file.name);

  if (cache.IsVerified(file)) {
    out.state = FileState::kCached;
    out.path = final_path;
    return out;
  }
  // Present but not in the journal (an older cache, a copy made by hand): hash it once.
  if (SizeOf(final_path) >= 0) {
    int64_t size = 0;
    Result<std::string> md5 = Md5OfFile(final_path, &size);
    if (md5.ok() && (file.size < 0 || size == file.size) &&
        (file.md5.empty() || *md5 == file.md5)) {
      out.state = FileState::kCached;
      out.path = final_path;
      out.md5 = *md5;
      return out;
    }
    Remove(final_path);  // stale (GDELT re-published it) or damaged: fetch it again
  }

  std::function<void(int64_t)> on_bytes = [bytes](int64_t n) { bytes->fetch_add(n); };
  std::vector<std::string> retried;  // why each failed attempt failed
  std::string last_error;
  for (int attempt = 1; attempt <= policy.max_attempts; ++attempt) {
    if (attempt > 1 && !SleepUnlessCancelled(BackoffMs(policy, attempt - 1), cancel)) {
      out.state = FileState::kFailed;
      out.reason = "cancelled";
      return out;
    }
    out.attempts = attempt;
    int64_t offset = std::max<int64_t>(SizeOf(part_path), 0);
    if (file.size >= 0 && offset > file.size) {
      Remove(part_path);
      offset = 0;
    }
    bool complete = file.size > 0 && offset == file.size;  // a crash after the last byte
    if (!complete) {
      HttpOutcome got = http->Download(file.url, part_path, offset, on_bytes, cancel);
      out.downloaded += got.received;
      out.resumed |= got.resumed;
      switch (got.kind) {
        case HttpKind::kOk:
        case HttpKind::kNotModified: break;
        case HttpKind::kMissing:
          Remove(part_path);
          out.state = FileState::kMissing;
          out.reason = fmt::format("not on the server ({})", got.error);
          return out;
        case HttpKind::kCancelled:
          out.state = FileState::kFailed;
          out.reason = "cancelled";
          return out;
        case HttpKind::kPermanent:
          out.state = FileState::kFailed;
          out.reason = got.error;
          return out;
        case HttpKind::kTransient:
          if (got.status == 416) Remove(part_path);  // our .part is not a prefix of theirs
          last_error = got.error;
          retried.push_back(got.error);
          continue;
      }
    }
    int64_t size = SizeOf(part_path);
    if (file.size >= 0 && size < file.size) {  // the server closed early without an error
      last_error = fmt::format("short transfer: {} of {} bytes", size, file.size);
      retried.push_back(last_error);
      continue;  // the next attempt resumes from here
    }
    if (file.size >= 0 && size > file.size) {
      Remove(part_path);
      last_error = fmt::format("size mismatch: {} bytes, list says {}", size, file.size);
      retried.push_back(last_error);
      continue;
    }
    Result<std::string> md5 = Md5OfFile(part_path);
    if (!md5.ok()) {
      out.state = FileState::kFailed;
      out.reason = md5.status().message();
      return out;
    }
    if (!file.md5.empty() && *md5 != file.md5) {
      last_error = Md5Mismatch(file, *md5);
      retried.push_back("MD5 mismatch");
      if (attempt == policy.max_attempts) {
        std::error_code ec;
        std::filesystem::rename(part_path, cache.QuarantinePath(file.name), ec);
        if (ec) Remove(part_path);
        out.state = FileState::kFailed;
        out.reason = fmt::format("{} after {} attempts; {}", last_error, attempt,
                                 ec ? "deleted" : "moved to " + cache.QuarantinePath(file.name));
        return out;
      }
      Remove(part_path);  // a corrupt prefix cannot be resumed: start over
      continue;
    }
    std::error_code ec;
    std::filesystem::rename(part_path, final_path, ec);
    if (ec) {
      out.state = FileState::kFailed;
      out.reason = fmt::format("{}: cannot rename into place: {}", part_path, ec.message());
      return out;
    }
    out.state = FileState::kFetched;
    out.path = final_path;
    out.md5 = *md5;
    if (!retried.empty()) {
      std::string why;
      for (const std::string& r : retried) why += (why.empty() ? "" : "; ") + r;
      out.reason = fmt::format("retried {}x: {}", retried.size(), why);
    }
    return out;
  }
  out.state = FileState::kFailed;
  out.reason = fmt::format("{} (gave up after {} attempts)", last_error, policy.max_attempts);
  return out;
}

}  // namespace entente::fetch
