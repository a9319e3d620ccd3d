// GDELT's file lists, parsed: which event files exist, their size and MD5, and which days each
// covers. Fetch reads these lists instead of guessing file names, because GDELT has gaps (missed
// 15-minute batches, lost days) and the lists are the only statement of what should be there.
//
// GDELT 2.0 publishes one master list, gdeltv2/masterfilelist.txt, a line "SIZE MD5 URL" for each
// 15-minute export, mentions and gkg file since 2015-02-18 23:00 (about 1.2 million lines, over
// 100 MB); we keep only the event exports, YYYYMMDDHHMMSS.export.CSV.zip. GDELT 1.0 publishes two
// lists in events/: `md5sums` ("MD5  NAME", md5sum's format) and `filesizes` ("SIZE NAME"); its
// files are yearly YYYY.zip (1979-2005), monthly YYYYMM.zip (2006-01 to 2013-03) and daily
// YYYYMMDD.export.CSV.zip (from 2013-04-01). Other names in the lists (gkg, mentions, the reduced
// master file) are skipped. Lines that do not parse are counted, never fatal: one bad line in a
// 100 MB list must not stop a fetch.
//
// A 2.0 file is placed on the UTC day of its batch time stamp (its DATEADDED), not on the dates of
// the events inside, which may be up to a year older; a 1.0 file covers its day, month or year.
#ifndef ENTENTE_FETCH_MASTER_LIST_H_
#define ENTENTE_FETCH_MASTER_LIST_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace entente::fetch {

enum class GdeltVersion { kV1 = 1, kV2 = 2 };

struct RemoteFile {
  std::string name;   // "20180101000000.export.CSV.zip", "201005.zip"
  std::string url;    // where it is fetched from
  int64_t size = -1;  // bytes; -1 when the lists do not say
  std::string md5;    // 32 lower-case hex digits; "" when the lists do not say
  Days first = 0;     // first and last day the file covers, inclusive
  Days last = 0;
};

// The days a GDELT event file name covers; false for names that are not event exports of that
// version (mentions, gkg, translation streams, unknown names).
bool CoverageOfName(GdeltVersion version, std::string_view name, Days* first, Days* last);

struct ListStats {
  int64_t lines = 0;      // non-blank lines read
  int64_t exports = 0;    // event export entries in the list (any date)
  int64_t malformed = 0;  // lines that did not parse
};

// Collects the export files of a list that overlap [from, to], in name order (which is time
// order). File URLs are `base_url` + the file name, so a mirror serves them in place of GDELT.
class FileListBuilder {
 public:
  FileListBuilder(GdeltVersion version, std::string base_url, Days from, Days to);

  // GDELT 2.0 masterfilelist.txt: "SIZE MD5 URL".
  void AddMasterListLine(std::string_view line);
  // GDELT 1.0 `md5sums` ("MD5  NAME") and `filesizes` ("SIZE NAME"), in either order.
  void AddMd5sumsLine(std::string_view line);
  void AddFilesizesLine(std::string_view line);

  // The selected files, sorted by name. For 1.0, a file named by only one of the two lists keeps
  // size -1 or md5 "" and is checked on what is known.
  std::vector<RemoteFile> Finish();
  const ListStats& stats() const { return stats_; }

 private:
  RemoteFile* Entry(std::string_view name);  // null when the name is not selected

  GdeltVersion version_;
  std::string base_url_;  // ends with '/'
  Days from_, to_;
  std::vector<RemoteFile> files_;
  std::unordered_map<std::string, size_t> index_;  // name -> position in files_
  ListStats stats_;
};

// Calls `fn` on each line of a text file (without the newline; CR stripped).
Status ForEachLineInFile(const std::string& path, const std::function<void(std::string_view)>& fn);

// The default base URLs: GDELT's own servers.
std::string_view DefaultBaseUrl(GdeltVersion version);

}  // namespace entente::fetch

#endif  // ENTENTE_FETCH_MASTER_LIST_H_
