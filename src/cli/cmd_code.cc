// `entente code [FILE|-]`: news text to CAMEO events (src/coder/coder.h), or, with --eval, the
// coder's precision and recall on a file of sentences with known codings.
// Bad input never stops a run: invalid UTF-8 and control bytes are blanked (and counted), lines
// or sentences too long to be text are skipped (and counted), and a summary goes to stderr.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/clickhouse_store.h"
#include "cli/code_input.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "cli/table_capture.h"
#include "coder/coder.h"
#include "coder/eval.h"
#include "coder/text.h"
#include "coder/tunables.h"
#include "core/cameo.h"
#include "core/embedded.h"
#include "core/event.h"
#include "store/store.h"

namespace entente::cli {
namespace {

Result<std::string> ReadInput(const std::string& path) {
  std::ostringstream ss;
  if (path.empty() || path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read error");
  return ss.str();
}

std::string DirOf(const std::string& path) {
  size_t s = path.rfind('/');
  return s == std::string::npos ? "." : path.substr(0, s);
}

bool Exists(const std::string& p) { return access(p.c_str(), R_OK) == 0; }

// A coded event as a stored event (dataset "coded:<input name>"; the sentence is the text).
// `id`: empty, or the event's place in an article with an id ("dawn-001/3/1": article, sentence,
// event of the sentence), which the store then deduplicates by.
Event ToEvent(const coder::CodedEvent& e, std::string_view doc, const std::string& dataset,
              std::string id) {
  Event ev;
  ev.dataset = dataset;
  ev.id = std::move(id);
  ev.date = e.date.days;
  ev.precision = e.date.precision;
  auto actor = [](const std::string& code, Actor* a) {
    a->code = code;
    a->name = code;
    if (code.size() >= 3 && IsCountryCode(code.substr(0, 3))) a->country = code.substr(0, 3);
    if (code.size() >= 6 && !a->country.empty()) a->type1 = code.substr(3, 3);
  };
  actor(e.source, &ev.source);
  actor(e.target, &ev.target);
  ev.is_root = true;
  ev.code = e.code;
  ev.base_code = e.code.substr(0, std::min<size_t>(3, e.code.size()));
  ev.root_code = std::string(RootOf(e.code));
  ev.quad = int8_t(QuadClassOfRoot(ev.root_code));
  if (const EventCodeInfo* info = LookupEventCode(e.code)) ev.goldstein = info->goldstein;
  ev.mentions = 1;
  ev.sources = 1;
  ev.articles = 1;
  ev.text = std::string(doc.substr(e.begin, e.end - e.begin));
  return ev;
}

// `code --ingest` into a ClickHouse store; the same note as for a store directory.
int IngestIntoCluster(const GlobalOptions& globals, const std::vector<Event>& events,
                      const std::string& dataset) {
  auto store = OpenClickHouse(globals);
  if (!store.ok()) return ReportError(store.status());
  clickhouse::IngestStats is;
  if (Status st = (*store)->IngestEvents(events, &is); !st.ok()) return ReportError(st);
  if (!globals.quiet) {
    std::fprintf(stderr, "entente code: stored %lld new event(s) as %s (%lld duplicate(s))\n",
                 (long long)is.stored, dataset.c_str(), (long long)is.duplicates);
  }
  return kExitOk;
}

// What `code` read and skipped, on stderr: the counts (unless --quiet), then every warning.
void PrintCodeSummary(const GlobalOptions& globals, const CodeInputCounts& in,
                      const coder::CoderStats& st, size_t blanked) {
  if (!globals.quiet) {
    std::fprintf(stderr, "entente code: %lld document(s), %llu sentence(s), %llu event(s)\n",
                 (long long)in.docs, (unsigned long long)st.sentences,
                 (unsigned long long)st.events);
  }
  if (blanked) {
    std::fprintf(stderr,
                 "entente code: warning: %zu byte(s) of invalid UTF-8 or control characters "
                 "were read as spaces\n",
                 blanked);
  }
  if (in.skipped_lines) {
    std::fprintf(stderr, "entente code: warning: skipped %lld line(s) longer than %zu bytes\n",
                 (long long)in.skipped_lines, coder::config::kMaxDocumentBytes);
  }
  if (st.skipped_sentences) {
    std::fprintf(stderr, "entente code: warning: skipped %llu sentence(s) longer than %zu bytes\n",
                 (unsigned long long)st.skipped_sentences, coder::config::kMaxSentenceBytes);
  }
  if (in.bad_dates) {
    std::fprintf(stderr,
                 "entente code: warning: %lld document(s) had an unreadable date; the document "
                 "date was used\n",
                 (long long)in.bad_dates);
  }
  if (in.bad_json) {
    std::fprintf(stderr,
                 "entente code: warning: skipped %lld line(s) that are not a JSON article "
                 "(first: %s)\n",
                 (long long)in.bad_json, in.first_bad_json.c_str());
  }
}

// `code --eval --by-kind`: a row per kind of sentence and level (all records first), with the
// no-event sentences and the events coded on them.
void WriteScoresByKind(const coder::EvalResult& r, OutputFormat format) {
  TableWriter out(std::cout, format,
                  {"kind", "level", "records", "tp", "fp", "fn", "precision", "recall", "f1",
                   "none_records", "none_events"});
  auto rows = [&out](const std::string& kind, const coder::EvalTally& t) {
    for (const auto& [level, s] : {std::pair{"event", &t.events}, std::pair{"root", &t.roots}}) {
      out.Row({kind, std::string(level), t.records, s->tp, s->fp, s->fn, s->precision(),
               s->recall(), s->f1(), t.none_records, t.none_events});
    }
  };
  rows("all", r);
  for (const auto& [kind, t] : r.kinds) rows(kind, t);
  out.Finish();
}

class CodeCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("file", file_, "text file to code ('-' or nothing: standard input)");
    CLI::Option* lines =
        app->add_flag("--lines", lines_,
                      "one document per line; a line may start with YYYY-MM-DD<TAB> as its date");
    app->add_flag("--jsonl", jsonl_,
                  "one article per line as JSON: {\"id\", \"date\", \"title\", \"text\"}")
        ->excludes(lines);
    app->add_option("--date", date_, "document date (YYYY-MM-DD; default today)");
    app->add_option("--dict", dicts_,
                    "directory or file of dictionaries (ours, PETRARCH or TABARI); repeatable");
    app->add_flag("--dict-only", dict_only_, "use only the --dict dictionaries, not the built-in");
    app->add_flag("--ingest", ingest_, "store the coded events (dataset coded:<input name>)");
    app->add_option("--eval", eval_,
                    "score the coder on a file of coded sentences (our gold format, TABARI "
                    "Validate.text, PETRARCH records); 'gold' = the built-in gold set");
    app->add_flag("--misses", misses_, "with --eval: list the sentences coded wrongly");
    app->add_flag("--by-kind", by_kind_,
                  "with --eval: score each kind of sentence (`#: KIND` lines of a gold file) "
                  "apart, with the events given on sentences that have none");
    app->add_option("--scheme", scheme_,
                    "event scheme of the output: cameo (code, root, quad, goldstein), plover "
                    "(PLOVER event, mode, context) or both")
        ->check(CLI::IsMember({"cameo", "plover", "both"}));
  }

