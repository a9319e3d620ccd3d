#include "server/response_cache.h"

#include <fmt/format.h>

namespace entente::server {

ResponseCache::ResponseCache(size_t capacity_bytes, size_t max_entry_bytes)
    : capacity_bytes_(capacity_bytes), max_entry_bytes_(max_entry_bytes) {}

std::string ResponseCache::Key(std::string_view path, const Params& params, uint64_t generation) {
  // Params is a multimap: sorted by name, repeated names in arrival order. Lengths prefix each
  // part so no value can forge another key.
  std::string key = fmt::format("{}|{}:{}", generation, path.size(), path);
  for (const auto& [name, value] : params) {
    key += fmt::format("|{}:{}={}:{}", name.size(), name, value.size(), value);
  }
  return key;
}

std::optional<ApiResponse> ResponseCache::Get(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->response;
}

void ResponseCache::Put(const std::string& key, const ApiResponse& response) {
  size_t size = response.body.size() + key.size();
  if (response.status != 200 || size > max_entry_bytes_ || size > capacity_bytes_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (index_.count(key)) return;  // another request computed it meanwhile
  lru_.push_front(Entry{key, response});
  index_[key] = lru_.begin();
  bytes_ += size;
  while (bytes_ > capacity_bytes_) {
    const Entry& last = lru_.back();
    bytes_ -= last.response.body.size() + last.key.size();
    index_.erase(last.key);
    lru_.pop_back();
  }
}

size_t ResponseCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

}  // namespace entente::server
