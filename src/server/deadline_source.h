// An EventSource that stops answering once a request's time is up, so an analysis that would run
// for minutes gives up at its next read instead (the API then answers 504). The analysis code
// needs no change: every read goes through the source, and a failed read ends the analysis with
// that Status. Checked before every call and every 4096 rows of a Scan; a single Aggregate is not
// interrupted (on a 2M-event store it takes tens of milliseconds).
//
// It also stops once the request's client has disconnected (api_types.h ClientGone), asked at the
// same moments.
//
// Thread safety: as the wrapped source (one thread at a time).
#ifndef ENTENTE_SERVER_DEADLINE_SOURCE_H_
#define ENTENTE_SERVER_DEADLINE_SOURCE_H_

#include <chrono>

#include "core/event_source.h"
#include "server/api_types.h"

namespace entente::server {

class DeadlineSource : public EventSource {
 public:
  // REQUIRES: `source` outlives this.
  DeadlineSource(EventSource* source, std::chrono::steady_clock::time_point deadline,
                 ClientGone client_gone = {})
      : source_(source), deadline_(deadline), client_gone_(std::move(client_gone)) {}

  // True once a call was refused for lack of time.
  bool expired() const { return expired_; }
  // True once a call was refused because the client had gone.
  bool abandoned() const { return abandoned_; }

  std::string Describe() const override { return source_->Describe(); }
  Status Scan(const EventFilter& filter,
              const std::function<bool(const EventRow&)>& visit) override;
  Result<std::vector<AggregateRow>> Aggregate(const AggregateQuery& query) override;
  Result<int64_t> CountEvents(const EventFilter& filter) override;
  Result<std::vector<DyadEvents>> CountByDyad(const EventFilter& filter) override;
  Status Refresh() override { return source_->Refresh(); }
  uint64_t Generation() const override { return source_->Generation(); }

 private:
  Status Check();

  EventSource* source_;
  std::chrono::steady_clock::time_point deadline_;
  ClientGone client_gone_;
  bool expired_ = false, abandoned_ = false;
};

}  // namespace entente::server

#endif  // ENTENTE_SERVER_DEADLINE_SOURCE_H_
