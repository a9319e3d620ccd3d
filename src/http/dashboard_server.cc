#include "http/dashboard_server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <thread>

#include "http/client_connection.h"
#include "server/request_policy.h"
#include "server/web_assets.h"

namespace entente::server {
namespace {

void SetJsonError(httplib::Response& res, int status, std::string_view code,
                  std::string_view message) {
  res.status = status;
  res.set_content(fmt::format(R"({{"error":{{"code":"{}","message":"{}"}}}})", code, message),
                  "application/json");
}

void ServeStatic(const httplib::Request& req, httplib::Response& res) {
  std::string name = req.matches[1].str();
  if (name.empty()) name = "index.html";
  std::string_view type;
  std::string_view bytes = WebAsset(name, &type);
  if (bytes.empty()) return SetJsonError(res, 404, "not_found", "no such file");
  res.set_content(bytes.data(), bytes.size(), std::string(type).c_str());
  res.set_header("Cache-Control", "no-cache");
}

}  // namespace

struct DashboardServer::Impl {
  httplib::Server http;
  std::unique_ptr<Api> api;
  std::atomic<bool> serving{false}, stop_requested{false};
  socket_t listen_fd = -1;  // set while binding
};

DashboardServer::DashboardServer(EventSource* source, ServerOptions options)
    : DashboardServer(std::make_unique<Api>(source), std::move(options)) {}

DashboardServer::DashboardServer(std::unique_ptr<Api> api, ServerOptions options)
    : impl_(std::make_unique<Impl>()), options_(std::move(options)) {
  impl_->api = std::move(api);
  Wire();
}

void DashboardServer::Wire() {
  httplib::Server& http = impl_->http;
  size_t threads = options_.connection_threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // SO_REUSEADDR (restart right after a stop, despite TIME_WAIT) but not httplib's default
  // SO_REUSEPORT, with which a second server on the port starts silently and takes half the
  // requests. The socket is kept to raise its backlog once bound (Bind).
  http.set_socket_options([impl = impl_.get()](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    impl->listen_fd = sock;
  });
  http.set_read_timeout(config::kReadTimeoutSeconds);
  http.set_write_timeout(config::kWriteTimeoutSeconds);
  http.set_keep_alive_timeout(config::kKeepAliveTimeoutSeconds);
  http.set_keep_alive_max_count(config::kKeepAliveMaxRequests);
  http.set_payload_max_length(config::kMaxRequestBodyBytes);

  // Before routing (and before any body is read): the Host check, then the method.
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!HostAllowed(req.get_header_value("Host"), options_.bind, options_.allowed_hosts)) {
      SetJsonError(res, 421, "bad_host",
                   "this server answers only to its own host names (see serve --allow-host)");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD" && IsKnownPath(req.path)) {
      SetJsonError(res, 405, "method_not_allowed", "only GET and HEAD are supported");
      res.set_header("Allow", kAllowedMethods);
      res.set_header("Connection", "close");  // any body is left unread
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // On every answer, errors included.
  http.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    for (const auto& [name, value] : SecurityHeaders(req.path)) res.set_header(name, value);
  });

  Api* api = impl_->api.get();
  auto api_handler = [api](const httplib::Request& req, httplib::Response& res) {
    Params params(req.params.begin(), req.params.end());
    ClientConnection client(req.remote_addr, req.remote_port, req.local_port);
    ApiResponse r = api->Handle(req.path, params, [&client] { return client.Gone(); });
    res.status = r.status;
    res.set_content(r.body, r.content_type.c_str());
    res.set_header("Cache-Control", "no-store");
    if (r.status == 503) res.set_header("Retry-After", "1");
  };
  http.Get(R"(/api/[a-z\-]+)", api_handler);
  // Registered before the static files: httplib takes the first matching route.
  http.Get("/report.html", api_handler);
  // Static page files; "/" is the page.
  http.Get(R"(/([a-z]+\.(html|js|css|svg))?)", ServeStatic);
  // Anything else: a JSON 404.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    SetJsonError(res, res.status, fmt::format("http_{}", res.status),
                 res.status == 404 ? "no such page" : "request not supported");
  });
  // Every handler returns Statuses; should httplib or json throw anyway, answer 500, not abort.
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SetJsonError(res, 500, "internal", "internal error");
      });
}

DashboardServer::~DashboardServer() { Stop(); }

Status DashboardServer::Bind() {
  httplib::Server& http = impl_->http;
  if (options_.port == 0) {
    port_ = http.bind_to_any_port(options_.bind);
  } else if (http.bind_to_port(options_.bind, options_.port)) {
    port_ = options_.port;
  } else {
    port_ = -1;
  }
  if (port_ <= 0) {
    return Status::IOError(fmt::format("cannot listen on {}:{} (address in use or not local?)",
                                       options_.bind, options_.port));
  }
  // httplib listens with a backlog of 5: a burst of new connections (a benchmark's 50, a browser's
  // parallel fetches) overflows it and the kernel drops their SYNs, which costs each a 1 s
  // retransmit. listen() again only changes the backlog.
  if (impl_->listen_fd >= 0) ::listen(impl_->listen_fd, config::kListenBacklog);
  return Status::Ok();
}

Status DashboardServer::Serve() {
  impl_->serving = true;
  bool ok = impl_->stop_requested || impl_->http.listen_after_bind();
  impl_->serving = false;
  if (!ok) {
    return Status::IOError(
        fmt::format("the server on {}:{} stopped with an error", options_.bind, port_));
  }
  return Status::Ok();
}

void DashboardServer::Stop() {
  // httplib's stop() does nothing until the listen loop runs: a Stop() right after Serve() was
  // called on another thread would be lost and Serve() would never return.
  impl_->stop_requested = true;
  while (impl_->serving && !impl_->http.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (impl_->http.is_running()) impl_->http.stop();
}

}  // namespace entente::server
