#include "coder/dict_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "core/tsv.h"

namespace entente::coder {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> Phrases(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    std::string_view p = Trim(CutAt(&s, '|'));
    if (!p.empty()) out.push_back(p);
  }
  return out;
}

bool IsCodeChar(char c) { return (c >= '0' && c <= '9'); }

const struct {
  std::string_view name;
  Cue cue;
} kCueNames[] = {
    {"negation", Cue::kNegation},
    {"future", Cue::kFuture},
    {"intent", Cue::kIntent},
    {"refuse", Cue::kRefuse},
    {"be", Cue::kBeAux},
    {"and", Cue::kAnd},
    {"prep", Cue::kPrep},
    {"by", Cue::kBy},
    {"of", Cue::kOf},
    {"between", Cue::kBetween},
    {"determiner", Cue::kDeterminer},
    {"clause", Cue::kClauseBreak},
    {"hyphen", Cue::kHyphen},
    {"possessive", Cue::kPossessive},
    {"comma", Cue::kComma},
    {"location", Cue::kLocation},
};

Result<Days> ParseDay(std::string_view s, bool end) {
  if (s.empty()) return end ? kNoEnd : kNoStart;
  if (end) return ParseDateRangeEnd(s);
  ASSIGN_OR_RETURN(DateValue d, ParseDate(s));
  return d.days;
}

}  // namespace

bool ParseCodePair(std::string_view text, std::string* code, std::string* paired) {
  code->clear();
  paired->clear();
  if (text == "---" || text == "----") return true;
  size_t colon = text.find(':');
  std::string_view a = text.substr(0, colon);
  std::string_view b =
      colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  auto valid = [](std::string_view c) {
    if (c.size() < 2 || c.size() > 4) return false;
    for (char ch : c) {
      if (!IsCodeChar(ch)) return false;
    }
    return true;
  };
  if (!valid(a)) return false;
  if (colon != std::string_view::npos && !valid(b) && b != "---") return false;
  *code = std::string(a);
  if (b != "---") *paired = std::string(b);
  return true;
}

namespace {

// One pass over an entente dictionary file. Blocks stay open across lines: a `person` collects
// its dated codes from the indented lines after it, a `verb` its patterns; any statement closes
// them.
class EntenteDictParser {
 public:
  EntenteDictParser(std::string_view path, Dictionary* dict) : path_(path), dict_(dict) {}

  Status Parse(std::string_view text) {
    while (!text.empty()) {
      raw_ = CutAt(&text, '\n');
      ++line_no_;
      std::string_view line = raw_;
      size_t hash = line.find('#');
      if (hash != std::string_view::npos) line = line.substr(0, hash);
      bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
      line = Trim(line);
      if (line.empty()) continue;
      RETURN_IF_ERROR(indented ? IndentedLine(line) : Statement(line));
    }
    ClosePerson();
    return Status::Ok();
  }

 private:
  Status Error(std::string_view what) const {
    return Status::InvalidArgument(fmt::format("{}:{}: {}\n  {}", path_, line_no_, what, raw_));
  }

  void ClosePerson() {
    if (in_person_) dict_->AddActorPhrases(person_phrases_, person_);
    in_person_ = false;
    person_phrases_.clear();
    person_ = ActorEntry();
  }

  Status IndentedLine(std::string_view line) {
    if (in_person_) return PersonLine(line);
    if (verb_index_ >= 0 && line[0] == '-') return PatternLine(line.substr(1));
    return Error("indented line outside a person or verb block");
  }

  // `CODE FROM..TO` or `else CODE` under a person.
  Status PersonLine(std::string_view line) {
    std::vector<std::string_view> w = SplitOnBlanks(line);
    if (w.size() == 2 && w[0] == "else") {
      person_.fallback = std::string(w[1]);
      return Status::Ok();
    }
    if (w.size() != 2) return Error("expected `CODE FROM..TO` or `else CODE`");
    size_t dots = w[1].find("..");
    if (dots == std::string_view::npos) return Error("expected a range FROM..TO");
    auto from = ParseDay(w[1].substr(0, dots), false);
    auto to = ParseDay(w[1].substr(dots + 2), true);
    if (!from.ok() || !to.ok()) return Error("bad date in range");
    person_.codes.push_back(DatedCode{std::string(w[0]), *from, *to});
    return Status::Ok();
  }

  // `- words * words CODE [rev]` under a verb; `a|b` is a set of alternative words.
  Status PatternLine(std::string_view line) {
    std::vector<std::string_view> w = SplitOnBlanks(line);
    if (w.empty()) return Error("empty pattern");
    VerbPattern p;
    if (w.size() >= 2 && w.back() == "rev") {
      p.reversed = true;
      w.pop_back();
    }
    if (!ParseCodePair(w.back(), &p.code, &p.paired)) return Error("bad event code");
    bool after = false;
    for (size_t i = 0; i + 1 < w.size(); ++i) {
      if (w[i] == "*") {
        after = true;
        continue;
      }
      std::vector<uint32_t>& side = after ? p.post : p.pre;
      if (w[i].find('|') != std::string_view::npos) {
        std::vector<uint32_t> alts;
        for (std::string_view a : Phrases(w[i])) {
          std::vector<uint32_t> ids = dict_->InternPhrase(a);
          if (!ids.empty()) alts.push_back(ids[0]);
        }
        side.push_back(dict_->AddWordSet(std::move(alts)));
        continue;
      }
      for (uint32_t id : dict_->InternPhrase(w[i])) side.push_back(id);
    }
    if (!after) return Error("a pattern needs `*` where the verb goes");
    dict_->verb(uint32_t(verb_index_)).patterns.push_back(std::move(p));
    return Status::Ok();
  }

