#include "core/embedded.h"

namespace entente {

std::optional<std::string_view> FindEmbedded(const std::vector<EmbeddedEntry>& files,
                                             std::string_view path) {
  for (const EmbeddedEntry& e : files) {
    if (e.path == path) return e.bytes;
  }
  return std::nullopt;
}

std::optional<std::string_view> EmbeddedFile(std::string_view path) {
  return FindEmbedded(EmbeddedFiles(), path);
}

std::vector<EmbeddedEntry> EmbeddedFilesUnder(std::string_view prefix) {
  std::vector<EmbeddedEntry> out;
  for (const EmbeddedEntry& e : EmbeddedFiles()) {
    if (e.path.starts_with(prefix)) out.push_back(e);
  }
  return out;
}

}  // namespace entente
