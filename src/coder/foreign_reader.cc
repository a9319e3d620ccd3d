#include "coder/foreign_reader.h"

#include <unordered_map>

#include "coder/dict_reader.h"
#include "core/tsv.h"
#include "core/words.h"

namespace entente::coder {
namespace {

// Strips a ';' or '#' comment (TABARI uses ';', PETRARCH '#').
std::string_view StripComment(std::string_view line) {
  size_t c = line.find_first_of(";#");
  return c == std::string_view::npos ? line : line.substr(0, c);
}

template <class F>
void ForEachLine(std::string_view text, F fn) {
  while (!text.empty()) fn(CutAt(&text, '\n'));
}

// "080508" -> 2008-05-08; "19991231" as is.
bool ParseLegacyDate(std::string_view s, Days* out) {
  s = TrimSpace(s);
  if (s.size() != 6 && s.size() != 8) return false;
  int v[8];
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v[i] = s[i] - '0';
  }
  int y, m, d;
  if (s.size() == 6) {
    y = v[0] * 10 + v[1];
    y += y < 40 ? 2000 : 1900;
    m = v[2] * 10 + v[3];
    d = v[4] * 10 + v[5];
  } else {
    y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    m = v[4] * 10 + v[5];
    d = v[6] * 10 + v[7];
  }
  if (!IsValidCivil(y, m, d)) return false;
  *out = DaysFromCivil(y, m, d);
  return true;
}

// One bracket: "RUSGOV >080508", "USAGOV 991201-010114", "PAK", "---".
void ParseCodeBracket(std::string_view inside, ActorEntry* e) {
  inside = TrimSpace(inside);
  size_t sp = inside.find_first_of(" \t");
  std::string code(TrimSpace(inside.substr(0, sp)));
  std::string_view dates =
      sp == std::string_view::npos ? std::string_view() : TrimSpace(inside.substr(sp));
  if (code.empty()) return;
  bool none = code.find_first_not_of('-') == std::string::npos;
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = char(c - 32);
  }
  if (dates.empty()) {
    if (!none && e->fallback.empty()) e->fallback = code;
    return;
  }
  DatedCode dc;
  dc.code = code;
  Days day;
  if (dates[0] == '>') {
    if (!ParseLegacyDate(dates.substr(1), &day)) return;
    dc.from = day;
  } else if (dates[0] == '<') {
    if (!ParseLegacyDate(dates.substr(1), &day)) return;
    dc.to = day - 1;
  } else {
    size_t dash = dates.find('-');
    if (dash == std::string_view::npos) return;
    Days a, b;
    if (!ParseLegacyDate(dates.substr(0, dash), &a) ||
        !ParseLegacyDate(dates.substr(dash + 1), &b)) {
      return;
    }
    dc.from = a;
    dc.to = b;
  }
  if (none) dc.code.clear();
  e->codes.push_back(dc);
}

// A dictionary phrase: underscores and spaces join words; a final '_' marks an exact word.
// TABARI: a phrase not ending in '_' ends in a stem.
std::string PhraseOf(std::string_view raw, bool tabari, Dictionary* dict) {
  raw = TrimSpace(raw);
  bool exact = !raw.empty() && raw.back() == '_';
  std::string p;
  for (char c : raw) {
    if (c == '_' || c == '+' || c == '{' || c == '}' || c == '(' || c == ')') c = ' ';
    p += c;
  }
  p = AsciiLower(TrimSpace(p));
  if (tabari && !exact && !p.empty()) {
    size_t sp = p.rfind(' ');
    std::string last = sp == std::string::npos ? p : p.substr(sp + 1);
    dict->AddStem(last);
  }
  return p;
}

void FlushActor(std::vector<std::string>* phrases, ActorEntry* e, Dictionary* dict) {
  if (!phrases->empty() && (!e->codes.empty() || !e->fallback.empty())) {
    if (e->codes.empty()) {
      e->codes.push_back(DatedCode{e->fallback, kNoStart, kNoEnd});
      e->fallback.clear();
    }
    // Dated ranges with empty codes mean "not an actor then": keep them as ranges that resolve
    // to nothing by dropping them (resolution falls back).
    std::vector<DatedCode> kept;
    for (DatedCode& dc : e->codes) {
      if (!dc.code.empty()) kept.push_back(dc);
    }
    e->codes = kept;
    e->person = e->codes.size() > 1 || (!e->codes.empty() && e->codes[0].from != kNoStart);
    dict->AddActorPhrases(*phrases, *e);
  }
  phrases->clear();
  *e = ActorEntry();
}

