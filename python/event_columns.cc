#include "event_columns.h"

#include <algorithm>
#include <charconv>

#include "io/event_fields.h"
#include "store/columns.h"
#include "store/segment_reader.h"

namespace entente::python {

void DictColumn::Add(std::string_view s) {
  if (s.empty()) {
    codes.push_back(-1);
    return;
  }
  if (last_code_ < 0 || s != last_) {
    last_code_ = Find(s);
    last_ = values_.values[last_code_];
  }
  codes.push_back(last_code_);
}

int32_t DictColumn::Find(std::string_view s) {
  uint64_t hash = std::hash<std::string_view>{}(s);
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.code < 0) {
      slot = Slot{hash, static_cast<int32_t>(values_.values.size())};
      values_.Add(s);
      if (values_.values.size() * 2 > slots_.size()) Grow();
      return static_cast<int32_t>(values_.values.size() - 1);
    }
    if (slot.hash == hash && values_.values[slot.code] == s) return slot.code;
  }
}

void DictColumn::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.code < 0) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].code >= 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void TextColumn::Add(std::string_view s) {
  if (s.size() > capacity_ - used_) {
    capacity_ = std::max(kBlockBytes, s.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(capacity_));
    used_ = 0;
  }
  char* at = blocks_.back().get() + used_;
  std::copy(s.begin(), s.end(), at);
  used_ += s.size();
  values.emplace_back(at, s.size());
}

void TextColumn::Append(TextColumn&& other) {
  values.insert(values.end(), other.values.begin(), other.values.end());
  if (other.blocks_.empty()) return;
  for (auto& block : other.blocks_) blocks_.push_back(std::move(block));
  used_ = other.used_;
  capacity_ = other.capacity_;
  other = TextColumn();
}

void DictColumn::Append(const DictColumn& other) {
  std::vector<int32_t> remap;
  remap.reserve(other.values().size());
  for (std::string_view v : other.values()) remap.push_back(Find(v));
  codes.reserve(codes.size() + other.codes.size());
  for (int32_t c : other.codes) codes.push_back(c < 0 ? c : remap[c]);
}

double EventColumns::ToDouble(float f, int column) {
  if (f != last_float_[column]) {  // NaN never equals: converted each time, stays NaN
    last_float_[column] = f;
    last_double_[column] = io::FloatAsDouble(f);
  }
  return last_double_[column];
}

namespace {

// "0" or digits without a leading zero, up to 18 of them (always fits an int64).
bool CanonicalNumber(std::string_view s, int64_t* value) {
  if (s.empty() || s.size() > 18 || (s[0] == '0' && s.size() > 1)) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && end == s.data() + s.size() && s[0] != '-';
}

}  // namespace

void IdColumn::Add(std::string_view s) {
  int64_t value;
  if (numeric_ && CanonicalNumber(s, &value)) {
    numbers.push_back(value);
    return;
  }
  if (numeric_) MakeText();  // the first id that is not a number
  text.Add(s);
}

void IdColumn::MakeText() {
  numeric_ = false;
  for (int64_t n : numbers) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
    text.Add(std::string_view(buf, end - buf));
  }
  numbers = {};
}

void IdColumn::Append(IdColumn&& other) {
  if (numeric_ && other.numeric_) {
    numbers.insert(numbers.end(), other.numbers.begin(), other.numbers.end());
    return;
  }
  if (numeric_) MakeText();
  if (other.numeric_) other.MakeText();
  text.Append(std::move(other.text));
}

void EventColumns::Add(const EventRow& e) {
  id.Add(e.id);
  days.push_back(e.date);
  precision.Add(PrecisionName(e.precision));
  source.Add(e.source.code);
  source_country.Add(e.source.country);
  target.Add(e.target.code);
  target_country.Add(e.target.country);
  code.Add(e.code);
  root.Add(e.root_code);
  quad.push_back(e.quad);
  goldstein.push_back(ToDouble(e.goldstein, 0));
  mentions.push_back(e.mentions);
  tone.push_back(ToDouble(e.tone, 1));
  dataset.Add(e.dataset);
  url.Add(e.url);
}

