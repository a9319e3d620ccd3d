// The event sources the API computes on, one per compute slot. An EventSource serves one thread
// at a time, and a committed store needs no lock between readers, so N requests run on N sources
// at once instead of queueing on one source behind a mutex. The pool is also the limit on
// concurrent analysis work: a request that cannot get a source before its deadline gets none
// (the API answers 503), so a burst of heavy requests queues here rather than oversubscribing the
// cores while connection threads keep answering cached and static requests.
//
// Sources come from a factory (cli::OpenLiveSource in `serve`: each opens the store on its own
// mmaps, a few MB of index each) or, for tests and embedders, one borrowed source (one slot).
//
// Thread safety: Acquire and the Lease destructor may be called from any thread.
#ifndef ENTENTE_SERVER_SOURCE_POOL_H_
#define ENTENTE_SERVER_SOURCE_POOL_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/event_source.h"
#include "core/status.h"

namespace entente::server {

using SourceFactory = std::function<Result<std::unique_ptr<EventSource>>()>;

class SourcePool {
 public:
  // One borrowed source. REQUIRES: `source` outlives the pool.
  explicit SourcePool(EventSource* source);
  // `slots` sources made by `factory` (at least one).
  static Result<std::unique_ptr<SourcePool>> Open(const SourceFactory& factory, int slots);

  // A source for the holder's exclusive use until the lease is destroyed.
  class Lease {
   public:
    Lease() = default;
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&& other) noexcept;
    ~Lease();
    explicit operator bool() const { return source_ != nullptr; }
    EventSource* get() const { return source_; }
    EventSource* operator->() const { return source_; }

   private:
    friend class SourcePool;
    Lease(SourcePool* pool, EventSource* source) : pool_(pool), source_(source) {}
    SourcePool* pool_ = nullptr;
    EventSource* source_ = nullptr;
  };

  // Waits until a source is free or `deadline` passes (an empty lease).
  Lease Acquire(std::chrono::steady_clock::time_point deadline);
  int slots() const { return slots_; }

 private:
  SourcePool() = default;
  void Release(EventSource* source);

  std::vector<std::unique_ptr<EventSource>> owned_;
  int slots_ = 0;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<EventSource*> free_;  // guarded by mu_
};

}  // namespace entente::server

#endif  // ENTENTE_SERVER_SOURCE_POOL_H_
