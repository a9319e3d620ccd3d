#include "store/segment_merge.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <queue>
#include <thread>
#include <tuple>
#include <utility>

#include "store/row_decode.h"
#include "store/store_config.h"

namespace entente::store {
namespace {

using DyadKey = std::pair<std::string, std::string>;  // (a, b) as in DyadEntry

// One output segment's share of the dyads: keys in [first, end); `end` empty = to the last.
struct DyadRange {
  DyadKey first;
  std::optional<DyadKey> end;
};

// An input with its directory and block index decoded (a merge reads every row).
struct Input {
  const SegmentReader* seg;
  std::vector<const DyadEntry*> dyads;
  const std::vector<BlockMeta>* blocks;
};

Result<std::vector<Input>> LoadInputs(const std::vector<const SegmentReader*>& segments) {
  std::vector<Input> inputs;
  for (const SegmentReader* seg : segments) {
    RETURN_IF_ERROR(seg->NeedAllDicts());
    ASSIGN_OR_RETURN(std::vector<const DyadEntry*> dyads, seg->AllDyads());
    ASSIGN_OR_RETURN(const std::vector<BlockMeta>* blocks, seg->Blocks());
    inputs.push_back(Input{seg, std::move(dyads), blocks});
  }
  return inputs;
}

// Cuts the dyads of `inputs`, in key order, into ranges of at least `max_rows` rows (the last may
// hold fewer). A dyad is never split.
std::vector<DyadRange> PlanRanges(const std::vector<Input>& inputs, uint64_t max_rows) {
  std::map<std::pair<std::string_view, std::string_view>, uint64_t> rows;
  for (const Input& in : inputs) {
    for (const DyadEntry* e : in.dyads) rows[{e->a, e->b}] += e->rows;
  }
  std::vector<DyadRange> ranges;
  uint64_t in_range = 0;
  for (const auto& [key, n] : rows) {
    DyadKey k(key.first, key.second);
    if (ranges.empty() || in_range >= max_rows) {
      if (!ranges.empty()) ranges.back().end = k;
      ranges.push_back(DyadRange{k, std::nullopt});
      in_range = 0;
    }
    in_range += n;
  }
  return ranges;
}

// Reads one segment's rows of a dyad range in stored order, (dyad, date), one decoded block at a
// time.
class SegmentCursor {
 public:
  SegmentCursor(const Input& in, const DyadRange& range)
      : seg_(*in.seg), dyads_(in.dyads), blocks_(*in.blocks), range_(range) {
    for (int c = 0; c < kNumColumns; ++c) cols_[c] = &decoded_[c];
    auto less = [](const DyadEntry* e, const DyadKey& k) {
      return std::tie(e->a, e->b) < std::tie(k.first, k.second);
    };
    entry_ = std::lower_bound(dyads_.begin(), dyads_.end(), range_.first, less) - dyads_.begin();
    row_ = entry_ < dyads_.size() ? dyads_[entry_]->first_row : seg_.rows();
  }
  ~SegmentCursor() {
    if (block_ < blocks_.size()) seg_.ReleaseBlock(block_);
  }
  SegmentCursor(const SegmentCursor&) = delete;
  SegmentCursor& operator=(const SegmentCursor&) = delete;

