// The download cache: where fetched GDELT files live, and the journal that remembers which of them
// were verified, so that a second fetch of the same range neither downloads nor re-hashes anything.
//
// Layout under the cache root (default $XDG_CACHE_HOME/entente/gdelt, else ~/.cache/entente/gdelt;
// see docs/FETCH.md):
//   v2/masterfilelist.txt        GDELT 2.0 master list, as downloaded
//   v2/masterfilelist.txt.url    the URL it came from (a list from a mirror is not GDELT's)
//   v1/md5sums, v1/filesizes     GDELT 1.0 lists (+ .url beside each)
//   vN/files/NAME                verified files, byte-for-byte as served
//   vN/files/NAME.part           a download in progress; resumed with a Range request
//   vN/quarantine/NAME           a file that failed its MD5 after every retry, kept for a look
//   vN/verified.tsv              the journal: NAME, size, MD5, mtime (ns) of each verified file
//
// The journal is append-only text, format version line first. A file counts as verified only
// while its size and mtime still match its journal line and its MD5 matches the list's; anything
// else is hashed again. Its bytes are described in docs/FETCH.md.
//
// Thread safety: Lookup() may be called from many threads once Load() has returned; Record() only
// from one thread at a time (the fetch coordinator).
#ifndef ENTENTE_FETCH_CACHE_H_
#define ENTENTE_FETCH_CACHE_H_

#include <cstdint>
#include <string>
#include <unordered_map>

#include "core/status.h"
#include "fetch/master_list.h"

namespace entente::fetch {

// $XDG_CACHE_HOME/entente/gdelt, else $HOME/.cache/entente/gdelt.
std::string DefaultCacheDir();

class FileCache {
 public:
  FileCache(std::string root, GdeltVersion version);

  // Creates the directories and reads the journal (a missing journal is an empty one).
  Status Load();

  std::string dir() const;  // root/vN
  std::string FilePath(const std::string& name) const { return dir() + "/files/" + name; }
  std::string PartPath(const std::string& name) const { return FilePath(name) + ".part"; }
  std::string QuarantinePath(const std::string& name) const {
    return dir() + "/quarantine/" + name;
  }
  std::string ListPath(const std::string& list_name) const { return dir() + "/" + list_name; }

  // True when files/NAME is there with the journal's size and mtime, and the journal's MD5 equals
  // `file.md5` (or the list gave none and the size matches).
  bool IsVerified(const RemoteFile& file) const;

  // Appends a journal line for files/NAME as it is now on disk.
  Status Record(const std::string& name, const std::string& md5);

 private:
  struct Entry {
    int64_t size = 0;
    std::string md5;
    int64_t mtime_ns = 0;
  };

  std::string root_;
  GdeltVersion version_;
  std::unordered_map<std::string, Entry> journal_;
};

// The size and modification time (ns since the epoch) of a file; false when it is absent.
bool StatFile(const std::string& path, int64_t* size, int64_t* mtime_ns);

}  // namespace entente::fetch

#endif  // ENTENTE_FETCH_CACHE_H_
