// Where bad input goes: a row that cannot be read never stops a read and is never dropped
// silently. Readers hand each one to a RejectSink with enough to find and fix it.
#ifndef ENTENTE_CORE_REJECT_H_
#define ENTENTE_CORE_REJECT_H_

#include <cstdint>
#include <string>

namespace entente {

struct Reject {
  std::string file;    // the path as the user gave it (with "!member" for a zip member)
  int64_t line = 0;    // 1-based line number
  int64_t offset = 0;  // byte offset of the line's start in the (decompressed) stream
  int column = 0;      // 1-based field number, 0 when the whole row is wrong
  std::string reason;  // "expected 61 fields, found 12"
  std::string raw;     // the offending line, cut to kMaxRawBytes
  static constexpr size_t kMaxRawBytes = 4096;

  // "path:line: reason"
  std::string ToString() const;
};

class RejectSink {
 public:
  virtual ~RejectSink() = default;
  virtual void Add(const Reject& reject) = 0;
};

}  // namespace entente

#endif  // ENTENTE_CORE_REJECT_H_
