#include "coder/eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "coder/foreign_reader.h"
#include "core/tsv.h"
#include "core/words.h"

namespace entente::coder {
namespace {

std::string Upper(std::string_view s) {
  std::string o(TrimSpace(s));
  for (char& c : o) {
    if (c >= 'a' && c <= 'z') c = char(c - 32);
  }
  return o;
}

std::string Attr(std::string_view tag, std::string_view name) {
  std::string key(name);
  key.append("=\"");
  size_t p = tag.find(key);
  if (p == std::string_view::npos) return "";
  p += key.size();
  size_t e = tag.find('"', p);
  return std::string(tag.substr(p, e == std::string_view::npos ? 0 : e - p));
}

bool ParseAnyDate(std::string_view s, Days* out) {
  s = TrimSpace(s);
  if (s.size() == 6) {  // YYMMDD
    int y = (s[0] - '0') * 10 + (s[1] - '0');
    y += y < 40 ? 2000 : 1900;
    std::string full = fmt::format("{}{}", y, s.substr(2));
    return ParseYmdCompact(full, out);
  }
  if (s.size() == 8 && ParseYmdCompact(s, out)) return true;
  auto d = ParseDate(s);
  if (!d.ok()) return false;
  *out = d->days;
  return true;
}

void CollapseSpaces(std::string* t) {
  std::string o;
  bool sp = false;
  for (char c : *t) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ') {
      if (!sp && !o.empty()) o += ' ';
      sp = true;
    } else {
      o += c;
      sp = false;
    }
  }
  while (!o.empty() && o.back() == ' ') o.pop_back();
  *t = o;
}

Result<EvalSet> ParseGold(std::string_view path, std::string_view text) {
  EvalSet set;
  set.format = EvalFormat::kGold;
  int line_no = 0;
  std::string_view unread = text;
  EvalRecord* cur = nullptr;
  bool cur_none = false;
  std::string kind;
  auto finish = [&]() {
    if (cur && cur->expected.empty() && !cur_none) set.records.pop_back();
    cur = nullptr;
    cur_none = false;
  };
  while (!unread.empty()) {
    std::string_view line = CutAt(&unread, '\n');
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view t = TrimSpace(line);
    if (t.starts_with("#:")) kind = std::string(TrimSpace(t.substr(2)));
    if (t.empty() || t[0] == '#') continue;
    if (t[0] == '=') {
      if (!cur) {
        return Status::InvalidArgument(
            fmt::format("{}:{}: expectation before any sentence", path, line_no));
      }
      std::string_view rest = TrimSpace(t.substr(1));
      if (rest == "none") {
        cur_none = true;
        continue;
      }
      std::vector<std::string> w;
      size_t i = 0;
      while (i < rest.size()) {
        while (i < rest.size() && rest[i] == ' ') ++i;
        size_t b = i;
        while (i < rest.size() && rest[i] != ' ') ++i;
        if (i > b) w.emplace_back(rest.substr(b, i - b));
      }
      if (w.size() != 3) {
        return Status::InvalidArgument(
            fmt::format("{}:{}: expected `= SOURCE TARGET CODE`\n  {}", path, line_no, line));
      }
      cur->expected.push_back(ExpectedEvent{w[0], w[1], w[2]});
      continue;
    }
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: expected `YYYY-MM-DD<TAB>sentence`\n  {}", path, line_no, line));
    }
    finish();
    EvalRecord r;
    if (!ParseAnyDate(line.substr(0, tab), &r.date)) {
      return Status::InvalidArgument(fmt::format("{}:{}: bad date\n  {}", path, line_no, line));
    }
    r.id = fmt::format("{}:{}", path, line_no);
    r.kind = kind;
    r.text = std::string(TrimSpace(line.substr(tab + 1)));
    set.records.push_back(std::move(r));
    cur = &set.records.back();
  }
  finish();
  return set;
}

