// The dashboard server as a module of its own: entente_http.so, built beside the executable.
//
// `entente serve` opens it when it runs, so that cpp-httplib and the OpenSSL it links are loaded
// only by the command that serves (core/shared_library.h says why libraries are not linked into
// the executable). The module resolves entente's own functions against the executable (which
// exports them), so there is one copy of each; the two must come from the same build.
#ifndef ENTENTE_HTTP_SERVE_MODULE_H_
#define ENTENTE_HTTP_SERVE_MODULE_H_

#include <functional>
#include <memory>

#include "core/status.h"
#include "http/dashboard_server.h"
#include "server/api.h"

namespace entente::http {

struct ServeCall {
  std::unique_ptr<server::Api> api;  // the API to serve (moved into the server)
  server::ServerOptions options;
  std::function<void(int port)> on_listening;  // once bound, before the first request
  Status status;                               // why serving failed or ended
};

// The file name of the module and its entry point, EntenteServeDashboard.
inline constexpr char kServeModule[] = "entente_http.so";
inline constexpr char kServeEntry[] = "EntenteServeDashboard";
using ServeEntry = void (*)(ServeCall*);

}  // namespace entente::http

// Binds and serves until stopped; the outcome is in call->status.
extern "C" void EntenteServeDashboard(entente::http::ServeCall* call);

#endif  // ENTENTE_HTTP_SERVE_MODULE_H_
