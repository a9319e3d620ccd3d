#include "server/request_policy.h"

#include <algorithm>
#include <cctype>

#include "core/words.h"
#include "server/web_assets.h"

namespace entente::server {
namespace {

// "example.com:8080" -> "example.com", "[::1]:80" -> "::1", "::1" stays.
std::string StripPort(std::string_view host) {
  if (host.starts_with("[")) {
    size_t close = host.find(']');
    if (close == std::string_view::npos) return std::string(host);
    return std::string(host.substr(1, close - 1));
  }
  size_t colon = host.find(':');
  if (colon != std::string_view::npos && host.find(':', colon + 1) == std::string_view::npos) {
    host = host.substr(0, colon);
  }
  return std::string(host);
}

bool IsIpv4Loopback(std::string_view h) {
  if (!h.starts_with("127.")) return false;
  int dots = 0;
  for (char c : h) {
    if (c == '.') {
      ++dots;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return dots == 3;
}

}  // namespace

bool IsLoopbackName(std::string_view host) {
  std::string h = AsciiLower(host);
  if (h.ends_with(".")) h.pop_back();  // "localhost." is the same name
  return h == "localhost" || h == "::1" || IsIpv4Loopback(h);
}

bool HostAllowed(std::string_view host_header, std::string_view bind,
                 const std::vector<std::string>& allowed) {
  if (host_header.empty()) return true;
  std::string host = AsciiLower(StripPort(host_header));
  for (const std::string& a : allowed) {
    if (AsciiLower(StripPort(a)) == host) return true;
  }
  if (IsLoopbackName(bind)) return IsLoopbackName(host);
  return allowed.empty();
}

bool IsKnownPath(std::string_view path) {
  if (path == "/" || path == "/report.html") return true;
  if (path.starts_with("/api/")) return true;
  std::string_view type;
  return path.size() > 1 && !WebAsset(path.substr(1), &type).empty();
}

std::vector<std::pair<std::string, std::string>> SecurityHeaders(std::string_view path) {
  const char* csp =
      path == "/report.html"
          ? "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'"
          : "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'";
  return {{"X-Content-Type-Options", "nosniff"},
          {"X-Frame-Options", "DENY"},
          {"Referrer-Policy", "no-referrer"},
          {"Content-Security-Policy", csp}};
}

}  // namespace entente::server
