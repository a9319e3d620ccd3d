#include "store/segment_writer.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <map>

#include "store/coding.h"
#include "store/segment_meta.h"
#include "store/store_config.h"

namespace entente::store {
namespace {

void AddTag(std::vector<std::string>* tags, std::string_view t) {
  if (t.empty()) return;
  for (const std::string& x : *tags) {
    if (x == t) return;
  }
  tags->emplace_back(t);
}

// See DyadEntry::pure.
bool PureActor(const EventRow& e, bool source, std::string_view dyad_country) {
  std::string_view code = source ? e.source.code : e.target.code;
  return code.size() < 3 || code.substr(0, 3) == dyad_country;
}

}  // namespace

SegmentWriter::SegmentWriter(std::unique_ptr<WritableFile> file) : file_(std::move(file)) {}
SegmentWriter::~SegmentWriter() = default;

Result<std::unique_ptr<SegmentWriter>> SegmentWriter::Create(Env* env, const std::string& path) {
  ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> f, env->NewWritableFile(path));
  std::string header(kSegmentMagic);
  PutFixed32(&header, kSegmentVersion);
  PutFixed32(&header, 0);
  RETURN_IF_ERROR(f->Append(header));
  auto w = std::unique_ptr<SegmentWriter>(new SegmentWriter(std::move(f)));
  for (int c = 0; c < kNumColumns; ++c) {
    if (KindOf(c) == ColumnKind::kDict) w->Intern(c, "");  // id 0 is always ""
  }
  return w;
}

uint32_t SegmentWriter::Intern(int column, std::string_view v) {
  Dict& d = dicts_[column];
  if (d.has_last && d.strings.value(d.last_id) == v) return d.last_id;
  d.last_id = d.strings.Id(v);
  d.has_last = true;
  return d.last_id;
}

void SegmentWriter::CloseDyad() {
  if (!has_dyad_) return;
  dyad_rows_.push_back(rows_ - dyad_.first_row);
  dyads_.push_back(std::move(dyad_));
  has_dyad_ = false;
}

void SegmentWriter::OpenDyadFor(std::string_view a, std::string_view b, Days date) {
  if (!has_dyad_ || dyad_.a != a || dyad_.b != b) {
    CloseDyad();
    dyad_ = OpenDyad{std::string(a), std::string(b), rows_, date, date, true, {}};
    has_dyad_ = true;
    ++dyad_serial_;
  }
  dyad_.max_date = std::max(dyad_.max_date, date);
  dyad_.min_date = std::min(dyad_.min_date, date);
}

Status SegmentWriter::Add(const EventRow& e, std::string_view a, std::string_view b, bool flipped,
                          uint64_t key) {
  OpenDyadFor(a, b, e.date);
  std::string_view src_country = flipped ? b : a, tgt_country = flipped ? a : b;
  if (!PureActor(e, true, src_country) || !PureActor(e, false, tgt_country)) dyad_.pure = false;
  for (const ActorRow* actor : {&e.source, &e.target}) {
    if (actor->code.size() >= 3) AddTag(&dyad_.tags, actor->code.substr(0, 3));
    AddTag(&dyad_.tags, actor->country);
  }

  for (int c = 0; c < kNumColumns; ++c) {
    ColumnValues& v = block_[c];
    switch (KindOf(c)) {
      case ColumnKind::kDict: v.ids.push_back(Intern(c, StringField(e, c))); break;
      case ColumnKind::kPlain: {
        std::string_view s = StringField(e, c);
        v.lens.push_back(static_cast<uint32_t>(s.size()));
        v.bytes.append(s);
        break;
      }
      case ColumnKind::kInt:
        v.ints.push_back(c == kDir ? (flipped ? 1 : 0) : IntField(e, c));
        break;
      case ColumnKind::kFloat: v.floats.push_back(FloatField(e, c)); break;
    }
  }
  keys_.push_back(key);
  cube_.Add(e);
  AddActorCube(e.date, e.quad, e.mentions, e.articles, e.goldstein);
  return EndRow(e.date);
}

