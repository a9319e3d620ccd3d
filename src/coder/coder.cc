// The event assembler's entry points: documents split into sentences, each coded by
// SentenceCoder (sentence_coder.h, which names the stages), over buffers reused between
// sentences; and the CAMEO code transforms the modifiers use.
#include "coder/coder.h"

#include "coder/sentence_coder.h"
#include "coder/text.h"
#include "coder/tunables.h"

namespace entente::coder {

std::string IntentCodeFor(std::string_view code) {
  if (code.size() < 2) return "";
  std::string_view root = code.substr(0, 2);
  if (root == "03") return std::string(code);
  if (code.substr(0, 3) == "045") return "039";
  if (root == "04") return "036";
  if (root == "05") return code.substr(0, 3) == "057" ? "030" : "032";
  if (root == "06") {
    if (code.size() >= 3) {
      char c = code[2];
      if (c >= '1' && c <= '4') return std::string("031") + c;
    }
    return "031";
  }
  if (root == "07") {
    if (code.size() >= 3) {
      char c = code[2];
      if (c >= '1' && c <= '4') return std::string("033") + c;
    }
    return "033";
  }
  if (root == "08") return "035";
  if (root == "16") return code.substr(0, 3) == "163" ? "1312" : "131";
  if (root == "17") return "130";
  if (root == "18" || root == "19" || root == "20") return "138";
  if (root == "13") return std::string(code);
  return "";
}

std::string RefusalCodeFor(std::string_view code) {
  if (code.size() < 2) return "";
  std::string_view root = code.substr(0, 2);
  if (root == "04") return "125";
  if (root == "05") return code.substr(0, 3) == "057" ? "127" : "120";
  if (root == "06") return code.substr(0, 3) == "062" ? "1212" : "1211";
  if (root == "07") return "122";
  if (root == "08") return "124";
  if (root == "03") return code.substr(0, 3) == "036" ? "125" : "120";
  return "";
}

struct Coder::Scratch {
  SentenceScratch parts;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  ArticleMemory memory;  // what the document being coded has named so far
};

Coder::Coder(const Dictionary* dict) : dict_(dict), scratch_(std::make_unique<Scratch>()) {}
Coder::~Coder() = default;

void Coder::CodeDocument(std::string_view text, Days doc_date, std::vector<CodedEvent>* out) {
  Scratch& s = *scratch_;
  SplitSentences(text, &s.sentences);
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  sentences.swap(s.sentences);
  s.memory.Clear();
  uint32_t index = 0;
  for (auto [b, e] : sentences) {
    ++index;
    CodeSentenceWith(text.substr(b, e - b), doc_date, index, b, &s.memory, out);
  }
  sentences.swap(s.sentences);
}

void Coder::CodeSentence(std::string_view sentence, Days doc_date, uint32_t index, uint32_t begin,
                         std::vector<CodedEvent>* out) {
  CodeSentenceWith(sentence, doc_date, index, begin, nullptr, out);
}

void Coder::CodeSentenceWith(std::string_view sentence, Days doc_date, uint32_t index,
                             uint32_t begin, ArticleMemory* memory, std::vector<CodedEvent>* out) {
  ++stats_.sentences;
  if (sentence.size() > config::kMaxSentenceBytes) {
    ++stats_.skipped_sentences;
    return;
  }
  SentenceCoder coder(*dict_, scratch_->parts, sentence, index, begin, out, &stats_);
  coder.set_memory(memory);
  coder.Run(doc_date);
}

}  // namespace entente::coder
