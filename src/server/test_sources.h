// Event sources for tests of the API and the server: one that counts its reads (and may sleep in
// each Aggregate), one whose Aggregate blocks until the test opens it. They wait on condition
// variables with generous timeouts, never on timed assertions.
#ifndef ENTENTE_SERVER_TEST_SOURCES_H_
#define ENTENTE_SERVER_TEST_SOURCES_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/event_source.h"

namespace entente::server::testing {

using std::chrono::milliseconds;

// Counts reads; optionally sleeps in each Aggregate.
class CountingSource : public VectorEventSource {
 public:
  CountingSource(std::vector<Event> events, milliseconds sleep = milliseconds(0))
      : VectorEventSource("test events", std::move(events)), sleep_(sleep) {}
  Status Scan(const EventFilter& f, const std::function<bool(const EventRow&)>& visit) override {
    if (!in_aggregate_) ++reads;
    return VectorEventSource::Scan(f, visit);
  }
  Result<std::vector<AggregateRow>> Aggregate(const AggregateQuery& q) override {
    ++reads;
    std::this_thread::sleep_for(sleep_);
    in_aggregate_ = true;  // the default Aggregate scans: one read, not two
    auto rows = VectorEventSource::Aggregate(q);
    in_aggregate_ = false;
    return rows;
  }
  std::atomic<int> reads{0};

 private:
  milliseconds sleep_;
  bool in_aggregate_ = false;
};

// A source whose Aggregate blocks until released (or 30 s pass).
class GateSource : public VectorEventSource {
 public:
  explicit GateSource(std::vector<Event> events)
      : VectorEventSource("gated events", std::move(events)) {}
  Result<std::vector<AggregateRow>> Aggregate(const AggregateQuery& q) override {
    std::unique_lock<std::mutex> lock(mu_);
    inside_ = true;
    cv_.notify_all();
    cv_.wait_for(lock, std::chrono::seconds(30), [&] { return open_; });
    return VectorEventSource::Aggregate(q);
  }
  void WaitInside() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(30), [&] { return inside_; });
  }
  void Open() {
    std::lock_guard<std::mutex> lock(mu_);
    open_ = true;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool inside_ = false, open_ = false;
};

}  // namespace entente::server::testing

#endif  // ENTENTE_SERVER_TEST_SOURCES_H_