// From the ids this row's four actor code/country values got in the segment's dictionaries.
void SegmentWriter::AddActorCube(Days date, int8_t quad, int32_t mentions, int32_t articles,
                                 float goldstein) {
  const uint32_t dataset = block_[kDataset].ids.back();
  if (dataset >= dataset_rows_.size()) dataset_rows_.resize(dataset + 1, 0);
  ++dataset_rows_[dataset];
  constexpr int kColumns[4] = {kSrcCode, kSrcCountry, kTgtCode, kTgtCountry};
  uint32_t tags[4];
  for (int k = 0; k < 4; ++k) {
    const uint32_t id = block_[kColumns[k]].ids.back();
    std::vector<uint32_t>& cache = actor_tag_[k];
    if (id >= cache.size()) cache.resize(id + 1, kUnmapped);
    if (cache[id] == kUnmapped) {
      std::string_view v = dicts_[kColumns[k]].strings.value(id);
      cache[id] = (k % 2 == 0) ? actor_cube_.CodeTag(v) : actor_cube_.CountryTag(v);
    }
    tags[k] = cache[id];
  }
  actor_cube_.Add(tags, 4, date, quad, mentions, articles, goldstein);
}

Status SegmentWriter::EndRow(Days date) {
  if (block_rows_ == 0) block_min_ = block_max_ = date;
  block_min_ = std::min(block_min_, date);
  block_max_ = std::max(block_max_, date);
  if (rows_ == 0) min_date_ = max_date_ = date;
  min_date_ = std::min(min_date_, date);
  max_date_ = std::max(max_date_, date);
  ++rows_;
  if (++block_rows_ == config::kBlockRows) return FlushBlock();
  return Status::Ok();
}

void SegmentWriter::SetSourceDicts(const StringInterner* const* dicts) {
  source_ = dicts;
  for (int i = 0; i < kNumDictColumns; ++i) remap_[i].assign(dicts[i]->size(), kUnmapped);
  constexpr int kTagColumns[4] = {kSrcCode, kSrcCountry, kTgtCode, kTgtCountry};
  for (int t = 0; t < 4; ++t) tag_seen_[t].assign(dicts[DictIndex(kTagColumns[t])]->size(), 0);
}

Status SegmentWriter::AddPacked(const PackedRow& r, const char* plain, std::string_view a,
                                std::string_view b, bool flipped) {
  OpenDyadFor(a, b, r.date);
  auto value = [&](int column) {
    int i = DictIndex(column);
    return source_[i]->value(r.dict[i]);
  };
  std::string_view src_code = value(kSrcCode), tgt_code = value(kTgtCode);
  std::string_view src_country = flipped ? b : a, tgt_country = flipped ? a : b;
  if (dyad_.pure) {
    auto pure = [](std::string_view code, std::string_view dyad_country) {
      return code.size() < 3 || code.substr(0, 3) == dyad_country;
    };
    if (!pure(src_code, src_country) || !pure(tgt_code, tgt_country)) dyad_.pure = false;
  }
  // Tags, in the order Add finds them; a source id already seen in this dyad adds nothing new.
  constexpr int kCodeOf[2] = {kSrcCode, kTgtCode}, kCountryOf[2] = {kSrcCountry, kTgtCountry};
  for (int side = 0; side < 2; ++side) {
    int ci = DictIndex(kCodeOf[side]);
    uint32_t& code_seen = tag_seen_[2 * side][r.dict[ci]];
    if (code_seen != dyad_serial_) {
      code_seen = dyad_serial_;
      std::string_view code = source_[ci]->value(r.dict[ci]);
      if (code.size() >= 3) AddTag(&dyad_.tags, code.substr(0, 3));
    }
    int ki = DictIndex(kCountryOf[side]);
    uint32_t& country_seen = tag_seen_[2 * side + 1][r.dict[ki]];
    if (country_seen != dyad_serial_) {
      country_seen = dyad_serial_;
      AddTag(&dyad_.tags, source_[ki]->value(r.dict[ki]));
    }
  }

  for (int i = 0; i < kNumDictColumns; ++i) {
    uint32_t& id = remap_[i][r.dict[i]];
    if (id == kUnmapped) id = dicts_[kDictColumns[i]].strings.Id(source_[i]->value(r.dict[i]));
    block_[kDictColumns[i]].ids.push_back(id);
  }
  for (int i = 0; i < kNumPlainColumns; ++i) {
    ColumnValues& v = block_[kPlainColumns[i]];
    v.lens.push_back(r.plain_len[i]);
    v.bytes.append(plain, r.plain_len[i]);
    plain += r.plain_len[i];
  }
  block_[kDate].ints.push_back(r.date);
  block_[kPrecision].ints.push_back(r.precision);
  block_[kIsRoot].ints.push_back(r.is_root);
  block_[kQuad].ints.push_back(r.quad);
  block_[kMentions].ints.push_back(r.mentions);
  block_[kSources].ints.push_back(r.sources);
  block_[kArticles].ints.push_back(r.articles);
  block_[kDateAdded].ints.push_back(r.date_added);
  block_[kDir].ints.push_back(flipped ? 1 : 0);
  block_[kGoldstein].floats.push_back(r.goldstein);
  block_[kTone].floats.push_back(r.tone);
  block_[kLat].floats.push_back(r.lat);
  block_[kLon].floats.push_back(r.lon);
  std::string_view root = value(kRootCode);
  if (root.empty()) root = RootOf(value(kCode));
  cube_.Add(r.date, root, r.quad, r.mentions, r.articles, r.goldstein);
  AddActorCube(r.date, r.quad, r.mentions, r.articles, r.goldstein);
  return EndRow(r.date);
}

