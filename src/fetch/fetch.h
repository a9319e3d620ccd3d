// The front door of src/fetch: download GDELT event files for a date range the way GDELT
// publishes them, and hand each verified file to the caller as it arrives (the CLI ingests it
// into the store, draws a progress bar and prints the summary; this folder prints nothing).
//
// What one FetchGdelt() call does:
//   1. makes sure the cache holds a fresh enough file list (file_lists.h) and picks the event
//      export files whose days overlap [from, to] (master_list.h);
//   2. runs `jobs` worker threads, each with its own HTTP connection, over those files
//      (downloader.h): a file already in the cache and verified is skipped; otherwise it is
//      downloaded into NAME.part, resumed with a Range request after a dropped connection,
//      retried with exponential backoff on transient errors, checked for size and MD5, and only
//      then renamed into place;
//   3. calls FetchObserver::OnFile() on the calling thread for each file as it finishes, so the
//      observer needs no locks (the store has one writer).
// Files the server does not have (GDELT has gaps: a 404 on a listed file) are reported as
// missing and do not fail the run. A file whose MD5 stays wrong after every attempt is moved to
// the quarantine directory and reported as failed; it never reaches OnFile() as fetched.
//
// Why threads and blocking transfers instead of curl's multi interface: GDELT's files are
// independent and the work per file (transfer, hash, rename, retry timing) reads best as one
// straight function; four connections already fill a typical link, so there is nothing to gain
// from an event loop over dozens of sockets.
#ifndef ENTENTE_FETCH_FETCH_H_
#define ENTENTE_FETCH_FETCH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "fetch/file_lists.h"
#include "fetch/http_client.h"
#include "fetch/master_list.h"

namespace entente::fetch {

struct FetchOptions {
  GdeltVersion version = GdeltVersion::kV2;
  Days from = 0, to = 0;          // inclusive
  std::string base_url;           // "" = GDELT's own (DefaultBaseUrl); a mirror otherwise
  std::string cache_dir;          // "" = DefaultCacheDir()
  int jobs = 4;                   // parallel transfers; GDELT serves each at several MB/s
  int max_attempts = 4;           // per file, the first try included
  int backoff_ms = 1000;          // wait before the first retry; doubles each time, at most 30 s
  int list_max_age_minutes = 60;  // GDELT 2.0 adds a batch every 15 minutes
  bool dry_run = false;           // list what would be fetched; download no event file
  HttpOptions http;
};

enum class FileState {
  kFetched,  // downloaded (or completed) and verified this run
  kCached,   // already in the cache and verified; nothing downloaded
  kMissing,  // in the list, but the server answers 404/410
  kFailed,   // could not be downloaded or verified; see reason
  kPlanned,  // --dry-run: would be downloaded
};
std::string_view FileStateName(FileState state);  // fetched|cached|missing|failed|planned

struct FileOutcome {
  RemoteFile file;
  FileState state = FileState::kFailed;
  std::string path;        // the verified file (fetched or cached), else ""
  std::string md5;         // MD5 of the file on disk when verified this run (journal)
  int attempts = 0;        // transfers tried
  int64_t downloaded = 0;  // bytes received this run
  bool resumed = false;    // continued a partial download
  std::string reason;      // missing/failed: why; fetched: what had to be retried, if anything
};

struct FetchProgress {
  int64_t files_total = 0;
  int64_t files_done = 0;
  int64_t files_cached = 0;
  int64_t bytes_listed = 0;    // sum of the listed sizes of all files in range
  int64_t bytes_received = 0;  // downloaded so far this run
  double seconds = 0;
};

class FetchObserver {
 public:
  virtual ~FetchObserver() = default;
  // The files picked from the list, before any transfer.
  virtual void OnList(const std::vector<RemoteFile>& files, const ListReport& report) {
    (void)files;
    (void)report;
  }
  // Each file as it finishes, on the thread that called FetchGdelt. An error stops the fetch
  // (transfers in flight are cancelled, .part files kept for the next run) and is returned.
  virtual Status OnFile(const FileOutcome& outcome) {
    (void)outcome;
    return Status::Ok();
  }
  // About five times a second while transfers run, and once at the end.
  virtual void OnProgress(const FetchProgress& progress) { (void)progress; }
};

struct FetchSummary {
  std::vector<FileOutcome> files;  // in name (= time) order
  int64_t fetched = 0, cached = 0, missing = 0, failed = 0, planned = 0;
  int64_t bytes_received = 0;
  double seconds = 0;
  ListReport lists;
  std::string cache_dir;
};

// REQUIRES: observer may be null.
Result<FetchSummary> FetchGdelt(const FetchOptions& options, FetchObserver* observer);

}  // namespace entente::fetch

#endif  // ENTENTE_FETCH_FETCH_H_
