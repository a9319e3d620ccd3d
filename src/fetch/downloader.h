// Getting one listed file into the cache, verified: skip it when the cache already has it, else
// download into NAME.part (resuming what a dropped connection left), retry transient failures with
// exponential backoff, check size and MD5, and rename into place only when both match. Runs on a
// fetch worker thread; touches only this file's paths, so workers never contend.
#ifndef ENTENTE_FETCH_DOWNLOADER_H_
#define ENTENTE_FETCH_DOWNLOADER_H_

#include <atomic>
#include <cstdint>

#include "fetch/cache.h"
#include "fetch/fetch.h"
#include "fetch/http_client.h"

namespace entente::fetch {

struct RetryPolicy {
  int max_attempts = 4;
  int backoff_ms = 1000;
  int max_backoff_ms = 30000;  // GDELT outages last minutes; waiting longer per try is pointless
};

// The wait before retry number `retry` (1-based): backoff_ms * 2^(retry-1), capped, with up to
// 25% random jitter either way so parallel workers do not retry in lockstep.
int BackoffMs(const RetryPolicy& policy, int retry);

// REQUIRES: `cache` loaded; `bytes` and `cancel` live for the call.
FileOutcome FetchOneFile(const RemoteFile& file, const FileCache& cache, HttpClient* http,
                         const RetryPolicy& policy, std::atomic<int64_t>* bytes,
                         const std::atomic<bool>* cancel);

}  // namespace entente::fetch

#endif  // ENTENTE_FETCH_DOWNLOADER_H_
