#include "fetch/curl_api.h"

#include "core/shared_library.h"

namespace entente::fetch {
namespace {

constexpr const char* kSoname = "libcurl.so.4";

Result<CurlApi> Load() {
  ASSIGN_OR_RETURN(void* lib, OpenSharedLibrary(kSoname, "the Debian package libcurl4"));
  CurlApi a{};
  decltype(&::curl_global_init) global_init = nullptr;
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_global_init", &global_init));
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_easy_init", &a.easy_init));
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_easy_cleanup", &a.easy_cleanup));
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_easy_reset", &a.easy_reset));
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_easy_setopt", &a.easy_setopt));
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_easy_getinfo", &a.easy_getinfo));
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_easy_perform", &a.easy_perform));
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_easy_strerror", &a.easy_strerror));
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_easy_escape", &a.easy_escape));
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_free", &a.free));
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_slist_append", &a.slist_append));
  RETURN_IF_ERROR(BindSymbol(lib, kSoname, "curl_slist_free_all", &a.slist_free_all));
  if (CURLcode rc = global_init(CURL_GLOBAL_DEFAULT); rc != CURLE_OK) {
    return Status::Network(std::string("libcurl failed to initialise (code ") +
                           std::to_string(static_cast<int>(rc)) + ")");
  }
  return a;
}

}  // namespace

Result<const CurlApi*> Curl() {
  static const Result<CurlApi> api = Load();  // thread-safe static initialisation
  if (!api.ok()) return api.status();
  return &api.value();
}

}  // namespace entente::fetch
