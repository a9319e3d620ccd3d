// What the server accepts before any handler runs, and the headers every answer carries.
//
// DNS rebinding: a page on evil.example.com can point its own name at 127.0.0.1 and then read
// this loopback API from the victim's browser. The browser still sends `Host: evil.example.com`,
// so a server bound to loopback answers only requests whose Host names loopback (localhost,
// 127.x.x.x, [::1], with or without a port) or a name the user allowed (`serve --allow-host`).
// A request without Host (HTTP/1.0 tools) is not from a browser and is accepted.
//
// Headers: nosniff, no framing (X-Frame-Options and frame-ancestors), no referrer, and a
// Content-Security-Policy that allows only this origin's script, style and fetches (the page's
// app.js sets style attributes on SVG legends, hence 'unsafe-inline' styles); the HTML report
// gets its own, stricter one (no script at all; inline <style> and SVG).
#ifndef ENTENTE_SERVER_REQUEST_POLICY_H_
#define ENTENTE_SERVER_REQUEST_POLICY_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace entente::server {

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopbackName(std::string_view host);

// Whether a request with this Host header may be answered by a server bound to `bind`.
// `allowed`: extra host names (compared without the port, case-insensitively). A server bound to
// a non-loopback address accepts any Host unless `allowed` is non-empty.
bool HostAllowed(std::string_view host_header, std::string_view bind,
                 const std::vector<std::string>& allowed);

// The paths the server answers (the API, the report, the page files); they take GET and HEAD.
bool IsKnownPath(std::string_view path);
inline constexpr char kAllowedMethods[] = "GET, HEAD";

// The security headers for an answer to `path`.
std::vector<std::pair<std::string, std::string>> SecurityHeaders(std::string_view path);

}  // namespace entente::server

#endif  // ENTENTE_SERVER_REQUEST_POLICY_H_
