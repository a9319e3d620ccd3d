// `entente fetch gdelt`: download GDELT event files for a date range into the cache, verified,
// and with --ingest feed them to the store in batches as they arrive. The work is in src/fetch
// (fetch.h); this file turns flags into FetchOptions, draws the progress bar on stderr, prints one
// row per file on stdout (TableWriter) and the summary on stderr.
//
// Ingest is batched (kIngestBatchFiles files or kIngestBatchBytes, whichever comes first) rather
// than one store commit per file: a GDELT 2.0 day is 96 files of ~1,500 events, and a segment per
// 15-minute file would leave the store with thousands of tiny segments. Files already in the cache
// are ingested too, so an interrupted `fetch --ingest` completes on the next run; the store drops
// the events it already holds.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/clickhouse_store.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "fetch/fetch.h"
#include "io/reject_sinks.h"
#include "store/store.h"

namespace entente::cli {
namespace {

constexpr size_t kIngestBatchFiles = 192;         // two GDELT 2.0 days
constexpr int64_t kIngestBatchBytes = 256 << 20;  // compressed; ~2.5M events
constexpr int kProgressWidth = 24;                // characters of the bar itself

std::string Bytes(int64_t n) {
  if (n < 1024) return fmt::format("{} B", n);
  if (n < (int64_t(1) << 20)) return fmt::format("{:.1f} KB", double(n) / 1024);
  if (n < (int64_t(1) << 30)) return fmt::format("{:.1f} MB", double(n) / (1 << 20));
  return fmt::format("{:.2f} GB", double(n) / (int64_t(1) << 30));
}

std::string Covers(const fetch::RemoteFile& f) {
  if (f.first == f.last) return FormatDate(f.first);
  CivilDate a = CivilFromDays(f.first);
  if (a.month == 1 && CivilFromDays(f.last).month == 12) {
    return FormatDate(f.first, DatePrecision::kYear);
  }
  return FormatDate(f.first, DatePrecision::kMonth);
}

// Receives files as they finish: draws progress, batches verified files into the store.
class FetchPrinter : public fetch::FetchObserver {
 public:
  FetchPrinter(bool progress, store::Store* store, clickhouse::ClickHouseStore* cluster,
               RejectSink* rejects)
      : progress_(progress), store_(store), cluster_(cluster), rejects_(rejects) {}

  Status OnFile(const fetch::FileOutcome& o) override {
    if ((!store_ && !cluster_) || o.path.empty()) return Status::Ok();
    if (o.state != fetch::FileState::kFetched && o.state != fetch::FileState::kCached) {
      return Status::Ok();
    }
    pending_.push_back(o.path);
    pending_bytes_ += std::max<int64_t>(o.file.size, 0);
    if (pending_.size() >= kIngestBatchFiles || pending_bytes_ >= kIngestBatchBytes) {
      return Flush();
    }
    return Status::Ok();
  }

  void OnProgress(const fetch::FetchProgress& p) override {
    last_ = p;
    if (progress_) Draw();
  }

  // Adds one flush's counts (the store's or the cluster's, which count the same things) and
  // empties the batch.
  template <class Stats>
  void Count(const Stats& stats) {
    ingest_.files += stats.files;
    ingest_.rows += stats.rows;
    ingest_.stored += stats.stored;
    ingest_.duplicates += stats.duplicates;
    ingest_.rejected += stats.rejected;
    ingest_.bytes += stats.bytes;
    pending_.clear();
    pending_bytes_ = 0;
  }

  // Ingests what is pending; called by OnFile and once at the end.
  Status Flush() {
    if ((!store_ && !cluster_) || pending_.empty()) return Status::Ok();
    ingesting_ = true;
    batch_rows_ = 0;
    if (progress_) Draw();
    if (cluster_) return FlushToCluster();
    store::IngestOptions options;
    options.rejects = rejects_;
    if (progress_) {
      // Runs on the store's progress thread while this one waits in IngestFiles, so the line is
      // never drawn from two threads at once.
      options.progress = [this](const store::IngestProgress& p) {
        batch_rows_ = p.rows;
        Draw();
      };
    }
    store::IngestStats stats;
    Status st = store_->IngestFiles(pending_, options, &stats);
    ingesting_ = false;
    if (!st.ok()) return st;
    if (!stats.compact_warning.empty()) {
      ClearLine();
      std::fprintf(stderr, "entente: warning: %s\n", stats.compact_warning.c_str());
    }
    Count(stats);
    return Status::Ok();
  }