  int Run(const GlobalOptions& globals) override {
    if (!eval_.empty()) return RunEval(globals);
    Days doc_date;
    if (!date_.empty()) {
      auto d = ParseDate(date_);
      if (!d.ok()) {
        if (TableCapture* capture = TableCapture::Active()) {
          capture->RecordError("--date: " + d.status().message(), StatusCode::kInvalidArgument);
          return kExitUsage;
        }
        std::fprintf(stderr, "entente code: --date: %s\nhint: use YYYY-MM-DD\n",
                     d.status().message().c_str());
        return kExitUsage;
      }
      doc_date = d->days;
    } else {
      doc_date = Days(std::chrono::duration_cast<std::chrono::hours>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count() /
                      24);
    }
    coder::DictionaryOptions opts;
    opts.builtin = !dict_only_;
    opts.dirs = dicts_;
    auto dict = coder::LoadDictionaries(opts);
    if (!dict.ok()) return ReportError(dict.status());
    auto input = ReadInput(file_);
    if (!input.ok()) return ReportError(input.status());
    std::string text = std::move(input).value();
    if (text.empty()) {
      if (!globals.quiet) std::fprintf(stderr, "entente code: warning: the input is empty\n");
      return kExitOk;
    }
    size_t blanked = coder::Sanitize(&text);

    std::string format_flag = globals.format.empty() ? "jsonl" : globals.format;
    auto format = ResolveOutputFormat(format_flag);
    if (!format.ok()) return ReportError(format.status());
    const bool cameo = scheme_ != "plover", plover = scheme_ != "cameo";
    std::vector<std::string> columns = {"doc", "sentence", "date", "source", "target"};
    if (cameo) columns.insert(columns.end(), {"code", "root", "quad", "goldstein"});
    if (plover)
      columns.insert(columns.end(), io::PloverColumns().begin(), io::PloverColumns().end());
    columns.push_back("text");
    TableWriter out(std::cout, *format, std::move(columns));
    coder::Coder c(dict->get());
    std::vector<coder::CodedEvent> events;
    std::vector<Event> to_store;
    std::string dataset = "coded:";
    if (file_.empty() || file_ == "-") {
      dataset += "stdin";
    } else {
      dataset += file_.substr(file_.rfind('/') == std::string::npos ? 0 : file_.rfind('/') + 1);
    }
    CodeInputCounts counts;
    auto code_doc = [&](const CodeInputDoc& doc) {
      events.clear();
      c.CodeDocument(doc.text, doc.date, &events);
      uint32_t sentence = 0, in_sentence = 0;
      for (const coder::CodedEvent& e : events) {
        std::string_view root = RootOf(e.code);
        in_sentence = e.sentence == sentence ? in_sentence + 1 : 1;
        sentence = e.sentence;
        if (ingest_) {
          std::string id = doc.article_id.empty()
                               ? std::string()
                               : fmt::format("{}/{}/{}", doc.article_id, e.sentence, in_sentence);
          to_store.push_back(ToEvent(e, doc.text, dataset, std::move(id)));
        }
        std::vector<Cell> cells = {doc.id, int64_t(e.sentence),
                                   FormatDate(e.date.days, e.date.precision), e.source, e.target};
        if (cameo) {
          const EventCodeInfo* info = LookupEventCode(e.code);
          double gold = info ? double(info->goldstein) : std::nan("");
          cells.insert(cells.end(),
                       {e.code, std::string(root), int64_t(QuadClassOfRoot(root)), gold});
        }
        if (plover) AppendPloverCells(e.code, &cells);
        cells.push_back(std::string(doc.text.substr(e.begin, e.end - e.begin)));
        out.Row(std::move(cells));
      }
    };
    const CodeInputKind kind = jsonl_   ? CodeInputKind::kJsonl
                               : lines_ ? CodeInputKind::kLines
                                        : CodeInputKind::kArticle;
    ForEachCodeDocument(text, kind, doc_date, code_doc, &counts);
    out.Finish();
    if (ingest_ && IsClickHouseStore(globals)) {
      if (int rc = IngestIntoCluster(globals, to_store, dataset); rc != kExitOk) return rc;
    } else if (ingest_) {
      auto store = store::Store::Open(ResolveStoreDir(globals), store::OpenMode::kWrite);
      if (!store.ok()) return ReportError(store.status());
      store::IngestStats is;
      Status st = (*store)->IngestEvents(to_store, &is);
      if (!st.ok()) return ReportError(st);
      if (!is.compact_warning.empty()) {
        std::fprintf(stderr, "entente code: warning: %s\n", is.compact_warning.c_str());
      }
      if (!globals.quiet) {
        std::fprintf(stderr, "entente code: stored %lld new event(s) as %s (%lld duplicate(s))\n",
                     (long long)is.stored, dataset.c_str(), (long long)is.duplicates);
      }
    }
    PrintCodeSummary(globals, counts, c.stats(), blanked + counts.blanked);
    return kExitOk;
  }

