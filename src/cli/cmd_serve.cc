// `entente serve`: the local dashboard (server::DashboardServer) over the same data the read
// commands use — the store, or the embedded chronicle while the store is empty — kept current as
// other processes ingest or compact (OpenLiveSource). Loopback only unless --bind says otherwise.
// Runs until interrupted (Ctrl-C).
#include <fmt/format.h>

#include <cstdio>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "server/server.h"

namespace entente::cli {
namespace {

class ServeCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("--bind", options_.bind, "Address to listen on (default 127.0.0.1)");
    app->add_option("--port", options_.port, "Port (default 8080; 0 picks a free port)")
        ->check(CLI::Range(0, 65535));
  }

  int Run(const GlobalOptions& globals) override {
    Result<std::unique_ptr<EventSource>> source = OpenLiveSource(globals);
    if (!source.ok()) return ReportError(source.status());
    server::DashboardServer server(source->get(), options_);
    if (Status st = server.Bind(); !st.ok()) return ReportError(st);
    std::string host =
        options_.bind.find(':') != std::string::npos ? "[" + options_.bind + "]" : options_.bind;
    // The URL goes to stdout (scripts read it); the note to stderr.
    std::printf("http://%s:%d/\n", host.c_str(), server.port());
    std::fflush(stdout);
    if (!globals.quiet) {
      std::fprintf(stderr, "entente: serving the dashboard on http://%s:%d/ (Ctrl-C to stop)\n",
                   host.c_str(), server.port());
    }
    if (Status st = server.Serve(); !st.ok()) return ReportError(st);
    return kExitOk;
  }

 private:
  server::ServerOptions options_;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeServeCommand() { return std::make_unique<ServeCommand>(); }

}  // namespace entente::cli
