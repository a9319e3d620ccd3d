#include "store/segment_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "store/coding.h"

namespace entente::store {
namespace {

BlobRef GetBlob(Decoder* d) {
  BlobRef b;
  b.offset = d->Varint();
  b.size = d->Varint();
  b.raw_size = d->Varint();
  b.crc = d->Fixed32();
  return b;
}

}  // namespace

Result<std::unique_ptr<SegmentReader>> SegmentReader::Open(const std::string& path) {
  auto r = std::unique_ptr<SegmentReader>(new SegmentReader());
  ASSIGN_OR_RETURN(r->file_, MappedFile::Open(path));
  Status s = r->Parse();
  if (!s.ok()) {
    if (s.code() == StatusCode::kCorruption || s.code() == StatusCode::kStoreError) {
      return s.WithContext(path);
    }
    return s;
  }
  return r;
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

Status SegmentReader::Parse() {
  std::string_view data = file_->data();
  if (data.size() < kSegmentHeaderSize + kSegmentTrailerSize ||
      data.substr(0, kSegmentMagic.size()) != kSegmentMagic) {
    return Status::Corruption("not a segment file (bad header)");
  }
  const char* t = data.data() + data.size() - kSegmentTrailerSize;
  if (std::string_view(t + 32, 8) != kSegmentMagic) {
    return Status::Corruption("truncated segment (bad trailer)");
  }
  // The version is written twice (header and trailer): when the two disagree the file is damaged;
  // when they agree on a version this entente does not read, it was written by another one. Both
  // are store errors (Corruption), not bad input.
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
  BlobRef meta{DecodeFixed64(t), DecodeFixed64(t + 8), DecodeFixed64(t + 16),
               DecodeFixed32(t + 24)};
  const uint64_t meta_end = data.size() - kSegmentTrailerSize;
  if (meta.offset > meta_end || meta.size != meta_end - meta.offset) {
    return Status::Corruption("meta does not end at the trailer");
  }
  // ReadBlob prefixes the path; strip our prefix duplication by building messages without it.
  std::string_view stored = data.substr(meta.offset, meta.size);
  if (Crc32(stored) != meta.crc) return Status::Corruption("checksum mismatch in meta");
  if (Status s = DecompressBlob(stored, meta.raw_size, &meta_raw_); !s.ok()) {
    return Status::Corruption("meta: " + s.message());
  }

  Decoder d(meta_raw_);
  version_ = version;
  if (d.Varint() != version_) return Status::Corruption("meta version mismatch");
  rows_ = d.Varint();
  min_date_ = static_cast<Days>(d.SignedVarint());
  max_date_ = static_cast<Days>(d.SignedVarint());
  if (d.Varint() != kNumColumns) return Status::Corruption("unexpected column count");
  for (int c = 0; c < kNumColumns; ++c) {
    std::string_view kind = d.Bytes(1);
    if (kind.size() != 1 || static_cast<ColumnKind>(kind[0]) != KindOf(c)) {
      return Status::Corruption(fmt::format("column {} has an unexpected kind", ColumnName(c)));
    }
    if (KindOf(c) != ColumnKind::kDict) continue;
    uint64_t n = d.Varint();
    if (n > meta_raw_.size()) return Status::Corruption("bad dictionary size");
    dicts_[c].reserve(n);
    for (uint64_t i = 0; i < n && !d.failed(); ++i) dicts_[c].push_back(d.String());
  }
  uint64_t nblocks = d.Varint();
  if (nblocks > meta_raw_.size()) return Status::Corruption("bad block count");
  blocks_.resize(nblocks);
  uint64_t expect_row = 0;
  for (BlockMeta& b : blocks_) {
    b.first_row = d.Varint();
    b.rows = static_cast<uint32_t>(d.Varint());
    b.min_date = static_cast<Days>(d.SignedVarint());
    b.max_date = static_cast<Days>(d.SignedVarint());
    for (int c = 0; c < kNumColumns; ++c) b.columns[c] = GetBlob(&d);
    if (b.first_row != expect_row) return Status::Corruption("block index out of order");
    expect_row += b.rows;
  }
  if (expect_row != rows_) return Status::Corruption("block rows do not add up");
  uint64_t ndyads = d.Varint();
  if (ndyads > meta_raw_.size()) return Status::Corruption("bad dyad count");
  dyads_.resize(ndyads);
  for (DyadEntry& e : dyads_) {
    e.a = d.String();
    e.b = d.String();
    e.first_row = d.Varint();
    e.rows = d.Varint();
    e.min_date = static_cast<Days>(d.SignedVarint());
    e.max_date = static_cast<Days>(d.SignedVarint());
    std::string_view pure = d.Bytes(1);
    e.pure = !pure.empty() && pure[0] == 1;
    uint64_t ntags = d.Varint();
    if (ntags > meta_raw_.size()) return Status::Corruption("bad tag count");
    for (uint64_t i = 0; i < ntags && !d.failed(); ++i) e.tags.push_back(d.String());
    if (e.first_row + e.rows > rows_) return Status::Corruption("dyad directory out of range");
    if (!e.pure) {
      for (std::string_view t : e.tags) {
        impure_by_tag_[t].push_back(static_cast<uint32_t>(&e - dyads_.data()));
      }
    }
  }
  if (d.Varint() != rows_) return Status::Corruption("key count mismatch");
  keys_ = GetBlob(&d);
  if (version_ >= 2) {
    RETURN_IF_ERROR(DecodeCube(&d, &cube_));
    has_cube_ = true;
  }
  if (d.failed() || !d.done()) return Status::Corruption("meta does not parse");
  return Status::Ok();
}

std::vector<size_t> SegmentReader::DyadCandidates(std::string_view a, std::string_view b) const {
  if (b < a) std::swap(a, b);
  std::vector<size_t> out;
  auto it = std::lower_bound(
      dyads_.begin(), dyads_.end(), std::pair(a, b),
      [](const DyadEntry& e, const std::pair<std::string_view, std::string_view>& k) {
        return std::pair(e.a, e.b) < k;
      });
  if (it != dyads_.end() && it->a == a && it->b == b) out.push_back(it - dyads_.begin());
  auto ia = impure_by_tag_.find(a), ib = impure_by_tag_.find(b);
  if (ia != impure_by_tag_.end() && ib != impure_by_tag_.end()) {
    // Both lists are ascending (entries were added in order); a tag appears once per entry.
    std::set_intersection(ia->second.begin(), ia->second.end(), ib->second.begin(),
                          ib->second.end(), std::back_inserter(out));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Status SegmentReader::ReadColumn(size_t block, int column, DecodedColumn* out) const {
  const BlockMeta& b = blocks_[block];
  // Decompress into the column's own buffer: a query reusing one DecodedColumn per column then
  // allocates nothing per block.
  RETURN_IF_ERROR(ReadBlob(b.columns[column], &out->raw, static_cast<int64_t>(block), column));
  Status s = DecodeColumn(column, std::move(out->raw), b.rows, out);
  if (!s.ok())
    return Status::Corruption(fmt::format("{}: block {}: {}", path(), block, s.message()));
  if (KindOf(column) == ColumnKind::kDict) {
    size_t n = dicts_[column].size();
    for (uint32_t id : out->ids) {
      if (id >= n) {
        return Status::Corruption(fmt::format("{}: block {} column {}: id out of dictionary",
                                              path(), block, ColumnName(column)));
      }
    }
  }
  return Status::Ok();
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

Status SegmentReader::ForEachKeyIn(const std::string& path, const BlobRef& keys, uint64_t rows,
                                   const std::function<void(uint64_t)>& visit) {
  std::string stored, raw;
  RETURN_IF_ERROR(ReadFileRange(path, keys.offset, keys.size, &stored));
  if (Crc32(stored) != keys.crc) {
    return Status::Corruption(path + ": checksum mismatch in dedupe keys");
  }
  Status s = DecompressBlob(stored, keys.raw_size, &raw);
  if (!s.ok()) return Status::Corruption(path + ": dedupe keys: " + s.message());
  return WalkKeys(path, raw, rows, visit);
}

Status SegmentReader::Verify() const {
  DecodedColumn col;
  for (size_t b = 0; b < blocks_.size(); ++b) {
    for (int c = 0; c < kNumColumns; ++c) RETURN_IF_ERROR(ReadColumn(b, c, &col));
  }
  return ForEachKey([](uint64_t) {});
}

}  // namespace entente::store
