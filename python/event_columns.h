// EventColumns: events gathered column by column, in the columns and values of `entente events`
// (io::EventColumns(), the CLI's csv), ready to become numpy arrays without a Python object per
// row where the data allow it. Low-cardinality text (actor codes, event codes, dataset) is
// dictionary-encoded (int32 codes into a list of distinct values, -1 for empty) so it becomes a
// pandas Categorical; ids and urls, mostly distinct, are kept as one byte buffer with offsets.
//
// Numbers follow the csv: goldstein and tone are the shortest decimal that reads back as the
// stored float (io::FloatAsDouble), NaN when missing; quad is 0 when unknown (the caller makes it
// missing); dates are days since 1970-01-01, at the start of the date's month or year when the
// dataset gives only that (as the csv's "1965-04" reads back).
#ifndef ENTENTE_PYTHON_EVENT_COLUMNS_H_
#define ENTENTE_PYTHON_EVENT_COLUMNS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/event.h"

namespace entente::python {

// Distinct values, each with its index in `values`; "" is code -1.
class DictColumn {
 public:
  void Add(std::string_view s);
  std::vector<int32_t> codes;
  std::vector<std::string> values;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int32_t, Hash, std::equal_to<>> index_;
  std::string last_;  // rows come grouped by dyad: most values repeat the one before
  int32_t last_code_ = -1;
};

// Values laid end to end; row i is bytes[offsets[i] .. offsets[i+1]).
struct TextColumn {
  void Add(std::string_view s) {
    bytes.append(s);
    offsets.push_back(static_cast<int64_t>(bytes.size()));
  }
  std::string bytes;
  std::vector<int64_t> offsets{0};
};

struct EventColumns {
  void Add(const EventRow& e);
  size_t size() const { return days.size(); }

  TextColumn id, url;
  std::vector<int32_t> days;
  DictColumn source, source_country, target, target_country, code, root, dataset;
  std::vector<int8_t> quad;
  std::vector<double> goldstein, tone;
  std::vector<int64_t> mentions;
};

}  // namespace entente::python

#endif  // ENTENTE_PYTHON_EVENT_COLUMNS_H_
