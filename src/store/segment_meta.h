// The encodings of a segment's meta, shared by SegmentWriter and SegmentReader: blob references,
// the block index and dyad directory entries (docs/FORMAT.md). Version 3 keeps each of these in
// its own checksummed part so a reader decodes only what a query needs; versions 1 and 2 keep
// them all in one meta frame, in the same encodings.
#ifndef ENTENTE_STORE_SEGMENT_META_H_
#define ENTENTE_STORE_SEGMENT_META_H_

#include <cstdint>
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
void EncodeBlockIndex(const std::vector<BlockMeta>& blocks, std::string* out);
// Checks that the blocks tile [0, rows).
Status DecodeBlockIndex(Decoder* d, uint64_t rows, std::vector<BlockMeta>* blocks);

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
