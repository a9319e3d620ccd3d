// The driver a fuzz target links when it is not built with -fsanitize=fuzzer (any compiler, and
// so in CI's Release and ASan+UBSan builds): it runs the target on every file named (files, or
// directories of files), then on a fixed number of mutants of each, made by a seeded generator,
// so a run is repeatable. It finds far less than libFuzzer's coverage-guided search, but it
// keeps the targets compiling and replays the corpus and every past crash on each commit.
//
//   replay_fuzz_target [--mutations N] [--seed S] [--max-len BYTES] PATH...
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_target.h"

namespace {

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Run(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

// One random edit of the kinds that break parsers: flipped bits, bytes set to delimiters and
// control characters, cut ends, repeated and spliced chunks.
std::string Mutate(std::string s, const std::string& other, std::mt19937_64& rng, size_t max_len) {
  auto pick = [&](size_t n) { return n == 0 ? 0 : static_cast<size_t>(rng() % n); };
  static const char kSpecial[] = {'\t', '\n', '\r', '\0', '"', ',', '-',    '.',    '{',   '}',
                                  '[',  ']',  '\\', ':',  ' ', '9', '\xff', '\xc3', '\x80'};
  int edits = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < edits; ++i) {
    switch (rng() % 7) {
      case 0:
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << (rng() % 8));
        break;
      case 1:
        if (!s.empty()) s[pick(s.size())] = kSpecial[pick(sizeof(kSpecial))];
        break;
      case 2: s.resize(pick(s.size() + 1)); break;
      case 3:
        if (!s.empty()) s.erase(pick(s.size()), 1 + pick(16));
        break;
      case 4: {
        size_t at = pick(s.size() + 1);
        s.insert(at, std::string(1 + pick(8), kSpecial[pick(sizeof(kSpecial))]));
        break;
      }
      case 5:
        if (!s.empty()) {
          size_t from = pick(s.size());
          size_t len = std::min(s.size() - from, 1 + pick(256));
          s.insert(pick(s.size() + 1), s.substr(from, len));
        }
        break;
      case 6:
        if (!other.empty()) {
          size_t from = pick(other.size());
          s.insert(pick(s.size() + 1), other.substr(from, 1 + pick(512)));
        }
        break;
    }
  }
  if (s.size() > max_len) s.resize(max_len);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  long mutations = 200;
  uint64_t seed = 1;
  size_t max_len = 1 << 20;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* flag) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", flag);
        std::exit(2);
      }
      return std::strtoull(argv[++i], nullptr, 10);
    };
    if (a == "--mutations") {
      mutations = static_cast<long>(value("--mutations"));
    } else if (a == "--seed") {
      seed = value("--seed");
    } else if (a == "--max-len") {
      max_len = value("--max-len");
    } else if (std::filesystem::is_directory(a)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(a)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else if (std::filesystem::is_regular_file(a)) {
      files.push_back(a);
    } else {
      std::fprintf(stderr, "%s: no such file or directory (skipped)\n", a.c_str());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "no inputs\n");
    return 2;
  }
  std::vector<std::string> inputs;
  for (const auto& f : files) {
    std::string s = ReadAll(f);
    if (s.size() > max_len) s.resize(max_len);
    inputs.push_back(std::move(s));
  }
  std::mt19937_64 rng(seed);
  long runs = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    Run(inputs[i]);
    ++runs;
    const std::string& other = inputs[(i + 1) % inputs.size()];
    for (long m = 0; m < mutations; ++m, ++runs) Run(Mutate(inputs[i], other, rng, max_len));
  }
  std::printf("%zu inputs, %ld runs, no crash\n", inputs.size(), runs);
  return 0;
}
