#include "clickhouse/sql.h"

#include <fmt/format.h>

#include <vector>

namespace entente::clickhouse {
namespace {

// ActorMatches(side, pattern) in SQL; `p` is s_ or t_.
std::string ActorSql(std::string_view p, const std::string& pattern) {
  if (pattern.empty()) return "1";
  std::string sql = fmt::format("startsWith({}code, {})", p, Quote(pattern));
  if (pattern.size() == 3) sql = fmt::format("({} OR {}country = {})", sql, p, Quote(pattern));
  return sql;
}

// A condition on the sorting key that every row the dyad filter takes satisfies (see OddActors):
// ClickHouse reads only the key ranges of the dyad (both orders) and of the few odd rows.
std::string DyadKeyRange(const std::string& a, const std::string& b) {
  for (const std::string* p : {&a, &b}) {
    if (p->find_first_of("%_\\") != std::string::npos) return "";
  }
  auto like = [](const std::string& p) { return Quote(p.substr(0, 3) + "%"); };
  return fmt::format(
      "(odd = 1 OR (odd = 0 AND da LIKE {0} AND db LIKE {1}) OR (odd = 0 AND da LIKE {1} AND db "
      "LIKE {0}))",
      like(a), like(b));
}

}  // namespace

std::string Quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\\' || c == '\'') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      out += fmt::format("\\x{:02X}", u);
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

void AppendTsvField(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '\\': *out += "\\\\"; break;
      case '\t': *out += "\\t"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\0': *out += "\\0"; break;
      default: *out += c;
    }
  }
}

std::string UnescapeTsv(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    switch (c) {
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case '0': out += '\0'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'a': out += '\a'; break;
      case 'v': out += '\v'; break;
      default: out += c;  // \\ \' and anything else: the character itself
    }
  }
  return out;
}

std::string WhereClause(const EventFilter& f) {
  std::vector<std::string> parts;
  if (f.has_dyad()) {
    if (std::string range = DyadKeyRange(f.dyad_a, f.dyad_b); !range.empty())
      parts.push_back(range);
  }
  if (f.from) parts.push_back(fmt::format("date >= {}", *f.from));
  if (f.to) parts.push_back(fmt::format("date <= {}", *f.to));
  if (f.quad != 0) parts.push_back(fmt::format("quad = {}", f.quad));
  if (!f.code_prefix.empty())
    parts.push_back(fmt::format("startsWith(code, {})", Quote(f.code_prefix)));
  if (!f.dataset.empty()) parts.push_back("dataset = " + Quote(f.dataset));
  if (f.quality.root_only) parts.push_back("is_root = 1");
  if (f.quality.min_sources > 0)
    parts.push_back(fmt::format("sources >= {}", f.quality.min_sources));
  if (f.quality.min_articles > 0) {
    parts.push_back(fmt::format("articles >= {}", f.quality.min_articles));
  }
  if (!f.source.empty()) parts.push_back(ActorSql("s_", f.source));
  if (!f.target.empty()) parts.push_back(ActorSql("t_", f.target));
  if (!f.actors.empty()) {
    std::string any;
    for (const std::string& a : f.actors) {
      if (!any.empty()) any += " OR ";
      any += ActorSql("s_", a) + " OR " + ActorSql("t_", a);
    }
    parts.push_back("(" + any + ")");
  }
  if (f.has_dyad()) {
    std::string fwd =
        fmt::format("({} AND {})", ActorSql("s_", f.dyad_a), ActorSql("t_", f.dyad_b));
    if (f.directed) {
      parts.push_back(fwd);
    } else {
      parts.push_back(fmt::format("({} OR ({} AND {}))", fwd, ActorSql("s_", f.dyad_b),
                                  ActorSql("t_", f.dyad_a)));
    }
  }
  if (parts.empty()) return "";
  std::string out = "WHERE ";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += " AND ";
    out += parts[i];
  }
  return out;
}

}  // namespace entente::clickhouse
