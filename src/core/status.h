// Status and Result<T>: how every error that input or the OS can cause travels between folders.
// Exceptions never cross a folder boundary; libraries that throw (CLI11, nlohmann-json, httplib)
// are caught at our edge and turned into a Status. Bugs are assertions, not Statuses.
//
// A Status is cheap when OK (one enum, empty string). Messages follow `path:line: what is wrong`
// where a place is known, so the CLI can print them as they are.
#ifndef ENTENTE_CORE_STATUS_H_
#define ENTENTE_CORE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace entente {

enum class StatusCode {
  kOk = 0,
  kNotFound,         // a file, store, actor or code that does not exist
  kCorruption,       // stored bytes fail a checksum or do not parse
  kInvalidArgument,  // user input (a date, a filter, a malformed file) is wrong
  kIOError,          // the OS refused (permissions, full disk, short read)
  kNotSupported,     // a format or feature we do not handle
  kBusy,             // the store is locked by another writer
  kNetwork,          // a download failed
  kStoreError,       // the store cannot be read or written as it must be (a full disk, no
                     // permission, a segment its MANIFEST names is missing)
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status NotFound(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
  static Status Corruption(std::string msg) {
    return Status(StatusCode::kCorruption, std::move(msg));
  }
  static Status InvalidArgument(std::string msg) {
    return Status(StatusCode::kInvalidArgument, std::move(msg));
  }
  static Status IOError(std::string msg) { return Status(StatusCode::kIOError, std::move(msg)); }
  static Status NotSupported(std::string msg) {
    return Status(StatusCode::kNotSupported, std::move(msg));
  }
  static Status Busy(std::string msg) { return Status(StatusCode::kBusy, std::move(msg)); }
  static Status Network(std::string msg) { return Status(StatusCode::kNetwork, std::move(msg)); }
  static Status StoreError(std::string msg) {
    return Status(StatusCode::kStoreError, std::move(msg));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "Corruption: store/seg-3.ens: checksum mismatch"
  std::string ToString() const;
  // The same status with `context: ` put before the message (e.g. a file name).
  Status WithContext(std::string_view context) const;

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

std::string_view StatusCodeName(StatusCode code);

// A value or the Status that explains why there is none (std::expected is C++23).
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace entente

#define ENTENTE_CONCAT_INNER_(a, b) a##b
#define ENTENTE_CONCAT_(a, b) ENTENTE_CONCAT_INNER_(a, b)

// Returns the Status from the enclosing function when `expr` is not OK.
#define RETURN_IF_ERROR(expr)       \
  do {                              \
    ::entente::Status _st = (expr); \
    if (!_st.ok()) return _st;      \
  } while (0)

// `ASSIGN_OR_RETURN(auto x, MakeX());` binds the value or returns the error.
#define ASSIGN_OR_RETURN(lhs, expr)                                                             \
  auto ENTENTE_CONCAT_(_res_, __LINE__) = (expr);                                               \
  if (!ENTENTE_CONCAT_(_res_, __LINE__).ok()) return ENTENTE_CONCAT_(_res_, __LINE__).status(); \
  lhs = std::move(ENTENTE_CONCAT_(_res_, __LINE__)).value()

#endif  // ENTENTE_CORE_STATUS_H_
