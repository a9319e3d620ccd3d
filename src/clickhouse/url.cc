#include "clickhouse/url.h"

#include <fmt/format.h>

#include <cctype>

#include "core/tsv.h"

namespace entente::clickhouse {
namespace {

constexpr std::string_view kScheme = "clickhouse://";

bool ValidName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

// %XX decoding, for user names and passwords with reserved characters.
Result<std::string> Unescape(std::string_view s, std::string_view what) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      return Status::InvalidArgument(fmt::format("bad %-escape in the {} of the store URL", what));
    }
    out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
    i += 2;
  }
  return out;
}

Result<Endpoint> ParseEndpoint(std::string_view s, std::string_view what) {
  Endpoint e;
  size_t colon = s.rfind(':');
  std::string_view port;
  if (colon == std::string_view::npos) {
    e.host = s;
  } else {
    e.host = s.substr(0, colon);
    port = s.substr(colon + 1);
  }
  if (e.host.empty()) return Status::InvalidArgument(fmt::format("{}: no host", what));
  for (char c : e.host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') {
      return Status::InvalidArgument(fmt::format("{}: bad host '{}'", what, e.host));
    }
  }
  if (colon != std::string_view::npos) {
    int p = 0;
    for (char c : port) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || p > 65535) {
        p = -1;
        break;
      }
      p = p * 10 + (c - '0');
    }
    if (port.empty() || p <= 0 || p > 65535) {
      return Status::InvalidArgument(fmt::format("{}: bad port '{}'", what, port));
    }
    e.port = p;
  }
  return e;
}

Status SetParam(std::string_view key, std::string_view value, StoreUrl* u) {
  if (key == "cluster") {
    if (!ValidName(value)) {
      return Status::InvalidArgument(fmt::format("store URL: bad cluster name '{}'", value));
    }
    u->cluster = value;
  } else if (key == "user") {
    ASSIGN_OR_RETURN(u->user, Unescape(value, "user"));
  } else if (key == "password") {
    ASSIGN_OR_RETURN(u->password, Unescape(value, "password"));
  } else if (key == "shards") {
    u->shards.clear();
    size_t start = 0;
    while (start <= value.size()) {
      size_t comma = value.find(',', start);
      if (comma == std::string_view::npos) comma = value.size();
      ASSIGN_OR_RETURN(Endpoint e,
                       ParseEndpoint(value.substr(start, comma - start), "store URL shards"));
      u->shards.push_back(e);
      start = comma + 1;
    }
  } else {
    return Status::InvalidArgument(fmt::format(
        "store URL: unknown parameter '{}' (expected cluster, user, password, shards)", key));
  }
  return Status::Ok();
}

}  // namespace

bool IsClickHouseUrl(std::string_view store) { return store.starts_with(kScheme); }

Result<StoreUrl> ParseStoreUrl(std::string_view url) {
  if (!IsClickHouseUrl(url)) {
    return Status::InvalidArgument("store URL: expected clickhouse://HOST:PORT/DB");
  }
  std::string_view rest = url.substr(kScheme.size());
  std::string_view query;
  if (size_t q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string_view path;
  if (size_t slash = rest.find('/'); slash != std::string_view::npos) {
    path = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  if (rest.find('@') != std::string_view::npos) {
    return Status::InvalidArgument(
        "store URL: put credentials in ?user=U&password=P, not before the host");
  }
  StoreUrl u;
  ASSIGN_OR_RETURN(u.entry, ParseEndpoint(rest, "store URL"));
  u.database = path.empty() ? "entente" : std::string(path);
  if (!ValidName(u.database)) {
    return Status::InvalidArgument(
        fmt::format("store URL: bad database name '{}' (letters, digits, _)", u.database));
  }
  while (!query.empty()) {
    std::string_view kv = CutAt(&query, '&');
    if (kv.empty()) continue;
    size_t eq = kv.find('=');
    if (eq == std::string_view::npos) {
      return Status::InvalidArgument(
          fmt::format("store URL: parameter '{}' has no value", kv.substr(0, 40)));
    }
    RETURN_IF_ERROR(SetParam(kv.substr(0, eq), kv.substr(eq + 1), &u));
  }
  return u;
}

std::string StoreUrl::Describe() const {
  std::string out = fmt::format("clickhouse://{}:{}/{}", entry.host, entry.port, database);
  char sep = '?';
  auto add = [&](std::string_view k, std::string_view v) {
    out += fmt::format("{}{}={}", sep, k, v);
    sep = '&';
  };
  if (!cluster.empty()) add("cluster", cluster);
  if (!user.empty()) add("user", user);
  return out;
}

}  // namespace entente::clickhouse
