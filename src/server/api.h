// The dashboard's JSON API, separate from the HTTP server so it can be tested without sockets:
// Handle() takes a path and query parameters and returns a status, a content type and a body.
// Every analysis endpoint calls the same analysis API and the same JSON forms
// (report/report_json.h) as `entente report --format json`; docs/REPORT.md lists the endpoints.
//
// Errors are JSON too: {"error": {"code": "invalid_argument", "message": "..."}} with 400 for bad
// input (unknown actor shape, bad period, bad number), 404 for an unknown path or a dyad with no
// events, 500 for anything else.
//
// Thread safety: Handle() may be called from many threads (httplib's pool); calls on the event
// source are serialised by a mutex inside, since an EventSource serves one thread at a time.
#ifndef ENTENTE_SERVER_API_H_
#define ENTENTE_SERVER_API_H_

#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "core/event_source.h"
#include "io/chronicle.h"

namespace entente::server {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

using Params = std::multimap<std::string, std::string>;

class Api {
 public:
  // REQUIRES: `source` outlives the Api.
  explicit Api(EventSource* source);

  // Routes /api/<name> (info, dyad, phases, key-events, sectors, compare, scan, report) and
  // /report.html (the HTML report of ?a=&b=). Anything else: 404 JSON.
  ApiResponse Handle(std::string_view path, const Params& params);

 private:
  EventSource* source_;
  // Asked per request, of the source itself: a live source (cli OpenLiveSource) moves from the
  // chronicle to the store.
  bool IsChronicle() const { return source_->Describe() == io::kEmbeddedChronicleName; }
  std::mutex mu_;  // guards *source_
};

}  // namespace entente::server

#endif  // ENTENTE_SERVER_API_H_