 private:
  int RunEval(const GlobalOptions& globals) {
    std::vector<std::pair<std::string, std::string>> files;  // name, bytes
    if (eval_ == "gold") {
      for (const EmbeddedEntry& e : EmbeddedFilesUnder("gold/")) {
        files.emplace_back(std::string(e.path), std::string(e.bytes));
      }
      if (files.empty()) return ReportError(Status::NotFound("no gold set compiled in"));
    } else {
      auto bytes = ReadInput(eval_);
      if (!bytes.ok()) return ReportError(bytes.status());
      files.emplace_back(eval_, std::move(bytes).value());
    }
    coder::EvalSet all;
    for (auto& [name, bytes] : files) {
      auto set = coder::ParseEvalFile(name, bytes);
      if (!set.ok()) return ReportError(set.status());
      all.format = set->format;
      for (auto& r : set->records) all.records.push_back(std::move(r));
      for (auto& d : set->dictionaries) all.dictionaries.push_back(d);
    }
    coder::DictionaryOptions opts;
    opts.builtin = !dict_only_;
    opts.dirs = dicts_;
    std::string dicts_used = dicts_.empty() ? "built-in" : "";
    if (dicts_.empty() && all.format != coder::EvalFormat::kGold) {
      // The suites come with their own dictionaries: TABARI's .project beside the text,
      // PETRARCH's files named in <Environment> (beside the records or in ../dictionaries).
      opts.builtin = false;
      dicts_used.clear();
      std::string dir = DirOf(eval_);
      if (all.format == coder::EvalFormat::kTabari) {
        std::string base = eval_.substr(0, eval_.rfind('.'));
        if (Exists(base + ".project")) opts.dirs.push_back(base + ".project");
      } else {
        for (const std::string& f : all.dictionaries) {
          for (const std::string& cand :
               {dir + "/" + f, dir + "/../dictionaries/" + f, dir + "/../dictionaries/" + f}) {
            if (Exists(cand)) {
              opts.dirs.push_back(cand);
              break;
            }
          }
        }
      }
      for (const std::string& d : opts.dirs) dicts_used += (dicts_used.empty() ? "" : ", ") + d;
      if (opts.dirs.empty()) {
        opts.builtin = true;
        dicts_used = "built-in (the suite's dictionaries were not found)";
      }
    }
    auto dict = coder::LoadDictionaries(opts);
    if (!dict.ok()) return ReportError(dict.status());
    coder::Coder c(dict->get());
    coder::EvalResult r = coder::Evaluate(all, &c, misses_ ? 100000 : 0);
    std::string format_flag = globals.format.empty() ? "table" : globals.format;
    auto format = ResolveOutputFormat(format_flag);
    if (!format.ok()) return ReportError(format.status());
    if (by_kind_) {
      WriteScoresByKind(r, *format);
    } else {
      TableWriter out(std::cout, *format,
                      {"level", "records", "tp", "fp", "fn", "precision", "recall", "f1"});
      out.Row({std::string("event"), r.records, r.events.tp, r.events.fp, r.events.fn,
               r.events.precision(), r.events.recall(), r.events.f1()});
      out.Row({std::string("root"), r.records, r.roots.tp, r.roots.fp, r.roots.fn,
               r.roots.precision(), r.roots.recall(), r.roots.f1()});
      out.Finish();
    }
    if (!globals.quiet)
      std::fprintf(stderr, "entente code --eval: dictionaries: %s\n", dicts_used.c_str());
    for (const std::string& m : r.misses) std::fprintf(stderr, "miss %s\n", m.c_str());
    return kExitOk;
  }

  std::string file_ = "-";
  bool lines_ = false;
  bool jsonl_ = false;
  std::string date_;
  std::vector<std::string> dicts_;
  bool dict_only_ = false;
  bool ingest_ = false;
  std::string eval_;
  bool misses_ = false;
  bool by_kind_ = false;
  std::string scheme_ = "cameo";
};

}  // namespace

std::unique_ptr<CommandHandler> MakeCodeCommand() { return std::make_unique<CodeCommand>(); }

}  // namespace entente::cli
