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
#include <memory>
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

// Values laid end to end in fixed blocks that never move (one growing buffer would copy itself
// and fault in fresh pages at every doubling: a third of the time of a million urls).
class TextColumn {
 public:
  void Add(std::string_view s);
  std::vector<std::string_view> values;  // point into blocks_

 private:
  static constexpr size_t kBlockBytes = size_t{4} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = kBlockBytes, capacity_ = kBlockBytes;  // of the last block
};

struct EventColumns {
  void Add(const EventRow& e);
  size_t size() const { return days.size(); }

  TextColumn id;
  std::vector<int32_t> days;
  // url too: an article yields several events (1M generated GDELT rows hold 179,000 urls).
  DictColumn source, source_country, target, target_country, code, root, dataset, url;
  std::vector<int8_t> quad;
  std::vector<double> goldstein, tone;
  // The last float converted and its double, per column: values repeat (goldstein has ~40).
  float last_float_[2] = {0, 0};
  double last_double_[2] = {0, 0};
  double ToDouble(float f, int column);
  std::vector<int64_t> mentions;
};

}  // namespace entente::python

#endif  // ENTENTE_PYTHON_EVENT_COLUMNS_H_
