// The dashboard's page files, compiled into the binary (web/), with their content types.
#ifndef ENTENTE_SERVER_WEB_ASSETS_H_
#define ENTENTE_SERVER_WEB_ASSETS_H_

#include <string_view>

namespace entente::server {

// The embedded page file `name` ("index.html", "app.js", "style.css", "palette.js"...) and its
// content type; empty when there is no such file.
std::string_view WebAsset(std::string_view name, std::string_view* content_type);

}  // namespace entente::server

#endif  // ENTENTE_SERVER_WEB_ASSETS_H_
