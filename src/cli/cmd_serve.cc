// `entente serve`: the local dashboard (server::DashboardServer) over the same data the read
// commands use — the store, or the embedded chronicle while the store is empty — kept current as
// other processes ingest or compact (OpenLiveSource). Loopback only unless --bind says otherwise.
// Runs until interrupted (Ctrl-C). A port already in use is an error (exit 1, as every IOError).
#include <fmt/format.h>
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <thread>

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
        ->check(WholeNumber(0, 65535));
    app->add_option("--allow-host", options_.allowed_hosts,
                    "Also answer requests for this host name (repeatable; by default a loopback "
                    "server answers only localhost, 127.x.x.x and [::1])");
  }

  int Run(const GlobalOptions& globals) override {
    // glibc gives each thread that allocates under contention its own arena (up to 8 per core)
    // and every arena keeps what it freed: with hundreds of connection threads building answers,
    // the server's RSS grew 2-3x under load and stayed there. One arena per core bounds that
    // (1.4x on a 2M-event store under 50 connections, bench/run_server.sh).
    mallopt(M_ARENA_MAX, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    // One source per compute slot (plus one that watches for commits), each opened as the read
    // commands open theirs.
    bool quiet_next = globals.quiet;
    auto factory = [&]() -> Result<std::unique_ptr<EventSource>> {
      GlobalOptions g = globals;
      g.quiet = quiet_next;
      quiet_next = true;  // say "using the embedded chronicle" once
      return OpenLiveSource(g);
    };
    Result<std::unique_ptr<server::Api>> api = server::Api::Open(factory);
    if (!api.ok()) return ReportError(api.status());
    server::DashboardServer server(std::move(*api), options_);
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
