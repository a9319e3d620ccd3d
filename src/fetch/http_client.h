// One HTTP(S) connection's worth of libcurl, for fetch's workers: whole-file GETs into a file,
// resumable GETs that append to a partial file with a Range request, and conditional GETs for the
// file lists. Each worker thread owns one HttpClient (libcurl easy handles are not thread-safe;
// reusing one per thread keeps connections alive between files). Call HttpGlobalInit() once before
// any thread makes one.
//
// Failures come back as an HttpOutcome, never as a Status, because the caller decides what they
// mean: a 404 is a gap in GDELT's data, a reset connection is worth a retry, a 403 is not.
#ifndef ENTENTE_FETCH_HTTP_CLIENT_H_
#define ENTENTE_FETCH_HTTP_CLIENT_H_

#include <atomic>
#include <cstdint>
#include <ctime>
#include <functional>
#include <string>

#include "core/status.h"

namespace entente::fetch {

struct HttpOptions {
  long connect_timeout_s = 20;  // GDELT answers in well under a second when it is up
  // A transfer slower than 1 KB/s for this long is dropped and retried: a stalled connection
  // otherwise hangs a worker forever (GDELT's files are 50 KB to 100 MB; a healthy link moves
  // far more than 1 KB/s).
  long stall_timeout_s = 60;
  std::string user_agent = "entente-fetch/0.1 (+https://github.com/entente)";
};

enum class HttpKind {
  kOk,           // the body is in the file
  kNotModified,  // conditional GET: the cached copy is current
  kMissing,      // 404 or 410: the server does not have it
  kTransient,    // connection reset, timeout, 5xx, 429, 408, short body: worth a retry
  kPermanent,    // other 4xx, bad URL, local write failure: retrying will not help
  kCancelled,    // the cancel flag was raised
};

struct HttpOutcome {
  HttpKind kind = HttpKind::kPermanent;
  long status = 0;       // HTTP status, 0 when none arrived
  int64_t received = 0;  // body bytes written this call
  bool resumed = false;  // the server honoured the Range request (206)
  std::string error;     // what went wrong, for reports ("HTTP 503", "Connection reset")
};

// Loads and initialises libcurl once per process (safe to call many times, from any thread);
// the error says why it cannot be loaded.
Status HttpGlobalInit();

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // GETs `url` into `path`. With `offset` > 0 asks for the bytes from `offset` on and appends
  // them to `path` (which must hold exactly `offset` bytes); a server that ignores the Range gets
  // the file rewritten from the start. `on_bytes` (may be empty) is told of each chunk's size;
  // `cancel` (may be null) aborts the transfer when it turns true.
  HttpOutcome Download(const std::string& url, const std::string& path, int64_t offset,
                       const std::function<void(int64_t)>& on_bytes,
                       const std::atomic<bool>* cancel);

  // GETs `url` into `path` (truncating it), sending If-Modified-Since when `if_modified_since`
  // is not 0. Returns kNotModified (and leaves `path` alone) on 304.
  HttpOutcome GetFile(const std::string& url, const std::string& path, time_t if_modified_since);

 private:
  const struct CurlApi* api_;  // null when libcurl cannot be loaded (load_error_ says why)
  std::string load_error_;
  void* curl_;  // CURL*; void* keeps curl.h out of this header
  HttpOptions options_;
};

}  // namespace entente::fetch

#endif  // ENTENTE_FETCH_HTTP_CLIENT_H_
