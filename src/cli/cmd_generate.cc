// `entente generate --rows N --seed S -o FILE`: writes a synthetic GDELT 2.0 export for
// benchmarks (the model is in src/gen/gdelt_generator.h). The file is written to FILE.partial and
// renamed when complete, so an interrupted run never leaves a plausible-looking truncated file that
// a benchmark would then read. `-o -` writes to stdout.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "gen/gdelt_generator.h"

namespace entente::cli {
namespace {

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IOError(fmt::format("{}: {}", path, std::strerror(errno)));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

class GenerateCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("--rows", rows_, "Number of events (rows) to write (default 1000000)")
        ->check(WholeNumber(1, 10000000000));
    app->add_option("--seed", seed_, "Random seed; the same seed gives the same bytes (default 1)");
    app->add_option("-o,--output", output_, "File to write ('-' for stdout)")->required();
    app->add_option("--from", from_, "First DATEADDED day (default 2015-02-18)");
    app->add_option("--to", to_, "Last DATEADDED day, inclusive (default 2024-12-31)");
  }

  int Run(const GlobalOptions& globals) override {
    gen::GenerateOptions options;
    options.rows = rows_;
    options.seed = seed_;
    Result<DateValue> from = ParseDate(from_);
    if (!from.ok()) return Usage("--from: " + from.status().message());
    Result<Days> to = ParseDateRangeEnd(to_);
    if (!to.ok()) return Usage("--to: " + to.status().message());
    options.from = from->days;
    options.to = *to;
    if (options.from > options.to) {
      return Usage(fmt::format("--from {} is after --to {}", from_, to_));
    }

    const bool to_stdout = output_ == "-";
    const std::string partial = output_ + ".partial";
    int fd = STDOUT_FILENO;
    if (!to_stdout) {
      fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0) {
        return ReportError(Status::IOError(fmt::format("{}: {}", output_, std::strerror(errno))));
      }
    }
    const bool progress = !to_stdout && ShowProgress(globals);
    const auto start = std::chrono::steady_clock::now();
    uint64_t bytes = 0;
    Status status = gen::GenerateGdelt2(options, [&](std::string_view block) {
      bytes += block.size();
      if (progress) {
        double est_rows = static_cast<double>(bytes) / 397.0;  // GDELT 2.0 averages ~397 B/row
        std::fprintf(stderr, "\rgenerate: %5.1f%% %.0f MB",
                     std::min(99.9, 100.0 * est_rows / static_cast<double>(rows_)),
                     static_cast<double>(bytes) / 1e6);
      }
      return WriteAll(fd, block, to_stdout ? "stdout" : output_);
    });
    if (progress) std::fprintf(stderr, "\r\033[K");
    if (!to_stdout) {
      if (status.ok() && ::fsync(fd) != 0) {
        status = Status::IOError(fmt::format("{}: {}", output_, std::strerror(errno)));
      }
      if (::close(fd) != 0 && status.ok()) {
        status = Status::IOError(fmt::format("{}: {}", output_, std::strerror(errno)));
      }
      if (status.ok() && std::rename(partial.c_str(), output_.c_str()) != 0) {
        status = Status::IOError(fmt::format("{}: {}", output_, std::strerror(errno)));
      }
      if (!status.ok()) ::unlink(partial.c_str());
    }
    if (!status.ok()) return ReportError(status);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!globals.quiet) {
      std::fprintf(stderr,
                   "entente: wrote %llu GDELT 2.0 rows (%.1f MB, %.0f bytes/row) to %s in %.2f s "
                   "(%.2fM rows/s)\n",
                   static_cast<unsigned long long>(rows_), static_cast<double>(bytes) / 1e6,
                   static_cast<double>(bytes) / static_cast<double>(rows_),
                   to_stdout ? "stdout" : output_.c_str(), secs,
                   static_cast<double>(rows_) / secs / 1e6);
    }
    return kExitOk;
  }

 private:
  static int Usage(const std::string& why) {
    std::fprintf(stderr, "entente generate: %s\nhint: entente generate --help\n", why.c_str());
    return kExitUsage;
  }

  uint64_t rows_ = 1000000;
  uint64_t seed_ = 1;
  std::string output_;
  std::string from_ = "2015-02-18";
  std::string to_ = "2024-12-31";
};

}  // namespace

std::unique_ptr<CommandHandler> MakeGenerateCommand() {
  return std::make_unique<GenerateCommand>();
}

}  // namespace entente::cli
