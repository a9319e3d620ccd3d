// Store::IngestFiles: the parallel, streaming, bounded-memory front of an ingest.
//
// The main thread reads each plain file in chunks of config::kChunkBytes cut at line ends and
// queues them (at most 2 per worker in flight); workers parse chunks with io::ReadEventBytes and
// hand rows to the Ingester, which sorts and writes runs as segments. Compressed files (.gz,
// .zip) and formats whose rows depend on a header (ICEWS, the chronicle) cannot be cut: a worker
// reads them whole with io::ReadEventFile (still streaming inside the reader). Memory is the
// chunks in flight plus the workers' runs, whatever the input size.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include "store/file_util.h"
#include "store/ingester.h"
#include "store/manifest.h"
#include "store/segment_reader.h"
#include "store/store.h"
#include "store/store_config.h"

namespace entente::store {
namespace {

// An OS error reading an input file: the input's problem (as io's readers say it), not the store's.
Status InputError(const std::string& path, int err) {
  std::string msg = fmt::format("{}: {}", path, std::strerror(err));
  return err == ENOENT ? Status::NotFound(msg) : Status::IOError(msg);
}

struct WorkItem {
  std::string path;
  std::string data;  // a chunk's buffer (its first `size` bytes); empty with whole_file
  size_t size = 0;
  bool whole_file = false;
  io::Format format = io::Format::kAuto;
  int64_t base_line = 0;    // lines before this chunk
  int64_t base_offset = 0;  // bytes before this chunk
  int64_t file_bytes = 0;   // whole_file: the file's size (for progress)
};

class WorkQueue {
 public:
  explicit WorkQueue(size_t capacity) : capacity_(capacity) {}
  // False when the queue was closed (an error happened).
  bool Push(WorkItem item) {
    std::unique_lock<std::mutex> l(mu_);
    not_full_.wait(l, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  bool Pop(WorkItem* item) {
    std::unique_lock<std::mutex> l(mu_);
    not_empty_.wait(l, [&] { return !items_.empty() || closed_ || done_; });
    if (items_.empty() || closed_) return false;
    *item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }
  void Finish() {  // no more items
    std::lock_guard<std::mutex> l(mu_);
    done_ = true;
    not_empty_.notify_all();
  }
  void Close() {  // abandon
    std::lock_guard<std::mutex> l(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<WorkItem> items_;
  size_t capacity_;
  bool done_ = false, closed_ = false;
};

// Chunk buffers, reused: a fresh 8 MiB string per chunk was zero-filled by resize, then its pages
// faulted in by the read and returned to the system after parsing (~4% of ingest CPU at 1M rows).
// At most queue capacity + workers + 2 buffers exist.
class BufferPool {
 public:
  std::string Get() {
    {
      std::lock_guard<std::mutex> l(mu_);
      if (!free_.empty()) {
        std::string b = std::move(free_.back());
        free_.pop_back();
        return b;
      }
    }
    return std::string(config::kChunkBytes, '\0');
  }
  void Put(std::string b) {
    if (b.size() != config::kChunkBytes) return;
    std::lock_guard<std::mutex> l(mu_);
    free_.push_back(std::move(b));
  }

 private:
  std::mutex mu_;
  std::vector<std::string> free_;
};

// Shifts a chunk's line numbers and offsets to the file's.
class ShiftedRejects : public RejectSink {
 public:
  ShiftedRejects(RejectSink* inner, int64_t lines, int64_t offset)
      : inner_(inner), lines_(lines), offset_(offset) {}
  void Add(const Reject& r) override {
    if (!inner_) return;
    Reject copy = r;
    copy.line += lines_;
    copy.offset += offset_;
    inner_->Add(copy);
  }

 private:
  RejectSink* inner_;
  int64_t lines_, offset_;
};

bool Chunkable(io::Format f) {
  return f == io::Format::kGdelt1 || f == io::Format::kGdelt2 || f == io::Format::kJsonl;
}

int64_t CountLines(std::string_view s) {
  int64_t n = 0;
  const char* p = s.data();
  const char* end = p + s.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr) {
    ++n;
    ++p;
  }
  return n;
}

// The format of a plain file from its first lines (kAuto when the reader cannot tell).
io::Format DetectFormat(const std::string& path, std::string_view head) {
  size_t cut = head.rfind('\n');
  if (cut == std::string_view::npos) return io::Format::kAuto;
  head = head.substr(0, cut + 1);
  io::ReadOptions o;
  io::ReadStats st;
  int seen = 0;
  Status s = io::ReadEventBytes(
      path, head, o, [&](const EventRow&) { return ++seen < 8; }, &st);
  if (!s.ok()) return io::Format::kAuto;
  return st.format;
}

}  // namespace

Status Store::IngestFiles(const std::vector<std::string>& paths, const IngestOptions& options,
                          IngestStats* stats) {
  if (mode_ != OpenMode::kWrite) return Status::InvalidArgument("store opened read-only");
  int jobs = options.jobs > 0 ? options.jobs
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int workers = std::min(jobs, config::kMaxWorkers);

  // Inputs are the user's files, read by io/ readers: the real file system, whatever env_ is.
  Env* inputs = Env::Default();
  int64_t total = 0;
  for (const std::string& p : paths) {
    if (p == "-") continue;  // standard input: size unknown
    if (!inputs->FileExists(p)) return Status::NotFound(p + ": no such file");
    total += static_cast<int64_t>(inputs->FileSizeOr0(p));
  }
  stats->files += static_cast<int64_t>(paths.size());
  stats->bytes += total;

  std::vector<const SegmentReader*> existing;
  for (const auto& s : segments_) existing.push_back(s.get());
  const uint64_t first_new_segment = manifest_->next_segment;
  Ingester ing(env_, dir_, *manifest_, existing, workers);
  WorkQueue queue(2 * static_cast<size_t>(workers));
  BufferPool pool;
  std::atomic<int64_t> bytes_done{0}, read_rows{0}, rejected{0};
  std::mutex err_mu;
  Status first_error;
  auto fail = [&](const Status& s) {
    {
      std::lock_guard<std::mutex> l(err_mu);
      if (first_error.ok()) first_error = s;
    }
    queue.Close();
  };

  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      WorkItem item;
      while (queue.Pop(&item)) {
        io::ReadStats st;
        io::ReadOptions o;
        o.format = item.format;
        auto visit = [&](const EventRow& e) { return ing.Add(w, e); };
        Status s;
        if (item.whole_file) {
          o.rejects = options.rejects;
          int64_t reported = 0;
          o.progress = [&](int64_t done, int64_t) {
            bytes_done += done - reported;
            reported = done;
          };
          s = io::ReadEventFile(item.path, o, visit, &st);
          bytes_done += item.file_bytes - reported;
        } else {
          ShiftedRejects rej(options.rejects, item.base_line, item.base_offset);
          o.rejects = &rej;
          s = io::ReadEventBytes(item.path, std::string_view(item.data.data(), item.size), o, visit,
                                 &st);
          bytes_done += static_cast<int64_t>(item.size);
          pool.Put(std::move(item.data));
        }
        read_rows += st.rows;
        rejected += st.rejected;
        if (!s.ok()) return fail(s);
        Status is = ing.status();
        if (!is.ok()) return fail(is);
      }
      Status fs = ing.FinishWorker(w);
      if (!fs.ok()) return fail(fs);
    });
  }

