// Files from data/ compiled into the binary (see cmake/embed.cmake), so that the codebook, the
// chronicle and the coder's dictionaries work on a fresh machine with nothing installed beside the
// binary. The bytes live in .rodata for the life of the process.
#ifndef ENTENTE_CORE_EMBEDDED_H_
#define ENTENTE_CORE_EMBEDDED_H_

#include <optional>
#include <string_view>
#include <vector>

namespace entente {

struct EmbeddedEntry {
  std::string_view path;  // relative to data/, e.g. "cameo/eventcodes.tsv"
  std::string_view bytes;
};

// Every embedded file of data/, sorted by path.
const std::vector<EmbeddedEntry>& EmbeddedFiles();

// Every file of web/ (the dashboard, the report's style), sorted by path; defined only in
// binaries that link the report library.
const std::vector<EmbeddedEntry>& WebFiles();

// The bytes of the file at `path` among `files`, or nullopt.
std::optional<std::string_view> FindEmbedded(const std::vector<EmbeddedEntry>& files,
                                             std::string_view path);

// The bytes of one embedded file of data/, or nullopt when no such file was compiled in.
std::optional<std::string_view> EmbeddedFile(std::string_view path);

// Every embedded file whose path starts with `prefix` (e.g. "chronicle/").
std::vector<EmbeddedEntry> EmbeddedFilesUnder(std::string_view prefix);

}  // namespace entente

#endif  // ENTENTE_CORE_EMBEDDED_H_