Status ReadActors(std::string_view text, bool tabari, Dictionary* dict) {
  std::vector<std::string> phrases;
  ActorEntry entry;
  ForEachLine(text, [&](std::string_view raw) {
    std::string_view line = StripComment(raw);
    if (TrimSpace(line).empty() || TrimSpace(line)[0] == '<') return;
    bool indented = (line[0] == ' ' || line[0] == '\t');
    std::string_view t = TrimSpace(line);
    size_t br = t.find('[');
    std::string_view phrase = TrimSpace(t.substr(0, br));
    if (!indented || phrase.size() > 0) {
      if (!phrase.empty() && phrase[0] == '+') {
        phrases.push_back(PhraseOf(phrase.substr(1), tabari, dict));
      } else if (!phrase.empty()) {
        FlushActor(&phrases, &entry, dict);
        phrases.push_back(PhraseOf(phrase, tabari, dict));
      }
    }
    while (br != std::string_view::npos) {
      size_t close = t.find(']', br);
      if (close == std::string_view::npos) break;
      ParseCodeBracket(t.substr(br + 1, close - br - 1), &entry);
      br = t.find('[', close);
    }
  });
  FlushActor(&phrases, &entry, dict);
  return Status::Ok();
}

Status ReadAgents(std::string_view text, bool tabari, Dictionary* dict) {
  std::unordered_map<std::string, std::vector<std::string>> subs;
  ForEachLine(text, [&](std::string_view raw) {
    std::string_view line = TrimSpace(StripComment(raw));
    if (line.empty() || line[0] == '<') return;
    if (line[0] == '!') {
      size_t end = line.find('!', 1);
      size_t eq = line.find('=');
      if (end == std::string_view::npos || eq == std::string_view::npos) return;
      std::string name(line.substr(0, end + 1));
      std::string_view rest = line.substr(eq + 1);
      std::vector<std::string>& v = subs[name];
      while (!rest.empty()) {
        std::string_view w = TrimSpace(CutAt(&rest, ','));
        if (!w.empty()) v.emplace_back(w);
      }
      return;
    }
    size_t br = line.find('[');
    size_t close = line.find(']', br);
    if (br == std::string_view::npos || close == std::string_view::npos) return;
    std::string_view code = TrimSpace(line.substr(br + 1, close - br - 1));
    AgentEntry a;
    if (!code.empty() && code.front() == '~') {
      a.type = std::string(code.substr(1));
    } else if (!code.empty() && code.back() == '~') {
      a.type = std::string(code.substr(0, code.size() - 1));
      a.prefix = true;
    } else {
      a.type = std::string(code);
    }
    a.type = std::string(TrimSpace(a.type));
    if (a.type.empty()) return;
    std::string phrase(TrimSpace(line.substr(0, br)));
    std::vector<std::string> expanded{phrase};
    size_t bang = phrase.find('!');
    if (bang != std::string::npos) {
      size_t end = phrase.find('!', bang + 1);
      if (end != std::string::npos) {
        auto it = subs.find(phrase.substr(bang, end - bang + 1));
        if (it != subs.end()) {
          expanded.clear();
          for (const std::string& w : it->second) {
            expanded.push_back(phrase.substr(0, bang) + w + phrase.substr(end + 1));
          }
        }
      }
    }
    for (const std::string& p : expanded) dict->AddAgent(PhraseOf(p, tabari, dict), a);
  });
  return Status::Ok();
}

// Splits `text` at spaces and tabs, calling `visit` for each non-empty word.
template <typename Visit>
void ForEachWord(std::string_view text, Visit visit) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > b) visit(text.substr(b, i - b));
  }
}

// Verb dictionaries of both programs (see the header for the differences). State that spans
// lines: the synset being read (`&NAME` then `+word` lines) and the verb block being read (its
// verbs, then its patterns; PETRARCH's `---` header gives the block a code).
class VerbsParser {
 public:
  VerbsParser(bool tabari, Dictionary* dict) : tabari_(tabari), dict_(dict) {}

