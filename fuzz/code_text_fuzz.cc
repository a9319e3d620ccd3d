// Any bytes as a news document through the text coder with the built-in dictionaries: invalid
// UTF-8, NULs, very long lines. Every coded event must point inside the document and carry a
// CAMEO code the codebook knows.
#include <cstdlib>
#include <memory>
#include <string_view>

#include "coder/coder.h"
#include "core/cameo.h"
#include "fuzz/fuzz_target.h"

namespace coder = entente::coder;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<coder::Dictionary> dict = [] {
    auto d = coder::LoadDictionaries(coder::DictionaryOptions{});
    if (!d.ok()) std::abort();
    return std::move(d).value();
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  coder::Coder c(dict.get());
  std::vector<coder::CodedEvent> events;
  c.CodeDocument(text, /*doc_date=*/15000, &events);
  for (const coder::CodedEvent& e : events) {
    if (e.begin > e.end || e.end > size) std::abort();
    if (!entente::IsEventCode(e.code)) std::abort();
  }
  return 0;
}
