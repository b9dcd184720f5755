#include "core/releases/canary_progress.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace slipway::core {
namespace {

using P = CanaryPhase;
using E = CanaryEvent;

struct Case {
  const char* name;
  int step;
  P from;
  E event;
  int plan_size;
  bool applies;
  P to;
  int next_step;
};

class CanaryProgressTable : public ::testing::TestWithParam<Case> {};

TEST_P(CanaryProgressTable, MovesAlongTheTableOrRefusesAndChangesNothing) {
  const Case& c = GetParam();
  CanaryProgress p;
  p.step = c.step;
  p.phase = c.from;
  p.ready_since = 5;
  EXPECT_EQ(ApplyCanaryEvent(p, c.event, c.plan_size), c.applies);
  EXPECT_EQ(p.phase, c.to);
  EXPECT_EQ(p.step, c.next_step);
  if (c.applies && c.to == P::kSettle) {
    EXPECT_FALSE(p.ready_since) << "a new step watches its pods afresh";
  }
  if (!c.applies) {
    EXPECT_EQ(p.ready_since, 5);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Canary, CanaryProgressTable,
    ::testing::Values(
        Case{"ScaledSettles", 0, P::kScale, E::kScaled, 2, true, P::kSettle, 0},
        Case{"StableIsPaused", 0, P::kSettle, E::kStable, 2, true, P::kPaused, 0},
        Case{"StepDoneScalesTheNextStep", 0, P::kPaused, E::kStepDone, 2, true, P::kScale, 1},
        Case{"LastStepDoneGoesFinal", 1, P::kPaused, E::kStepDone, 2, true, P::kFinal, 1},
        Case{"PromotedAllSkipsTheRest", 0, P::kPaused, E::kPromotedAll, 3, true, P::kFinal, 0},
        Case{"PromotionAppliedWaitsForTheRollout", 1, P::kFinal, E::kPromotionApplied, 2, true,
             P::kFinalWait, 1},
        Case{"APromotionWhileScalingIsNotAStep", 0, P::kScale, E::kStepDone, 2, false, P::kScale,
             0},
        Case{"NotStableBeforeScaled", 0, P::kScale, E::kStable, 2, false, P::kScale, 0},
        Case{"NothingAfterFinalWait", 1, P::kFinalWait, E::kPromotedAll, 2, false, P::kFinalWait,
             1}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(CanaryProgress, EveryPhaseHasANameThatReadsBack) {
  for (const auto& t : CanaryTransitions()) {
    for (auto phase : {t.from, t.to}) EXPECT_EQ(ParseCanaryPhase(CanaryPhaseName(phase)), phase);
  }
  EXPECT_FALSE(ParseCanaryPhase("warp"));
}

TEST(CanaryProgress, RoundTripsThroughTheStepScratchAndLeavesOtherKeysAlone) {
  CanaryProgress p;
  p.step = 2;
  p.phase = P::kPaused;
  p.ready_since = 1'234;
  p.restarts = 3;
  p.pause_until = 9'999;
  p.seen_operation = 7;
  p.done = {{1, "1 new + 3 old pods were stable"}, {2, "2 new + 2 old pods were stable"}};
  boost::json::object scratch{{"shown", "waiting"}, {"outage", boost::json::object{{"since", 1}}}};
  WriteCanaryProgress(p, scratch);
  EXPECT_EQ(scratch.at("shown").as_string(), "waiting");
  EXPECT_TRUE(scratch.contains("outage"));
  const auto back = ReadCanaryProgress(scratch);
  EXPECT_EQ(back.step, 2);
  EXPECT_EQ(back.phase, P::kPaused);
  EXPECT_EQ(back.ready_since, 1'234);
  EXPECT_EQ(back.restarts, 3);
  EXPECT_EQ(back.pause_until, 9'999);
  EXPECT_EQ(back.seen_operation, 7);
  EXPECT_EQ(back.done, p.done);
}

TEST(CanaryProgress, ReadsTheScratchOfAReleaseStartedBeforeItExisted) {
  // What DeployCanary kept before the progress was typed: same keys.
  const auto old =
      boost::json::parse(
          R"({"i":1,"phase":"settle","ready_since":50,"restarts":0,"seen_op":4,"done_1":"1 new + 3 old pods were stable","shown_idx":2})")
          .as_object();
  const auto p = ReadCanaryProgress(old);
  EXPECT_EQ(p.step, 1);
  EXPECT_EQ(p.phase, P::kSettle);
  EXPECT_EQ(p.ready_since, 50);
  EXPECT_EQ(p.restarts, 0);
  EXPECT_EQ(p.seen_operation, 4);
  EXPECT_EQ(p.done.size(), 1u);
  const auto fresh = ReadCanaryProgress({});
  EXPECT_EQ(fresh.phase, P::kScale);
  EXPECT_EQ(fresh.step, 0);
  EXPECT_FALSE(fresh.ready_since);
}

}  // namespace
}  // namespace slipway::core
