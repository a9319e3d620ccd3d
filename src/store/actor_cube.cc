#include "store/actor_cube.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/date.h"

namespace entente::store {
namespace {

uint64_t CellKey(uint32_t tag, Days month, int8_t quad) {
  return (static_cast<uint64_t>(tag) << 40) |
         (static_cast<uint64_t>(static_cast<uint32_t>(month)) << 8) | static_cast<uint8_t>(quad);
}

}  // namespace

uint32_t ActorCubeBuilder::CodeTag(std::string_view code) {
  return code.size() >= 3 ? tags_.Id(code.substr(0, 3)) : kNoTag;
}

uint32_t ActorCubeBuilder::CountryTag(std::string_view country) {
  return country.size() == 3 ? tags_.Id(country) : kNoTag;
}

void ActorCubeBuilder::Add(const uint32_t* tags, int n, Days date, int8_t quad, int32_t mentions,
                           int32_t articles, float goldstein) {
  if (date < month_start_ || date >= month_next_) {
    month_start_ = PeriodStart(date, Period::kMonth);
    month_next_ = NextPeriodStart(month_start_, Period::kMonth);
  }
  for (int i = 0; i < n; ++i) {
    if (tags[i] == kNoTag || std::find(tags, tags + i, tags[i]) != tags + i) continue;
    cells_[CellKey(tags[i], month_start_, quad)].AddRow(mentions, articles, goldstein);
  }
}

void ActorCubeBuilder::Encode(std::vector<std::string>* pages,
                              std::vector<std::string>* first_tags) const {
  // (tag, month, quad) -> sums, in tag order.
  std::map<std::tuple<std::string_view, Days, int8_t>, const CubeSums*> sorted;
  for (const auto& [key, sums] : cells_) {
    std::string_view tag = tags_.value(static_cast<uint32_t>(key >> 40));
    Days month = static_cast<Days>(static_cast<uint32_t>(key >> 8));
    sorted.emplace(std::tuple(tag, month, static_cast<int8_t>(key & 0xff)), &sums);
  }
  // A page: varint tag count; per tag: string tag, varint cell count, string of cells (zz month,
  // zz quad, sums). Tags are never split across pages.
  std::string body;
  size_t page_cells = 0, page_tags = 0;
  auto flush = [&] {
    if (page_tags == 0) return;
    std::string page;
    PutVarint64(&page, page_tags);
    page += body;
    pages->push_back(std::move(page));
    body.clear();
    page_cells = page_tags = 0;
  };
  for (auto it = sorted.begin(); it != sorted.end();) {
    std::string_view tag = std::get<0>(it->first);
    auto end = it;
    size_t n = 0;
    while (end != sorted.end() && std::get<0>(end->first) == tag) ++end, ++n;
    if (page_cells > 0 && page_cells + n > kActorCubePageCells) flush();
    if (page_tags == 0) first_tags->emplace_back(tag);
    std::string cells;
    for (; it != end; ++it) {
      PutVarint64(&cells, ZigZag(std::get<1>(it->first)));
      PutVarint64(&cells, ZigZag(std::get<2>(it->first)));
      PutCubeSums(&cells, *it->second);
    }
    PutString(&body, tag);
    PutVarint64(&body, n);
    PutString(&body, cells);  // its length lets a reader skip the tags it was not asked for
    page_cells += n;
    ++page_tags;
  }
  flush();
}

Status IndexActorCubePage(ActorCubePage* page) {
  Decoder d(page->raw);
  uint64_t ntags = d.Varint();
  for (uint64_t t = 0; t < ntags && !d.failed(); ++t) {
    std::string_view tag = d.String();
    uint64_t n = d.Varint();
    page->tags[tag] = {n, d.String()};
  }
  if (d.failed() || !d.done()) return Status::Corruption("actor cube page does not parse");
  return Status::Ok();
}

Status DecodeActorCells(uint64_t n, std::string_view bytes, std::vector<CubeCell>* cells) {
  if (n > bytes.size()) return Status::Corruption("bad actor cube cell count");
  Decoder d(bytes);
  cells->resize(n);
  for (CubeCell& c : *cells) {
    c.month = static_cast<Days>(UnZigZag(d.Varint()));
    c.quad = UnZigZag(d.Varint());
    GetCubeSums(&d, &c.sums);
  }
  if (d.failed() || !d.done()) return Status::Corruption("actor cube cells do not parse");
  return Status::Ok();
}

}  // namespace entente::store
