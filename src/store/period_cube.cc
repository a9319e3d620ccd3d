#include "store/period_cube.h"

#include <cmath>
#include <cstring>

#include "core/date.h"

namespace entente::store {
namespace {

void PutDouble(std::string* m, double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, 8);
  PutFixed64(m, bits);
}

double GetDouble(Decoder* d) {
  std::string_view b = d->Bytes(8);
  if (b.size() != 8) return 0;
  uint64_t bits = DecodeFixed64(b.data());
  double v;
  std::memcpy(&v, &bits, 8);
  return v;
}

}  // namespace

void PutCubeSums(std::string* out, const CubeSums& s) {
  PutVarint64(out, static_cast<uint64_t>(s.events));
  PutVarint64(out, static_cast<uint64_t>(s.mentions));
  PutVarint64(out, static_cast<uint64_t>(s.articles));
  PutVarint64(out, static_cast<uint64_t>(s.gold_events));
  PutVarint64(out, static_cast<uint64_t>(s.gold_mentions));
  PutVarint64(out, static_cast<uint64_t>(s.gold_articles));
  PutDouble(out, s.gold_sum);
  PutDouble(out, s.gold_sum_mentions);
  PutDouble(out, s.gold_sum_articles);
}

void GetCubeSums(Decoder* d, CubeSums* s) {
  s->events = static_cast<int64_t>(d->Varint());
  s->mentions = static_cast<int64_t>(d->Varint());
  s->articles = static_cast<int64_t>(d->Varint());
  s->gold_events = static_cast<int64_t>(d->Varint());
  s->gold_mentions = static_cast<int64_t>(d->Varint());
  s->gold_articles = static_cast<int64_t>(d->Varint());
  s->gold_sum = GetDouble(d);
  s->gold_sum_mentions = GetDouble(d);
  s->gold_sum_articles = GetDouble(d);
}

void CubeSums::AddRow(int32_t mentions, int32_t articles, float goldstein) {
  const int64_t m = mentions > 0 ? mentions : 1, a = articles > 0 ? articles : 1;
  events += 1;
  this->mentions += m;
  this->articles += a;
  if (!std::isnan(goldstein)) {
    const double g = goldstein;
    gold_events += 1;
    gold_mentions += m;
    gold_articles += a;
    gold_sum += g;
    gold_sum_mentions += static_cast<double>(m) * g;
    gold_sum_articles += static_cast<double>(a) * g;
  }
}

void CubeSums::Add(const CubeSums& o) {
  events += o.events;
  mentions += o.mentions;
  articles += o.articles;
  gold_events += o.gold_events;
  gold_mentions += o.gold_mentions;
  gold_articles += o.gold_articles;
  gold_sum += o.gold_sum;
  gold_sum_mentions += o.gold_sum_mentions;
  gold_sum_articles += o.gold_sum_articles;
}

void CubeBuilder::Add(const EventRow& e) {
  Add(e.date, e.root_code.empty() ? RootOf(e.code) : e.root_code, e.quad, e.mentions, e.articles,
      e.goldstein);
}

void CubeBuilder::Add(Days date, std::string_view root, int8_t quad, int32_t mentions,
                      int32_t articles, float goldstein) {
  if (date < month_start_ || date >= month_next_) {
    month_start_ = PeriodStart(date, Period::kMonth);
    month_next_ = NextPeriodStart(month_start_, Period::kMonth);
  }
  uint64_t root_id = roots_.Id(root);
  uint64_t key = (static_cast<uint64_t>(static_cast<uint32_t>(month_start_)) << 32) |
                 (root_id << 8) | static_cast<uint8_t>(quad);
  CubeSums* cell;
  if (root_id < (1u << 24)) {
    CubeSums*& slot = index_[key];
    if (slot == nullptr) {
      slot = &cells_[std::make_tuple(month_start_, std::string(root), int64_t{quad})];
    }
    cell = slot;
  } else {  // more roots than the key holds (not a CAMEO dataset): the map alone
    cell = &cells_[std::make_tuple(month_start_, std::string(root), int64_t{quad})];
  }
  cell->AddRow(mentions, articles, goldstein);
}

void CubeBuilder::Encode(std::string* m) const {
  std::map<std::string_view, uint32_t> roots;
  for (const auto& [key, sums] : cells_) roots.emplace(std::get<1>(key), 0);
  PutVarint64(m, roots.size());
  uint32_t next = 0;
  for (auto& [root, id] : roots) {
    id = next++;
    PutString(m, root);
  }
  PutVarint64(m, cells_.size());
  for (const auto& [key, s] : cells_) {
    PutVarint64(m, ZigZag(std::get<0>(key)));
    PutVarint64(m, roots[std::get<1>(key)]);
    PutVarint64(m, ZigZag(std::get<2>(key)));
    PutCubeSums(m, s);
  }
}

Status DecodeCube(Decoder* d, PeriodCube* out) {
  uint64_t nroots = d->Varint();
  if (nroots > (1u << 24)) return Status::Corruption("bad cube root count");
  out->roots.reserve(nroots);
  for (uint64_t i = 0; i < nroots && !d->failed(); ++i) out->roots.push_back(d->String());
  uint64_t ncells = d->Varint();
  if (ncells > (1u << 30)) return Status::Corruption("bad cube cell count");
  out->cells.resize(d->failed() ? 0 : ncells);
  for (CubeCell& c : out->cells) {
    c.month = static_cast<Days>(UnZigZag(d->Varint()));
    uint64_t root = d->Varint();
    if (root >= nroots) return Status::Corruption("cube root out of range");
    c.root = static_cast<uint32_t>(root);
    c.quad = UnZigZag(d->Varint());
    GetCubeSums(d, &c.sums);
    if (d->failed()) break;
  }
  if (d->failed()) return Status::Corruption("cube does not parse");
  return Status::Ok();
}

bool CubeServes(const AggregateQuery& q) {
  const EventFilter& f = q.filter;
  if (q.by_dyad || f.has_dyad() || !f.actors.empty() || !f.source.empty() || !f.target.empty()) {
    return false;
  }
  if (!f.code_prefix.empty() || !f.dataset.empty() || f.quality.any()) return false;
  if (q.by_period && q.period != Period::kMonth && q.period != Period::kQuarter &&
      q.period != Period::kYear) {
    return false;
  }
  // Bounds must not cut a month: `from` a month's first day, `to` a month's last day.
  if (f.from && PeriodStart(*f.from, Period::kMonth) != *f.from) return false;
  if (f.to && PeriodStart(*f.to + 1, Period::kMonth) != *f.to + 1) return false;
  return true;
}

void CubeWeighted(const CubeSums& s, Weight w, double* weight, double* gold_sum,
                  double* gold_weight) {
  switch (w) {
    case Weight::kEvents:
      *weight = static_cast<double>(s.events);
      *gold_sum = s.gold_sum;
      *gold_weight = static_cast<double>(s.gold_events);
      return;
    case Weight::kMentions:
      *weight = static_cast<double>(s.mentions);
      *gold_sum = s.gold_sum_mentions;
      *gold_weight = static_cast<double>(s.gold_mentions);
      return;
    case Weight::kArticles:
      *weight = static_cast<double>(s.articles);
      *gold_sum = s.gold_sum_articles;
      *gold_weight = static_cast<double>(s.gold_articles);
      return;
  }
}

}  // namespace entente::store
