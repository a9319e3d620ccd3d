#include "core/reject.h"

#include <fmt/format.h>

namespace entente {

std::string Reject::ToString() const {
  if (column > 0) return fmt::format("{}:{}: field {}: {}", file, line, column, reason);
  return fmt::format("{}:{}: {}", file, line, reason);
}

}  // namespace entente
