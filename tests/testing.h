// Helpers for tests: where the shared reference data is (tests that need it skip with a message
// when it is absent), scratch directories, and running the built `entente` binary.
#ifndef ENTENTE_TESTS_TESTING_H_
#define ENTENTE_TESTS_TESTING_H_

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace entente::testing {

// ../shared/data/<relative>, or nullopt when the shared data is not there.
std::optional<std::string> SharedData(const std::string& relative);

// Skips the current test with a message when ../shared/data/<relative> is absent; else binds the
// path.
#define ENTENTE_REQUIRE_SHARED(var, relative)                                        \
  std::string var;                                                                   \
  do {                                                                               \
    auto _p = ::entente::testing::SharedData(relative);                              \
    if (!_p) GTEST_SKIP() << "shared data not found: ../shared/data/" << (relative); \
    var = *_p;                                                                       \
  } while (0)

// The project's source directory (for golden files under tests/golden).
std::string SourceDir();

// A fresh empty directory, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string ReadFileOrDie(const std::string& path);
void WriteFileOrDie(const std::string& path, const std::string& bytes);

// The lines of `text`, without their newlines.
std::vector<std::string> Lines(const std::string& text);

// The fields of one line of a table, split at `sep` (empty fields kept).
std::vector<std::string> Fields(const std::string& line, char sep = '\t');

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// The binary the Run functions run: $ENTENTE_BINARY, else the one this build made.
std::string EntenteBinary();

// Runs the built binary with `args` (no shell), feeding `stdin_text`; captures stdout and stderr.
RunResult RunEntente(const std::vector<std::string>& args, const std::string& stdin_text = "");

// The same with stderr on a pseudo-terminal in raw mode, so the binary sees a terminal there
// (isatty) and draws what it draws for people; `err` holds the bytes as written, "\r" and all.
// stdin is empty and stdout a file, as in RunEntente.
RunResult RunEntenteOnTerminal(const std::vector<std::string>& args);

}  // namespace entente::testing

#endif  // ENTENTE_TESTS_TESTING_H_
