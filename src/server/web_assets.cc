#include "server/web_assets.h"

#include <optional>

#include "core/embedded.h"
#include "report/palette.h"

namespace entente::server {

std::string_view WebAsset(std::string_view name, std::string_view* content_type) {
  std::optional<std::string_view> bytes = FindEmbedded(WebFiles(), name);
  if (name == "palette.js") bytes = report::palette::PaletteJs();
  if (!bytes) return {};
  if (name.ends_with(".html")) {
    *content_type = "text/html; charset=utf-8";
  } else if (name.ends_with(".js")) {
    *content_type = "text/javascript; charset=utf-8";
  } else if (name.ends_with(".css")) {
    *content_type = "text/css; charset=utf-8";
  } else if (name.ends_with(".svg")) {
    *content_type = "image/svg+xml";
  } else {
    *content_type = "application/octet-stream";
  }
  return *bytes;
}

}  // namespace entente::server
