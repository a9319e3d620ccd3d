// The encodings of a segment's meta, shared by SegmentWriter and SegmentReader: blob references,
// the block index and dyad directory entries (docs/FORMAT.md). Version 3 keeps each of these in
// its own checksummed part so a reader decodes only what a query needs; versions 1 and 2 keep
// them all in one meta frame, in the same encodings.
#ifndef ENTENTE_STORE_SEGMENT_META_H_
#define ENTENTE_STORE_SEGMENT_META_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/coding.h"
#include "store/segment_format.h"

namespace entente::store {

void PutBlob(std::string* out, const BlobRef& b);
BlobRef GetBlob(Decoder* d);

// varint count, then per block: first_row, rows, zz min_date, zz max_date, a blobref per column.
void EncodeBlockIndex(const std::vector<BlockRecord>& blocks, std::string* out);
// Decodes a block index from `d`, which reads from within `base`: each block's rows and dates
// into `blocks`, and into `frames_at` where in `base` its column frames' refs begin
// (GetColumnRef reads one when a query reads that column of that block: a query reads a few
// blocks of a segment, and decoding every block's 44 refs was a sixth of a small dyad's time).
// Checks that the blocks tile [0, rows) and that every ref parses.
Status DecodeBlockIndex(Decoder* d, std::string_view base, uint64_t rows,
                        std::vector<BlockMeta>* blocks, std::vector<uint32_t>* frames_at);
// The impure dyad index: varint tag count, then per tag (ascending): the tag, the count of its
// entries, their indexes delta-coded (ascending).
void EncodeImpureIndex(const std::map<std::string_view, std::vector<uint64_t>>& entries_by_tag,
                       std::string* out);
// The ref of `column`'s frame of the block whose refs begin at `base[at]` (DecodeBlockIndex).
BlobRef GetColumnRef(std::string_view base, uint32_t at, int column);

// string a, string b, varint first_row, varint rows, zz min_date, zz max_date, byte pure,
// varint tag count, tags.
void EncodeDyadEntry(std::string_view a, std::string_view b, uint64_t first_row, uint64_t rows,
                     Days min_date, Days max_date, bool pure, const std::vector<std::string>& tags,
                     std::string* out);
// Decodes `n` consecutive entries into `entries`, their tags into `tag_pool` (which the entries'
// tag views then point into: neither vector may change while the entries are used). Views point
// into the decoder's bytes. Checks the rows lie within [0, segment_rows).
Status DecodeDyadEntries(Decoder* d, uint64_t segment_rows, size_t n,
                         std::vector<DyadEntry>* entries, std::vector<std::string_view>* tag_pool);

}  // namespace entente::store

#endif  // ENTENTE_STORE_SEGMENT_META_H_
