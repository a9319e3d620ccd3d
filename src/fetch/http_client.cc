#include "fetch/http_client.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string_view>

#include "fetch/curl_api.h"

namespace entente::fetch {
namespace {

// State of one transfer, shared with libcurl's callbacks.
struct Transfer {
  std::string path;
  int64_t offset = 0;        // bytes already in `path` that the Range asked to skip
  FILE* file = nullptr;      // opened on the first body byte, once the status is known
  long status = 0;           // of the last response seen (redirects reset it)
  int64_t range_start = -1;  // from Content-Range of a 206
  int64_t received = 0;
  bool write_failed = false;
  std::string write_error;
  bool resumed = false;
  const std::function<void(int64_t)>* on_bytes = nullptr;
  const std::atomic<bool>* cancel = nullptr;
};

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  Transfer* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {  // a new response (after a redirect or 100-continue)
    size_t space = line.find(' ');
    t->status = space == std::string_view::npos ? 0 : std::atol(line.data() + space + 1);
    t->range_start = -1;
  } else if (line.size() > 14 && strncasecmp(line.data(), "Content-Range:", 14) == 0) {
    // "Content-Range: bytes 500-999/1000"
    std::string_view rest = line.substr(14);
    size_t at = rest.find("bytes");
    if (at != std::string_view::npos) t->range_start = std::atoll(rest.data() + at + 5);
  }
  return size * count;
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  Transfer* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->status != 200 && t->status != 206) return n;  // an error page: not the file
  if (!t->file) {
    bool append = t->status == 206 && t->offset > 0;
    if (append && t->range_start != t->offset) {
      t->write_error =
          fmt::format("server sent bytes from {} when asked for {}", t->range_start, t->offset);
      t->write_failed = true;
      return 0;
    }
    t->file = std::fopen(t->path.c_str(), append ? "ab" : "wb");
    if (!t->file) {
      t->write_error = fmt::format("{}: cannot write: {}", t->path, std::strerror(errno));
      t->write_failed = true;
      return 0;
    }
    t->resumed = append;
  }
  if (std::fwrite(data, 1, n, t->file) != n) {
    t->write_error = fmt::format("{}: write failed: {}", t->path, std::strerror(errno));
    t->write_failed = true;
    return 0;
  }
  t->received += int64_t(n);
  if (t->on_bytes && *t->on_bytes) (*t->on_bytes)(int64_t(n));
  return n;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  Transfer* t = static_cast<Transfer*>(user);
  return t->cancel && t->cancel->load() ? 1 : 0;
}

HttpKind KindOfStatus(long status) {
  if (status == 200 || status == 206) return HttpKind::kOk;
  if (status == 304) return HttpKind::kNotModified;
  if (status == 404 || status == 410) return HttpKind::kMissing;
  if (status == 408 || status == 429 || status == 416 || status >= 500) return HttpKind::kTransient;
  return HttpKind::kPermanent;
}

}  // namespace

Status HttpGlobalInit() { return Curl().status(); }

HttpClient::HttpClient(HttpOptions options)
    : api_(nullptr), curl_(nullptr), options_(std::move(options)) {
  Result<const CurlApi*> api = Curl();
  if (!api.ok()) {
    load_error_ = api.status().message();
    return;
  }
  api_ = *api;
  curl_ = api_->easy_init();
}

HttpClient::~HttpClient() {
  if (curl_) api_->easy_cleanup(static_cast<CURL*>(curl_));
}

