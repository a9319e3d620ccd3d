#include "coder/dict_reader.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "core/embedded.h"

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

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::vector<std::string_view> Phrases(std::string_view s) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find('|', b);
    if (e == std::string_view::npos) e = s.size();
    std::string_view p = Trim(s.substr(b, e - b));
    if (!p.empty()) out.push_back(p);
    b = e + 1;
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

Status ReadEntenteDict(std::string_view path, std::string_view text, Dictionary* dict) {
  int line_no = 0;
  size_t pos = 0;
  // Open blocks: a person collects dated codes; a verb collects patterns.
  std::vector<std::string_view> person_phrases;
  ActorEntry person;
  bool in_person = false;
  int64_t verb_index = -1;
  auto error = [&](std::string_view what, std::string_view line) {
    return Status::InvalidArgument(fmt::format("{}:{}: {}\n  {}", path, line_no, what, line));
  };
  auto close_person = [&]() {
    if (in_person) {
      dict->AddActorPhrases(person_phrases, person);
    }
    in_person = false;
    person_phrases.clear();
    person = ActorEntry();
  };
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    std::string_view line = raw;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    line = Trim(line);
    if (line.empty()) continue;
    if (indented) {
      if (in_person) {
        std::vector<std::string_view> w = Words(line);
        if (w.size() == 2 && w[0] == "else") {
          person.fallback = std::string(w[1]);
          continue;
        }
        if (w.size() != 2) return error("expected `CODE FROM..TO` or `else CODE`", raw);
        size_t dots = w[1].find("..");
        if (dots == std::string_view::npos) return error("expected a range FROM..TO", raw);
        auto from = ParseDay(w[1].substr(0, dots), false);
        auto to = ParseDay(w[1].substr(dots + 2), true);
        if (!from.ok() || !to.ok()) return error("bad date in range", raw);
        person.codes.push_back(DatedCode{std::string(w[0]), *from, *to});
        continue;
      }
      if (verb_index >= 0 && line[0] == '-') {
        std::vector<std::string_view> w = Words(line.substr(1));
        if (w.empty()) return error("empty pattern", raw);
        VerbPattern p;
        if (w.size() >= 2 && w.back() == "rev") {
          p.reversed = true;
          w.pop_back();
        }
        if (!ParseCodePair(w.back(), &p.code, &p.paired)) return error("bad event code", raw);
        bool after = false;
        bool star = false;
        for (size_t i = 0; i + 1 < w.size(); ++i) {
          if (w[i] == "*") {
            after = true;
            star = true;
            continue;
          }
          if (w[i].find('|') != std::string_view::npos) {  // alternatives: a word set
            std::vector<uint32_t> alts;
            for (std::string_view a : Phrases(w[i])) {
              std::vector<uint32_t> ids = dict->InternPhrase(a);
              if (!ids.empty()) alts.push_back(ids[0]);
            }
            (after ? p.post : p.pre).push_back(dict->AddWordSet(std::move(alts)));
            continue;
          }
          for (uint32_t id : dict->InternPhrase(w[i])) (after ? p.post : p.pre).push_back(id);
        }
        if (!star) return error("a pattern needs `*` where the verb goes", raw);
        dict->verb(uint32_t(verb_index)).patterns.push_back(std::move(p));
        continue;
      }
      return error("indented line outside a person or verb block", raw);
    }
    close_person();
    verb_index = -1;
    size_t sp = line.find_first_of(" \t=");
    std::string_view keyword = line.substr(0, sp);
    std::string_view rest =
        sp == std::string_view::npos ? std::string_view() : Trim(line.substr(sp));
    size_t eq = rest.find('=');
    std::string_view head = eq == std::string_view::npos ? rest : Trim(rest.substr(0, eq));
    std::string_view body = eq == std::string_view::npos ? std::string_view() : rest.substr(eq + 1);
    if (keyword == "verb") {
      VerbEntry v;
      std::vector<std::string> irregular;
      std::string_view h = head;
      size_t brace = h.find('{');
      if (brace != std::string_view::npos) {
        size_t close = h.find('}', brace);
        if (close == std::string_view::npos) return error("unclosed `{`", raw);
        for (std::string_view f : Words(h.substr(brace + 1, close - brace - 1))) {
          std::string s(f);
          for (char& c : s) {
            if (c == '_') c = ' ';
          }
          irregular.push_back(s);
        }
        std::string rebuilt =
            std::string(h.substr(0, brace)) + " " + std::string(h.substr(close + 1));
        std::vector<std::string_view> w = Words(rebuilt);
        if (w.empty()) return error("verb without a lemma", raw);
        v.lemma = std::string(w[0]);
        for (size_t i = 1; i < w.size(); ++i) {
          if (w[i] == "rev") {
            v.reversed = true;
          } else if (w[i] == "loc") {
            v.location = true;
          } else if (!ParseCodePair(w[i], &v.code, &v.paired)) {
            return error("bad event code", raw);
          }
        }
      } else {
        std::vector<std::string_view> w = Words(h);
        if (w.empty()) return error("verb without a lemma", raw);
        v.lemma = std::string(w[0]);
        for (size_t i = 1; i < w.size(); ++i) {
          if (w[i] == "rev") {
            v.reversed = true;
          } else if (w[i] == "loc") {
            v.location = true;
          } else if (!ParseCodePair(w[i], &v.code, &v.paired)) {
            return error("bad event code", raw);
          }
        }
      }
      verb_index = dict->AddVerb(v, irregular);
      continue;
    }
    if (eq == std::string_view::npos) return error("expected `=` and phrases", raw);
    std::vector<std::string_view> phrases = Phrases(body);
    if (phrases.empty()) return error("no phrases after `=`", raw);
    if (keyword == "actor") {
      if (head.empty()) return error("actor without a code", raw);
      ActorEntry e;
      e.codes.push_back(DatedCode{std::string(head), kNoStart, kNoEnd});
      dict->AddActorPhrases(phrases, e);
    } else if (keyword == "person") {
      in_person = true;
      person.person = true;
      person_phrases = phrases;
    } else if (keyword == "agent") {
      AgentEntry a;
      std::string_view t = head;
      if (!t.empty() && t.back() == '~') {
        a.prefix = true;
        t.remove_suffix(1);
      }
      if (!t.empty() && t.front() == '~') t.remove_prefix(1);
      if (t.empty()) return error("agent without a type", raw);
      a.type = std::string(t);
      for (std::string_view p : phrases) dict->AddAgent(p, a);
    } else if (keyword == "cue") {
      bool found = false;
      for (const auto& c : kCueNames) {
        if (c.name == head) {
          for (std::string_view p : phrases) dict->AddCue(p, c.cue);
          found = true;
        }
      }
      if (!found) return error(fmt::format("unknown cue `{}`", head), raw);
    } else if (keyword == "noun") {
      NounEntry n;
      if (!ParseCodePair(head, &n.code, &n.paired)) return error("bad event code", raw);
      for (std::string_view p : phrases) dict->AddNoun(p, n);
    } else {
      return error(fmt::format("unknown statement `{}`", keyword), raw);
    }
  }
  close_person();
  return Status::Ok();
}

Status LoadEmbeddedDictionaries(Dictionary* dict) {
  for (const EmbeddedEntry& e : EmbeddedFilesUnder("dict/")) {
    if (e.path.size() < 5 || e.path.substr(e.path.size() - 5) != ".dict") continue;
    RETURN_IF_ERROR(ReadEntenteDict(e.path, e.bytes, dict));
  }
  return Status::Ok();
}

}  // namespace entente::coder
