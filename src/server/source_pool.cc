#include "server/source_pool.h"

#include <algorithm>
#include <utility>

namespace entente::server {

SourcePool::SourcePool(EventSource* source) : slots_(1), free_{source} {}

Result<std::unique_ptr<SourcePool>> SourcePool::Open(const SourceFactory& factory, int slots) {
  std::unique_ptr<SourcePool> pool(new SourcePool());
  for (int i = 0; i < std::max(1, slots); ++i) {
    ASSIGN_OR_RETURN(std::unique_ptr<EventSource> s, factory());
    pool->free_.push_back(s.get());
    pool->owned_.push_back(std::move(s));
  }
  pool->slots_ = static_cast<int>(pool->owned_.size());
  return pool;
}

SourcePool::Lease SourcePool::Acquire(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  if (!freed_.wait_until(lock, deadline, [&] { return !free_.empty(); })) return Lease();
  EventSource* s = free_.back();
  free_.pop_back();
  return Lease(this, s);
}

void SourcePool::Release(EventSource* source) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(source);
  }
  freed_.notify_one();
}

SourcePool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), source_(std::exchange(other.source_, nullptr)) {}

SourcePool::Lease& SourcePool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    if (source_) pool_->Release(source_);
    pool_ = std::exchange(other.pool_, nullptr);
    source_ = std::exchange(other.source_, nullptr);
  }
  return *this;
}

SourcePool::Lease::~Lease() {
  if (source_) pool_->Release(source_);
}

}  // namespace entente::server