  // Moves to the next row of the range; false at its end.
  Result<bool> Next() {
    const auto& dyads = dyads_;
    if (started_) ++row_;
    started_ = true;
    while (entry_ < dyads.size() && row_ >= dyads[entry_]->first_row + dyads[entry_]->rows) {
      ++entry_;
    }
    if (entry_ >= dyads.size()) return false;
    const DyadEntry& e = *dyads[entry_];
    if (range_.end && std::tie(e.a, e.b) >= std::tie(range_.end->first, range_.end->second)) {
      return false;
    }
    if (row_ < e.first_row) {
      return Status::Corruption(
          fmt::format("{}: row {} is outside the dyad directory", seg_.path(), row_));
    }
    const auto& blocks = blocks_;
    if (block_ >= blocks.size() || row_ < blocks[block_].first_row ||
        row_ >= blocks[block_].first_row + blocks[block_].rows) {
      // The merge reads each block once: the one it leaves need not stay resident.
      if (block_ < blocks.size()) seg_.ReleaseBlock(block_);
      block_ = BlockOf(blocks, row_);
      if (block_ >= blocks.size() || row_ >= blocks[block_].first_row + blocks[block_].rows) {
        return Status::Corruption(fmt::format("{}: no block holds row {}", seg_.path(), row_));
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
  std::string_view a() const { return dyads_[entry_]->a; }
  std::string_view b() const { return dyads_[entry_]->b; }
  bool flipped() const { return flipped_; }

 private:
  const SegmentReader& seg_;
  const std::vector<const DyadEntry*>& dyads_;
  const std::vector<BlockMeta>& blocks_;
  const DyadRange& range_;
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
// same size agree on both sums only by a 2^-64-scale accident. Digests of disjoint parts add up.
struct KeyDigest {
  uint64_t count = 0, sum = 0, xored = 0;
  void Add(uint64_t k) {
    ++count;
    sum += k;
    xored ^= k;
  }
  void Add(const KeyDigest& o) {
    count += o.count;
    sum += o.sum;
    xored ^= o.xored;
  }
  bool operator==(const KeyDigest&) const = default;
};

// The rows all workers have written, told to the caller's callback. The lock makes the calls
// one at a time and in the order the count grows, so the caller may draw from it unguarded.
class MergeProgress {
 public:
  explicit MergeProgress(const std::function<void(uint64_t)>& on_rows) : on_rows_(on_rows) {}
  void Add(uint64_t rows) {
    if (!on_rows_ || rows == 0) return;
    std::lock_guard<std::mutex> l(mu_);
    done_ += rows;
    on_rows_(done_);
  }

 private:
  const std::function<void(uint64_t)>& on_rows_;
  std::mutex mu_;
  uint64_t done_ = 0;
};

// Merges one dyad range of every input into a new segment at `path`.
Status MergeRange(Env* env, const std::vector<Input>& inputs, const DyadRange& range,
                  const std::string& path, const std::vector<uint64_t>& drop,
                  MergeProgress* progress, SegmentSummary* summary, KeyDigest* written) {
  std::vector<std::unique_ptr<SegmentCursor>> cursors;
  for (const Input& in : inputs) cursors.push_back(std::make_unique<SegmentCursor>(in, range));
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
  ASSIGN_OR_RETURN(std::unique_ptr<SegmentWriter> writer, SegmentWriter::Create(env, path));
  uint64_t unreported = 0;  // rows written since the last progress report
  while (!heap.empty()) {
    size_t i = heap.top();
    heap.pop();
    const SegmentCursor& c = *cursors[i];
    uint64_t key = EventKeyHash(c.row());
    written->Add(key);
    if (drop.empty() || !std::binary_search(drop.begin(), drop.end(), key)) {
      RETURN_IF_ERROR(writer->Add(c.row(), c.a(), c.b(), c.flipped(), key));
    }
    if (++unreported == config::kBlockRows) {
      progress->Add(unreported);
      unreported = 0;
    }
    ASSIGN_OR_RETURN(bool more, cursors[i]->Next());
    if (more) heap.push(i);
  }
  RETURN_IF_ERROR(writer->Finish(summary));
  progress->Add(unreported);
  return Status::Ok();
}

}  // namespace

Status MergeSegments(Env* env, const std::vector<const SegmentReader*>& segments, uint64_t max_rows,
                     const std::function<std::string()>& next_path,
                     const std::function<void(uint64_t)>& on_rows,
                     std::vector<SegmentSummary>* outputs, const std::vector<uint64_t>& drop) {
  KeyDigest stored;
  for (const SegmentReader* seg : segments) {
    RETURN_IF_ERROR(seg->ForEachKey([&](uint64_t k) { stored.Add(k); }));
  }
  ASSIGN_OR_RETURN(const std::vector<Input> inputs, LoadInputs(segments));
  const std::vector<DyadRange> ranges = PlanRanges(inputs, max_rows);
  std::vector<std::string> paths;
  for (size_t i = 0; i < ranges.size(); ++i) paths.push_back(next_path());

  // Ranges are independent: each worker takes the next one and writes its segment. Memory grows
  // with the workers (each decodes one block per input), hence the cap.
  std::vector<SegmentSummary> summaries(ranges.size());
  std::vector<KeyDigest> digests(ranges.size());
  MergeProgress progress(on_rows);
  std::atomic<size_t> next{0};
  std::mutex mu;
  Status error;
  auto work = [&] {
    for (size_t r; (r = next.fetch_add(1)) < ranges.size();) {
      Status s =
          MergeRange(env, inputs, ranges[r], paths[r], drop, &progress, &summaries[r], &digests[r]);
      if (!s.ok()) {
        std::lock_guard<std::mutex> l(mu);
        if (error.ok()) error = s;
        next.store(ranges.size());
      }
    }
  };
  size_t workers = std::min<size_t>(
      {ranges.size(), std::max(1u, std::thread::hardware_concurrency()), kMaxMergeWorkers});
  std::vector<std::thread> threads;
  for (size_t w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  RETURN_IF_ERROR(error);

  KeyDigest written;
  for (const KeyDigest& d : digests) written.Add(d);
  if (!(written == stored)) {
    return Status::Corruption(fmt::format(
        "merging {} segments: the rows read back ({}) do not give the dedupe keys stored with "
        "them ({}); the segments are left as they are",
        inputs.size(), written.count, stored.count));
  }
  for (size_t r = 0; r < ranges.size(); ++r) {
    if (summaries[r].rows > 0) {
      outputs->push_back(summaries[r]);
    } else {
      (void)env->Remove(paths[r]);  // every row of the range was dropped
    }
  }
  return Status::Ok();
}

}  // namespace entente::store