  void Line(std::string_view raw) {
    std::string_view line = TrimSpace(StripComment(raw));
    if (line.empty() || line.rfind("<!--", 0) == 0) return;
    if (line[0] == '<') return Tag(line);
    if (section_ == kSkip) return;
    if (line[0] == '&') {
      FlushSet();
      std::string name = AsciiLower(TrimSpace(line.substr(1)));
      while (!name.empty() && name.back() == '_') name.pop_back();
      set_name_ = name;
      return;
    }
    if (line[0] == '+' && !set_name_.empty()) {
      std::vector<uint32_t> ids = dict_->InternPhrase(PhraseOf(line.substr(1), false, dict_));
      if (!ids.empty()) set_words_.push_back(ids[0]);
      return;
    }
    FlushSet();
    size_t br = line.find('[');
    size_t close = br == std::string_view::npos ? br : line.find(']', br);
    std::string code, paired;
    bool has_code = false;
    if (close != std::string_view::npos) {
      has_code = ParseCodePair(TrimSpace(line.substr(br + 1, close - br - 1)), &code, &paired);
    }
    std::string_view body = TrimSpace(line.substr(0, br));
    if (line.rfind("---", 0) == 0) {  // PETRARCH block header
      FlushBlock();
      block_code_ = has_code ? code : "";
      block_paired_ = has_code ? paired : "";
    } else if (line[0] == '-') {
      if (block_verbs_.empty()) return;
      seen_patterns_ = true;
      if (has_code) Pattern(body.substr(1), code, paired);
    } else {
      Verb(body, has_code, code, paired);
    }
  }

  void Finish() {
    FlushSet();
    FlushBlock();
  }

 private:
  enum Section { kMain, kSynsets, kSkip };

  void Tag(std::string_view line) {
    std::string tag = AsciiLower(line);
    FlushSet();
    if (tag == "<synsets>") {
      section_ = kSynsets;
    } else if (tag.rfind("</", 0) == 0) {
      section_ = kMain;
    } else {
      section_ = kSkip;
    }
  }

  void FlushSet() {
    if (!set_name_.empty()) sets_[set_name_] = dict_->AddWordSet(set_words_);
    set_name_.clear();
    set_words_.clear();
  }

  void FlushBlock() {
    for (auto& [v, irregular] : block_verbs_) {
      v.patterns = block_patterns_;
      if (v.code.empty()) {
        v.code = block_code_;
        v.paired = block_paired_;
      }
      dict_->AddVerb(v, irregular);
    }
    block_verbs_.clear();
    block_patterns_.clear();
    seen_patterns_ = false;
  }

  // A pattern word: `&NAME` is a synset, anything else a phrase.
  std::vector<uint32_t> Element(std::string_view w) const {
    std::string word = AsciiLower(w);
    if (!word.empty() && word[0] == '&') {
      while (!word.empty() && word.back() == '_') word.pop_back();
      auto it = sets_.find(word.substr(1));
      if (it != sets_.end()) return {it->second};
      return {};
    }
    return dict_->InternPhrase(PhraseOf(w, false, dict_));
  }

  // `- words * words [code]`: the words before and after the verb. `*` may be glued to words
  // ("*_AID"); brackets and PETRARCH's markers are separators.
  void Pattern(std::string_view rest, const std::string& code, const std::string& paired) {
    VerbPattern vp;
    vp.code = code;
    vp.paired = paired;
    bool after = false;
    auto add = [&](std::string_view w) {
      for (uint32_t id : Element(w)) (after ? vp.post : vp.pre).push_back(id);
    };
    ForEachWord(rest, [&](std::string_view w) {
      std::string cleaned;
      for (char c : w) {
        if (c == '*') {
          if (!cleaned.empty()) {
            add(cleaned);
            cleaned.clear();
          }
          after = true;
        } else if (c == '(' || c == ')' || c == '{' || c == '}' || c == '$' || c == '^' ||
                   c == '%' || c == '|') {
          cleaned += ' ';
        } else if (c == '+' &&
                   (cleaned.empty() || cleaned.back() == ' ' || cleaned.back() == '_')) {
          cleaned += ' ';
        } else {
          cleaned += c;
        }
      }
      ForEachWord(TrimSpace(cleaned), add);  // several words may remain after cleaning
    });
    if (after) block_patterns_.push_back(std::move(vp));
  }

