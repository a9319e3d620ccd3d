// The local dashboard: an HTTP server (cpp-httplib) on loopback by default that serves the page
// (web/index.html, app.js, style.css, compiled into the binary, so nothing is fetched from
// anywhere but this server) and the JSON API of api.h. `entente serve` runs it; tests start it on
// port 0 (a free port) in a thread and stop it.
//
// Binding to a non-loopback address is allowed (--bind 0.0.0.0) but never the default: the API
// reads the user's store. A port another process listens on is an error (no SO_REUSEPORT: two
// servers on one port would split the requests between them).
//
// Guarantees (numbers in server_config.h): many slow or idle connections do not delay other
// requests (one cheap thread per connection, analysis bounded by the API's compute slots, stalled
// reads and writes time out); requests whose Host is not allowed are refused (request_policy.h);
// wrong methods on known paths get 405; every answer carries the security headers.
#ifndef ENTENTE_HTTP_DASHBOARD_SERVER_H_
#define ENTENTE_HTTP_DASHBOARD_SERVER_H_

#include <memory>
#include <string>
#include <vector>

#include "core/event_source.h"
#include "core/status.h"
#include "server/api.h"

namespace entente::server {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port (see DashboardServer::port())
  // Host names accepted besides loopback ones (`serve --allow-host`); request_policy.h.
  std::vector<std::string> allowed_hosts;
  size_t connection_threads = config::kConnectionThreads;
};

class DashboardServer {
 public:
  // The API over one borrowed source. REQUIRES: `source` outlives the server.
  DashboardServer(EventSource* source, ServerOptions options);
  DashboardServer(std::unique_ptr<Api> api, ServerOptions options);
  ~DashboardServer();
  DashboardServer(const DashboardServer&) = delete;
  DashboardServer& operator=(const DashboardServer&) = delete;

  // Binds the socket; after OK, port() is the bound port. IOError when the address is taken.
  Status Bind();
  // Serves requests until Stop(). REQUIRES: Bind() returned OK.
  Status Serve();
  // Makes Serve() return; safe from another thread.
  void Stop();
  int port() const { return port_; }

 private:
  void Wire();

  struct Impl;
  std::unique_ptr<Impl> impl_;
  ServerOptions options_;
  int port_ = 0;
};

}  // namespace entente::server

#endif  // ENTENTE_HTTP_DASHBOARD_SERVER_H_
