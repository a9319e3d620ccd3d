// The part of libcurl entente uses, opened on first use (core/shared_library.h says why).
#ifndef ENTENTE_FETCH_CURL_API_H_
#define ENTENTE_FETCH_CURL_API_H_

#include <curl/curl.h>

#include "core/status.h"

namespace entente::fetch {

struct CurlApi {
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_reset) easy_reset;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_perform) easy_perform;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_easy_escape) easy_escape;
  decltype(&::curl_free) free;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
};

// libcurl with curl_global_init done, or why it cannot be loaded. Thread-safe; loads once.
Result<const CurlApi*> Curl();

}  // namespace entente::fetch

#endif  // ENTENTE_FETCH_CURL_API_H_
