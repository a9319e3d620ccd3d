// LoadDictionaries: which reader takes which file (see coder.h).
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "coder/coder.h"
#include "coder/dict_reader.h"
#include "coder/foreign_reader.h"
#include "core/embedded.h"
#include "core/words.h"

namespace entente::coder {
namespace {

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

ForeignKind ClassifyDictionaryFile(std::string_view name) {
  std::string n = AsciiLower(name);
  size_t slash = n.rfind('/');
  if (slash != std::string::npos) n = n.substr(slash + 1);
  if (EndsWith(n, ".dict")) return ForeignKind::kEntente;
  if (EndsWith(n, ".project")) return ForeignKind::kTabariProject;
  if (EndsWith(n, ".options")) return ForeignKind::kTabariOptions;
  if (EndsWith(n, ".verbs")) return ForeignKind::kTabariVerbs;
  if (EndsWith(n, ".actors")) return ForeignKind::kTabariActors;
  if (EndsWith(n, ".agents")) return ForeignKind::kTabariAgents;
  if (n.find("verbpatterns") != std::string::npos || n.find(".verbs.") != std::string::npos ||
      (n.rfind("cameo.2.0", 0) == 0 && n.find("unsorted") == std::string::npos)) {
    return ForeignKind::kPetrarchVerbs;
  }
  if (n.find(".actors.") != std::string::npos) return ForeignKind::kPetrarchActors;
  if (n.find("agents") != std::string::npos) return ForeignKind::kPetrarchAgents;
  return ForeignKind::kUnknown;
}

Status LoadDictionaryFile(const std::string& path, Dictionary* dict) {
  ForeignKind kind = ClassifyDictionaryFile(path);
  if (kind == ForeignKind::kUnknown) return Status::Ok();
  ASSIGN_OR_RETURN(std::string bytes, ReadWhole(path));
  switch (kind) {
    case ForeignKind::kEntente: return ReadEntenteDict(path, bytes, dict);
    case ForeignKind::kTabariProject: {
      std::string dir = path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/'));
      for (const std::string& f : TabariProjectFiles(bytes)) {
        std::string full = dir.empty() ? f : dir + "/" + f;
        struct stat st;
        if (stat(full.c_str(), &st) != 0) continue;  // listed but not shipped
        RETURN_IF_ERROR(LoadDictionaryFile(full, dict));
      }
      return Status::Ok();
    }
    default: return ReadForeignDict(kind, path, bytes, dict);
  }
}

Result<std::unique_ptr<Dictionary>> LoadDictionaries(const DictionaryOptions& options) {
  auto dict = std::make_unique<Dictionary>();
  std::optional<std::string_view> cues = EmbeddedFile("dict/cues.dict");
  if (!cues) return Status::NotFound("dict/cues.dict is not compiled into this binary");
  RETURN_IF_ERROR(ReadEntenteDict("dict/cues.dict", *cues, dict.get()));
  if (options.builtin) {
    for (const EmbeddedEntry& e : EmbeddedFilesUnder("dict/")) {
      if (!EndsWith(e.path, ".dict") || e.path == "dict/cues.dict") continue;
      RETURN_IF_ERROR(ReadEntenteDict(e.path, e.bytes, dict.get()));
    }
  }
  for (const std::string& dir : options.dirs) {
    struct stat st;
    if (stat(dir.c_str(), &st) != 0) return Status::NotFound(dir + ": no such file or directory");
    if (!S_ISDIR(st.st_mode)) {
      RETURN_IF_ERROR(LoadDictionaryFile(dir, dict.get()));
      continue;
    }
    std::vector<std::string> names;
    if (DIR* dp = opendir(dir.c_str())) {
      while (dirent* de = readdir(dp)) {
        std::string name = de->d_name;
        if (name != "." && name != "..") names.push_back(name);
      }
      closedir(dp);
    } else {
      return Status::IOError(dir + ": cannot list directory");
    }
    std::sort(names.begin(), names.end());
    // A TABARI .project names its own files; when one is present, let it choose.
    bool has_project = std::any_of(names.begin(), names.end(), [](const std::string& n) {
      return ClassifyDictionaryFile(n) == ForeignKind::kTabariProject;
    });
    for (const std::string& name : names) {
      ForeignKind k = ClassifyDictionaryFile(name);
      if (has_project && k != ForeignKind::kTabariProject && k != ForeignKind::kEntente) continue;
      RETURN_IF_ERROR(LoadDictionaryFile(dir + "/" + name, dict.get()));
    }
  }
  return dict;
}

}  // namespace entente::coder
