// Answers the API already computed, keyed by (path, parameters, source generation): a dashboard
// asks the same few questions over and over (the page's first dyad, /api/info, a report being
// re-read), and the answer to a question about one commit of the store never changes. A commit
// changes the generation (EventSource::Generation), so entries of older commits are never hit
// again and age out.
//
// Bounded: at most `capacity_bytes` of bodies in all, least recently used evicted first; an answer
// over `max_entry_bytes` is not kept. Only 200 answers are stored.
//
// Thread safety: all methods may be called from any thread (one mutex; hits copy the body out).
#ifndef ENTENTE_SERVER_RESPONSE_CACHE_H_
#define ENTENTE_SERVER_RESPONSE_CACHE_H_

#include <cstddef>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "server/api_types.h"

namespace entente::server {

class ResponseCache {
 public:
  ResponseCache(size_t capacity_bytes, size_t max_entry_bytes);

  // The key for a request: parameters in sorted order, so ?a=X&b=Y and ?b=Y&a=X share an entry.
  static std::string Key(std::string_view path, const Params& params, uint64_t generation);

  std::optional<ApiResponse> Get(const std::string& key);
  void Put(const std::string& key, const ApiResponse& response);
  size_t bytes() const;

 private:
  struct Entry {
    std::string key;
    ApiResponse response;
  };
  const size_t capacity_bytes_, max_entry_bytes_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
};

}  // namespace entente::server

#endif  // ENTENTE_SERVER_RESPONSE_CACHE_H_
