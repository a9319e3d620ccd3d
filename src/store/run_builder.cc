#include "store/run_builder.h"

#include <algorithm>
#include <cstring>

#include "store/columns.h"
#include "store/store_config.h"

namespace entente::store {
namespace {

template <class T>
void Put(std::string* a, T v) {
  a->append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <class T>
T Get(const char*& p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  p += sizeof v;
  return v;
}

bool IsStringColumn(int c) {
  ColumnKind k = KindOf(c);
  return k == ColumnKind::kDict || k == ColumnKind::kPlain;
}

}  // namespace

uint32_t RunBuilder::InternDyad(std::string_view s) {
  auto it = dyad_ids_.find(s);
  if (it != dyad_ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(dyad_strings_.size());
  auto [ins, ok] = dyad_ids_.emplace(std::string(s), id);
  dyad_strings_.push_back(&ins->first);
  return id;
}

void RunBuilder::Add(const EventRow& e) {
  // One allocation for the whole run instead of doublings that copy (and briefly hold 1.5x).
  if (arena_.capacity() < config::kRunBytes) arena_.reserve(config::kRunBytes + (1u << 20));
  Entry en;
  std::string_view x = DyadCountry(e.source), y = DyadCountry(e.target);
  en.flipped = y < x;
  if (en.flipped) std::swap(x, y);
  en.a = InternDyad(x);
  en.b = InternDyad(y);
  en.date = e.date;
  en.key = EventKeyHash(e);
  en.offset = arena_.size();
  entries_.push_back(en);

  Put<int32_t>(&arena_, e.date);
  Put<uint8_t>(&arena_, static_cast<uint8_t>(e.precision));
  Put<uint8_t>(&arena_, e.is_root ? 1 : 0);
  Put<int8_t>(&arena_, e.quad);
  Put<float>(&arena_, e.goldstein);
  Put<int32_t>(&arena_, e.mentions);
  Put<int32_t>(&arena_, e.sources);
  Put<int32_t>(&arena_, e.articles);
  Put<float>(&arena_, e.tone);
  Put<float>(&arena_, e.lat);
  Put<float>(&arena_, e.lon);
  Put<int64_t>(&arena_, e.date_added);
  for (int c = 0; c < kNumColumns; ++c) {
    if (!IsStringColumn(c)) continue;
    std::string_view s = StringField(e, c);
    Put<uint32_t>(&arena_, static_cast<uint32_t>(s.size()));
    arena_.append(s);
  }
}

EventRow RunBuilder::RowAt(uint64_t offset) const {
  const char* p = arena_.data() + offset;
  EventRow e;
  e.date = Get<int32_t>(p);
  e.precision = static_cast<DatePrecision>(Get<uint8_t>(p));
  e.is_root = Get<uint8_t>(p) != 0;
  e.quad = Get<int8_t>(p);
  e.goldstein = Get<float>(p);
  e.mentions = Get<int32_t>(p);
  e.sources = Get<int32_t>(p);
  e.articles = Get<int32_t>(p);
  e.tone = Get<float>(p);
  e.lat = Get<float>(p);
  e.lon = Get<float>(p);
  e.date_added = Get<int64_t>(p);
  for (int c = 0; c < kNumColumns; ++c) {
    if (!IsStringColumn(c)) continue;
    uint32_t n = Get<uint32_t>(p);
    SetStringField(&e, c, std::string_view(p, n));
    p += n;
  }
  return e;
}

int64_t RunBuilder::SortAndDedupe() {
  // Rank dyad strings so that sorting ids sorts strings.
  std::vector<uint32_t> order(dyad_strings_.size()), rank(dyad_strings_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](uint32_t x, uint32_t y) { return *dyad_strings_[x] < *dyad_strings_[y]; });
  for (uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  std::sort(entries_.begin(), entries_.end(), [&](const Entry& x, const Entry& y) {
    if (x.a != y.a) return rank[x.a] < rank[y.a];
    if (x.b != y.b) return rank[x.b] < rank[y.b];
    if (x.date != y.date) return x.date < y.date;
    return x.offset < y.offset;  // input order among equals: the first copy is the one kept
  });
  std::vector<std::pair<uint64_t, uint32_t>> keys(entries_.size());
  for (uint32_t i = 0; i < entries_.size(); ++i) keys[i] = {entries_[i].key, i};
  std::sort(keys.begin(), keys.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return entries_[x.second].offset < entries_[y.second].offset;
  });
  int64_t dups = 0;
  for (size_t i = 1; i < keys.size(); ++i) {
    if (keys[i].first == keys[i - 1].first) {
      entries_[keys[i].second].duplicate = true;
      ++dups;
    }
  }
  return dups;
}

std::vector<std::pair<uint64_t, uint32_t>> RunBuilder::SortedKeys() const {
  std::vector<std::pair<uint64_t, uint32_t>> keys;
  keys.reserve(entries_.size());
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    if (!entries_[i].duplicate) keys.emplace_back(entries_[i].key, i);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

void RunBuilder::Clear() {
  arena_.clear();  // keep the capacity: the next run fills it again
  entries_.clear();
  dyad_ids_.clear();
  dyad_strings_.clear();
}

}  // namespace entente::store
