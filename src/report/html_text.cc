#include "report/html_text.h"

#include <fmt/format.h>

#include <cmath>

namespace entente::report {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

bool IsSafeLink(std::string_view url) {
  if (!url.starts_with("http://") && !url.starts_with("https://")) return false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>') {
      return false;
    }
  }
  return true;
}

std::string Signed(double value, int decimals) {
  if (std::isnan(value)) return "n/a";
  // Avoid "-0.00" for tiny negatives.
  double scale = std::pow(10.0, decimals);
  if (std::round(value * scale) == 0) value = 0;
  return fmt::format("{:+.{}f}", value, decimals);
}

std::string Fixed(double value, int decimals) {
  if (std::isnan(value)) return "n/a";
  double scale = std::pow(10.0, decimals);
  if (std::round(value * scale) == 0) value = 0;
  return fmt::format("{:.{}f}", value, decimals);
}

std::string Thousands(long long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string Coord(double value) {
  double r = std::round(value * 10) / 10;
  if (r == std::floor(r)) return fmt::format("{}", static_cast<long long>(r));
  return fmt::format("{:.1f}", r);
}

}  // namespace entente::report
