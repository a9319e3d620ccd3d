// `entente ingest PATH...`: reads event files into the store (see store/store.h for how), shows a
// progress bar on a terminal, and ends with one summary line:
//   ingested 2 files: 120000 rows, 119800 stored, 150 duplicates, 50 rejected (rejects: PATH)
// Rejected rows go to --rejects FILE, by default <store>/rejects/<UTC timestamp>.tsv, created only
// when there is something to write.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <mutex>

#include "cli/clickhouse_store.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/progress.h"
#include "io/reject_sinks.h"
#include "store/store.h"

namespace entente::cli {
namespace {

// A TSV rejects file opened on the first reject; safe to call from many ingest threads.
class LazyRejectFile : public RejectSink {
 public:
  explicit LazyRejectFile(std::string path) : path_(std::move(path)) {}
  void Add(const Reject& r) override {
    std::lock_guard<std::mutex> l(mu_);
    if (!opened_) {
      opened_ = true;
      size_t slash = path_.rfind('/');
      if (slash != std::string::npos) mkdir(path_.substr(0, slash).c_str(), 0755);
      open_status_ = sink_.Open(path_);
    }
    if (open_status_.ok()) sink_.Add(r);
  }
  Status Close() {
    if (!opened_) return Status::Ok();
    RETURN_IF_ERROR(open_status_);
    return sink_.Close();
  }
  bool used() const { return opened_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::mutex mu_;
  bool opened_ = false;
  Status open_status_;
  io::TsvRejectSink sink_;
};

class IngestCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("paths", paths_, "Event files (GDELT 1/2, ICEWS, Phoenix, JSONL; .gz/.zip)")
        ->required();
    app->add_option("--format", format_,
                    "Force the input format: auto, gdelt1, gdelt2, icews, "
                    "phoenix, jsonl, chronicle")
        ->default_val("auto");
    app->add_option("--jobs,-j", jobs_, "Parsing threads (default: all cores)");
    app->add_option("--rejects", rejects_, "Write rejected rows here (TSV)");
  }

  int Run(const GlobalOptions& globals) override {
    auto format = io::ParseFormat(format_);
    if (!format.ok()) {
      std::fprintf(stderr, "entente: %s\nrun 'entente ingest --help' for usage\n",
                   format.status().message().c_str());
      return kExitUsage;
    }
    if (jobs_ < 0) {
      std::fprintf(stderr, "entente: --jobs must be at least 1\n");
      return kExitUsage;
    }
    if (IsClickHouseStore(globals)) return ClickHouseIngest(globals, paths_, *format, rejects_);
    std::string dir = ResolveStoreDir(globals);
    auto store = store::Store::Open(dir, store::OpenMode::kWrite);
    if (!store.ok()) return ReportError(store.status());

    std::string rejects_path = rejects_;
    if (rejects_path.empty()) {
      std::time_t now = std::time(nullptr);
      char stamp[32];
      std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", std::gmtime(&now));
      rejects_path = fmt::format("{}/rejects/{}-{}.tsv", dir, stamp, getpid());
    }
    LazyRejectFile rejects(rejects_path);

    store::IngestOptions options;
    options.jobs = jobs_;
    options.format = *format;
    options.rejects = &rejects;
    auto start = std::chrono::steady_clock::now();
    ProgressLine line(ShowProgress(globals), "rows");
    if (ShowProgress(globals)) {
      // The bar follows bytes (known up front); the count and rate are rows.
      options.progress = [&line](const store::IngestProgress& p) {
        double secs = std::max(line.seconds(), 1e-3);
        double frac = p.bytes_total > 0 ? static_cast<double>(p.bytes_done) / p.bytes_total : 0;
        double total = frac > 0 ? p.rows / frac : 0;
        line.Draw(static_cast<double>(p.rows), total,
                  fmt::format("  {:.1f} MB/s", p.bytes_done / secs / 1e6));
      };
    }
    store::IngestStats stats;
    Status s = (*store)->IngestFiles(paths_, options, &stats);
    line.Finish();
    Status rs = rejects.Close();
    if (!s.ok()) {
      int code = ReportError(s);
      return NamesAnInput(s) ? kExitBadInput : code;
    }
    if (!globals.quiet) SayWhichHadNoRows(stats);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string where = rejects.used() ? fmt::format(" (rejects: {})", rejects.path()) : "";
    // Through std::cout, which the Python module reads.
    std::cout << fmt::format(
        "ingested {} files: {} rows, {} stored, {} duplicates, {} rejected{}\n", stats.files,
        stats.rows, stats.stored, stats.duplicates, stats.rejected, where);
    std::cout.flush();
    if (!stats.compact_warning.empty()) {
      std::fprintf(stderr, "entente: warning: %s\n", stats.compact_warning.c_str());
    }
    if (!globals.quiet && stats.compacted > 0) {
      std::fprintf(stderr, "entente: merged %d smaller segments (%s rows) after the ingest\n",
                   stats.compacted, Human(static_cast<double>(stats.compacted_rows)).c_str());
    }
    if (!globals.quiet) {
      std::fprintf(stderr, "entente: %.2f s, %s rows/s, %.1f MB/s; the store holds %lld events\n",
                   secs, Human(stats.rows / std::max(secs, 1e-6)).c_str(),
                   stats.bytes / std::max(secs, 1e-6) / 1e6,
                   static_cast<long long>((*store)->events()));
    }
    if (!rs.ok()) return ReportError(rs);
    return kExitOk;
  }

 private:
  // A missing input file is the input's problem (exit 3, as for `events`); a NotFound from the
  // store itself (a missing segment) keeps its own exit code. The store's messages about an input
  // start with its path.
  bool NamesAnInput(const Status& s) const {
    if (s.code() != StatusCode::kNotFound) return false;
    for (const std::string& p : paths_) {
      if (s.message().starts_with(p + ":")) return true;
    }
    return false;
  }

  // An empty input is not an error, but worth a word: a wrong file or a failed download looks
  // like one. The store counts rows over all inputs, so with several inputs a file counts as
  // empty here only when it has no bytes.
  void SayWhichHadNoRows(const store::IngestStats& stats) const {
    for (const std::string& p : paths_) {
      struct stat st;
      bool no_bytes = p != "-" && stat(p.c_str(), &st) == 0 && st.st_size == 0;
      if (stats.rows == 0 || no_bytes) {
        std::fprintf(stderr, "entente: %s: no rows\n", p == "-" ? "standard input" : p.c_str());
      }
    }
  }

  std::vector<std::string> paths_;
  std::string format_ = "auto";
  int jobs_ = 0;
  std::string rejects_;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeIngestCommand() { return std::make_unique<IngestCommand>(); }

}  // namespace entente::cli
