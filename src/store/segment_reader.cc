#include "store/segment_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>

#include "store/coding.h"
#include "store/segment_meta.h"

namespace entente::store {

Result<std::unique_ptr<SegmentReader>> SegmentReader::Open(Env* env, const std::string& path) {
  auto r = std::unique_ptr<SegmentReader>(new SegmentReader());
  ASSIGN_OR_RETURN(r->file_, env->MapFile(path));
  BlobRef meta;
  Status s = r->ParseTrailer(&meta);
  if (s.ok()) {
    std::string_view stored = r->file_->data().substr(meta.offset, meta.size);
    if (Crc32(stored) != meta.crc) {
      s = Status::Corruption("checksum mismatch in meta");
    } else if (Status d = DecompressBlob(stored, meta.raw_size, &r->meta_raw_); !d.ok()) {
      s = Status::Corruption("meta: " + d.message());
    } else {
      s = r->version_ >= 3 ? r->ParseFooter() : r->ParseWholeMeta();
    }
  }
  if (!s.ok()) {
    if (s.code() == StatusCode::kCorruption || s.code() == StatusCode::kStoreError) {
      return s.WithContext(path);
    }
    return s;
  }
  return r;
}

Status SegmentReader::ParseTrailer(BlobRef* meta) {
  std::string_view data = file_->data();
  if (data.size() < kSegmentHeaderSize + kSegmentTrailerSize ||
      data.substr(0, kSegmentMagic.size()) != kSegmentMagic) {
    return Status::Corruption("not a segment file (bad header)");
  }
  if (DecodeFixed32(data.data() + 12) != 0) {  // no byte of the file goes unchecked
    return Status::Corruption("damaged header (its reserved field is not 0)");
  }
  const char* t = data.data() + data.size() - kSegmentTrailerSize;
  if (std::string_view(t + 32, 8) != kSegmentMagic) {
    return Status::Corruption("truncated segment (bad trailer)");
  }
  // The version is written twice (header and trailer): when the two disagree the file is damaged;
  // when they agree on a version this entente does not read, it was written by another one.
  uint32_t version = DecodeFixed32(t + 28);
  uint32_t header_version = DecodeFixed32(data.data() + 8);
  if (version != header_version) {
    return Status::Corruption(fmt::format(
        "damaged: the header says format version {}, the trailer {}", header_version, version));
  }
  if (version < kOldestSegmentVersion || version > kSegmentVersion) {
    return Status::StoreError(
        fmt::format("segment format version {}: this entente reads versions {} to {}", version,
                    kOldestSegmentVersion, kSegmentVersion));
  }
  version_ = version;
  *meta =
      BlobRef{DecodeFixed64(t), DecodeFixed64(t + 8), DecodeFixed64(t + 16), DecodeFixed32(t + 24)};
  const uint64_t meta_end = data.size() - kSegmentTrailerSize;
  if (meta->offset > meta_end || meta->size != meta_end - meta->offset) {
    return Status::Corruption("meta does not end at the trailer");
  }
  return Status::Ok();
}

// The start of every version's meta: version, rows, date range, column count.
Status SegmentReader::ParseMetaHead(Decoder* d) {
  if (d->Varint() != version_) return Status::Corruption("meta version mismatch");
  rows_ = d->Varint();
  min_date_ = static_cast<Days>(d->SignedVarint());
  max_date_ = static_cast<Days>(d->SignedVarint());
  if (d->Varint() != kNumColumns) return Status::Corruption("unexpected column count");
  return Status::Ok();
}

// The byte that names column c's kind, as every version writes it.
Status SegmentReader::CheckColumnKind(Decoder* d, int c) {
  std::string_view kind = d->Bytes(1);
  if (kind.size() != 1 || static_cast<ColumnKind>(kind[0]) != KindOf(c)) {
    return Status::Corruption(fmt::format("column {} has an unexpected kind", ColumnName(c)));
  }
  return Status::Ok();
}

// Versions 1 and 2: everything in one frame, decoded now; every part is then loaded.
Status SegmentReader::ParseWholeMeta() {
  Decoder d(meta_raw_);
  RETURN_IF_ERROR(ParseMetaHead(&d));
  for (int c = 0; c < kNumColumns; ++c) {
    RETURN_IF_ERROR(CheckColumnKind(&d, c));
    dict_state_[c].loaded = true;
    if (KindOf(c) != ColumnKind::kDict) continue;
    uint64_t n = d.Varint();
    if (n > meta_raw_.size()) return Status::Corruption("bad dictionary size");
    dicts_[c].reserve(n);
    for (uint64_t i = 0; i < n && !d.failed(); ++i) dicts_[c].push_back(d.String());
    dict_count_[c] = dicts_[c].size();
  }
  RETURN_IF_ERROR(DecodeBlockIndex(&d, meta_raw_, rows_, &blocks_, &block_frames_at_));
  blocks_base_ = meta_raw_;
  blocks_state_.loaded = true;
  uint64_t ndyads = d.Varint();
  if (ndyads > meta_raw_.size()) return Status::Corruption("bad dyad count");
  auto page = std::make_unique<Page>();
  RETURN_IF_ERROR(DecodeDyadEntries(&d, rows_, ndyads, &page->entries, &page->tags));
  // The impure index as version 3 stores it, so that one parser serves every version.
  std::map<std::string_view, std::vector<uint64_t>> impure;
  for (size_t i = 0; i < page->entries.size(); ++i) {
    if (page->entries[i].pure) continue;
    for (std::string_view t : page->entries[i].tags) impure[t].push_back(i);
  }
  EncodeImpureIndex(impure, &impure_raw_);
  RETURN_IF_ERROR(ParseImpure());
  impure_state_.loaded = true;
  dyad_count_ = ndyads;
  page_entries_ = std::max<size_t>(ndyads, 1);
  if (ndyads > 0) page_first_.push_back({page->entries[0].a, page->entries[0].b});
  page_refs_.resize(page_first_.size());
  page_state_ = std::make_unique<PartState[]>(page_first_.size());
  if (ndyads > 0) page_state_[0].loaded = true;
  pages_.push_back(std::move(page));
  if (d.Varint() != rows_) return Status::Corruption("key count mismatch");
  keys_ = GetBlob(&d);
  if (version_ >= 2) RETURN_IF_ERROR(DecodeCube(&d, &cube_));
  cube_state_.loaded = true;
  if (d.failed() || !d.done()) return Status::Corruption("meta does not parse");
  return Status::Ok();
}

// Version 3: the footer names the parts; nothing else is read now.
Status SegmentReader::ParseFooter() {
  Decoder d(meta_raw_);
  RETURN_IF_ERROR(ParseMetaHead(&d));
  for (int c = 0; c < kNumColumns; ++c) {
    RETURN_IF_ERROR(CheckColumnKind(&d, c));
  }
  blocks_ref_ = GetBlob(&d);
  for (int c = 0; c < kNumColumns; ++c) {
    if (KindOf(c) != ColumnKind::kDict) {
      dict_state_[c].loaded = true;
      continue;
    }
    dict_count_[c] = d.Varint();
    dict_ref_[c] = GetBlob(&d);
  }
  dyad_count_ = d.Varint();
  uint64_t npages = d.Varint();
  if (d.failed() || npages != (dyad_count_ + kDyadPageEntries - 1) / kDyadPageEntries) {
    return Status::Corruption("bad dyad page count");
  }
  for (uint64_t p = 0; p < npages && !d.failed(); ++p) {
    std::string_view a = d.String(), b = d.String();
    page_first_.push_back({a, b});
    page_refs_.push_back(GetBlob(&d));
  }
  page_state_ = std::make_unique<PartState[]>(npages);
  pages_.resize(npages);
  impure_ref_ = GetBlob(&d);
  if (d.Varint() != rows_) return Status::Corruption("key count mismatch");
  keys_ = GetBlob(&d);
  cube_ref_ = GetBlob(&d);
  uint64_t datasets = d.Varint();
  for (uint64_t i = 0; i < datasets && !d.failed(); ++i) {
    std::string_view name = d.String();
    dataset_rows_.push_back({name, d.Varint()});
  }
  uint64_t actor_pages = d.Varint();
  for (uint64_t p = 0; p < actor_pages && !d.failed(); ++p) {
    actor_first_.push_back(d.String());
    actor_refs_.push_back(GetBlob(&d));
  }
  actor_state_ = std::make_unique<PartState[]>(actor_first_.size());
  actor_pages_.resize(actor_first_.size());
  if (d.failed() || !d.done()) return Status::Corruption("footer does not parse");
  return Status::Ok();
}

Status SegmentReader::ReadBlob(const BlobRef& ref, std::string* out, int64_t block,
                               int column) const {
  // Built only for an error: formatting it on every read cost an allocation per column per block.
  auto what = [&] {
    return block < 0 ? std::string("dedupe keys")
                     : fmt::format("block {} column {}", block, ColumnName(column));
  };
  std::string_view data = file_->data();
  if (ref.offset > data.size() || ref.size > data.size() - ref.offset) {
    return Status::Corruption(fmt::format("{}: {} lies outside the file", path(), what()));
  }
  std::string_view stored = data.substr(ref.offset, ref.size);
  if (Crc32(stored) != ref.crc) {
    return Status::Corruption(fmt::format("{}: checksum mismatch in {}", path(), what()));
  }
  Status s = DecompressBlob(stored, ref.raw_size, out);
  if (!s.ok()) return Status::Corruption(fmt::format("{}: {}: {}", path(), what(), s.message()));
  return Status::Ok();
}

Status SegmentReader::ReadPart(const BlobRef& ref, std::string_view what, std::string* out) const {
  std::string_view data = file_->data();
  if (ref.offset > data.size() || ref.size > data.size() - ref.offset) {
    return Status::Corruption(fmt::format("{}: {} lies outside the file", path(), what));
  }
  std::string_view stored = data.substr(ref.offset, ref.size);
  if (Crc32(stored) != ref.crc) {
    return Status::Corruption(fmt::format("{}: checksum mismatch in {}", path(), what));
  }
  Status s = DecompressBlob(stored, ref.raw_size, out);
  if (!s.ok()) return Status::Corruption(fmt::format("{}: {}: {}", path(), what, s.message()));
  return Status::Ok();
}

template <class Decode>
Status SegmentReader::LoadOnce(PartState& state, Decode&& decode) const {
  if (state.loaded.load(std::memory_order_acquire)) return state.status;
  std::lock_guard<std::mutex> lock(mu_);
  if (!state.loaded.load(std::memory_order_relaxed)) {
    state.status = decode();
    state.loaded.store(true, std::memory_order_release);
  }
  return state.status;
}

Result<const std::vector<BlockMeta>*> SegmentReader::Blocks() const {
  RETURN_IF_ERROR(LoadOnce(blocks_state_, [&]() -> Status {
    RETURN_IF_ERROR(ReadPart(blocks_ref_, "block index", &blocks_raw_));
    Decoder d(blocks_raw_);
    Status s = DecodeBlockIndex(&d, blocks_raw_, rows_, &blocks_, &block_frames_at_);
    if (s.ok() && !d.done()) s = Status::Corruption("block index does not parse");
    blocks_base_ = blocks_raw_;
    return s.ok() ? s : s.WithContext(path() + ": block index");
  }));
  return &blocks_;
}

Status SegmentReader::NeedDicts(std::initializer_list<int> columns) const {
  for (int c : columns) {
    RETURN_IF_ERROR(LoadOnce(dict_state_[c], [&]() -> Status {
      std::string what = fmt::format("dictionary of {}", ColumnName(c));
      RETURN_IF_ERROR(ReadPart(dict_ref_[c], what, &dict_raw_[c]));
      Decoder d(dict_raw_[c]);
      dicts_[c].reserve(dict_count_[c]);
      for (uint64_t i = 0; i < dict_count_[c] && !d.failed(); ++i) dicts_[c].push_back(d.String());
      if (d.failed() || !d.done()) {
        return Status::Corruption(fmt::format("{}: {} does not parse", path(), what));
      }
      return Status::Ok();
    }));
  }
  return Status::Ok();
}

Status SegmentReader::NeedAllDicts() const {
  for (int c = 0; c < kNumColumns; ++c) RETURN_IF_ERROR(NeedDicts({c}));
  return Status::Ok();
}

Result<const PeriodCube*> SegmentReader::Cube() const {
  if (!has_cube()) return static_cast<const PeriodCube*>(nullptr);
  RETURN_IF_ERROR(LoadOnce(cube_state_, [&]() -> Status {
    RETURN_IF_ERROR(ReadPart(cube_ref_, "period cube", &cube_raw_));
    Decoder d(cube_raw_);
    Status s = DecodeCube(&d, &cube_);
    if (s.ok() && (d.failed() || !d.done())) s = Status::Corruption("does not parse");
    return s.ok() ? s : s.WithContext(path() + ": period cube");
  }));
  return &cube_;
}

Result<const std::vector<CubeCell>*> SegmentReader::ActorCells(std::string_view tag) const {
  auto it = std::upper_bound(actor_first_.begin(), actor_first_.end(), tag);
  if (it == actor_first_.begin()) return static_cast<const std::vector<CubeCell>*>(nullptr);
  const size_t page = static_cast<size_t>(it - actor_first_.begin()) - 1;
  RETURN_IF_ERROR(LoadOnce(actor_state_[page], [&]() -> Status {
    auto p = std::make_unique<ActorCubePage>();
    std::string what = fmt::format("actor cube page {}", page);
    RETURN_IF_ERROR(ReadPart(actor_refs_[page], what, &p->raw));
    Status s = IndexActorCubePage(p.get());
    if (!s.ok()) return s.WithContext(fmt::format("{}: {}", path(), what));
    actor_pages_[page] = std::move(p);
    return Status::Ok();
  }));
  const ActorCubePage& p = *actor_pages_[page];
  auto found = p.tags.find(tag);
  if (found == p.tags.end()) return static_cast<const std::vector<CubeCell>*>(nullptr);
  // A tag's cells are decoded on first use and kept (unordered_map nodes do not move).
  std::lock_guard<std::mutex> lock(mu_);
  auto [slot, fresh] = actor_cells_.try_emplace(std::string(tag));
  if (fresh) {
    Status s = DecodeActorCells(found->second.first, found->second.second, &slot->second);
    if (!s.ok()) {
      actor_cells_.erase(slot);
      return s.WithContext(fmt::format("{}: actor cube page {}", path(), page));
    }
  }
  return &slot->second;
}

Status SegmentReader::LoadPage(size_t page) const {
  return LoadOnce(page_state_[page], [&]() -> Status {
    auto p = std::make_unique<Page>();
    std::string what = fmt::format("dyad directory page {}", page);
    RETURN_IF_ERROR(ReadPart(page_refs_[page], what, &p->raw));
    size_t n = std::min(page_entries_, dyad_count_ - page * page_entries_);
    Decoder d(p->raw);
    Status s = DecodeDyadEntries(&d, rows_, n, &p->entries, &p->tags);
    if (!s.ok()) return s.WithContext(fmt::format("{}: {}", path(), what));
    if (!d.done() || std::pair(p->entries[0].a, p->entries[0].b) != page_first_[page]) {
      return Status::Corruption(fmt::format("{}: {} does not parse", path(), what));
    }
    pages_[page] = std::move(p);
    return Status::Ok();
  });
}

Status SegmentReader::LoadImpure() const {
  return LoadOnce(impure_state_, [&]() -> Status {
    RETURN_IF_ERROR(ReadPart(impure_ref_, "impure dyad index", &impure_raw_));
    return ParseImpure();
  });
}

// Finds each tag's list in impure_raw_ (the lists are skipped, not decoded).
Status SegmentReader::ParseImpure() const {
  Decoder d(impure_raw_);
  uint64_t ntags = d.Varint();
  if (ntags > impure_raw_.size() || impure_raw_.size() > UINT32_MAX) {
    return Status::Corruption(path() + ": impure dyad index does not parse");
  }
  impure_lists_.reserve(ntags);
  for (uint64_t t = 0; t < ntags && !d.failed(); ++t) {
    ImpureList list;
    list.tag = d.String();
    uint64_t n = d.Varint();
    list.at = static_cast<uint32_t>(d.position() - impure_raw_.data());
    list.n = static_cast<uint32_t>(std::min<uint64_t>(n, UINT32_MAX));
    for (uint64_t i = 0; i < n && !d.failed(); ++i) d.Varint();
    impure_lists_.push_back(list);
  }
  if (d.failed() || !d.done()) {
    return Status::Corruption(path() + ": impure dyad index does not parse");
  }
  std::sort(impure_lists_.begin(), impure_lists_.end(),
            [](const ImpureList& x, const ImpureList& y) { return x.tag < y.tag; });
  return Status::Ok();
}

Result<std::vector<uint32_t>> SegmentReader::ImpureEntries(std::string_view tag) const {
  std::vector<uint32_t> out;
  auto it = std::lower_bound(impure_lists_.begin(), impure_lists_.end(), tag,
                             [](const ImpureList& l, std::string_view t) { return l.tag < t; });
  if (it == impure_lists_.end() || it->tag != tag) return out;
  Decoder d(std::string_view(impure_raw_).substr(it->at));
  out.reserve(it->n);
  uint64_t e = 0;
  for (uint32_t i = 0; i < it->n; ++i) {
    e += d.Varint();
    if (d.failed() || e >= dyad_count_) {
      return Status::Corruption(path() + ": impure dyad index out of range");
    }
    out.push_back(static_cast<uint32_t>(e));
  }
  return out;
}

Result<std::vector<const DyadEntry*>> SegmentReader::DyadCandidates(std::string_view a,
                                                                    std::string_view b) const {
  if (b < a) std::swap(a, b);
  std::vector<uint32_t> found;
  const std::pair key(a, b);
  // The page that would hold the key: the last whose first key is not after it.
  auto pit = std::upper_bound(page_first_.begin(), page_first_.end(), key);
  if (pit != page_first_.begin()) {
    size_t page = static_cast<size_t>(pit - page_first_.begin()) - 1;
    RETURN_IF_ERROR(LoadPage(page));
    const std::vector<DyadEntry>& entries = pages_[page]->entries;
    auto it =
        std::lower_bound(entries.begin(), entries.end(), key,
                         [](const DyadEntry& e, const auto& k) { return std::pair(e.a, e.b) < k; });
    if (it != entries.end() && it->a == a && it->b == b) {
      found.push_back(static_cast<uint32_t>(page * page_entries_ + (it - entries.begin())));
    }
  }
  RETURN_IF_ERROR(LoadImpure());
  ASSIGN_OR_RETURN(std::vector<uint32_t> under_a, ImpureEntries(a));
  if (!under_a.empty()) {
    ASSIGN_OR_RETURN(std::vector<uint32_t> under_b, ImpureEntries(b));
    // Both lists are ascending (entries were added in order); a tag appears once per entry.
    std::set_intersection(under_a.begin(), under_a.end(), under_b.begin(), under_b.end(),
                          std::back_inserter(found));
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<const DyadEntry*> out;
  for (uint32_t i : found) {
    size_t page = i / page_entries_;
    RETURN_IF_ERROR(LoadPage(page));
    out.push_back(&pages_[page]->entries[i % page_entries_]);
  }
  return out;
}

Result<std::vector<const DyadEntry*>> SegmentReader::AllDyads() const {
  std::vector<const DyadEntry*> out;
  out.reserve(dyad_count_);
  for (size_t p = 0; p < page_first_.size(); ++p) {
    RETURN_IF_ERROR(LoadPage(p));
    for (const DyadEntry& e : pages_[p]->entries) out.push_back(&e);
  }
  return out;
}

Status SegmentReader::ReadColumn(size_t block, int column, DecodedColumn* out) const {
  const BlockMeta& b = blocks_[block];
  // Decompress into the column's own buffer: a query reusing one DecodedColumn per column then
  // allocates nothing per block.
  const BlobRef ref = GetColumnRef(blocks_base_, block_frames_at_[block], column);
  RETURN_IF_ERROR(ReadBlob(ref, &out->raw, static_cast<int64_t>(block), column));
  Status s = DecodeColumn(column, std::move(out->raw), b.rows, out);
  if (!s.ok())
    return Status::Corruption(fmt::format("{}: block {}: {}", path(), block, s.message()));
  if (KindOf(column) == ColumnKind::kDict) {
    const uint64_t n = dict_count_[column];
    for (uint32_t id : out->ids) {
      if (id >= n) {
        return Status::Corruption(fmt::format("{}: block {} column {}: id out of dictionary",
                                              path(), block, ColumnName(column)));
      }
    }
  }
  return Status::Ok();
}

void SegmentReader::BlockSpan(size_t block, uint64_t* begin, uint64_t* end) const {
  Decoder d(blocks_base_.substr(block_frames_at_[block]));
  for (int c = 0; c < kNumColumns; ++c) {
    const BlobRef ref = GetBlob(&d);
    if (ref.size == 0) continue;
    *begin = std::min(*begin, ref.offset);
    *end = std::max(*end, ref.offset + ref.size);
  }
}

void SegmentReader::ReleaseBlock(size_t block) const {
  if (keep_blocks_) return;
  uint64_t begin = UINT64_MAX, end = 0;
  BlockSpan(block, &begin, &end);
  if (begin < end) file_->Release(begin, end - begin);
}

void SegmentReader::ReleaseBlocks() const {
  if (keep_blocks_ || blocks_.empty()) return;
  // Blocks are written one after another, each column after the last: the first and the last
  // block bound them all.
  uint64_t begin = UINT64_MAX, end = 0;
  BlockSpan(0, &begin, &end);
  BlockSpan(blocks_.size() - 1, &begin, &end);
  if (begin < end) file_->Release(begin, end - begin);
}

namespace {

Status WalkKeys(const std::string& path, std::string_view raw, uint64_t rows,
                const std::function<void(uint64_t)>& visit) {
  Decoder d(raw);
  uint64_t k = 0;
  for (uint64_t i = 0; i < rows; ++i) {
    k += d.Varint();
    visit(k);
  }
  if (d.failed()) return Status::Corruption(path + ": dedupe keys do not decode");
  return Status::Ok();
}

}  // namespace

Status SegmentReader::ForEachKey(const std::function<void(uint64_t)>& visit) const {
  std::string raw;
  RETURN_IF_ERROR(ReadBlob(keys_, &raw, -1, 0));
  return WalkKeys(path(), raw, rows_, visit);
}

Status SegmentReader::ForEachKeyIn(Env* env, const std::string& path, const BlobRef& keys,
                                   uint64_t rows, const std::function<void(uint64_t)>& visit) {
  std::string stored, raw;
  RETURN_IF_ERROR(ReadFileRange(env, path, keys.offset, keys.size, &stored));
  if (Crc32(stored) != keys.crc) {
    return Status::Corruption(path + ": checksum mismatch in dedupe keys");
  }
  Status s = DecompressBlob(stored, keys.raw_size, &raw);
  if (!s.ok()) return Status::Corruption(path + ": dedupe keys: " + s.message());
  return WalkKeys(path, raw, rows, visit);
}

Status SegmentReader::Verify() const {
  RETURN_IF_ERROR(NeedAllDicts());
  RETURN_IF_ERROR(AllDyads().status());
  RETURN_IF_ERROR(LoadImpure());
  for (const ImpureList& list : impure_lists_) {
    RETURN_IF_ERROR(ImpureEntries(list.tag).status());
  }
  RETURN_IF_ERROR(Cube().status());
  for (size_t p = 0; p < actor_first_.size(); ++p) {
    RETURN_IF_ERROR(ActorCells(actor_first_[p]).status());  // loads page p
    for (const auto& [tag, cells] : actor_pages_[p]->tags) {
      RETURN_IF_ERROR(ActorCells(tag).status());
    }
  }
  ASSIGN_OR_RETURN(const std::vector<BlockMeta>* blocks, Blocks());
  DecodedColumn col;
  for (size_t b = 0; b < blocks->size(); ++b) {
    for (int c = 0; c < kNumColumns; ++c) RETURN_IF_ERROR(ReadColumn(b, c, &col));
  }
  return ForEachKey([](uint64_t) {});
}

}  // namespace entente::store