Status SegmentWriter::FlushBlock() {
  if (block_rows_ == 0) return Status::Ok();
  BlockRecord record;
  BlockMeta& meta = record.meta;
  meta.first_row = rows_ - block_rows_;
  meta.rows = block_rows_;
  meta.min_date = block_min_;
  meta.max_date = block_max_;
  for (int c = 0; c < kNumColumns; ++c) {
    raw_.clear();
    EncodeColumn(c, block_[c], &raw_);
    size_t n = 0;
    RETURN_IF_ERROR(CompressBlobTo(raw_, &packed_, &n));
    std::string_view frame(packed_.data(), n);
    BlobRef& ref = record.columns[c];
    ref.offset = file_->size();
    ref.size = frame.size();
    ref.raw_size = raw_.size();
    ref.crc = Crc32(frame);
    RETURN_IF_ERROR(file_->Append(frame));
    block_[c].Clear();
  }
  blocks_.push_back(record);
  block_rows_ = 0;
  return Status::Ok();
}

Result<BlobRef> SegmentWriter::WritePart(std::string_view raw) {
  packed_.clear();
  RETURN_IF_ERROR(CompressBlob(raw, &packed_));
  BlobRef ref{file_->size(), packed_.size(), raw.size(), Crc32(packed_)};
  RETURN_IF_ERROR(file_->Append(packed_));
  return ref;
}

// The directory in pages of kDyadPageEntries entries (each a part; the footer keeps every page's
// first key, so a lookup decodes one page), and the impure entries by tag (one part).
Status SegmentWriter::WriteDyadDirectory(std::string* footer) {
  PutVarint64(footer, dyads_.size());
  const size_t pages = (dyads_.size() + kDyadPageEntries - 1) / kDyadPageEntries;
  PutVarint64(footer, pages);
  std::map<std::string_view, std::vector<uint64_t>> impure;
  std::string part;
  for (size_t p = 0; p < pages; ++p) {
    const size_t begin = p * kDyadPageEntries;
    const size_t end = std::min(dyads_.size(), begin + kDyadPageEntries);
    part.clear();
    for (size_t i = begin; i < end; ++i) {
      const OpenDyad& d = dyads_[i];
      EncodeDyadEntry(d.a, d.b, d.first_row, dyad_rows_[i], d.min_date, d.max_date, d.pure, d.tags,
                      &part);
      if (!d.pure) {
        for (const std::string& t : d.tags) impure[t].push_back(i);
      }
    }
    ASSIGN_OR_RETURN(BlobRef ref, WritePart(part));
    PutString(footer, dyads_[begin].a);
    PutString(footer, dyads_[begin].b);
    PutBlob(footer, ref);
  }
  part.clear();
  EncodeImpureIndex(impure, &part);
  ASSIGN_OR_RETURN(BlobRef impure_ref, WritePart(part));
  PutBlob(footer, impure_ref);
  return Status::Ok();
}

