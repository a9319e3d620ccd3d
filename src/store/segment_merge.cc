#include "store/segment_merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <queue>
#include <tuple>

#include "store/row_decode.h"

namespace entente::store {
namespace {

// Reads one segment's rows in stored order, (dyad, date), one decoded block at a time.
class SegmentCursor {
 public:
  explicit SegmentCursor(const SegmentReader& seg) : seg_(seg) {
    for (int c = 0; c < kNumColumns; ++c) cols_[c] = &decoded_[c];
  }

  // Moves to the next row; false at the end.
  Result<bool> Next() {
    if (row_ >= seg_.rows()) return false;
    if (started_) ++row_;
    started_ = true;
    if (row_ >= seg_.rows()) return false;
    const auto& dyads = seg_.dyads();
    while (entry_ < dyads.size() && row_ >= dyads[entry_].first_row + dyads[entry_].rows) {
      ++entry_;
    }
    if (entry_ >= dyads.size()) {
      return Status::Corruption(
          fmt::format("{}: row {} is outside the dyad directory", seg_.path(), row_));
    }
    const auto& blocks = seg_.blocks();
    if (block_ == SIZE_MAX || row_ >= blocks[block_].first_row + blocks[block_].rows) {
      block_ = block_ == SIZE_MAX ? 0 : block_ + 1;
      if (block_ >= blocks.size() || blocks[block_].first_row != row_) {
        return Status::Corruption(
            fmt::format("{}: blocks do not cover row {} in order", seg_.path(), row_));
      }
      for (int c = 0; c < kNumColumns; ++c) {
        RETURN_IF_ERROR(seg_.ReadColumn(block_, c, &decoded_[c]));
      }
    }
    uint32_t i = static_cast<uint32_t>(row_ - blocks[block_].first_row);
    FillRow(seg_, cols_, i, &row_view_);
    flipped_ = decoded_[kDir].ints[i] != 0;
    return true;
  }

  const EventRow& row() const { return row_view_; }
  std::string_view a() const { return seg_.dyads()[entry_].a; }
  std::string_view b() const { return seg_.dyads()[entry_].b; }
  bool flipped() const { return flipped_; }

 private:
  const SegmentReader& seg_;
  uint64_t row_ = 0;
  bool started_ = false;
  size_t entry_ = 0;
  size_t block_ = SIZE_MAX;
  DecodedColumn decoded_[kNumColumns];
  const DecodedColumn* cols_[kNumColumns];
  EventRow row_view_;
  bool flipped_ = false;
};

// What a multiset of keys adds up to; two equal multisets agree, and two different ones of the
// same size agree on both sums only by a 2^-64-scale accident.
struct KeyDigest {
  uint64_t count = 0, sum = 0, xored = 0;
  void Add(uint64_t k) {
    ++count;
    sum += k;
    xored ^= k;
  }
  bool operator==(const KeyDigest&) const = default;
};

}  // namespace

Status MergeSegments(const std::vector<const SegmentReader*>& inputs, uint64_t max_rows,
                     const std::function<std::string()>& next_path,
                     std::vector<SegmentSummary>* outputs) {
  KeyDigest stored;
  for (const SegmentReader* seg : inputs) {
    RETURN_IF_ERROR(seg->ForEachKey([&](uint64_t k) { stored.Add(k); }));
  }

  std::vector<std::unique_ptr<SegmentCursor>> cursors;
  for (const SegmentReader* seg : inputs) cursors.push_back(std::make_unique<SegmentCursor>(*seg));
  // Min-heap on (dyad, date); ties go to the earlier input, so the merge is deterministic.
  auto later = [&](size_t x, size_t y) {
    const SegmentCursor& p = *cursors[x];
    const SegmentCursor& q = *cursors[y];
    return std::tuple(p.a(), p.b(), p.row().date, x) > std::tuple(q.a(), q.b(), q.row().date, y);
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> heap(later);
  for (size_t i = 0; i < cursors.size(); ++i) {
    ASSIGN_OR_RETURN(bool more, cursors[i]->Next());
    if (more) heap.push(i);
  }

  std::unique_ptr<SegmentWriter> writer;
  std::string last_a, last_b;  // the dyad of the last row written
  auto finish = [&]() -> Status {
    if (!writer) return Status::Ok();
    SegmentSummary summary;
    RETURN_IF_ERROR(writer->Finish(&summary));
    outputs->push_back(summary);
    writer.reset();
    return Status::Ok();
  };
  KeyDigest written;
  while (!heap.empty()) {
    size_t i = heap.top();
    heap.pop();
    const SegmentCursor& c = *cursors[i];
    bool new_dyad = c.a() != last_a || c.b() != last_b;
    if (writer && writer->rows() >= max_rows && new_dyad) RETURN_IF_ERROR(finish());
    if (!writer) {
      ASSIGN_OR_RETURN(writer, SegmentWriter::Create(next_path()));
    }
    if (new_dyad) {
      last_a.assign(c.a());
      last_b.assign(c.b());
    }
    uint64_t key = EventKeyHash(c.row());
    written.Add(key);
    RETURN_IF_ERROR(writer->Add(c.row(), c.a(), c.b(), c.flipped(), key));
    ASSIGN_OR_RETURN(bool more, cursors[i]->Next());
    if (more) heap.push(i);
  }
  if (!(written == stored)) {
    return Status::Corruption(fmt::format(
        "merging {} segments: the rows read back ({}) do not give the dedupe keys stored with "
        "them ({}); the segments are left as they are",
        inputs.size(), written.count, stored.count));
  }
  return finish();
}

}  // namespace entente::store
