// Getting GDELT's file lists into the cache and reading the files of a date range from them.
// A cached list younger than the refresh age is used as it is (the 2.0 master list is over 100 MB
// and grows by three lines every 15 minutes; downloading it for every fetch would cost more than
// most fetches). An older one is revalidated with If-Modified-Since, so an unchanged list costs one
// round trip. When the server cannot be reached, a stale cached list is still used, with a note;
// only with no list at all does the fetch fail.
#ifndef ENTENTE_FETCH_FILE_LISTS_H_
#define ENTENTE_FETCH_FILE_LISTS_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "fetch/cache.h"
#include "fetch/http_client.h"
#include "fetch/master_list.h"

namespace entente::fetch {

struct ListRequest {
  GdeltVersion version = GdeltVersion::kV2;
  std::string base_url;  // ends with '/'
  Days from = 0, to = 0;
  int max_age_minutes = 60;
};

struct ListReport {
  std::vector<std::string> notes;       // "using the cached master list (2 h old): HTTP 503"
  std::vector<std::string> downloaded;  // list names fetched or revalidated this run
  ListStats stats;
};

// The names of the lists a version needs: {"masterfilelist.txt"} or {"md5sums", "filesizes"}.
std::vector<std::string> ListNames(GdeltVersion version);

Result<std::vector<RemoteFile>> LoadFileList(const ListRequest& request, const FileCache& cache,
                                             HttpClient* http, ListReport* report);

}  // namespace entente::fetch

#endif  // ENTENTE_FETCH_FILE_LISTS_H_
