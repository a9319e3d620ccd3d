// The dashboard's JSON API, separate from the HTTP server so it can be tested without sockets:
// Handle() takes a path and query parameters and returns a status, a content type and a body.
// The endpoints themselves are in endpoints.h; this is the router that makes them safe to serve
// to many clients at once:
//
//  - Concurrency: requests compute on a pool of sources, one per compute slot (source_pool.h), so
//    reads of a committed store run in parallel and the number of analyses in flight never
//    exceeds the slots (by default the machine's hardware threads).
//  - Time: each request has a deadline (ApiOptions::deadline). No free slot before it: 503
//    {"error":{"code":"busy"}}; the analysis still running at it: 504 {"error":{"code":"timeout"}}
//    (the source refuses further reads, deadline_source.h).
//  - Size: no answer is larger than ApiOptions::max_response_bytes (400 "too_large"); period grids
//    are bounded and clipped to the data (endpoint_params.h).
//  - Clients that leave: a request whose client has disconnected (the ClientGone it is given)
//    stops at its next read and frees its slot; it answers 499 {"error":{"code":"client_closed"}},
//    which nobody reads, and is counted in abandoned().
//  - Repetition: answers are cached by (path, parameters, source generation) in a bounded LRU
//    (response_cache.h), and the whole-source summary behind /api/info and the date clipping is
//    computed once per generation. Each request first refreshes the source, so it sees the
//    store's latest commit.
//
// Errors are JSON: {"error": {"code": "invalid_argument", "message": "..."}} with 400 for bad
// input, 404 for an unknown path or a dyad with no events, 503/504 as above, 500 otherwise.
//
// Thread safety: Handle() may be called from many threads at once.
#ifndef ENTENTE_SERVER_API_H_
#define ENTENTE_SERVER_API_H_

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string_view>

#include "core/event_source.h"
#include "server/api_types.h"
#include "server/data_summary.h"
#include "server/response_cache.h"
#include "server/server_config.h"
#include "server/source_pool.h"

namespace entente::server {

struct ApiOptions {
  int compute_slots = 0;  // sources a factory opens; 0: one per hardware thread
  std::chrono::milliseconds deadline = config::kRequestDeadline;
  size_t max_response_bytes = config::kMaxResponseBytes;
  size_t cache_bytes = config::kResponseCacheBytes;  // 0: no response cache
};

class Api {
 public:
  // One compute slot on a borrowed source. REQUIRES: `source` outlives the Api.
  explicit Api(EventSource* source, ApiOptions options = {});
  // options.compute_slots sources from `factory`, plus one that only checks for new commits.
  static Result<std::unique_ptr<Api>> Open(const SourceFactory& factory, ApiOptions options = {});

  // Routes /api/<name> (info, dyad, phases, key-events, sectors, compare, scan, report) and
  // /report.html (the HTML report of ?a=&b=). Anything else: 404 JSON.
  ApiResponse Handle(std::string_view path, const Params& params,
                     const ClientGone& client_gone = {});

  // Requests given up because their client had disconnected, since the Api was made.
  uint64_t abandoned() const { return abandoned_.load(); }

 private:
  Api(std::unique_ptr<SourcePool> pool, std::unique_ptr<EventSource> probe, ApiOptions options);
  // The generation the probe source sees now; nullopt without a probe or when refreshing fails.
  std::optional<uint64_t> ProbeGeneration();
  // The summary of `source`'s current generation, computed by the first request that needs it.
  Result<std::shared_ptr<const DataSummary>> Summary(EventSource& source);
  ApiResponse Compute(std::string_view path, const Params& params,
                      std::chrono::steady_clock::time_point deadline,
                      const ClientGone& client_gone);
  ApiResponse Abandoned();

  ApiOptions options_;
  std::unique_ptr<SourcePool> pool_;
  std::mutex probe_mu_;
  std::unique_ptr<EventSource> probe_;          // guarded by probe_mu_; may be null
  std::mutex summary_mu_;                       // held while a summary is computed
  std::shared_ptr<const DataSummary> summary_;  // guarded by summary_mu_
  ResponseCache cache_;
  std::atomic<uint64_t> abandoned_{0};
};

}  // namespace entente::server

#endif  // ENTENTE_SERVER_API_H_
