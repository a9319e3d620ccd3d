// RejectSinks the callers pick from: collect in memory (tests, small files), write a TSV rejects
// file (the CLI's --rejects FILE), and a summary that keeps the count and the first reject for the
// one-line note on stderr while forwarding everything to another sink.
//
// Rejects file format (version 1): a header line, then one line per reject with the columns
//   file, line, offset, column, reason, raw
// where `raw` is the offending line cut to Reject::kMaxRawBytes, with backslash, tab, CR and LF
// escaped as \\ \t \r \n so that every reject stays one line.
#ifndef ENTENTE_IO_REJECT_SINKS_H_
#define ENTENTE_IO_REJECT_SINKS_H_

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "core/reject.h"
#include "core/status.h"

namespace entente::io {

class MemoryRejectSink : public RejectSink {
 public:
  void Add(const Reject& reject) override { rejects_.push_back(reject); }
  const std::vector<Reject>& rejects() const { return rejects_; }

 private:
  std::vector<Reject> rejects_;
};

class TsvRejectSink : public RejectSink {
 public:
  TsvRejectSink() = default;
  ~TsvRejectSink() override;
  TsvRejectSink(const TsvRejectSink&) = delete;
  TsvRejectSink& operator=(const TsvRejectSink&) = delete;

  // Creates (truncates) `path` and writes the header.
  Status Open(const std::string& path);
  void Add(const Reject& reject) override;
  // Flushes and closes; reports a write error (full disk) that Add() could not.
  Status Close();

 private:
  std::string path_;
  std::FILE* f_ = nullptr;
  bool failed_ = false;
};

class SummaryRejectSink : public RejectSink {
 public:
  // `next` (not owned, may be null) receives every reject too.
  explicit SummaryRejectSink(RejectSink* next = nullptr) : next_(next) {}
  void Add(const Reject& reject) override;
  int64_t count() const { return count_; }
  const std::optional<Reject>& first() const { return first_; }
  // "3 rows rejected; first: path:line: reason", or "" when none.
  std::string Summary() const;

 private:
  RejectSink* next_;
  int64_t count_ = 0;
  std::optional<Reject> first_;
};

// Escapes \\, \t, \r, \n (and other control bytes as \xNN) for one-line TSV output.
std::string EscapeTsvField(std::string_view text);

}  // namespace entente::io

#endif  // ENTENTE_IO_REJECT_SINKS_H_