  std::atomic<bool> progress_stop{false};
  std::thread progress_thread;
  if (options.progress) {
    progress_thread = std::thread([&] {
      while (!progress_stop.load()) {
        options.progress(IngestProgress{ing.rows_added(), bytes_done.load(), total});
        for (int i = 0; i < 10 && !progress_stop.load(); ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
      }
    });
  }

  // Producer: chunks of plain files, whole compressed or header-driven files.
  for (const std::string& path : paths) {
    // Standard input and pipes cannot be cut at offsets: one worker reads them as a stream.
    auto push_whole = [&] {
      WorkItem item;
      item.path = path;
      item.whole_file = true;
      item.format = options.format;
      item.file_bytes = static_cast<int64_t>(path == "-" ? 0 : inputs->FileSizeOr0(path));
      return queue.Push(std::move(item));
    };
    if (path == "-") {
      if (!push_whole()) break;
      continue;
    }
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      fail(InputError(path, errno));
      break;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
      close(fd);
      if (!push_whole()) break;
      continue;
    }
    std::string buf = pool.Get();
    ssize_t got = pread(fd, buf.data(), buf.size(), 0);
    if (got < 0) {
      fail(InputError(path, errno));
      close(fd);
      break;
    }
    std::string_view head(buf.data(), static_cast<size_t>(got));
    bool compressed = (got >= 2 && static_cast<unsigned char>(buf[0]) == 0x1f &&
                       static_cast<unsigned char>(buf[1]) == 0x8b) ||
                      (got >= 4 && head.substr(0, 4) == "PK\x03\x04");
    io::Format fmt = options.format;
    if (!compressed && fmt == io::Format::kAuto) fmt = DetectFormat(path, head);
    if (compressed || !Chunkable(fmt)) {
      close(fd);
      pool.Put(std::move(buf));
      if (!push_whole()) break;
      continue;
    }
    // Plain, line-oriented: cut into chunks at line ends. `buf`'s first `have` bytes are read
    // and not yet queued.
    int64_t offset = 0, lines = 0;
    size_t have = static_cast<size_t>(got);
    bool eof = have < config::kChunkBytes, ok = true;
    if (lseek(fd, static_cast<off_t>(have), SEEK_SET) < 0) {
      fail(InputError(path, errno));
      ok = false;
    }
    while (ok) {
      while (!eof && have < config::kChunkBytes) {
        ssize_t n = read(fd, buf.data() + have, config::kChunkBytes - have);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
          fail(InputError(path, errno));
          ok = false;
          break;
        }
        have += static_cast<size_t>(n);
        if (n == 0) eof = true;
      }
      if (!ok || have == 0) break;
      std::string_view data(buf.data(), have);
      size_t cut = eof ? std::string_view::npos : data.rfind('\n');
      size_t size = (cut == std::string_view::npos || cut + 1 == have) ? have : cut + 1;
      std::string next = pool.Get();
      size_t rest = have - size;
      std::memcpy(next.data(), buf.data() + size, rest);
      WorkItem item;
      item.path = path;
      item.format = fmt;
      item.base_line = lines;
      item.base_offset = offset;
      lines += CountLines(data.substr(0, size));
      offset += static_cast<int64_t>(size);
      item.data = std::move(buf);
      item.size = size;
      buf = std::move(next);
      have = rest;
      if (!queue.Push(std::move(item))) ok = false;
    }
    close(fd);
    if (!ok) break;
  }
  queue.Finish();
  for (std::thread& t : threads) t.join();
  progress_stop = true;
  if (progress_thread.joinable()) progress_thread.join();

  stats->rows += read_rows.load();
  stats->rejected += rejected.load();
  Status err;
  {
    std::lock_guard<std::mutex> l(err_mu);
    err = first_error;
  }
  if (err.ok()) err = ing.status();
  if (!err.ok()) {
    ing.Abort();
    return err;
  }
  if (options.progress) options.progress(IngestProgress{ing.rows_added(), total, total});
  return CommitIngest(&ing, first_new_segment, stats).status();
}

}  // namespace entente::store