// TABARI: "YYMMDD ID" header, text lines, then a /* ... */ comment with { SRC / TGT / CODE }.
EvalSet ParseTabari(std::string_view text) {
  EvalSet set;
  set.format = EvalFormat::kTabari;
  std::string_view unread = text;
  EvalRecord cur;
  bool in_text = false, in_comment = false;
  auto flush = [&]() {
    if (!cur.text.empty() && !cur.expected.empty()) {
      CollapseSpaces(&cur.text);
      set.records.push_back(cur);
    }
    cur = EvalRecord();
    in_text = false;
  };
  while (!unread.empty()) {
    std::string_view line = CutAt(&unread, '\n');
    std::string_view t = TrimSpace(line);
    if (in_comment) {
      size_t b = 0;
      while ((b = t.find('{', b)) != std::string_view::npos) {
        size_t e = t.find('}', b);
        if (e == std::string_view::npos) break;
        std::string_view inside = t.substr(b + 1, e - b - 1);
        size_t s1 = inside.find('/');
        size_t s2 = s1 == std::string_view::npos ? s1 : inside.find('/', s1 + 1);
        if (s2 != std::string_view::npos) {
          ExpectedEvent ev{Upper(inside.substr(0, s1)), Upper(inside.substr(s1 + 1, s2 - s1 - 1)),
                           Upper(inside.substr(s2 + 1))};
          if (!ev.source.empty() && !ev.target.empty() && !ev.code.empty() &&
              ev.code.find_first_not_of("0123456789") == std::string::npos) {
            cur.expected.push_back(ev);
          }
        }
        b = e + 1;
      }
      if (t.find("*/") != std::string_view::npos) {
        in_comment = false;
        flush();
      }
      continue;
    }
    if (t.rfind("/*", 0) == 0) {
      in_comment = true;
      in_text = false;
      if (t.find("*/") != std::string_view::npos) {
        in_comment = false;
        flush();
      }
      continue;
    }
    if (!t.empty() && t[0] == '#') continue;
    // Header: six digits, spaces, an id.
    if (t.size() > 7 &&
        std::all_of(t.begin(), t.begin() + 6, [](char c) { return c >= '0' && c <= '9'; }) &&
        (t[6] == ' ' || t[6] == '\t')) {
      flush();
      ParseAnyDate(t.substr(0, 6), &cur.date);
      cur.id = std::string(TrimSpace(t.substr(6)));
      in_text = true;
      continue;
    }
    if (in_text && !t.empty()) {
      cur.text.append(t.data(), t.size());
      cur.text.push_back(' ');
    }
  }
  return set;
}

// PETRARCH XML: <Sentence date= id=> <EventCoding sourcecode= targetcode= eventcode=> <Text>.
EvalSet ParsePetrarchXml(std::string_view text) {
  EvalSet set;
  set.format = EvalFormat::kPetrarchXml;
  for (std::string_view tag : {"Verbfile", "Actorfile", "Agentfile"}) {
    std::string open_tag = "<";
    open_tag.append(tag.data(), tag.size());
    size_t p = text.find(open_tag);
    if (p != std::string_view::npos) {
      size_t close = text.find('>', p);
      std::string name = Attr(text.substr(p, close - p), "name");
      if (name.empty() && close != std::string_view::npos) {  // <Verbfile>NAME</Verbfile>
        size_t end = text.find('<', close);
        name = std::string(TrimSpace(text.substr(close + 1, end - close - 1)));
      }
      if (!name.empty()) set.dictionaries.push_back(name);
    }
  }
  size_t pos = 0;
  while ((pos = text.find("<Sentence ", pos)) != std::string_view::npos) {
    size_t end = text.find("</Sentence>", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view block = text.substr(pos, end - pos);
    pos = end;
    size_t tag_end = block.find('>');
    std::string_view head = block.substr(0, tag_end);
    EvalRecord r;
    r.id = Attr(head, "id");
    ParseAnyDate(Attr(head, "date"), &r.date);
    size_t tb = block.find("<Text>");
    size_t te = block.find("</Text>");
    if (tb == std::string_view::npos || te == std::string_view::npos || te < tb) continue;
    r.text = std::string(block.substr(tb + 6, te - tb - 6));
    CollapseSpaces(&r.text);
    bool none = false;
    size_t ep = 0;
    while ((ep = block.find("<EventCoding", ep)) != std::string_view::npos) {
      size_t ee = block.find('>', ep);
      std::string_view et = block.substr(ep, ee - ep);
      ep = ee;
      if (et.find("noevents") != std::string_view::npos) {
        none = true;
        continue;
      }
      ExpectedEvent ev{Upper(Attr(et, "sourcecode")), Upper(Attr(et, "targetcode")),
                       Upper(Attr(et, "eventcode"))};
      if (!ev.source.empty() && !ev.target.empty() && !ev.code.empty()) r.expected.push_back(ev);
    }
    if (!r.expected.empty() || none) set.records.push_back(std::move(r));
  }
  return set;
}

std::string RootOfCode(const std::string& c) { return c.substr(0, std::min<size_t>(2, c.size())); }

}  // namespace

