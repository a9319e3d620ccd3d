// A store, or the embedded chronicle while the store has no events; Refresh() looks at the store
// again and switches to it once it has events. `StoreT` is any EventSource with `bool empty()`:
// the embedded store and a ClickHouse cluster. Used from one thread at a time, as every
// EventSource (the dashboard opens one per compute slot).
#ifndef ENTENTE_CLI_LIVE_SOURCE_H_
#define ENTENTE_CLI_LIVE_SOURCE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/event_source.h"

namespace entente::cli {

template <class StoreT>
class LiveSource : public EventSource {
 public:
  LiveSource(std::unique_ptr<StoreT> store, std::unique_ptr<EventSource> chronicle)
      : store_(std::move(store)), chronicle_(std::move(chronicle)) {}

  std::string Describe() const override { return active()->Describe(); }
  Status Scan(const EventFilter& filter,
              const std::function<bool(const EventRow&)>& visit) override {
    return active()->Scan(filter, visit);
  }
  Result<std::vector<AggregateRow>> Aggregate(const AggregateQuery& query) override {
    return active()->Aggregate(query);
  }
  Result<int64_t> CountEvents(const EventFilter& filter) override {
    return active()->CountEvents(filter);
  }
  Result<std::vector<DyadEvents>> CountByDyad(const EventFilter& filter) override {
    return active()->CountByDyad(filter);
  }
  Status Refresh() override { return store_->Refresh(); }
  // The chronicle never changes: while it is active the (empty) store's generation names it.
  uint64_t Generation() const override { return store_->Generation(); }

 private:
  EventSource* active() const {
    return store_->empty() ? chronicle_.get() : static_cast<EventSource*>(store_.get());
  }

  std::unique_ptr<StoreT> store_;
  std::unique_ptr<EventSource> chronicle_;
};

}  // namespace entente::cli

#endif  // ENTENTE_CLI_LIVE_SOURCE_H_
