// ClickHouse's HTTP interface over libcurl: a query goes in the POST body (or, for an INSERT, in
// the URL with the rows as the body); the answer is TabSeparated text. A non-200 status carries
// ClickHouse's exception text, which becomes a kStoreError naming the server.
//
// Every query runs with wait_end_of_query=1, so the server sends nothing before the query has
// finished on every shard: a shard that fails midway turns into an error status rather than a
// truncated body read as a whole answer.
//
// Thread safety: one client per thread (it keeps one connection alive).
#ifndef ENTENTE_CLICKHOUSE_HTTP_H_
#define ENTENTE_CLICKHOUSE_HTTP_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "clickhouse/url.h"
#include "core/status.h"

namespace entente::fetch {
struct CurlApi;
}  // namespace entente::fetch

namespace entente::clickhouse {

class HttpClient {
 public:
  // `where` names the server in messages; credentials come from `url`.
  HttpClient(const StoreUrl& url, Endpoint endpoint);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Runs `sql` and returns the whole answer.
  Result<std::string> Query(std::string_view sql);
  // Runs `sql` and calls `line` for each line of the answer (without its '\n'); stops reading
  // (OK) when `line` returns false.
  Status QueryLines(std::string_view sql, const std::function<bool(std::string_view)>& line);
  // INSERT: `sql` ("INSERT INTO t FORMAT TabSeparated") with `rows` as the data.
  Status Insert(std::string_view sql, std::string_view rows);

  std::string Where() const;

 private:
  Status Post(const std::string& url_query, std::string_view body,
              const std::function<bool(std::string_view)>& sink);

  StoreUrl url_;
  Endpoint endpoint_;
  const fetch::CurlApi* api_ = nullptr;  // null when libcurl cannot be loaded
  Status load_status_;
  void* curl_ = nullptr;
};

}  // namespace entente::clickhouse

#endif  // ENTENTE_CLICKHOUSE_HTTP_H_
