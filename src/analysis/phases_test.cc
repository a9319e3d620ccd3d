// FindPhases on hand-made dyads: a change in tone is found on every signal; a change only in the
// kind of relation (same tone, same volume, a new sector mix) is found with --signal sectors and
// not without it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
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

// Ten years of talk, then ten years in which a third of the events are protests.
VectorEventSource ToneShift() {
  std::vector<Event> ev;
  for (int y = 2000; y < 2020; ++y) {
    for (int k = 0; k < 6; ++k) {
      std::string date = std::to_string(y) + "-0" + std::to_string(k + 1) + "-10";
      bool protest = y >= 2010 && k < 2;
      ev.push_back(protest ? MakeEvent(date, "PAKGOV", "RUSGOV", "111", 3, -2.0f)
                           : MakeEvent(date, "PAKGOV", "RUSGOV", "042", 1, 1.9f));
    }
  }
  return VectorEventSource("tone", ev);
}

// A turn's support is its gain over the penalty; the same change under a penalty too high to pay
// is the phase's weaker turn, at the same place with the same gain.
TEST(PhasesTest, ATurnTooDearToPayIsAWeakerTurn) {
  VectorEventSource src = ToneShift();
  PhaseOptions po;
  Result<PhaseResult> found = FindPhases(src, "PAK", "RUS", SeriesOptions{}, po);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(Starts(*found), (std::vector<std::string>{"2000", "2010"}));
  const Phase& turn = found->phases[1];
  EXPECT_TRUE(std::isnan(found->phases[0].support));
  EXPECT_GE(turn.support, 1);
  EXPECT_NEAR(turn.support, turn.gain / found->penalty, 1e-12);
  // Each half is uniform: nothing left to split.
  EXPECT_TRUE(found->weaker_turns.empty());
  EXPECT_NEAR(found->weaker_threshold, 2 * 3, 1e-12);  // two means and the location

  po.penalty = Penalty{PenaltyKind::kManual, 2 * turn.gain};
  Result<PhaseResult> dear = FindPhases(src, "PAK", "RUS", SeriesOptions{}, po);
  ASSERT_TRUE(dear.ok());
  ASSERT_EQ(Starts(*dear), (std::vector<std::string>{"2000"}));
  ASSERT_EQ(dear->weaker_turns.size(), 1u);
  const WeakerTurn& w = dear->weaker_turns[0];
  EXPECT_EQ(w.label, "2010");
  EXPECT_NEAR(w.gain, turn.gain, 1e-9 * turn.gain);
  EXPECT_NEAR(w.support, 0.5, 1e-9);
  EXPECT_DOUBLE_EQ(w.net_coop_before, 1.0);
  EXPECT_NEAR(w.net_coop_after, 1.0 / 3, 1e-12);
  EXPECT_EQ(w.events_before, 60);
  EXPECT_EQ(w.events_after, 60);
}

// On noisy sparse dyads with planted changes: every turn found pays its penalty (support >= 1),
// every weaker turn passes AIC's penalty and not the one used, sits strictly inside a phase and
// splits that phase's events.
TEST(PhasesTest, SupportSeparatesTurnsFromWeakerTurns) {
  std::mt19937 rng(20261127);
  int weaker_seen = 0, turns_seen = 0;
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<Event> ev;
    double level = 0.5;
    for (int y = 1950; y < 2020; ++y) {
      if (std::uniform_real_distribution<double>(0, 1)(rng) < 0.08) {
        level = std::uniform_real_distribution<double>(-0.8, 0.95)(rng);
      }
      int n = std::uniform_int_distribution<int>(0, 9)(rng);
      for (int k = 0; k < n; ++k) {
        bool coop = std::uniform_real_distribution<double>(-1, 1)(rng) < level;
        std::string date = std::to_string(y) + "-0" + std::to_string(k % 9 + 1) + "-11";
        ev.push_back(coop ? MakeEvent(date, "PAKGOV", "RUSGOV", "042", 1, 1.9f)
                          : MakeEvent(date, "PAKGOV", "RUSGOV", "111", 3, -2.0f));
      }
    }
    VectorEventSource src("random", ev);
    Result<PhaseResult> r = FindPhases(src, "PAK", "RUS", SeriesOptions{}, PhaseOptions{});
    ASSERT_TRUE(r.ok());
    for (size_t j = 1; j < r->phases.size(); ++j) {
      EXPECT_GE(r->phases[j].support, 1 - 1e-9) << trial << " " << r->phases[j].start_label;
      ++turns_seen;
    }
    for (const WeakerTurn& w : r->weaker_turns) {
      ++weaker_seen;
      EXPECT_GE(w.gain, r->weaker_threshold) << trial;
      EXPECT_LE(w.support, 1 + 1e-9) << trial;
      auto inside = std::find_if(r->phases.begin(), r->phases.end(), [&](const Phase& p) {
        return p.start_label < w.label && w.label <= p.end_label;
      });
      ASSERT_NE(inside, r->phases.end()) << trial << " " << w.label;
      EXPECT_EQ(w.events_before + w.events_after, inside->events) << trial;
      EXPECT_GT(w.events_before, 0);
      EXPECT_GT(w.events_after, 0);
    }
  }
  // The seeds exercise both (not a check of the method's power).
  EXPECT_GT(turns_seen, 20);
  EXPECT_GT(weaker_seen, 5);
}

// PAK-RUS is half of what PAK does every year but 2010 (no PAK-RUS event) and 2011 (a few): on
// the intensity signal those two years are a phase, and it keeps both years although the first
// has no events of the dyad (no phase shorter than --min-length).
TEST(PhasesTest, IntensityPhasesKeepTheMinimumLength) {
  std::vector<Event> ev;
  for (int y = 2000; y < 2020; ++y) {
    int dyad = y == 2010 ? 0 : y == 2011 ? 2 : 20;
    int others = y == 2010 || y == 2011 ? 40 : 20;
    std::string day = std::to_string(y) + "-03-10";
    for (int k = 0; k < dyad; ++k) ev.push_back(MakeEvent(day, "PAKGOV", "RUSGOV", "042", 1, 1.9f));
    for (int k = 0; k < others; ++k)
      ev.push_back(MakeEvent(day, "PAKGOV", "USAGOV", "042", 1, 1.9f));
  }
  VectorEventSource src("intensity", ev);
  PhaseOptions po;
  po.signal = PhaseSignal::kIntensity;
  po.min_length = 2;
  Result<PhaseResult> r = FindPhases(src, "PAK", "RUS", SeriesOptions{}, po);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Starts(*r), (std::vector<std::string>{"2000", "2010", "2012"}));
  for (const Phase& p : r->phases) EXPECT_GE(p.periods, po.min_length) << p.start_label;
}

TEST(PhasesTest, ParseSignal) {
  EXPECT_EQ(*ParsePhaseSignal("sectors"), PhaseSignal::kSectors);
  EXPECT_EQ(*ParsePhaseSignal("volume"), PhaseSignal::kVolume);
  EXPECT_EQ(*ParsePhaseSignal("tone"), PhaseSignal::kCoop);
  EXPECT_EQ(*ParsePhaseSignal("density"), PhaseSignal::kDensity);
  EXPECT_EQ(*ParsePhaseSignal("kind"), PhaseSignal::kKind);
  EXPECT_EQ(ParsePhaseSignal("mood").status().message(),
            "bad signal 'mood': expected coop (or tone), volume, intensity, sectors, density or "
            "kind");
}

}  // namespace
}  // namespace entente::analysis
