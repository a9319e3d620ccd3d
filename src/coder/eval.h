// Scoring the coder against sentences with known codings: our gold set (data/gold/*.txt), the
// TABARI validation suite (Validate.text) and the PETRARCH ones (PETR.Validate.records.*.txt,
// PETR.UnitTest.records.xml). Precision, recall and F1 are counted over (source, target, code)
// triples and over (source, target, root) triples, per sentence, micro-averaged.
//
// Gold format (version 1, docs/CODER.md): a record is `YYYY-MM-DD<TAB>sentence`, followed by one
// line per expected event `= SOURCE TARGET CODE`, or `= none` when the sentence has no event.
// '#' lines are comments; a `#: KIND` line names the kind of sentence of the records below it,
// which are then also scored by kind.
#ifndef ENTENTE_CODER_EVAL_H_
#define ENTENTE_CODER_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coder/coder.h"
#include "core/status.h"

namespace entente::coder {

struct ExpectedEvent {
  std::string source, target, code;
};

struct EvalRecord {
  std::string id;
  std::string kind;  // from the last `#: KIND` line above it in a gold file; else empty
  Days date = 0;
  std::string text;
  std::vector<ExpectedEvent> expected;
};

enum class EvalFormat { kGold, kTabari, kPetrarchXml, kPetrarchRecords };

struct EvalSet {
  EvalFormat format = EvalFormat::kGold;
  std::vector<EvalRecord> records;
  std::vector<std::string> dictionaries;  // dictionary files the suite names (TABARI, PETRARCH)
};

// Detects the format from the bytes and reads every record with at least one expectation.
Result<EvalSet> ParseEvalFile(std::string_view path, std::string_view bytes);

struct Score {
  int64_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct EvalTally {
  int64_t records = 0;
  Score events;  // (source, target, code)
  Score roots;   // (source, target, root)
  // Records whose expectation is `= none`, and the events the coder gave on them.
  int64_t none_records = 0, none_events = 0;
};

struct EvalResult : EvalTally {
  std::map<std::string, EvalTally> kinds;  // by EvalRecord::kind, for records that have one
  std::vector<std::string> misses;         // "id: expected ... got ..." for the first failures
};

EvalResult Evaluate(const EvalSet& set, Coder* coder, size_t max_misses = 50);

}  // namespace entente::coder

#endif  // ENTENTE_CODER_EVAL_H_
