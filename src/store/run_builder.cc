#include "store/run_builder.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "store/columns.h"
#include "store/store_config.h"

namespace entente::store {
namespace {

template <size_t... I>
void PlainLens(const EventRow& e, PackedRow* r, std::index_sequence<I...>) {
  ((r->plain_len[I] = static_cast<uint32_t>(StringField(e, kPlainColumns[I]).size())), ...);
}

// madvise(MADV_HUGEPAGE) on the 2 MiB pages inside [p, p + n). A hint: errors are ignored.
void AdviseHugePages(const void* p, size_t n) {
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  uintptr_t begin = (reinterpret_cast<uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
  uintptr_t end = (reinterpret_cast<uintptr_t>(p) + n) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

}  // namespace

RunBuilder::RunBuilder(uint64_t expected_rows) : expected_rows_(expected_rows) {
  for (int i = 0; i < kNumDictColumns; ++i) {
    dict_ptrs_[i] = &dicts_[i].strings;
    dicts_[i].strings.Id("");  // id 0, so that Intern() answers "" without a lookup
  }
}

void RunBuilder::Add(const EventRow& e) {
  if (rows_.capacity() == 0) {
    // One allocation each for the whole run instead of doublings that copy (and briefly hold
    // 1.5x); pages the run does not fill are never touched, so they cost no memory.
    const size_t run_rows = config::kRunBytes / (sizeof(PackedRow) + sizeof(Entry)) + 1;
    const size_t max_rows = std::min<uint64_t>(run_rows, expected_rows_);
    rows_.reserve(max_rows);
    entries_.reserve(max_rows);
    // A short run's strings are reserved at a typical GDELT row's plain bytes; more just grows.
    plain_.reserve(max_rows == run_rows ? config::kRunBytes + (1u << 20) : max_rows * 256);
    // Rows are written in sorted order, i.e. scattered over these buffers: with 4 KiB pages
    // nearly every row was a TLB miss. Transparent huge pages where the system allows them.
    AdviseHugePages(rows_.data(), rows_.capacity() * sizeof(PackedRow));
    AdviseHugePages(entries_.data(), entries_.capacity() * sizeof(Entry));
    AdviseHugePages(plain_.data(), plain_.capacity());
  }
  Entry en;
  std::string_view x = DyadCountry(e.source), y = DyadCountry(e.target);
  en.flipped = y < x;
  if (en.flipped) std::swap(x, y);
  en.a = dyads_.Id(x);
  en.b = dyads_.Id(y);
  en.date = e.date;
  en.key = EventKeyHash(e);
  en.row = static_cast<uint32_t>(rows_.size());
  entries_.push_back(en);

  PackedRow& r = rows_.emplace_back();
  [&]<size_t... I>(std::index_sequence<I...>) {
    ((r.dict[I] = Intern(I, StringField(e, kDictColumns[I]))), ...);
  }
  (std::make_index_sequence<kNumDictColumns>{});
  PlainLens(e, &r, std::make_index_sequence<kNumPlainColumns>{});
  r.plain_offset = plain_.size();
  for (int c : kPlainColumns) plain_.append(StringField(e, c));
  r.date_added = e.date_added;
  r.date = e.date;
  r.mentions = e.mentions;
  r.sources = e.sources;
  r.articles = e.articles;
  r.goldstein = e.goldstein;
  r.tone = e.tone;
  r.lat = e.lat;
  r.lon = e.lon;
  r.precision = static_cast<uint8_t>(e.precision);
  r.is_root = e.is_root ? 1 : 0;
  r.quad = e.quad;
}

int64_t RunBuilder::SortAndDedupe() {
  size_t n = entries_.size();
  // Dedupe in input order: among equal keys the first row read is the one kept.
  std::vector<std::pair<uint64_t, uint32_t>> keys(n);
  for (uint32_t i = 0; i < n; ++i) keys[i] = {entries_[i].key, i};
  std::sort(keys.begin(), keys.end());
  int64_t dups = 0;
  for (size_t i = 1; i < n; ++i) {
    if (keys[i].first == keys[i - 1].first) {
      entries_[keys[i].second].duplicate = true;
      ++dups;
    }
  }

  // Rank dyad strings so that sorting ids sorts strings.
  std::vector<uint32_t> order(dyads_.size()), rank(dyads_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](uint32_t x, uint32_t y) { return dyads_.value(x) < dyads_.value(y); });
  for (uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  // Sort (dyad, date, input order) as one 64-bit key and the input index (16 bytes per row
  // instead of moving entries through a comparator that looks ranks up).
  std::vector<uint32_t> perm(n);
  if (dyads_.size() <= 65536) {
    std::vector<std::pair<uint64_t, uint32_t>> sk(n);
    for (uint32_t i = 0; i < n; ++i) {
      const Entry& e = entries_[i];
      uint64_t date = static_cast<uint32_t>(e.date) ^ 0x80000000u;  // signed order
      sk[i] = {(uint64_t{rank[e.a]} << 48) | (uint64_t{rank[e.b]} << 32) | date, i};
    }
    std::sort(sk.begin(), sk.end());
    for (size_t k = 0; k < n; ++k) perm[k] = sk[k].second;
  } else {
    for (uint32_t i = 0; i < n; ++i) perm[i] = i;
    std::sort(perm.begin(), perm.end(), [&](uint32_t i, uint32_t j) {
      const Entry& x = entries_[i];
      const Entry& y = entries_[j];
      if (x.a != y.a) return rank[x.a] < rank[y.a];
      if (x.b != y.b) return rank[x.b] < rank[y.b];
      if (x.date != y.date) return x.date < y.date;
      return i < j;
    });
  }
  std::vector<Entry> sorted(n);
  std::vector<uint32_t> pos(n);  // input index -> sorted index
  for (size_t k = 0; k < n; ++k) {
    sorted[k] = entries_[perm[k]];
    pos[perm[k]] = static_cast<uint32_t>(k);
  }
  // Keep the reserved capacity of entries_ (copy back rather than swap).
  std::copy(sorted.begin(), sorted.end(), entries_.begin());

  sorted_keys_.clear();
  sorted_keys_.reserve(n - static_cast<size_t>(dups));
  for (const auto& [key, i] : keys) {
    if (!entries_[pos[i]].duplicate) sorted_keys_.emplace_back(key, pos[i]);
  }
  return dups;
}

void RunBuilder::Clear() {
  rows_.clear();  // keep the capacity: the next run fills it again
  entries_.clear();
  plain_.clear();
  for (Dict& d : dicts_) {
    d.strings.Clear();
    d.strings.Id("");
    d.has_last = false;
  }
  dict_bytes_ = 0;
  dyads_.Clear();
  sorted_keys_.clear();
}

}  // namespace entente::store
