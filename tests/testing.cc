#include "testing.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace entente::testing {

std::optional<std::string> SharedData(const std::string& relative) {
  const char* env = std::getenv("ENTENTE_SHARED_DATA");
  std::string base = env && *env ? env : ENTENTE_TEST_SHARED_DATA;
  std::string path = base + "/" + relative;
  if (!std::filesystem::exists(path)) return std::nullopt;
  return path;
}

std::string SourceDir() {
  const char* env = std::getenv("ENTENTE_SOURCE_DIR");
  return env && *env ? env : ENTENTE_TEST_SOURCE_DIR;
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "entente-test-XXXXXX").string();
  char* p = mkdtemp(tmpl.data());
  if (!p) std::abort();
  path_ = p;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::vector<std::string> Fields(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFileOrDie(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) ADD_FAILURE() << "cannot write " << path;
}

std::string EntenteBinary() {
  const char* bin = std::getenv("ENTENTE_BINARY");
  return bin && *bin ? bin : ENTENTE_TEST_BINARY;
}

namespace {

// In a forked child: stdin and stdout from files, stderr to `err_fd`, then the binary with `args`.
[[noreturn]] void ExecEntente(const std::vector<std::string>& args, const std::string& in_path,
                              const std::string& out_path, int err_fd) {
  std::string binary = EntenteBinary();
  int in = open(in_path.c_str(), O_RDONLY);
  int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(in, 0);
  dup2(out, 1);
  dup2(err_fd, 2);
  std::vector<char*> argv;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(binary.c_str(), argv.data());
  _exit(127);
}

int WaitExitCode(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// A pseudo-terminal pair; the slave in raw mode, so bytes pass as written (no "\n" -> "\r\n").
// Both -1 on failure.
std::pair<int, int> OpenRawPty() {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
    if (master >= 0) close(master);
    return {-1, -1};
  }
  int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
  termios raw;
  if (slave < 0 || tcgetattr(slave, &raw) != 0) {
    close(master);
    if (slave >= 0) close(slave);
    return {-1, -1};
  }
  cfmakeraw(&raw);
  tcsetattr(slave, TCSANOW, &raw);
  return {master, slave};
}

}  // namespace

RunResult RunEntente(const std::vector<std::string>& args, const std::string& stdin_text) {
  RunResult r;
  TempDir tmp;
  std::string in_path = tmp.File("stdin"), out_path = tmp.File("stdout"),
              err_path = tmp.File("stderr");
  WriteFileOrDie(in_path, stdin_text);
  pid_t pid = fork();
  if (pid == 0) {
    ExecEntente(args, in_path, out_path,
                open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644));
  }
  r.exit_code = WaitExitCode(pid);
  r.out = ReadFileOrDie(out_path);
  r.err = ReadFileOrDie(err_path);
  return r;
}

RunResult RunEntenteOnTerminal(const std::vector<std::string>& args) {
  RunResult r;
  auto [master, slave] = OpenRawPty();
  if (master < 0) {
    ADD_FAILURE() << "cannot open a pseudo-terminal";
    return r;
  }
  TempDir tmp;
  std::string in_path = tmp.File("stdin"), out_path = tmp.File("stdout");
  WriteFileOrDie(in_path, "");
  pid_t pid = fork();
  if (pid == 0) {
    close(master);
    ExecEntente(args, in_path, out_path, slave);
  }
  // Read while the child runs (a full terminal buffer would block it); with the last slave closed
  // the read fails (EIO), which is the end of the output.
  close(slave);
  char buf[4096];
  for (ssize_t n; (n = read(master, buf, sizeof buf)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    r.err.append(buf, static_cast<size_t>(n));
  }
  close(master);
  r.exit_code = WaitExitCode(pid);
  r.out = ReadFileOrDie(out_path);
  return r;
}

}  // namespace entente::testing
