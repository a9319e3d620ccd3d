#include "server/deadline_source.h"

namespace entente::server {

Status DeadlineSource::Check() {
  if (abandoned_ || (client_gone_ && client_gone_())) {
    abandoned_ = true;
    return Status::Busy("the client disconnected");
  }
  if (!expired_ && std::chrono::steady_clock::now() < deadline_) return Status::Ok();
  expired_ = true;
  return Status::Busy("the request ran out of time");
}

Status DeadlineSource::Scan(const EventFilter& filter,
                            const std::function<bool(const EventRow&)>& visit) {
  RETURN_IF_ERROR(Check());
  int64_t rows = 0;
  bool stopped = false;
  Status st = source_->Scan(filter, [&](const EventRow& e) {
    if (++rows % 4096 == 0 && !Check().ok()) {
      stopped = true;
      return false;
    }
    return visit(e);
  });
  // A scan cut short looks like a scan that ended: report it, or the analysis would answer from
  // part of the data.
  if (stopped) return Check();
  return st;
}

Result<std::vector<AggregateRow>> DeadlineSource::Aggregate(const AggregateQuery& query) {
  RETURN_IF_ERROR(Check());
  return source_->Aggregate(query);
}

Result<int64_t> DeadlineSource::CountEvents(const EventFilter& filter) {
  RETURN_IF_ERROR(Check());
  return source_->CountEvents(filter);
}

Result<std::vector<DyadEvents>> DeadlineSource::CountByDyad(const EventFilter& filter) {
  RETURN_IF_ERROR(Check());
  return source_->CountByDyad(filter);
}

}  // namespace entente::server
