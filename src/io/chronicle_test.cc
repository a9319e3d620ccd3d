#include "io/chronicle.h"

#include <gtest/gtest.h>

#include "core/embedded.h"
#include "io/reject_sinks.h"

namespace entente::io {
namespace {

TEST(Chronicle, EmbeddedLoadsWithZeroRejects) {
  MemoryRejectSink rejects;
  Result<std::vector<Event>> events = LoadEmbeddedChronicle(&rejects);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  for (const Reject& r : rejects.rejects()) ADD_FAILURE() << r.ToString();
  if (EmbeddedFilesUnder("chronicle/").empty()) GTEST_SKIP() << "no chronicle embedded";
  ASSERT_FALSE(events->empty());
  int pak_rus = 0;
  for (size_t i = 0; i < events->size(); ++i) {
    const Event& e = (*events)[i];
    EXPECT_EQ(e.dataset, "chronicle");
    EXPECT_FALSE(e.code.empty()) << e.id;
    EXPECT_GE(e.quad, 1) << e.id << " " << e.code;
    if (i > 0) {
      EXPECT_LE((*events)[i - 1].date, e.date);
    }
    std::string a = e.source.country, b = e.target.country;
    pak_rus += (a == "PAK" && b == "RUS") || (a == "RUS" && b == "PAK");
  }
  EXPECT_GT(pak_rus, 0);
}

}  // namespace
}  // namespace entente::io
