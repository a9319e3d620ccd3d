// The MANIFEST: which segment files make up the store at its last commit. It is the store's
// single point of truth: a segment not named here is a leftover of an ingest that died and is
// deleted by the next writer; a segment named here must exist and pass its checksums.
//
// Commit = write MANIFEST.tmp, fsync, rename over MANIFEST, fsync the directory (so it is atomic
// on POSIX file systems: a reader sees the old or the new manifest, never a mix). Text, so a
// person can read it; its last line is a CRC-32 of the lines above, so a torn or edited file is
// Corruption, not a smaller store. Format: docs/FORMAT.md ("MANIFEST").
#ifndef ENTENTE_STORE_MANIFEST_H_
#define ENTENTE_STORE_MANIFEST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "store/file_util.h"

namespace entente::store {

inline constexpr int kManifestVersion = 1;
inline constexpr char kManifestName[] = "MANIFEST";

struct SegmentInfo {
  std::string name;  // file name inside the store dir: seg-00000001.ens
  uint64_t rows = 0;
  uint64_t bytes = 0;
  Days min_date = 0, max_date = 0;
};

struct Manifest {
  uint64_t next_segment = 1;  // number for the next segment file
  std::vector<SegmentInfo> segments;

  uint64_t rows() const;
};

std::string SegmentFileName(uint64_t number);  // seg-00000001.ens
// The number in a SegmentFileName; 0 when `name` is not one.
uint64_t SegmentNumber(std::string_view name);
std::string EncodeManifest(const Manifest& m);
// `path` is for messages.
Result<Manifest> DecodeManifest(const std::string& path, const std::string& text);

// Reads dir/MANIFEST; an absent file is an empty store (ok, no segments) unless the directory holds
// segment files: then the MANIFEST was lost (Corruption, with how to recover).
Result<Manifest> ReadManifest(Env* env, const std::string& dir);
// How to rebuild a lost or damaged MANIFEST (Store::Recover), for messages.
std::string RecoverHint(const std::string& dir);
Status CommitManifest(Env* env, const std::string& dir, const Manifest& m,
                      AtomicWrite* what = nullptr);

}  // namespace entente::store

#endif  // ENTENTE_STORE_MANIFEST_H_
