// The bundled dictionaries, loaded once and shared by the coder tests (header-only, tests only).
#ifndef ENTENTE_CODER_TEST_DICTIONARY_H_
#define ENTENTE_CODER_TEST_DICTIONARY_H_

#include <gtest/gtest.h>

#include "coder/coder.h"

namespace entente::coder {

// Never freed: tests in any order, on any thread, may hold it to the end. A load failure fails
// the calling test and leaves an empty dictionary, so the tests that follow fail on their own.
inline const Dictionary& BundledDictionary() {
  static const Dictionary* d = [] {
    auto r = LoadDictionaries(DictionaryOptions{});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value().release() : new Dictionary();
  }();
  return *d;
}

}  // namespace entente::coder

#endif  // ENTENTE_CODER_TEST_DICTIONARY_H_
