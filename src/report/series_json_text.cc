#include "report/series_json_text.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/date.h"

namespace entente::report {
namespace {

// A JSON string: plain ASCII as is; anything that needs escaping through nlohmann, as the tree's
// dump does it (invalid UTF-8 replaced).
void AppendString(std::string_view s, std::string* out) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') {
      out->append(nlohmann::json(std::string(s))
                      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      return;
    }
  }
  out->push_back('"');
  out->append(s);
  out->push_back('"');
}

void AppendInt(int64_t v, std::string* out) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, end);
}

void AppendKey(std::string_view key, std::string* out) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

// One point's members, in the tree's (alphabetical) order.
void AppendPoint(const analysis::SeriesPoint& p, std::string* out) {
  auto number = [&](std::string_view key, double v, bool present) {
    out->push_back(',');
    AppendKey(key, out);
    if (present) {
      AppendJsonNumber(v, out);
    } else {
      out->append("null");
    }
  };
  out->push_back('{');
  AppendKey("events", out);
  AppendInt(p.events, out);
  number("goldstein_mean", p.goldstein_mean, p.goldstein_weight > 0);
  number("goldstein_sum", p.goldstein_sum, true);
  number("intensity", p.intensity, true);
  number("mconf", p.mconf, true);
  number("mcoop", p.mcoop, true);
  number("net_coop", p.net_coop, p.events > 0);
  number("net_coop_hi", p.net_coop_hi, p.events > 0);
  number("net_coop_lo", p.net_coop_lo, p.events > 0);
  out->push_back(',');
  AppendKey("period", out);
  AppendString(p.label, out);
  out->push_back(',');
  AppendKey("start", out);
  AppendString(FormatDate(p.period), out);
  number("vconf", p.vconf, true);
  number("vcoop", p.vcoop, true);
  number("weight", p.weight, true);
  out->push_back('}');
}

}  // namespace

void AppendJsonNumber(double v, std::string* out) {
  if (!std::isfinite(v)) {
    out->append("null");
    return;
  }
  // nlohmann's own formatter (Grisu2 and its layout), so the digits are the tree's to the byte;
  // std::to_chars would sometimes be one digit shorter.
  char buf[64];
  const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<size_t>(end - buf));
}

std::string SeriesJsonText(const analysis::Series& s) {
  std::string out;
  out.reserve(128 + s.points.size() * 340);
  out.push_back('{');
  AppendKey("a", &out);
  AppendString(s.a, &out);
  out.push_back(',');
  AppendKey("b", &out);
  AppendString(s.b, &out);
  out.push_back(',');
  AppendKey("by", &out);
  AppendString(PeriodName(s.period), &out);
  out.push_back(',');
  AppendKey("directed", &out);
  out.append(s.directed ? "true" : "false");
  out.push_back(',');
  AppendKey("events", &out);
  AppendInt(s.total_events(), &out);
  out.push_back(',');
  AppendKey("points", &out);
  out.push_back('[');
  for (size_t i = 0; i < s.points.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendPoint(s.points[i], &out);
  }
  out.append("],");
  AppendKey("weight", &out);
  AppendString(WeightName(s.weight), &out);
  out.push_back('}');
  return out;
}

}  // namespace entente::report