Result<EvalSet> ParseEvalFile(std::string_view path, std::string_view bytes) {
  std::string text = CleanLegacyText(bytes);
  if (text.find("<Sentence ") != std::string::npos) return ParsePetrarchXml(text);
  if (text.find("/*") != std::string::npos && text.find("*/") != std::string::npos) {
    return ParseTabari(text);
  }
  return ParseGold(path, text);
}

namespace {

using Triple = std::tuple<std::string, std::string, std::string>;

void Count(const std::set<Triple>& got, const std::set<Triple>& want, Score* s) {
  for (const Triple& x : got) (want.count(x) ? s->tp : s->fp)++;
  for (const Triple& x : want) {
    if (!got.count(x)) s->fn++;
  }
}

// One record's codings as (source, target, code) and (source, target, root) sets, what the
// coder gave and what the record expects.
struct Codings {
  std::set<Triple> got, want, got_root, want_root;
  Codings(const std::vector<CodedEvent>& events, const EvalRecord& r) {
    for (const CodedEvent& e : events) {
      got.insert({e.source, e.target, e.code});
      got_root.insert({e.source, e.target, RootOfCode(e.code)});
    }
    for (const ExpectedEvent& e : r.expected) {
      want.insert({e.source, e.target, e.code});
      want_root.insert({e.source, e.target, RootOfCode(e.code)});
    }
  }
};

// Adds one record's codings to `t`.
void Tally(const Codings& c, const EvalRecord& r, EvalTally* t) {
  ++t->records;
  Count(c.got, c.want, &t->events);
  Count(c.got_root, c.want_root, &t->roots);
  if (r.expected.empty()) {
    ++t->none_records;
    t->none_events += static_cast<int64_t>(c.got.size());
  }
}

// "id: expected ... got ...", or "" when the record was coded as expected.
std::string Miss(const Codings& c, const EvalRecord& r) {
  if (c.got == c.want) return "";
  std::string w, g;
  for (const auto& [a, b, code] : c.want) w += fmt::format(" {} {} {};", a, b, code);
  for (const auto& [a, b, code] : c.got) g += fmt::format(" {} {} {};", a, b, code);
  return fmt::format("{}: expected{} got{}\n    {}", r.id, w.empty() ? " none" : w,
                     g.empty() ? " none" : g, r.text);
}

}  // namespace

EvalResult Evaluate(const EvalSet& set, Coder* coder, size_t max_misses) {
  EvalResult res;
  std::vector<CodedEvent> events;
  for (const EvalRecord& r : set.records) {
    events.clear();
    coder->CodeDocument(r.text, r.date, &events);
    const Codings codings(events, r);
    Tally(codings, r, &res);
    if (!r.kind.empty()) Tally(codings, r, &res.kinds[r.kind]);
    if (res.misses.size() < max_misses) {
      if (std::string m = Miss(codings, r); !m.empty()) res.misses.push_back(std::move(m));
    }
  }
  return res;
}

}  // namespace entente::coder
