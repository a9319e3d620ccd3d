#include "clickhouse/http.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <vector>

#include "fetch/curl_api.h"

namespace entente::clickhouse {
namespace {

// ClickHouse's reason for a failed query: its exception lines ("Code: 279, e.displayText() =
// DB::NetException: All connection tries failed", then the cause per attempt), without the
// boilerplate and repeats, at most two.
std::string Reason(std::string_view body) {
  std::vector<std::string> seen;
  while (!body.empty() && seen.size() < 2) {
    size_t nl = body.find('\n');
    std::string line(body.substr(0, nl));
    body.remove_prefix(nl == std::string_view::npos ? body.size() : nl + 1);
    if (size_t at = line.find(", e.what() = "); at != std::string::npos) line.erase(at);
    if (size_t at = line.find("e.displayText() = "); at != std::string::npos) line.erase(at, 18);
    while (!line.empty() && (line.back() == ' ' || line.back() == ':' || line.back() == '\r')) {
      line.pop_back();
    }
    if (line.size() > 300) line.resize(300);
    if (!line.empty() && std::find(seen.begin(), seen.end(), line) == seen.end()) {
      seen.push_back(line);
    }
  }
  std::string out;
  for (const std::string& l : seen) out += (out.empty() ? "" : "; ") + l;
  return out;
}

// ClickHouse's codes for a shard that cannot be reached (ALL_CONNECTION_TRIES_FAILED,
// NETWORK_ERROR, SOCKET_TIMEOUT).
bool ShardUnreachable(std::string_view reason) {
  return reason.starts_with("Code: 279,") || reason.starts_with("Code: 210,") ||
         reason.starts_with("Code: 209,");
}

struct Transfer {
  const std::function<bool(std::string_view)>* sink = nullptr;
  std::string pending;  // an incomplete line, or the whole body of an error answer
  bool ok_status = true;
  bool stopped = false;
};

size_t OnData(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t bytes = size * n;
  if (!t->ok_status || !t->sink) {
    if (t->pending.size() < 65536) t->pending.append(data, bytes);
    return bytes;
  }
  std::string_view chunk(data, bytes);
  while (!chunk.empty()) {
    size_t nl = chunk.find('\n');
    if (nl == std::string_view::npos) {
      t->pending.append(chunk);
      break;
    }
    bool go;
    if (t->pending.empty()) {
      go = (*t->sink)(chunk.substr(0, nl));
    } else {
      t->pending.append(chunk.substr(0, nl));
      go = (*t->sink)(t->pending);
      t->pending.clear();
    }
    chunk.remove_prefix(nl + 1);
    if (!go) {
      t->stopped = true;
      return 0;  // makes curl abort the transfer
    }
  }
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view h(data, size * n);
  if (h.starts_with("HTTP/")) {
    size_t sp = h.find(' ');
    t->ok_status = sp != std::string_view::npos && h.substr(sp + 1).starts_with("200");
  }
  return size * n;
}

std::string Encode(const fetch::CurlApi* api, CURL* curl, std::string_view s) {
  char* e = api->easy_escape(curl, s.data(), static_cast<int>(s.size()));
  std::string out = e ? e : "";
  api->free(e);
  return out;
}

}  // namespace

HttpClient::HttpClient(const StoreUrl& url, Endpoint endpoint)
    : url_(url), endpoint_(std::move(endpoint)) {
  Result<const fetch::CurlApi*> api = fetch::Curl();
  if (!api.ok()) {
    load_status_ = api.status();
    return;
  }
  api_ = *api;
  curl_ = api_->easy_init();
}

HttpClient::~HttpClient() {
  if (curl_) api_->easy_cleanup(static_cast<CURL*>(curl_));
}

std::string HttpClient::Where() const {
  return fmt::format("clickhouse {}:{}", endpoint_.host, endpoint_.port);
}

Status HttpClient::Post(const std::string& url_query, std::string_view body,
                        const std::function<bool(std::string_view)>& sink) {
  if (!api_) return Status::StoreError(Where() + ": " + load_status_.message());
  auto* curl = static_cast<CURL*>(curl_);
  if (!curl) return Status::StoreError(Where() + ": cannot initialise libcurl");
  const fetch::CurlApi* api = api_;
  std::string url = fmt::format("http://{}:{}/?wait_end_of_query=1&{}", endpoint_.host,
                                endpoint_.port, url_query);
  Transfer t;
  t.sink = &sink;
  api->easy_setopt(curl, CURLOPT_URL, url.c_str());
  api->easy_setopt(curl, CURLOPT_POST, 1L);
  api->easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  api->easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  api->easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnData);
  api->easy_setopt(curl, CURLOPT_WRITEDATA, &t);
  api->easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  api->easy_setopt(curl, CURLOPT_HEADERDATA, &t);
  api->easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  api->easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  // No "Expect: 100-continue" round trip before each insert batch.
  struct curl_slist* headers = api->slist_append(nullptr, "Expect:");
  api->easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  // Credentials as HTTP basic auth: never part of a URL a log or an error message could show.
  if (!url_.user.empty() || !url_.password.empty()) {
    std::string user = url_.user.empty() ? "default" : url_.user;
    api->easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    api->easy_setopt(curl, CURLOPT_USERNAME, user.c_str());
    api->easy_setopt(curl, CURLOPT_PASSWORD, url_.password.c_str());
  }
  CURLcode rc = api->easy_perform(curl);
  api->slist_free_all(headers);
  if (t.stopped) return Status::Ok();
  if (rc != CURLE_OK) {
    return Status::StoreError(
        fmt::format("{}: {} (is the server running, and is {} its HTTP port?)", Where(),
                    api->easy_strerror(rc), endpoint_.port));
  }
  long code = 0;
  api->easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  if (code != 200) {
    std::string why = Reason(t.pending);
    if (code == 401 || code == 403 || why.find("password") != std::string::npos) {
      return Status::StoreError(fmt::format("{}: access denied for user '{}': {}", Where(),
                                            url_.user.empty() ? "default" : url_.user, why));
    }
    if (ShardUnreachable(why)) {
      return Status::StoreError(
          fmt::format("{}: a shard of the cluster cannot be reached, so no answer (rather than "
                      "part of one): {}",
                      Where(), why));
    }
    return Status::StoreError(fmt::format("{}: HTTP {}: {}", Where(), code, why));
  }
  if (!t.pending.empty()) return Status::StoreError(Where() + ": answer cut off mid-line");
  return Status::Ok();
}

Result<std::string> HttpClient::Query(std::string_view sql) {
  std::string out;
  RETURN_IF_ERROR(Post("", sql, [&](std::string_view line) {
    out.append(line);
    out += '\n';
    return true;
  }));
  return out;
}

Status HttpClient::QueryLines(std::string_view sql,
                              const std::function<bool(std::string_view)>& line) {
  return Post("", sql, line);
}

Status HttpClient::Insert(std::string_view sql, std::string_view rows) {
  if (!api_) return Status::StoreError(Where() + ": " + load_status_.message());
  auto* curl = static_cast<CURL*>(curl_);
  std::string q = "insert_distributed_sync=1&query=" + Encode(api_, curl, sql);
  return Post(q, rows, [](std::string_view) { return true; });
}

}  // namespace entente::clickhouse
