// `entente serve`: the local dashboard (server::DashboardServer, run from its module) over the same
// data the read commands use — the store, or the embedded chronicle while the store is empty — kept
// current as other processes ingest or compact (OpenLiveSource). Loopback only unless --bind says
// otherwise. Runs until interrupted (Ctrl-C). A port already in use is an error (exit 1, as every
// IOError).
#include <fmt/format.h>
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "core/shared_library.h"
#include "http/serve_module.h"
#include "server/server_config.h"
#include "store/actor_days.h"

namespace entente::cli {
namespace {

// The dashboard's module (http/serve_module.h), beside this executable.
Result<http::ServeEntry> LoadServeModule() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return Status::IOError("cannot find the entente executable: " + ec.message());
  const std::string path = (exe.parent_path() / http::kServeModule).string();
  ASSIGN_OR_RETURN(void* module,
                   OpenSharedLibrary(path.c_str(), "entente's build, which writes it there"));
  ASSIGN_OR_RETURN(void* entry, LibrarySymbol(module, path.c_str(), http::kServeEntry));
  return reinterpret_cast<http::ServeEntry>(entry);
}

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
    // Their week and day series share one cache of actors' day cells (store/actor_days.h).
    bool quiet_next = globals.quiet;
    auto actor_days = std::make_shared<store::ActorDayCache>(server::config::kActorDayCacheBytes);
    auto factory = [&]() -> Result<std::unique_ptr<EventSource>> {
      GlobalOptions g = globals;
      g.quiet = quiet_next;
      quiet_next = true;  // say "using the embedded chronicle" once
      return OpenLiveSource(g, actor_days);
    };
    Result<std::unique_ptr<server::Api>> api = server::Api::Open(factory);
    if (!api.ok()) return ReportError(api.status());
    Result<http::ServeEntry> serve = LoadServeModule();
    if (!serve.ok()) return ReportError(serve.status());
    http::ServeCall call;
    call.api = std::move(*api);
    call.options = options_;
    call.on_listening = [&](int port) {
      std::string host =
          options_.bind.find(':') != std::string::npos ? "[" + options_.bind + "]" : options_.bind;
      // The URL goes to stdout (scripts read it); the note to stderr.
      std::printf("http://%s:%d/\n", host.c_str(), port);
      std::fflush(stdout);
      if (!globals.quiet) {
        std::fprintf(stderr, "entente: serving the dashboard on http://%s:%d/ (Ctrl-C to stop)\n",
                     host.c_str(), port);
      }
    };
    (*serve)(&call);
    if (!call.status.ok()) return ReportError(call.status);
    return kExitOk;
  }

 private:
  server::ServerOptions options_;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeServeCommand() { return std::make_unique<ServeCommand>(); }

}  // namespace entente::cli
