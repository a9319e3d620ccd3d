#include "server/endpoint_params.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace entente::server {

std::string Param(const Params& p, const std::string& name, std::string fallback) {
  auto it = p.find(name);
  return it == p.end() ? fallback : it->second;
}

Result<std::string> ActorParam(const Params& p, const std::string& name) {
  std::string text = Param(p, name);
  if (text.empty()) {
    return Status::InvalidArgument(fmt::format("missing parameter '{}' (e.g. {}=PAK)", name, name));
  }
  std::string out;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) || out.size() >= 30) {
      return Status::InvalidArgument(
          fmt::format("bad {}='{}': expected a CAMEO actor code such as PAK", name, text));
    }
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

Result<int> IntParam(const Params& p, const std::string& name, int fallback, int lo, int hi) {
  std::string text = Param(p, name);
  if (text.empty()) return fallback;
  int v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v < lo || v > hi) {
    return Status::InvalidArgument(
        fmt::format("bad {}='{}': expected a whole number from {} to {}", name, text, lo, hi));
  }
  return v;
}

Result<std::vector<analysis::DyadName>> DyadListParam(const std::string& list) {
  std::vector<analysis::DyadName> dyads;
  size_t start = 0;
  while (start <= list.size() && dyads.size() <= 20) {
    size_t comma = std::min(list.find(',', start), list.size());
    std::string item = list.substr(start, comma - start);
    size_t dash = item.find_first_of("-_:");
    if (dash == std::string::npos) {
      return Status::InvalidArgument(
          fmt::format("bad dyad '{}' in dyads: expected A-B such as PAK-RUS", item));
    }
    Params one{{"a", item.substr(0, dash)}, {"b", item.substr(dash + 1)}};
    ASSIGN_OR_RETURN(std::string a, ActorParam(one, "a"));
    ASSIGN_OR_RETURN(std::string b, ActorParam(one, "b"));
    dyads.push_back({a, b});
    start = comma + 1;
  }
  return dyads;
}

Result<EventQuality> QualityParams(const Params& p) {
  EventQuality q;
  std::string root = Param(p, "root_only", "0");
  if (root != "0" && root != "1" && root != "true" && root != "false") {
    return Status::InvalidArgument(fmt::format("bad root_only='{}': expected 0 or 1", root));
  }
  q.root_only = root == "1" || root == "true";
  ASSIGN_OR_RETURN(q.min_sources, IntParam(p, "min_sources", 0, 0, 1000000));
  ASSIGN_OR_RETURN(q.min_articles, IntParam(p, "min_articles", 0, 0, 1000000));
  return q;
}

Status RangeParams(const Params& p, const DataSummary& data, analysis::SeriesOptions* o) {
  ASSIGN_OR_RETURN(o->quality, QualityParams(p));
  ASSIGN_OR_RETURN(o->period, ParsePeriod(Param(p, "by", "year")));
  if (std::string from = Param(p, "from"); !from.empty()) {
    ASSIGN_OR_RETURN(DateValue d, ParseDate(from));
    o->from = d.days;
  }
  if (std::string to = Param(p, "to"); !to.empty()) {
    ASSIGN_OR_RETURN(o->to, ParseDateRangeEnd(to));
  }
  if (o->from && o->to && *o->from > *o->to) {
    return Status::InvalidArgument("'from' is after 'to'");
  }
  // Periods outside the data hold nothing: a grid over them is only size.
  if (data.first && o->from) o->from = std::max(*o->from, *data.first);
  if (data.last && o->to) o->to = std::min(*o->to, *data.last);
  if (o->from && o->to) RETURN_IF_ERROR(analysis::CheckPeriodGrid(*o->from, *o->to, o->period));
  return Status::Ok();
}

Result<DyadArgs> ParseDyad(const Params& p, const DataSummary& data) {
  DyadArgs d;
  ASSIGN_OR_RETURN(d.a, ActorParam(p, "a"));
  ASSIGN_OR_RETURN(d.b, ActorParam(p, "b"));
  if (d.a == d.b) return Status::InvalidArgument(fmt::format("a and b are both {}", d.a));
  RETURN_IF_ERROR(RangeParams(p, data, &d.series));
  return d;
}

}  // namespace entente::server