  void ClearLine() {
    if (progress_ && drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }

  const store::IngestStats& ingest() const { return ingest_; }

 private:
  Status FlushToCluster() {
    clickhouse::IngestStats stats;
    Status st = cluster_->IngestFiles(pending_, io::Format::kAuto, rejects_, &stats);
    ingesting_ = false;
    if (!st.ok()) return st;
    Count(stats);
    return Status::Ok();
  }

 private:
  void Draw() {
    const fetch::FetchProgress& p = last_;
    double frac = p.files_total > 0 ? double(p.files_done) / double(p.files_total) : 1.0;
    int filled = int(frac * kProgressWidth);
    std::string bar(size_t(filled), '#');
    bar.resize(kProgressWidth, '.');
    double rate = p.seconds > 0 ? double(p.bytes_received) / p.seconds : 0;
    std::string line = fmt::format("\r[{}] {}/{} files  {} at {}/s", bar, p.files_done,
                                   p.files_total, Bytes(p.bytes_received), Bytes(int64_t(rate)));
    if (p.files_cached > 0) line += fmt::format("  {} cached", p.files_cached);
    if (store_ || cluster_) line += fmt::format("  {} events stored", ingest_.stored);
    if (ingesting_ && store_) {
      line += fmt::format("  (ingesting: {} rows read)",
                          Human(static_cast<double>(ingest_.rows + batch_rows_)));
    } else if (ingesting_) {
      line += "  (ingesting)";  // the cluster tells no progress
    }
    line += "\033[K";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    drawn_ = true;
  }

  bool progress_;
  store::Store* store_;                   // not owned; null without --ingest
  clickhouse::ClickHouseStore* cluster_;  // not owned; set instead of store_ for a ClickHouse store
  RejectSink* rejects_;                   // not owned; may be null
  std::vector<std::string> pending_;
  int64_t pending_bytes_ = 0;
  store::IngestStats ingest_;
  fetch::FetchProgress last_;
  bool ingesting_ = false;
  int64_t batch_rows_ = 0;  // rows of the batch being ingested, read so far
  bool drawn_ = false;
};

class FetchCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("dataset", dataset_, "What to fetch: gdelt")
        ->required()
        ->check(CLI::IsMember({"gdelt"}));
    app->add_option("--from", from_, "First day (YYYY, YYYY-MM or YYYY-MM-DD), inclusive")
        ->required();
    app->add_option("--to", to_,
                    "Last day, inclusive (default: the end of --from's year, month or day)");
    app->add_option("--version", version_, "GDELT 1 (daily files, 1979-) or 2 (15-minute, 2015-)")
        ->check(CLI::IsMember({1, 2}));
    app->add_option("--mirror", mirror_,
                    "Base URL serving GDELT's lists and files, in place of data.gdeltproject.org");
    app->add_flag("--ingest", ingest_, "Ingest the verified files into the store (--store)");
    app->add_option("--jobs", jobs_, "Parallel downloads (default 4)")->check(WholeNumber(1, 64));
    app->add_option("--cache", cache_,
                    "Cache directory (default $XDG_CACHE_HOME/entente/gdelt, else "
                    "~/.cache/entente/gdelt)");
    app->add_flag("--dry-run", dry_run_, "List the files that would be fetched; download none");
    app->add_option("--retries", retries_, "Retries per file after the first try (default 3)")
        ->check(WholeNumber(0, 99));
    app->add_option("--retry-wait", retry_wait_ms_,
                    "Milliseconds before the first retry; doubles each time (default 1000)")
        ->check(WholeNumber(0, 600000));
    app->add_option("--list-max-age", list_max_age_,
                    "Minutes a cached file list is used before it is revalidated (default 60)")
        ->check(WholeNumber(0, 1000000));
    app->add_option("--stall-timeout", stall_timeout_s_,
                    "Seconds below 1 KB/s before a transfer is dropped and retried (default 60)")
        ->check(WholeNumber(1, 3600));
  }

