#include "http/serve_module.h"

extern "C" void EntenteServeDashboard(entente::http::ServeCall* call) {
  entente::server::DashboardServer server(std::move(call->api), call->options);
  if (entente::Status st = server.Bind(); !st.ok()) {
    call->status = st;
    return;
  }
  if (call->on_listening) call->on_listening(server.port());
  call->status = server.Serve();
}