namespace {

HttpOutcome Perform(const CurlApi* api, CURL* curl, const HttpOptions& options,
                    const std::string& url, Transfer* t, time_t if_modified_since) {
  HttpOutcome out;
  if (!api) {
    out.error = "libcurl is not available";
    return out;
  }
  if (!curl) {
    out.error = "libcurl failed to initialise";
    return out;
  }
  api->easy_reset(curl);
  char error_buffer[CURL_ERROR_SIZE] = {0};
  api->easy_setopt(curl, CURLOPT_URL, url.c_str());
  api->easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  api->easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  api->easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);  // GDELT redirects http to https
  api->easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  api->easy_setopt(curl, CURLOPT_USERAGENT, options.user_agent.c_str());
  api->easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_s);
  api->easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1024L);
  api->easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, options.stall_timeout_s);
  api->easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  api->easy_setopt(curl, CURLOPT_HEADERDATA, t);
  api->easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  api->easy_setopt(curl, CURLOPT_WRITEDATA, t);
  api->easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  api->easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, OnProgress);
  api->easy_setopt(curl, CURLOPT_XFERINFODATA, t);
  std::string range;
  if (t->offset > 0) {
    range = fmt::format("{}-", t->offset);
    api->easy_setopt(curl, CURLOPT_RANGE, range.c_str());
  }
  if (if_modified_since != 0) {
    api->easy_setopt(curl, CURLOPT_TIMECONDITION, long(CURL_TIMECOND_IFMODSINCE));
    api->easy_setopt(curl, CURLOPT_TIMEVALUE_LARGE, curl_off_t(if_modified_since));
  }

  CURLcode rc = api->easy_perform(curl);
  long status = 0;
  api->easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if ((status == 200 || status == 206) && !t->file && !t->write_failed && rc == CURLE_OK) {
    // An empty body still makes (or empties) the file.
    t->file = std::fopen(t->path.c_str(), status == 206 && t->offset > 0 ? "ab" : "wb");
    if (!t->file) {
      t->write_failed = true;
      t->write_error = fmt::format("{}: cannot write: {}", t->path, std::strerror(errno));
    }
  }
  if (t->file && std::fclose(t->file) != 0 && !t->write_failed) {
    t->write_failed = true;
    t->write_error = fmt::format("{}: write failed: {}", t->path, std::strerror(errno));
  }
  t->file = nullptr;

  out.status = status;
  out.received = t->received;
  out.resumed = t->resumed;
  if (t->write_failed) {
    out.kind =
        t->write_error.starts_with("server sent") ? HttpKind::kTransient : HttpKind::kPermanent;
    out.error = t->write_error;
    return out;
  }
  if (rc == CURLE_ABORTED_BY_CALLBACK && t->cancel && t->cancel->load()) {
    out.kind = HttpKind::kCancelled;
    out.error = "cancelled";
    return out;
  }
  if (rc != CURLE_OK) {
    out.kind = rc == CURLE_URL_MALFORMAT || rc == CURLE_UNSUPPORTED_PROTOCOL ? HttpKind::kPermanent
                                                                             : HttpKind::kTransient;
    out.error = error_buffer[0] ? error_buffer : api->easy_strerror(rc);
    return out;
  }
  long unmet = 0;
  api->easy_getinfo(curl, CURLINFO_CONDITION_UNMET, &unmet);
  out.kind = unmet ? HttpKind::kNotModified : KindOfStatus(status);
  if (out.kind != HttpKind::kOk && out.kind != HttpKind::kNotModified) {
    out.error = fmt::format("HTTP {}", status);
  }
  return out;
}

}  // namespace

HttpOutcome HttpClient::Download(const std::string& url, const std::string& path, int64_t offset,
                                 const std::function<void(int64_t)>& on_bytes,
                                 const std::atomic<bool>* cancel) {
  Transfer t;
  t.path = path;
  t.offset = offset;
  t.on_bytes = &on_bytes;
  t.cancel = cancel;
  if (!api_) return HttpOutcome{.kind = HttpKind::kPermanent, .error = load_error_};
  return Perform(api_, static_cast<CURL*>(curl_), options_, url, &t, 0);
}

HttpOutcome HttpClient::GetFile(const std::string& url, const std::string& path,
                                time_t if_modified_since) {
  Transfer t;
  t.path = path;
  if (!api_) return HttpOutcome{.kind = HttpKind::kPermanent, .error = load_error_};
  return Perform(api_, static_cast<CURL*>(curl_), options_, url, &t, if_modified_since);
}

}  // namespace entente::fetch
