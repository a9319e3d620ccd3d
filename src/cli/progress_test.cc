#include "cli/progress.h"

#include <gtest/gtest.h>

namespace entente::cli {
namespace {

TEST(ProgressText, BarCountRateAndTimeLeft) {
  EXPECT_EQ(ProgressText(500000, 2000000, 2, "events"),
            "[======                  ]  25% 500.0k events  250.0k events/s  ETA 0:06");
  EXPECT_EQ(ProgressText(2000000, 2000000, 8, "rows", "  12.5 MB/s"),
            "[========================] 100% 2.0M rows  250.0k rows/s  12.5 MB/s  ETA 0:00");
}

TEST(ProgressText, WithoutATotalOnlyCountAndRate) {
  EXPECT_EQ(ProgressText(1500, 0, 1, "events"), "1.5k events  1.5k events/s");
}

TEST(ProgressText, TimeLeftUnknownAtTheStart) {
  EXPECT_NE(ProgressText(1, 1000000, 0.1, "rows").find("ETA --:--"), std::string::npos);
}

}  // namespace
}  // namespace entente::cli