  int Run(const GlobalOptions& globals) override {
    fetch::FetchOptions options;
    options.version = version_ == 1 ? fetch::GdeltVersion::kV1 : fetch::GdeltVersion::kV2;
    Result<DateValue> from = ParseDate(from_);
    if (!from.ok()) return Usage(from.status().message());
    Result<Days> to = ParseDateRangeEnd(to_.empty() ? from_ : to_);
    if (!to.ok()) return Usage(to.status().message());
    options.from = from->days;
    options.to = *to;
    if (options.from > options.to) {
      return Usage(fmt::format("--from {} is after --to {}", from_, to_));
    }
    options.base_url = mirror_;
    options.cache_dir = cache_;
    options.jobs = jobs_;
    options.max_attempts = retries_ + 1;
    options.backoff_ms = retry_wait_ms_;
    options.list_max_age_minutes = list_max_age_;
    options.dry_run = dry_run_;
    options.http.stall_timeout_s = stall_timeout_s_;

    Result<OutputFormat> format = ResolveOutputFormat(globals.format);
    if (!format.ok()) return ReportError(format.status());

    // Open the store first: a locked store should fail before an hour of downloading.
    std::unique_ptr<store::Store> store;
    io::TsvRejectSink reject_file;
    std::string reject_path;
    std::unique_ptr<io::SummaryRejectSink> rejects;
    std::unique_ptr<clickhouse::ClickHouseStore> cluster;
    if (ingest_ && !dry_run_ && IsClickHouseStore(globals)) {
      Result<std::unique_ptr<clickhouse::ClickHouseStore>> opened = OpenClickHouse(globals);
      if (!opened.ok()) return ReportError(opened.status());
      cluster = std::move(opened).value();
      rejects = std::make_unique<io::SummaryRejectSink>();  // counted; no store dir to keep them
    } else if (ingest_ && !dry_run_) {
      std::string dir = ResolveStoreDir(globals);
      Result<std::unique_ptr<store::Store>> opened =
          store::Store::Open(dir, store::OpenMode::kWrite);
      if (!opened.ok()) return ReportError(opened.status().WithContext(dir));
      store = std::move(opened).value();
      std::error_code ec;
      std::filesystem::create_directories(dir + "/rejects", ec);
      reject_path = fmt::format("{}/rejects/fetch-gdelt{}-{}-{}.tsv", dir, version_,
                                FormatDate(options.from), FormatDate(options.to));
      if (Status st = reject_file.Open(reject_path); !st.ok()) return ReportError(st);
      rejects = std::make_unique<io::SummaryRejectSink>(&reject_file);
    }

    FetchPrinter printer(ShowProgress(globals), store.get(), cluster.get(), rejects.get());
    Result<fetch::FetchSummary> result = fetch::FetchGdelt(options, &printer);
    Status flushed = result.ok() ? printer.Flush() : Status::Ok();
    printer.ClearLine();
    Status closed = store ? reject_file.Close() : Status::Ok();
    if (!result.ok()) return ReportError(result.status());
    if (!flushed.ok()) return ReportError(flushed);
    if (!closed.ok()) return ReportError(closed);
    const fetch::FetchSummary& s = *result;

    for (const std::string& note : s.lists.notes) {
      if (!globals.quiet) std::fprintf(stderr, "entente: note: %s\n", note.c_str());
    }
    if (s.files.empty()) {
      std::fprintf(
          stderr, "entente: no GDELT %d.0 event files between %s and %s in the list%s\n", version_,
          FormatDate(options.from).c_str(), FormatDate(options.to).c_str(),
          version_ == 2 ? " (GDELT 2.0 starts 2015-02-18; try --version 1 before that)" : "");
      return kExitNotFound;
    }

    {
      TableWriter table(
          std::cout, *format,
          {"file", "covers", "bytes", "status", "attempts", "received", "reason", "path"});
      for (const fetch::FileOutcome& o : s.files) {
        table.Row({o.file.name, Covers(o.file),
                   o.file.size >= 0 ? Cell(o.file.size) : Cell(std::monostate{}),
                   std::string(fetch::FileStateName(o.state)), int64_t(o.attempts), o.downloaded,
                   o.reason, o.path});
      }
      table.Finish();
    }
    std::cout.flush();

    PrintSummary(globals, options, s, printer, reject_path, rejects.get());
    if (rejects && rejects->count() == 0 && !reject_path.empty()) {
      std::error_code ec;
      std::filesystem::remove(reject_path, ec);
    }
    return s.failed > 0 ? kExitNetwork : kExitOk;
  }

