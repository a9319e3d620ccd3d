#include "cli/table_capture.h"

namespace entente::cli {
namespace {
thread_local TableCapture* active_capture = nullptr;
}  // namespace

TableCapture::TableCapture() : previous_(active_capture) { active_capture = this; }

TableCapture::~TableCapture() { active_capture = previous_; }

TableCapture* TableCapture::Active() { return active_capture; }

void TableCapture::RecordError(const std::string& message, StatusCode code) {
  if (!error.empty()) return;
  error = message;
  error_code = code;
}

}  // namespace entente::cli
