// A stand-in for data.gdeltproject.org in tests: an HTTP server on 127.0.0.1 (a free port the OS
// picks) serving a file list and zipped exports from memory, with the faults fetch must survive:
// a connection dropped halfway through a file, bytes that do not match the listed MD5, a listed
// file that is not there (404), a server that is down for its first requests. Every request is
// logged, so tests can check what was asked for (and what was not). Header-only because tests/
// builds only *_test.cc files and testing.cc.
//
// No test touches the network beyond 127.0.0.1.
#ifndef ENTENTE_TESTS_FETCH_SERVER_H_
#define ENTENTE_TESTS_FETCH_SERVER_H_

#include <archive.h>
#include <archive_entry.h>
#include <httplib.h>

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "fetch/md5.h"

namespace entente::testing {

// A zip archive holding one member `member` with `bytes`, as GDELT ships its exports.
inline std::string ZipOne(const std::string& member, const std::string& bytes) {
  std::string out;
  struct archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_open(
      a, &out, nullptr,
      [](struct archive*, void* user, const void* buf, size_t n) -> la_ssize_t {
        static_cast<std::string*>(user)->append(static_cast<const char*>(buf), n);
        return la_ssize_t(n);
      },
      nullptr);
  struct archive_entry* e = archive_entry_new();
  archive_entry_set_pathname(e, member.c_str());
  archive_entry_set_size(e, la_int64_t(bytes.size()));
  archive_entry_set_filetype(e, AE_IFREG);
  archive_entry_set_perm(e, 0644);
  archive_entry_set_mtime(e, 1514764800, 0);  // fixed, so the bytes (and MD5) are reproducible
  archive_write_header(a, e);
  archive_write_data(a, bytes.data(), bytes.size());
  archive_entry_free(e);
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

class FakeGdeltServer {
 public:
  struct File {
    std::string bytes;         // what the server sends
    std::string listed_md5;    // what the list says ("" = MD5 of bytes)
    int64_t listed_size = -1;  // what the list says (-1 = size of bytes)
    int drop_first = 0;        // the first N requests send half the body, then hang up
    bool absent = false;       // listed, but 404 when asked for
  };
  struct Request {
    std::string path;
    std::string range;  // the Range header, "" when none
  };

  // `prefix` is the URL path the files live under, e.g. "/gdeltv2".
  explicit FakeGdeltServer(std::string prefix) : prefix_(std::move(prefix)) {
    server_.Get(prefix_ + R"(/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
      Serve(req.matches[1], req, res);
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 200 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  ~FakeGdeltServer() {
    server_.stop();
    thread_.join();
  }

  // http://127.0.0.1:PORT/prefix
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + prefix_; }

  void AddFile(const std::string& name, File file) {
    std::lock_guard<std::mutex> lock(mu_);
    files_[name] = std::move(file);
  }
  // Serves `text` at prefix/name (a file list), fault-free.
  void SetText(const std::string& name, const std::string& text) {
    std::lock_guard<std::mutex> lock(mu_);
    texts_[name] = text;
  }
  // The first `n` requests of any kind get 503.
  void FailFirst(int n) {
    std::lock_guard<std::mutex> lock(mu_);
    fail_first_ = n;
  }

  // GDELT 2.0's masterfilelist.txt for the files added so far, with a mentions line per file as
  // the real list has.
  std::string MasterList() const {
    std::lock_guard<std::mutex> lock(mu_);
    std::string out;
    for (const auto& [name, f] : files_) {
      out += std::to_string(ListedSize(f)) + " " + ListedMd5(f) +
             " http://data.gdeltproject.org/gdeltv2/" + name + "\n";
      std::string mentions = name.substr(0, 14) + ".mentions.CSV.zip";
      out += "1234 0123456789abcdef0123456789abcdef http://data.gdeltproject.org/gdeltv2/" +
             mentions + "\n";
    }
    return out;
  }
  // GDELT 1.0's md5sums and filesizes.
  std::string Md5sums() const {
    std::lock_guard<std::mutex> lock(mu_);
    std::string out;
    for (const auto& [name, f] : files_) out += ListedMd5(f) + "  " + name + "\n";
    return out;
  }
  std::string Filesizes() const {
    std::lock_guard<std::mutex> lock(mu_);
    std::string out;
    for (const auto& [name, f] : files_) out += std::to_string(ListedSize(f)) + " " + name + "\n";
    return out;
  }

  std::vector<Request> requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  std::vector<Request> RequestsFor(const std::string& name) const {
    std::vector<Request> out;
    for (const Request& r : requests()) {
      if (r.path == prefix_ + "/" + name) out.push_back(r);
    }
    return out;
  }

 private:
  static std::string ListedMd5(const File& f) {
    return f.listed_md5.empty() ? fetch::Md5Hex(f.bytes) : f.listed_md5;
  }
  static int64_t ListedSize(const File& f) {
    return f.listed_size >= 0 ? f.listed_size : int64_t(f.bytes.size());
  }

  void Serve(const std::string& name, const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu_);
    requests_.push_back({req.path, req.get_header_value("Range")});
    if (fail_first_ > 0) {
      --fail_first_;
      res.status = 503;
      return;
    }
    if (auto t = texts_.find(name); t != texts_.end()) {
      res.set_content(t->second, "text/plain");
      return;
    }
    auto it = files_.find(name);
    if (it == files_.end() || it->second.absent) {
      res.status = 404;
      return;
    }
    File& f = it->second;
    bool drop = f.drop_first > 0;
    if (drop) --f.drop_first;
    // A copy, so that the provider (run after this handler returns) needs no lock.
    auto bytes = std::make_shared<std::string>(f.bytes);
    res.set_content_provider(bytes->size(), "application/zip",
                             [bytes, drop](size_t offset, size_t length, httplib::DataSink& sink) {
                               if (drop) {
                                 size_t half = bytes->size() / 2;
                                 if (offset < half)
                                   sink.write(bytes->data() + offset, half - offset);
                                 return false;  // hang up with the body half sent
                               }
                               sink.write(bytes->data() + offset, length);
                               return true;
                             });
  }

  std::string prefix_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mu_;
  std::map<std::string, File> files_;
  std::map<std::string, std::string> texts_;
  std::vector<Request> requests_;
  int fail_first_ = 0;
};

}  // namespace entente::testing

#endif  // ENTENTE_TESTS_FETCH_SERVER_H_