 private:
  int Usage(const std::string& why) {
    std::fprintf(stderr, "entente: %s\nrun 'entente fetch --help' for usage\n", why.c_str());
    return kExitUsage;
  }

  void PrintSummary(const GlobalOptions& globals, const fetch::FetchOptions& options,
                    const fetch::FetchSummary& s, const FetchPrinter& printer,
                    const std::string& reject_path, const io::SummaryRejectSink* rejects) {
    if (options.dry_run) {
      if (globals.quiet) return;
      int64_t bytes = 0;
      for (const auto& o : s.files) {
        if (o.state == fetch::FileState::kPlanned) bytes += std::max<int64_t>(o.file.size, 0);
      }
      std::fprintf(stderr, "dry run: %lld files to fetch (%s), %lld already cached in %s\n",
                   (long long)s.planned, Bytes(bytes).c_str(), (long long)s.cached,
                   s.cache_dir.c_str());
      return;
    }
    // Missing and failed files are always told, even with --quiet: they change what the data says.
    if (!globals.quiet) {
      double rate = s.seconds > 0 ? double(s.bytes_received) / s.seconds : 0;
      std::fprintf(stderr,
                   "fetched %lld, skipped %lld (already cached), missing %lld, failed %lld of "
                   "%zu files; %s in %.1f s (%s/s)\n",
                   (long long)s.fetched, (long long)s.cached, (long long)s.missing,
                   (long long)s.failed, s.files.size(), Bytes(s.bytes_received).c_str(), s.seconds,
                   Bytes(int64_t(rate)).c_str());
    }
    for (const auto& o : s.files) {
      if (o.state == fetch::FileState::kMissing || o.state == fetch::FileState::kFailed) {
        std::fprintf(stderr, "  %s %s: %s\n", std::string(fetch::FileStateName(o.state)).c_str(),
                     o.file.name.c_str(), o.reason.c_str());
      }
    }
    if (s.missing > 0 && !globals.quiet) {
      std::fprintf(
          stderr,
          "  (missing files are gaps on GDELT's side; the rest of the range is complete)\n");
    }
    if (!globals.quiet) std::fprintf(stderr, "cache: %s\n", s.cache_dir.c_str());
    if (rejects && !globals.quiet) {
      const store::IngestStats& in = printer.ingest();
      std::fprintf(stderr,
                   "ingested %lld files: %lld rows, %lld stored, %lld duplicates, %lld rejected\n",
                   (long long)in.files, (long long)in.rows, (long long)in.stored,
                   (long long)in.duplicates, (long long)in.rejected);
      if (rejects->count() > 0 && !reject_path.empty()) {
        std::fprintf(stderr, "  %s (written to %s)\n", rejects->Summary().c_str(),
                     reject_path.c_str());
      } else if (rejects->count() > 0) {
        std::fprintf(stderr, "  %s\n", rejects->Summary().c_str());
      }
    }
  }

  std::string dataset_;
  std::string from_, to_, mirror_, cache_;
  int version_ = 2;
  bool ingest_ = false;
  bool dry_run_ = false;
  int jobs_ = 4;
  int retries_ = 3;
  int retry_wait_ms_ = 1000;
  int list_max_age_ = 60;
  long stall_timeout_s_ = 60;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeFetchCommand() { return std::make_unique<FetchCommand>(); }

}  // namespace entente::cli
