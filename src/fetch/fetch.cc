#include "fetch/fetch.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "fetch/cache.h"
#include "fetch/downloader.h"

namespace entente::fetch {
namespace {

constexpr auto kProgressInterval = std::chrono::milliseconds(200);

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Status CheckOptions(const FetchOptions& o) {
  if (o.from > o.to) {
    return Status::InvalidArgument(
        fmt::format("--from {} is after --to {}", FormatDate(o.from), FormatDate(o.to)));
  }
  if (o.jobs < 1 || o.jobs > 64) {
    return Status::InvalidArgument(fmt::format("--jobs {}: expected 1 to 64", o.jobs));
  }
  if (o.max_attempts < 1 || o.max_attempts > 100) {
    return Status::InvalidArgument(fmt::format("--retries: expected 0 to 99"));
  }
  if (o.backoff_ms < 0 || o.list_max_age_minutes < 0) {
    return Status::InvalidArgument("negative wait or age");
  }
  return Status::Ok();
}

void Count(const FileOutcome& o, FetchSummary* s) {
  switch (o.state) {
    case FileState::kFetched: ++s->fetched; break;
    case FileState::kCached: ++s->cached; break;
    case FileState::kMissing: ++s->missing; break;
    case FileState::kFailed: ++s->failed; break;
    case FileState::kPlanned: ++s->planned; break;
  }
}

}  // namespace

std::string_view FileStateName(FileState state) {
  switch (state) {
    case FileState::kFetched: return "fetched";
    case FileState::kCached: return "cached";
    case FileState::kMissing: return "missing";
    case FileState::kFailed: return "failed";
    case FileState::kPlanned: return "planned";
  }
  return "?";
}

Result<FetchSummary> FetchGdelt(const FetchOptions& options, FetchObserver* observer) {
  RETURN_IF_ERROR(CheckOptions(options));
  FetchObserver null_observer;
  if (!observer) observer = &null_observer;
  auto start = std::chrono::steady_clock::now();
  RETURN_IF_ERROR(HttpGlobalInit());

  FetchSummary summary;
  summary.cache_dir = options.cache_dir.empty() ? DefaultCacheDir() : options.cache_dir;
  FileCache cache(summary.cache_dir, options.version);
  RETURN_IF_ERROR(cache.Load());

  ListRequest request;
  request.version = options.version;
  request.base_url =
      options.base_url.empty() ? std::string(DefaultBaseUrl(options.version)) : options.base_url;
  if (request.base_url.back() != '/') request.base_url += '/';
  request.from = options.from;
  request.to = options.to;
  request.max_age_minutes = options.list_max_age_minutes;
  std::vector<RemoteFile> files;
  {
    HttpClient list_http(options.http);
    ASSIGN_OR_RETURN(files, LoadFileList(request, cache, &list_http, &summary.lists));
  }
  observer->OnList(files, summary.lists);

  FetchProgress progress;
  progress.files_total = int64_t(files.size());
  for (const RemoteFile& f : files) progress.bytes_listed += std::max<int64_t>(f.size, 0);

  if (options.dry_run) {
    for (const RemoteFile& f : files) {
      FileOutcome o;
      o.file = f;
      if (cache.IsVerified(f)) {
        o.state = FileState::kCached;
        o.path = cache.FilePath(f.name);
      } else {
        o.state = FileState::kPlanned;
        int64_t size, mtime;
        if (StatFile(cache.PartPath(f.name), &size, &mtime)) {
          o.reason = fmt::format("would resume after {} bytes", size);
        }
      }
      Count(o, &summary);
      summary.files.push_back(std::move(o));
    }
    summary.seconds = SecondsSince(start);
    return summary;
  }

  RetryPolicy policy;
  policy.max_attempts = options.max_attempts;
  policy.backoff_ms = options.backoff_ms;

  std::atomic<size_t> next{0};
  std::atomic<int64_t> bytes{0};
  std::atomic<bool> cancel{false};
  std::mutex mu;
  std::condition_variable cv;
  std::deque<FileOutcome> finished;  // guarded by mu

  auto worker = [&] {
    HttpClient http(options.http);
    while (!cancel.load()) {
      size_t i = next.fetch_add(1);
      if (i >= files.size()) break;
      FileOutcome o = FetchOneFile(files[i], cache, &http, policy, &bytes, &cancel);
      std::lock_guard<std::mutex> lock(mu);
      finished.push_back(std::move(o));
      cv.notify_one();
    }
  };
  std::vector<std::thread> threads;
  size_t n_threads = std::min<size_t>(size_t(options.jobs), files.size());
  for (size_t i = 0; i < n_threads; ++i) threads.emplace_back(worker);

  Status stop;
  size_t handled = 0;
  while (handled < files.size() && stop.ok()) {
    std::deque<FileOutcome> batch;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait_for(lock, kProgressInterval, [&] { return !finished.empty(); });
      batch.swap(finished);
    }
    for (FileOutcome& o : batch) {
      ++handled;
      if (!o.md5.empty()) {  // verified this run: remember it, so the next run skips the hash
        Status st = cache.Record(o.file.name, o.md5);
        if (!st.ok()) summary.lists.notes.push_back(st.message());
      }
      if (o.state == FileState::kCached) ++progress.files_cached;
      if (stop.ok()) stop = observer->OnFile(o);
      Count(o, &summary);
      summary.files.push_back(std::move(o));
    }
    progress.files_done = int64_t(handled);
    progress.bytes_received = bytes.load();
    progress.seconds = SecondsSince(start);
    observer->OnProgress(progress);
  }
  if (!stop.ok()) cancel.store(true);
  for (std::thread& t : threads) t.join();
  if (!stop.ok()) return stop;

  std::sort(summary.files.begin(), summary.files.end(),
            [](const FileOutcome& a, const FileOutcome& b) { return a.file.name < b.file.name; });
  summary.bytes_received = bytes.load();
  summary.seconds = SecondsSince(start);
  return summary;
}

}  // namespace entente::fetch
