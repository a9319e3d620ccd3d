// FindPhases on hand-made dyads: a change in tone is found on every signal; a change only in the
// kind of relation (same tone, same volume, a new sector mix) is found with --signal sectors and
// not without it.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "analysis/test_events.h"

namespace entente::analysis {
namespace {

using testing::MakeEvent;

// Twenty years of PAK-RUS events, six a year, all cooperative: until `turn` the relation is talk
// (diplomacy, Goldstein 1.9), from `turn` on two thirds of it is defence (Goldstein
// `defence_goldstein`).
VectorEventSource KindShift(int first, int turn, int last, float defence_goldstein = 1.9f) {
  std::vector<Event> ev;
  for (int y = first; y <= last; ++y) {
    for (int k = 0; k < 6; ++k) {
      std::string date = std::to_string(y) + "-0" + std::to_string(k + 1) + "-15";
      bool defence = y >= turn && k < 4;
      Event e = MakeEvent(date, "PAKGOV", "RUSGOV", "042", 1, defence ? defence_goldstein : 1.9f);
      e.sector = defence ? "defence" : "diplomacy";
      ev.push_back(e);
    }
  }
  return VectorEventSource("kind", ev);
}

std::vector<std::string> Starts(const PhaseResult& r) {
  std::vector<std::string> out;
  for (const Phase& p : r.phases) out.push_back(p.start_label);
  return out;
}

TEST(PhasesTest, ChangeInKindNeedsTheSectorSignal) {
  VectorEventSource src = KindShift(2000, 2010, 2019);
  SeriesOptions so;
  PhaseOptions po;
  Result<PhaseResult> plain = FindPhases(src, "PAK", "RUS", so, po);  // default: kCoop
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(Starts(*plain), (std::vector<std::string>{"2000"}));
  po.signal = PhaseSignal::kVolume;
  Result<PhaseResult> volume = FindPhases(src, "PAK", "RUS", so, po);
  ASSERT_TRUE(volume.ok());
  EXPECT_EQ(Starts(*volume), (std::vector<std::string>{"2000"}));
  po.signal = PhaseSignal::kSectors;
  Result<PhaseResult> kind = FindPhases(src, "PAK", "RUS", so, po);
  ASSERT_TRUE(kind.ok());
  EXPECT_EQ(Starts(*kind), (std::vector<std::string>{"2000", "2010"}));
  // Six sector shares, five free, plus two cooperation means and the volume: BIC charges
  // (8 + 1) ln n per change, n = 20 observed years; the volume signal (2 + 1 + 1) ln n, the
  // cooperation means alone (2 + 1) ln n.
  EXPECT_NEAR(kind->penalty, 9 * std::log(20.0), 1e-9);
  EXPECT_NEAR(volume->penalty, 4 * std::log(20.0), 1e-9);
  EXPECT_NEAR(plain->penalty, 3 * std::log(20.0), 1e-9);
}

// A turn in kind whose mean Goldstein is a little lower while every event stays cooperative: no
// event pushes "down", and the turn still lists its most salient events.
TEST(PhasesTest, TurnInKindKeepsItsEvidence) {
  VectorEventSource src = KindShift(2000, 2010, 2019, 1.0f);
  SeriesOptions so;
  PhaseOptions po;
  po.signal = PhaseSignal::kSectors;
  Result<PhaseResult> r = FindPhases(src, "PAK", "RUS", so, po);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(Starts(*r), (std::vector<std::string>{"2000", "2010"}));
  const Phase& after = r->phases[1];
  EXPECT_LT(after.goldstein_mean, r->phases[0].goldstein_mean);
  ASSERT_EQ(after.turning_events.size(), 3u);
  for (const KeyEvent& k : after.turning_events) EXPECT_EQ(k.event.quad, 1);
}

TEST(PhasesTest, SectorSignalKeepsToneChanges) {
  // Cordial talk for ten years, then ten years of protests: a turn on every signal.
  std::vector<Event> ev;
  for (int y = 2000; y < 2020; ++y) {
    for (int k = 0; k < 5; ++k) {
      std::string date = std::to_string(y) + "-0" + std::to_string(k + 1) + "-10";
      ev.push_back(y < 2010 ? MakeEvent(date, "PAKGOV", "RUSGOV", "042", 1, 1.9f)
                            : MakeEvent(date, "PAKGOV", "RUSGOV", "111", 3, -2.0f));
    }
  }
  VectorEventSource src("tone", ev);
  for (PhaseSignal signal : {PhaseSignal::kCoop, PhaseSignal::kVolume, PhaseSignal::kSectors}) {
    PhaseOptions po;
    po.signal = signal;
    Result<PhaseResult> r = FindPhases(src, "PAK", "RUS", SeriesOptions{}, po);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(Starts(*r), (std::vector<std::string>{"2000", "2010"})) << static_cast<int>(signal);
  }
}

TEST(PhasesTest, ParseSignal) {
  EXPECT_EQ(*ParsePhaseSignal("sectors"), PhaseSignal::kSectors);
  EXPECT_EQ(*ParsePhaseSignal("volume"), PhaseSignal::kVolume);
  EXPECT_FALSE(ParsePhaseSignal("kind").ok());
}

}  // namespace
}  // namespace entente::analysis
