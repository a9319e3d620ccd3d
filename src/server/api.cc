#include "server/api.h"

#include <fmt/format.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/deadline_source.h"
#include "server/endpoints.h"

namespace entente::server {

using nlohmann::json;

namespace {

ApiResponse Error(int status, std::string_view code, std::string_view message) {
  ApiResponse r;
  r.status = status;
  r.body = json{{"error", json{{"code", code}, {"message", message}}}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
  return r;
}

ApiResponse ErrorResponse(const Status& s) {
  int status = 500;
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotSupported: status = 400; break;
    case StatusCode::kNotFound: status = 404; break;
    default: break;
  }
  std::string snake;
  for (char c : StatusCodeName(s.code())) {  // "Invalid argument" -> "invalid_argument"
    snake += c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return Error(status, snake, s.message());
}

int DefaultSlots() { return std::max(1, static_cast<int>(std::thread::hardware_concurrency())); }

}  // namespace

Api::Api(EventSource* source, ApiOptions options)
    : Api(std::make_unique<SourcePool>(source), nullptr, options) {}

Api::Api(std::unique_ptr<SourcePool> pool, std::unique_ptr<EventSource> probe, ApiOptions options)
    : options_(options),
      pool_(std::move(pool)),
      probe_(std::move(probe)),
      cache_(options.cache_bytes, config::kMaxCachedResponseBytes) {}

Result<std::unique_ptr<Api>> Api::Open(const SourceFactory& factory, ApiOptions options) {
  int slots = options.compute_slots > 0 ? options.compute_slots : DefaultSlots();
  ASSIGN_OR_RETURN(std::unique_ptr<SourcePool> pool, SourcePool::Open(factory, slots));
  ASSIGN_OR_RETURN(std::unique_ptr<EventSource> probe, factory());
  return std::unique_ptr<Api>(new Api(std::move(pool), std::move(probe), options));
}

std::optional<uint64_t> Api::ProbeGeneration() {
  if (!probe_) return std::nullopt;
  std::lock_guard<std::mutex> lock(probe_mu_);
  if (!probe_->Refresh().ok()) return std::nullopt;
  return probe_->Generation();
}

Result<std::shared_ptr<const DataSummary>> Api::Summary(EventSource& source) {
  std::lock_guard<std::mutex> lock(summary_mu_);
  if (summary_ && summary_->generation == source.Generation()) return summary_;
  ASSIGN_OR_RETURN(DataSummary s, SummarizeSource(source));
  summary_ = std::make_shared<const DataSummary>(std::move(s));
  return summary_;
}

ApiResponse Api::Handle(std::string_view path, const Params& params,
                        const ClientGone& client_gone) {
  if (!IsEndpoint(path))
    return ErrorResponse(Status::NotFound(fmt::format("no such endpoint: {}", path)));
  auto deadline = std::chrono::steady_clock::now() + options_.deadline;
  // A cached answer needs no compute slot: only a check that the store has not moved on.
  if (std::optional<uint64_t> gen = ProbeGeneration(); gen && options_.cache_bytes > 0) {
    if (auto hit = cache_.Get(ResponseCache::Key(path, params, *gen))) return *std::move(hit);
  }
  return Compute(path, params, deadline, client_gone);
}

ApiResponse Api::Abandoned() {
  ++abandoned_;
  return Error(499, "client_closed", "the client disconnected before the answer was ready");
}

ApiResponse Api::Compute(std::string_view path, const Params& params,
                         std::chrono::steady_clock::time_point deadline,
                         const ClientGone& client_gone) {
  if (client_gone && client_gone()) return Abandoned();
  SourcePool::Lease lease = pool_->Acquire(deadline);
  if (!lease) {
    return Error(503, "busy",
                 fmt::format("every compute slot stayed busy for {} ms; try again",
                             options_.deadline.count()));
  }
  // The server runs for hours while ingests and compactions commit: every request sees the
  // store's latest commit (and lets go of segments a compaction replaced).
  if (Status st = lease->Refresh(); !st.ok()) return ErrorResponse(st);
  std::string key = ResponseCache::Key(path, params, lease->Generation());
  if (auto hit = cache_.Get(key)) return *std::move(hit);  // computed while this one waited

  if (client_gone && client_gone()) return Abandoned();  // it left while this one waited

  DeadlineSource source(lease.get(), deadline, client_gone);
  Result<std::shared_ptr<const DataSummary>> summary = Summary(source);
  Result<ApiResponse> r = summary.ok() ? ServeEndpoint(path, params, source, **summary)
                                       : Result<ApiResponse>(summary.status());
  if (source.abandoned()) return Abandoned();
  if (source.expired()) {
    return Error(504, "timeout",
                 fmt::format("the answer took longer than {} ms; narrow the dates or the period",
                             options_.deadline.count()));
  }
  if (!r.ok()) return ErrorResponse(r.status());
  if (r->body.size() > options_.max_response_bytes) {
    return Error(400, "too_large",
                 fmt::format("the answer is {} bytes, more than the limit of {}; narrow the dates "
                             "or use a longer period",
                             r->body.size(), options_.max_response_bytes));
  }
  if (options_.cache_bytes > 0) cache_.Put(key, *r);
  return *std::move(r);
}

}  // namespace entente::server
