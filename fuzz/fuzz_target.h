// The one entry point every fuzz target defines (libFuzzer's), so that the same file builds as a
// real coverage-guided fuzzer under clang (-fsanitize=fuzzer) and as a replay-and-mutate test
// under any compiler (replay_main.cc).
#ifndef ENTENTE_FUZZ_FUZZ_TARGET_H_
#define ENTENTE_FUZZ_FUZZ_TARGET_H_

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

#endif  // ENTENTE_FUZZ_FUZZ_TARGET_H_