namespace {

template <class... V>
void ReserveAll(size_t n, V&... v) {
  (v.reserve(n), ...);
}

// Only a vector that filled less than half of its room: shrinking copies it.
template <class... V>
void FitAll(V&... v) {
  ((v.size() < v.capacity() / 2 ? v.shrink_to_fit() : void()), ...);
}

}  // namespace

void EventColumns::Reserve(size_t n) {
  ReserveAll(n, id.numbers, days, precision.codes, source.codes, source_country.codes, target.codes,
             target_country.codes, code.codes, root.codes, dataset.codes, url.codes, quad,
             goldstein, tone, mentions);
}

void EventColumns::Append(EventColumns&& o) {
  auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
  id.Append(std::move(o.id));
  append(days, o.days);
  for (auto [to, from] : {std::pair{&precision, &o.precision},
                          {&source, &o.source},
                          {&source_country, &o.source_country},
                          {&target, &o.target},
                          {&target_country, &o.target_country},
                          {&code, &o.code},
                          {&root, &o.root},
                          {&dataset, &o.dataset},
                          {&url, &o.url}}) {
    to->Append(*from);
  }
  append(quad, o.quad);
  append(goldstein, o.goldstein);
  append(tone, o.tone);
  append(mentions, o.mentions);
}

void EventColumns::Fit() {
  FitAll(id.numbers, days, precision.codes, source.codes, source_country.codes, target.codes,
         target_country.codes, code.codes, root.codes, dataset.codes, url.codes, quad, goldstein,
         tone, mentions);
}

namespace {

constexpr int kStoreColumns[] = {
    store::kId,        store::kDate,       store::kPrecision, store::kSrcCode,  store::kSrcCountry,
    store::kTgtCode,   store::kTgtCountry, store::kCode,      store::kRootCode, store::kQuad,
    store::kGoldstein, store::kMentions,   store::kTone,      store::kDataset,  store::kUrl};

}  // namespace

std::span<const int> EventColumns::StoreColumns() { return kStoreColumns; }

void EventColumns::BindSegment(const store::SegmentReader& seg) {
  segment_ = &seg;
  source.BindDict(seg.dict(store::kSrcCode));
  source_country.BindDict(seg.dict(store::kSrcCountry));
  target.BindDict(seg.dict(store::kTgtCode));
  target_country.BindDict(seg.dict(store::kTgtCountry));
  code.BindDict(seg.dict(store::kCode));
  root.BindDict(seg.dict(store::kRootCode));
  dataset.BindDict(seg.dict(store::kDataset));
}

void EventColumns::AddBatch(const store::ColumnBatch& b) {
  if (b.segment != segment_) BindSegment(*b.segment);
  auto col = [&](int c) -> const store::DecodedColumn& { return *b.columns[c]; };
  for (uint32_t i : b.rows) id.Add(col(store::kId).strs[i]);
  for (uint32_t i : b.rows) days.push_back(static_cast<int32_t>(col(store::kDate).ints[i]));
  for (uint32_t i : b.rows) {
    precision.Add(PrecisionName(static_cast<DatePrecision>(col(store::kPrecision).ints[i])));
  }
  std::pair<DictColumn*, int> dicts[] = {
      {&source, store::kSrcCode}, {&source_country, store::kSrcCountry},
      {&target, store::kTgtCode}, {&target_country, store::kTgtCountry},
      {&code, store::kCode},      {&root, store::kRootCode},
      {&dataset, store::kDataset}};
  for (auto [dict, c] : dicts) {
    const std::vector<uint32_t>& ids = col(c).ids;
    for (uint32_t i : b.rows) dict->AddId(ids[i]);
  }
  for (uint32_t i : b.rows) quad.push_back(static_cast<int8_t>(col(store::kQuad).ints[i]));
  for (uint32_t i : b.rows) goldstein.push_back(ToDouble(col(store::kGoldstein).floats[i], 0));
  for (uint32_t i : b.rows) mentions.push_back(col(store::kMentions).ints[i]);
  for (uint32_t i : b.rows) tone.push_back(ToDouble(col(store::kTone).floats[i], 1));
  for (uint32_t i : b.rows) url.Add(col(store::kUrl).strs[i]);
}

}  // namespace entente::python
