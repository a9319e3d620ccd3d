#include "clickhouse/http.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <mutex>

namespace entente::clickhouse {
namespace {

// The server's answer is text; its first line (ClickHouse's "Code: N, e.displayText() = ...")
// says why a query failed, the rest is a stack trace nobody needs on a terminal.
std::string FirstLine(std::string_view body) {
  size_t nl = body.find('\n');
  std::string_view line = body.substr(0, nl);
  if (line.size() > 400) line = line.substr(0, 400);
  return std::string(line);
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

std::string Encode(CURL* curl, std::string_view s) {
  char* e = curl_easy_escape(curl, s.data(), static_cast<int>(s.size()));
  std::string out = e ? e : "";
  curl_free(e);
  return out;
}

}  // namespace

HttpClient::HttpClient(const StoreUrl& url, Endpoint endpoint)
    : url_(url), endpoint_(std::move(endpoint)) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_ = curl_easy_init();
}

HttpClient::~HttpClient() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

std::string HttpClient::Where() const {
  return fmt::format("clickhouse {}:{}", endpoint_.host, endpoint_.port);
}

Status HttpClient::Post(const std::string& url_query, std::string_view body,
                        const std::function<bool(std::string_view)>& sink) {
  auto* curl = static_cast<CURL*>(curl_);
  if (!curl) return Status::StoreError(Where() + ": cannot initialise libcurl");
  std::string url = fmt::format("http://{}:{}/?wait_end_of_query=1&{}", endpoint_.host,
                                endpoint_.port, url_query);
  Transfer t;
  t.sink = &sink;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnData);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  // No "Expect: 100-continue" round trip before each insert batch.
  struct curl_slist* headers = curl_slist_append(nullptr, "Expect:");
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  // Credentials as HTTP basic auth: never part of a URL a log or an error message could show.
  if (!url_.user.empty() || !url_.password.empty()) {
    std::string user = url_.user.empty() ? "default" : url_.user;
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_USERNAME, user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, url_.password.c_str());
  }
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (t.stopped) return Status::Ok();
  if (rc != CURLE_OK) {
    return Status::StoreError(
        fmt::format("{}: {} (is the server running, and is {} its HTTP port?)", Where(),
                    curl_easy_strerror(rc), endpoint_.port));
  }
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  if (code != 200) {
    std::string why = FirstLine(t.pending);
    if (code == 401 || code == 403 || why.find("password") != std::string::npos) {
      return Status::StoreError(fmt::format("{}: access denied for user '{}': {}", Where(),
                                            url_.user.empty() ? "default" : url_.user, why));
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
  auto* curl = static_cast<CURL*>(curl_);
  std::string q = "insert_distributed_sync=1&query=" + Encode(curl, sql);
  return Post(q, rows, [](std::string_view) { return true; });
}

}  // namespace entente::clickhouse
