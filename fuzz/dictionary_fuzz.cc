// Any bytes as a dictionary file of each kind entente reads (its own .dict, TABARI .verbs /
// .actors / .agents / .options, PETRARCH verbs / actors / agents). A reader may refuse the file
// with a Status, but must not crash; whatever it loaded must then code a sentence safely.
#include <cstdlib>
#include <string_view>

#include "coder/coder.h"
#include "coder/dict_reader.h"
#include "coder/foreign_reader.h"
#include "fuzz/fuzz_target.h"

namespace coder = entente::coder;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr coder::ForeignKind kKinds[] = {
      coder::ForeignKind::kEntente,        coder::ForeignKind::kTabariOptions,
      coder::ForeignKind::kTabariVerbs,    coder::ForeignKind::kTabariActors,
      coder::ForeignKind::kTabariAgents,   coder::ForeignKind::kPetrarchVerbs,
      coder::ForeignKind::kPetrarchActors, coder::ForeignKind::kPetrarchAgents};
  coder::ForeignKind kind = kKinds[data[0] % std::size(kKinds)];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  coder::Dictionary dict;
  entente::Status st = kind == coder::ForeignKind::kEntente
                           ? coder::ReadEntenteDict("fuzz.dict", bytes, &dict)
                           : coder::ReadForeignDict(kind, "fuzz-input", bytes, &dict);
  (void)st;
  // Whatever was loaded, coding with it must be safe (the payloads point into the dictionary).
  coder::Coder c(&dict);
  std::vector<coder::CodedEvent> events;
  c.CodeDocument("Pakistan's foreign minister visited Moscow and signed an agreement with Russia.",
                 15000, &events);
  c.CodeDocument(bytes, 15000, &events);
  return 0;
}