  // `WORD {FORMS} [code]`: a verb of the current block.
  void Verb(std::string_view head, bool has_code, const std::string& code,
            const std::string& paired) {
    if (tabari_ || seen_patterns_) FlushBlock();
    std::vector<std::string> irregular;
    size_t brace = head.find('{');
    std::string lemma_raw(TrimSpace(head.substr(0, brace)));
    if (brace != std::string_view::npos) {
      size_t cb = head.find('}', brace);
      std::string_view forms =
          head.substr(brace + 1, (cb == std::string_view::npos ? head.size() : cb) - brace - 1);
      ForEachWord(forms,
                  [&](std::string_view f) { irregular.push_back(PhraseOf(f, false, dict_)); });
    }
    if (!lemma_raw.empty() && lemma_raw[0] == '+') lemma_raw.erase(0, 1);
    VerbEntry v;
    v.lemma = PhraseOf(lemma_raw, tabari_, dict_);  // TABARI: "RESTOR" is a stem
    if (v.lemma.empty()) return;
    if (has_code) {
      v.code = code;
      v.paired = paired;
    }
    block_verbs_.emplace_back(std::move(v), std::move(irregular));
  }

  bool tabari_;
  Dictionary* dict_;
  Section section_ = kMain;
  std::unordered_map<std::string, uint32_t> sets_;
  std::vector<uint32_t> set_words_;
  std::string set_name_;
  std::string block_code_, block_paired_;
  std::vector<std::pair<VerbEntry, std::vector<std::string>>> block_verbs_;
  std::vector<VerbPattern> block_patterns_;
  bool seen_patterns_ = false;
};

Status ReadVerbs(std::string_view text, bool tabari, Dictionary* dict) {
  VerbsParser parser(tabari, dict);
  ForEachLine(text, [&](std::string_view raw) { parser.Line(raw); });
  parser.Finish();
  return Status::Ok();
}

}  // namespace

std::string CleanLegacyText(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 16);
  size_t i = 0;
  while (i < bytes.size()) {
    unsigned char c = bytes[i];
    if (c < 0x80) {
      if (c == '\n' || c == '\t' || c >= 0x20) out += char(c);
      ++i;
      continue;
    }
    size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = len > 0 && i + len <= bytes.size();
    for (size_t k = 1; ok && k < len; ++k) ok = ((unsigned char)bytes[i + k] & 0xC0) == 0x80;
    if (ok) {
      out.append(bytes.substr(i, len));
      i += len;
      continue;
    }
    out += char(0xC0 | (c >> 6));  // Latin-1 byte as UTF-8
    out += char(0x80 | (c & 0x3F));
    ++i;
  }
  return out;
}

std::vector<std::string> TabariProjectFiles(std::string_view bytes) {
  std::vector<std::string> out;
  std::string text = CleanLegacyText(bytes);
  for (std::string_view tag : {"<actorsfile>", "<verbsfile>", "<agentsfile>", "<optionsfile>"}) {
    size_t pos = 0;
    while ((pos = text.find(tag, pos)) != std::string::npos) {
      size_t b = pos + tag.size();
      size_t e = text.find('\n', b);
      std::string_view name = TrimSpace(std::string_view(text).substr(b, e - b));
      if (!name.empty()) out.emplace_back(name);
      pos = b;
    }
  }
  return out;
}

Status ReadForeignDict(ForeignKind kind, std::string_view path, std::string_view bytes,
                       Dictionary* dict) {
  std::string text = CleanLegacyText(bytes);
  Status st;
  switch (kind) {
    case ForeignKind::kTabariVerbs: st = ReadVerbs(text, true, dict); break;
    case ForeignKind::kPetrarchVerbs: st = ReadVerbs(text, false, dict); break;
    case ForeignKind::kTabariActors: st = ReadActors(text, true, dict); break;
    case ForeignKind::kPetrarchActors: st = ReadActors(text, false, dict); break;
    case ForeignKind::kTabariAgents: st = ReadAgents(text, true, dict); break;
    case ForeignKind::kPetrarchAgents: st = ReadAgents(text, false, dict); break;
    case ForeignKind::kTabariOptions: break;  // accepted; no option changes our coding yet
    default: return Status::NotSupported(std::string(path) + ": not a dictionary file");
  }
  return st.ok() ? st : st.WithContext(path);
}

}  // namespace entente::coder
