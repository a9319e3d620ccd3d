// The API's request and answer types, shared by the router (api.h), the endpoints and the cache.
#ifndef ENTENTE_SERVER_API_TYPES_H_
#define ENTENTE_SERVER_API_TYPES_H_

#include <functional>
#include <map>
#include <string>

namespace entente::server {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

using Params = std::multimap<std::string, std::string>;

// Asked now and then while a request computes: true once its client has disconnected, so the
// work can stop. Empty: the client is assumed to wait.
using ClientGone = std::function<bool()>;

}  // namespace entente::server

#endif  // ENTENTE_SERVER_API_TYPES_H_