Status SegmentWriter::Finish(SegmentSummary* summary) {
  RETURN_IF_ERROR(FlushBlock());
  CloseDyad();

  // Keys: sorted, delta-coded varints in one frame.
  if (!keys_sorted_) std::sort(keys_.begin(), keys_.end());
  raw_.clear();
  uint64_t prev = 0;
  for (uint64_t k : keys_) {
    PutVarint64(&raw_, k - prev);
    prev = k;
  }
  packed_.clear();
  RETURN_IF_ERROR(CompressBlob(raw_, &packed_));
  BlobRef keys{file_->size(), packed_.size(), raw_.size(), Crc32(packed_)};
  RETURN_IF_ERROR(file_->Append(packed_));
  std::vector<uint64_t>().swap(keys_);

  // The parts a query loads on demand (segment_format.h), each its own checksummed frame; the
  // footer names them.
  std::string m;
  PutVarint64(&m, kSegmentVersion);
  PutVarint64(&m, rows_);
  PutVarint64(&m, ZigZag(min_date_));
  PutVarint64(&m, ZigZag(max_date_));
  PutVarint64(&m, kNumColumns);
  for (int c = 0; c < kNumColumns; ++c) m.push_back(static_cast<char>(KindOf(c)));
  std::string part;
  EncodeBlockIndex(blocks_, &part);
  ASSIGN_OR_RETURN(BlobRef blocks_ref, WritePart(part));
  PutBlob(&m, blocks_ref);
  for (int c = 0; c < kNumColumns; ++c) {
    if (KindOf(c) != ColumnKind::kDict) continue;
    const StringInterner& strings = dicts_[c].strings;
    part.clear();
    for (uint32_t id = 0; id < strings.size(); ++id) PutString(&part, strings.value(id));
    ASSIGN_OR_RETURN(BlobRef dict_ref, WritePart(part));
    PutVarint64(&m, strings.size());
    PutBlob(&m, dict_ref);
  }
  RETURN_IF_ERROR(WriteDyadDirectory(&m));
  PutVarint64(&m, rows_);  // key count (one key per row)
  PutBlob(&m, keys);
  part.clear();
  cube_.Encode(&part);
  ASSIGN_OR_RETURN(BlobRef cube_ref, WritePart(part));
  PutBlob(&m, cube_ref);
  // Rows per dataset, so that `info` need not read the dataset column of every block.
  std::vector<std::pair<std::string_view, uint64_t>> datasets;
  for (uint32_t id = 0; id < dataset_rows_.size(); ++id) {
    if (dataset_rows_[id] > 0)
      datasets.push_back({dicts_[kDataset].strings.value(id), dataset_rows_[id]});
  }
  std::sort(datasets.begin(), datasets.end());
  PutVarint64(&m, datasets.size());
  for (const auto& [name, n] : datasets) {
    PutString(&m, name);
    PutVarint64(&m, n);
  }
  std::vector<std::string> actor_pages, actor_first;
  actor_cube_.Encode(&actor_pages, &actor_first);
  PutVarint64(&m, actor_pages.size());
  for (size_t p = 0; p < actor_pages.size(); ++p) {
    ASSIGN_OR_RETURN(BlobRef ref, WritePart(actor_pages[p]));
    PutString(&m, actor_first[p]);
    PutBlob(&m, ref);
  }

  packed_.clear();
  RETURN_IF_ERROR(CompressBlob(m, &packed_));
  std::string trailer;
  uint64_t meta_offset = file_->size();
  PutFixed64(&trailer, meta_offset);
  PutFixed64(&trailer, packed_.size());
  PutFixed64(&trailer, m.size());
  PutFixed32(&trailer, Crc32(packed_));
  PutFixed32(&trailer, kSegmentVersion);
  trailer.append(kSegmentMagic);
  RETURN_IF_ERROR(file_->Append(packed_));
  RETURN_IF_ERROR(file_->Append(trailer));
  RETURN_IF_ERROR(file_->Sync());
  RETURN_IF_ERROR(file_->Close());
  summary->path = file_->path();
  summary->rows = rows_;
  summary->bytes = file_->size();
  summary->min_date = min_date_;
  summary->max_date = max_date_;
  return Status::Ok();
}

}  // namespace entente::store