  // `verb LEMMA [{irregular forms}] CODE [rev] [loc]`; forms join words with `_`.
  Status VerbStatement(std::string_view head) {
    VerbEntry v;
    std::vector<std::string> irregular;
    std::string rest(head);
    size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      size_t close = head.find('}', brace);
      if (close == std::string_view::npos) return Error("unclosed `{`");
      for (std::string_view f : SplitOnBlanks(head.substr(brace + 1, close - brace - 1))) {
        std::string form(f);
        std::replace(form.begin(), form.end(), '_', ' ');
        irregular.push_back(form);
      }
      rest = std::string(head.substr(0, brace)) + " " + std::string(head.substr(close + 1));
    }
    std::vector<std::string_view> w = SplitOnBlanks(rest);
    if (w.empty()) return Error("verb without a lemma");
    v.lemma = std::string(w[0]);
    for (size_t i = 1; i < w.size(); ++i) {
      if (w[i] == "rev") {
        v.reversed = true;
      } else if (w[i] == "loc") {
        v.location = true;
      } else if (!ParseCodePair(w[i], &v.code, &v.paired)) {
        return Error("bad event code");
      }
    }
    verb_index_ = dict_->AddVerb(v, irregular);
    return Status::Ok();
  }

  // `agent [~]TYPE[~] = phrases`: a trailing ~ makes the phrases prefixes.
  Status AgentStatement(std::string_view head, const std::vector<std::string_view>& phrases) {
    AgentEntry a;
    std::string_view t = head;
    if (!t.empty() && t.back() == '~') {
      a.prefix = true;
      t.remove_suffix(1);
    }
    if (!t.empty() && t.front() == '~') t.remove_prefix(1);
    if (t.empty()) return Error("agent without a type");
    a.type = std::string(t);
    for (std::string_view p : phrases) dict_->AddAgent(p, a);
    return Status::Ok();
  }

  Status CueStatement(std::string_view head, const std::vector<std::string_view>& phrases) {
    bool found = false;
    for (const auto& c : kCueNames) {
      if (c.name != head) continue;
      for (std::string_view p : phrases) dict_->AddCue(p, c.cue);
      found = true;
    }
    return found ? Status::Ok() : Error(fmt::format("unknown cue `{}`", head));
  }

  // A line at the margin: `KEYWORD HEAD = phrases | ...`, or a `verb` head.
  Status Statement(std::string_view line) {
    ClosePerson();
    verb_index_ = -1;
    size_t sp = line.find_first_of(" \t=");
    std::string_view keyword = line.substr(0, sp);
    std::string_view rest =
        sp == std::string_view::npos ? std::string_view() : Trim(line.substr(sp));
    size_t eq = rest.find('=');
    std::string_view head = eq == std::string_view::npos ? rest : Trim(rest.substr(0, eq));
    if (keyword == "verb") return VerbStatement(head);
    if (eq == std::string_view::npos) return Error("expected `=` and phrases");
    std::vector<std::string_view> phrases = Phrases(rest.substr(eq + 1));
    if (phrases.empty()) return Error("no phrases after `=`");
    if (keyword == "actor") {
      if (head.empty()) return Error("actor without a code");
      ActorEntry e;
      e.codes.push_back(DatedCode{std::string(head), kNoStart, kNoEnd});
      dict_->AddActorPhrases(phrases, e);
      return Status::Ok();
    }
    if (keyword == "person") {
      in_person_ = true;
      person_.person = true;
      person_phrases_ = phrases;
      return Status::Ok();
    }
    if (keyword == "agent") return AgentStatement(head, phrases);
    if (keyword == "cue") return CueStatement(head, phrases);
    if (keyword == "noun") {
      NounEntry n;
      if (!ParseCodePair(head, &n.code, &n.paired)) return Error("bad event code");
      for (std::string_view p : phrases) dict_->AddNoun(p, n);
      return Status::Ok();
    }
    return Error(fmt::format("unknown statement `{}`", keyword));
  }

  std::string_view path_;
  Dictionary* dict_;
  int line_no_ = 0;
  std::string_view raw_;
  std::vector<std::string_view> person_phrases_;
  ActorEntry person_;
  bool in_person_ = false;
  int64_t verb_index_ = -1;
};

}  // namespace

Status ReadEntenteDict(std::string_view path, std::string_view text, Dictionary* dict) {
  return EntenteDictParser(path, dict).Parse(text);
}

Status LoadEmbeddedDictionaries(Dictionary* dict) {
  for (const EmbeddedEntry& e : EmbeddedFilesUnder("dict/")) {
    if (e.path.size() < 5 || e.path.substr(e.path.size() - 5) != ".dict") continue;
    RETURN_IF_ERROR(ReadEntenteDict(e.path, e.bytes, dict));
  }
  return Status::Ok();
}

}  // namespace entente::coder
