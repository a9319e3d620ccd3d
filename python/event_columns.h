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
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "store/store.h"

namespace entente::python {

// Values laid end to end in fixed blocks that never move (one growing buffer would copy itself
// and fault in fresh pages at every doubling: a third of the time of a million urls).
class TextColumn {
 public:
  void Add(std::string_view s);
  // Takes `other`'s values (and the blocks they point into) after this column's.
  void Append(TextColumn&& other);
  std::vector<std::string_view> values;  // point into blocks_

 private:
  static constexpr size_t kBlockBytes = size_t{4} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = kBlockBytes, capacity_ = kBlockBytes;  // of the last block
};

// Distinct values, each with its index in `values`; "" is code -1. An open-addressing table of
// (hash, code) pairs over values kept in a TextColumn: no allocation per value and one probe of
// a flat array per row (a std::unordered_map of std::string took 0.7 s of CPU for the urls of
// 1M rows; this takes a fraction of it).
class DictColumn {
 public:
  void Add(std::string_view s);
  // `other`'s rows after this column's, its codes mapped to this column's.
  void Append(const DictColumn& other);
  std::vector<int32_t> codes;
  const std::vector<std::string_view>& values() const { return values_.values; }

  // Values given as ids into a store segment's dictionary `dict`: each id's code is found once
  // per segment, not once per row. BindDict starts a segment.
  void BindDict(const std::vector<std::string_view>& dict) {
    dict_ = &dict;
    remap_.assign(dict.size(), kUnmapped);
  }
  void AddId(uint32_t id) {
    int32_t& code = remap_[id];
    if (code == kUnmapped) code = (*dict_)[id].empty() ? -1 : Find((*dict_)[id]);
    codes.push_back(code);
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    int32_t code = -1;  // -1: empty
  };
  int32_t Find(std::string_view s);
  void Grow();

  static constexpr int32_t kUnmapped = -2;
  const std::vector<std::string_view>* dict_ = nullptr;
  std::vector<int32_t> remap_;  // the bound dictionary's ids -> codes

  TextColumn values_;
  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  std::string_view last_;  // rows come grouped by dyad: most values repeat the one before
  int32_t last_code_ = -1;
};

// Ids as numbers while every id is a whole number written canonically (GDELT's, ICEWS's: one
// int64 column, no Python string per row, as pandas.read_csv reads them); as text from the first
// id that is not, the numbers before it written back as the text they were.
class IdColumn {
 public:
  void Add(std::string_view s);
  void Append(IdColumn&& other);
  bool numeric() const { return numeric_; }
  std::vector<int64_t> numbers;  // while numeric()
  TextColumn text;               // once not numeric()

 private:
  bool numeric_ = true;
  void MakeText();  // the numbers so far become text
};

struct EventColumns {
  void Add(const EventRow& e);
  // The store columns AddBatch reads.
  static std::span<const int> StoreColumns();
  // The batch's rows, read from its columns (the same values Add gives for their rows).
  void AddBatch(const store::ColumnBatch& batch);
  // Room for `n` rows, so that the columns do not copy themselves as they grow; Fit gives back
  // what a generous reservation did not use.
  void Reserve(size_t n);
  void Fit();
  // `other`'s rows after these (two halves of one scan gathered on two threads).
  void Append(EventColumns&& other);
  size_t size() const { return days.size(); }

  IdColumn id;
  std::vector<int32_t> days;
  DictColumn precision;  // day, month or year: how much of the date is known
  // url too: an article yields several events (1M generated GDELT rows hold 179,000 urls).
  DictColumn source, source_country, target, target_country, code, root, dataset, url;
  std::vector<int8_t> quad;
  std::vector<double> goldstein, tone;
  // The last float converted and its double, per column: values repeat (goldstein has ~40).
  float last_float_[2] = {0, 0};
  double last_double_[2] = {0, 0};
  double ToDouble(float f, int column);
  std::vector<int64_t> mentions;

 private:
  const store::SegmentReader* segment_ = nullptr;  // whose dictionaries are bound
  void BindSegment(const store::SegmentReader& segment);
};

}  // namespace entente::python

#endif  // ENTENTE_PYTHON_EVENT_COLUMNS_H_
