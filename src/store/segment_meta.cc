#include "store/segment_meta.h"

namespace entente::store {

void PutBlob(std::string* out, const BlobRef& b) {
  PutVarint64(out, b.offset);
  PutVarint64(out, b.size);
  PutVarint64(out, b.raw_size);
  PutFixed32(out, b.crc);
}

BlobRef GetBlob(Decoder* d) {
  BlobRef b;
  b.offset = d->Varint();
  b.size = d->Varint();
  b.raw_size = d->Varint();
  b.crc = d->Fixed32();
  return b;
}

void EncodeBlockIndex(const std::vector<BlockRecord>& blocks, std::string* out) {
  PutVarint64(out, blocks.size());
  for (const BlockRecord& r : blocks) {
    const BlockMeta& b = r.meta;
    PutVarint64(out, b.first_row);
    PutVarint64(out, b.rows);
    PutVarint64(out, ZigZag(b.min_date));
    PutVarint64(out, ZigZag(b.max_date));
    for (int c = 0; c < kNumColumns; ++c) PutBlob(out, r.columns[c]);
  }
}

Status DecodeBlockIndex(Decoder* d, std::string_view base, uint64_t rows,
                        std::vector<BlockMeta>* blocks, std::vector<uint32_t>* frames_at) {
  uint64_t n = d->Varint();
  if (d->failed() || n > rows + 1) return Status::Corruption("bad block count");
  if (base.size() > UINT32_MAX) return Status::Corruption("block index too large");
  blocks->resize(n);
  frames_at->resize(n);
  uint64_t expect_row = 0;
  for (uint64_t i = 0; i < n; ++i) {
    BlockMeta& b = (*blocks)[i];
    b.first_row = d->Varint();
    b.rows = static_cast<uint32_t>(d->Varint());
    b.min_date = static_cast<Days>(d->SignedVarint());
    b.max_date = static_cast<Days>(d->SignedVarint());
    (*frames_at)[i] = static_cast<uint32_t>(d->position() - base.data());
    for (int c = 0; c < kNumColumns; ++c) GetBlob(d);  // parsed, not kept
    if (d->failed()) return Status::Corruption("block index does not parse");
    if (b.first_row != expect_row) return Status::Corruption("block index out of order");
    expect_row += b.rows;
  }
  if (expect_row != rows) return Status::Corruption("block rows do not add up");
  return Status::Ok();
}

void EncodeImpureIndex(const std::map<std::string_view, std::vector<uint64_t>>& entries_by_tag,
                       std::string* out) {
  PutVarint64(out, entries_by_tag.size());
  for (const auto& [tag, entries] : entries_by_tag) {
    PutString(out, tag);
    PutVarint64(out, entries.size());
    uint64_t prev = 0;
    for (uint64_t e : entries) {
      PutVarint64(out, e - prev);
      prev = e;
    }
  }
}

BlobRef GetColumnRef(std::string_view base, uint32_t at, int column) {
  Decoder d(base.substr(at));
  for (int c = 0; c < column; ++c) GetBlob(&d);
  return GetBlob(&d);
}

void EncodeDyadEntry(std::string_view a, std::string_view b, uint64_t first_row, uint64_t rows,
                     Days min_date, Days max_date, bool pure, const std::vector<std::string>& tags,
                     std::string* out) {
  PutString(out, a);
  PutString(out, b);
  PutVarint64(out, first_row);
  PutVarint64(out, rows);
  PutVarint64(out, ZigZag(min_date));
  PutVarint64(out, ZigZag(max_date));
  out->push_back(pure ? 1 : 0);
  PutVarint64(out, tags.size());
  for (const std::string& t : tags) PutString(out, t);
}

namespace {

// One entry; its tags are appended to `tag_pool`, and *ntags says how many.
Status DecodeEntry(Decoder* d, uint64_t segment_rows, DyadEntry* e,
                   std::vector<std::string_view>* tag_pool, uint64_t* ntags) {
  e->a = d->String();
  e->b = d->String();
  e->first_row = d->Varint();
  e->rows = d->Varint();
  e->min_date = static_cast<Days>(d->SignedVarint());
  e->max_date = static_cast<Days>(d->SignedVarint());
  std::string_view pure = d->Bytes(1);
  e->pure = !pure.empty() && pure[0] == 1;
  *ntags = d->Varint();
  if (d->failed() || *ntags > (uint64_t{1} << 20)) return Status::Corruption("bad tag count");
  for (uint64_t i = 0; i < *ntags && !d->failed(); ++i) tag_pool->push_back(d->String());
  if (d->failed()) return Status::Corruption("dyad directory does not parse");
  if (e->first_row > segment_rows || e->rows > segment_rows - e->first_row) {
    return Status::Corruption("dyad directory out of range");
  }
  return Status::Ok();
}

}  // namespace

Status DecodeDyadEntries(Decoder* d, uint64_t segment_rows, size_t n,
                         std::vector<DyadEntry>* entries, std::vector<std::string_view>* tag_pool) {
  entries->resize(n);
  std::vector<uint64_t> counts(n);
  for (size_t i = 0; i < n; ++i) {
    RETURN_IF_ERROR(DecodeEntry(d, segment_rows, &(*entries)[i], tag_pool, &counts[i]));
  }
  // The pool has stopped growing: point each entry at its tags.
  size_t at = 0;
  for (size_t i = 0; i < n; ++i) {
    (*entries)[i].tags = std::span<const std::string_view>(tag_pool->data() + at, counts[i]);
    at += counts[i];
  }
  return Status::Ok();
}

}  // namespace entente::store
