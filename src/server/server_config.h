// The server's tunables in one place, each with the reason for its value. docs/REPORT.md
// ("Limits") documents the ones a client can run into.
#ifndef ENTENTE_SERVER_SERVER_CONFIG_H_
#define ENTENTE_SERVER_SERVER_CONFIG_H_

#include <chrono>
#include <cstddef>
#include <ctime>

namespace entente::server::config {

// Threads that read requests and write answers, one per open connection. A connection thread
// mostly waits on its socket (a slow or idle client), so they are cheap, and there must be many:
// with httplib's default of 8, eight clients that send a header line every few seconds stopped
// the server. Analysis work is bounded separately by the compute slots (ApiOptions).
inline constexpr size_t kConnectionThreads = 256;

// Connections the kernel queues before the server accepts them (capped by net.core.somaxconn).
inline constexpr int kListenBacklog = 1024;

// A read or write that makes no progress for this long drops the connection. It bounds a stalled
// client; a client that trickles a byte at a time still holds its thread (httplib 0.11 has no
// whole-request deadline), which is why kConnectionThreads is large.
inline constexpr time_t kReadTimeoutSeconds = 5;
inline constexpr time_t kWriteTimeoutSeconds = 5;

// An idle keep-alive connection is closed after this long, and after this many requests, so idle
// browsers and benchmark clients give their threads back.
inline constexpr time_t kKeepAliveTimeoutSeconds = 5;
inline constexpr size_t kKeepAliveMaxRequests = 1000;

// The API takes no request bodies; anything larger than this is refused unread.
inline constexpr size_t kMaxRequestBodyBytes = 64 * 1024;

// A request (waiting for a compute slot plus the analysis) gives up after this long with a 503
// (no slot) or 504 (the analysis ran out of time). The largest legitimate request, the HTML report
// of the busiest dyad of a 2M-event store, takes about a second.
inline constexpr std::chrono::milliseconds kRequestDeadline{10000};

// No answer is larger than this: the period-grid limit (analysis::config::kMaxPeriods) keeps
// series below it; this is the backstop for everything else (a 400 that says to narrow the ask).
inline constexpr size_t kMaxResponseBytes = 32u << 20;

// Successful answers are kept, keyed by (path, parameters, store commit), up to this many bytes
// in all (least recently used dropped first); a new commit makes the old entries unreachable.
inline constexpr size_t kResponseCacheBytes = 64u << 20;
// Answers larger than this are not cached: a few huge series would evict everything else.
inline constexpr size_t kMaxCachedResponseBytes = 4u << 20;

// The actors' day cells behind week and day series (store/actor_days.h), shared by the compute
// slots: a large country's cells on a store of 2M events are about 1.4 MB, and the 82 countries
// of bench/run_server.sh's varied mix 44 MB.
inline constexpr size_t kActorDayCacheBytes = 64u << 20;

}  // namespace entente::server::config

#endif  // ENTENTE_SERVER_SERVER_CONFIG_H_
