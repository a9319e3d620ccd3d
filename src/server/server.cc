#include "server/server.h"

#include <fmt/format.h>
#include <httplib.h>

#include "core/embedded.h"
#include "server/api.h"

namespace entente::server {

std::string_view WebAsset(std::string_view name, std::string_view* content_type) {
  std::optional<std::string_view> bytes = EmbeddedFile(std::string("web/") + std::string(name));
  if (!bytes) return {};
  if (name.ends_with(".html")) {
    *content_type = "text/html; charset=utf-8";
  } else if (name.ends_with(".js")) {
    *content_type = "text/javascript; charset=utf-8";
  } else if (name.ends_with(".css")) {
    *content_type = "text/css; charset=utf-8";
  } else {
    *content_type = "application/octet-stream";
  }
  return *bytes;
}

struct DashboardServer::Impl {
  explicit Impl(EventSource* source) : api(source) {}
  httplib::Server http;
  Api api;
};

DashboardServer::DashboardServer(EventSource* source, ServerOptions options)
    : impl_(std::make_unique<Impl>(source)), options_(std::move(options)) {
  httplib::Server& http = impl_->http;
  Api* api = &impl_->api;
  auto api_handler = [api](const httplib::Request& req, httplib::Response& res) {
    Params params(req.params.begin(), req.params.end());
    ApiResponse r = api->Handle(req.path, params);
    res.status = r.status;
    res.set_content(r.body, r.content_type.c_str());
    res.set_header("Cache-Control", "no-store");
  };
  http.Get(R"(/api/[a-z\-]+)", api_handler);
  // Registered before the static files: httplib takes the first matching route.
  http.Get("/report.html", api_handler);
  // Static page files; "/" is the page.
  http.Get(R"(/([a-z]+\.(html|js|css))?)", [](const httplib::Request& req, httplib::Response& res) {
    std::string name = req.matches[1].str();
    if (name.empty()) name = "index.html";
    std::string_view type;
    std::string_view bytes = WebAsset(name, &type);
    if (bytes.empty()) {
      res.status = 404;
      res.set_content(R"({"error":{"code":"not_found","message":"no such file"}})",
                      "application/json");
      return;
    }
    res.set_content(bytes.data(), bytes.size(), std::string(type).c_str());
    res.set_header("Cache-Control", "no-cache");
  });
  // Anything else (including other methods on known paths): a JSON 404 or 405.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    res.set_content(fmt::format(R"({{"error":{{"code":"http_{}","message":"{}"}}}})", res.status,
                                res.status == 404 ? "no such page" : "request not supported"),
                    "application/json");
  });
  // Every handler returns Statuses; should httplib or json throw anyway, answer 500, not abort.
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(R"({"error":{"code":"internal","message":"internal error"}})",
                        "application/json");
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
  return Status::Ok();
}

Status DashboardServer::Serve() {
  if (!impl_->http.listen_after_bind()) {
    return Status::IOError(
        fmt::format("the server on {}:{} stopped with an error", options_.bind, port_));
  }
  return Status::Ok();
}

void DashboardServer::Stop() {
  if (impl_->http.is_running()) impl_->http.stop();
}

}  // namespace entente::server
