#include "core/builds/build.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

TEST(BuildLifecycle, EveryStateHasAStableName) {
  for (auto s : {BuildState::kQueued, BuildState::kRunning, BuildState::kSucceeded,
                 BuildState::kFailed, BuildState::kCancelled}) {
    EXPECT_EQ(ParseBuildState(BuildStateName(s)), s);
  }
  EXPECT_FALSE(ParseBuildState("done").has_value());
}

TEST(BuildLifecycle, OnlyQueuedAndRunningBuildsMove) {
  struct Case {
    BuildState from;
    BuildEvent event;
    std::optional<BuildState> to;
  };
  using S = BuildState;
  using E = BuildEvent;
  for (const auto& c : std::vector<Case>{
           {S::kQueued, E::kStarted, S::kRunning},
           {S::kQueued, E::kCancelled, S::kCancelled},
           {S::kQueued, E::kFailed, S::kFailed},
           {S::kQueued, E::kSucceeded,
            std::nullopt},  // success needs a running build and its digest
           {S::kRunning, E::kSucceeded, S::kSucceeded},
           {S::kRunning, E::kFailed, S::kFailed},
           {S::kRunning, E::kCancelled, S::kCancelled},
           {S::kRunning, E::kStarted, std::nullopt},
           {S::kSucceeded, E::kFailed, std::nullopt},
           {S::kFailed, E::kSucceeded, std::nullopt},
           {S::kCancelled, E::kStarted, std::nullopt},
       }) {
    auto next = NextBuildState(c.from, c.event);
    if (c.to) {
      ASSERT_TRUE(next.ok()) << BuildStateName(c.from) << " + " << BuildEventName(c.event);
      EXPECT_EQ(*next, *c.to);
    } else {
      ASSERT_FALSE(next.ok()) << BuildStateName(c.from) << " + " << BuildEventName(c.event);
      EXPECT_EQ(next.error().code, Code::kConflict);
    }
  }
}

TEST(BuildLifecycle, FinalStates) {
  EXPECT_FALSE(IsFinal(BuildState::kQueued));
  EXPECT_FALSE(IsFinal(BuildState::kRunning));
  EXPECT_TRUE(IsFinal(BuildState::kSucceeded));
  EXPECT_TRUE(IsFinal(BuildState::kFailed));
  EXPECT_TRUE(IsFinal(BuildState::kCancelled));
}

TEST(BuildActions, RunningBuildsCanBeCancelledEndedOnesDeleted) {
  Build b;
  b.state = BuildState::kRunning;
  auto running = ComputeBuildActions(b, true);
  EXPECT_TRUE(running.Allows("cancel"));
  EXPECT_FALSE(running.Allows("delete"));
  EXPECT_TRUE(running.ReasonFor("delete").has_value());

  b.state = BuildState::kFailed;
  auto ended = ComputeBuildActions(b, true);
  EXPECT_FALSE(ended.Allows("cancel"));
  EXPECT_TRUE(ended.Allows("delete"));
}

TEST(BuildActions, ACancelIsAskedOnceAndReadersMayDoNothing) {
  Build b;
  b.state = BuildState::kQueued;
  b.cancel_requested_by = "alice";
  EXPECT_FALSE(ComputeBuildActions(b, true).Allows("cancel"));

  b.cancel_requested_by.clear();
  auto reader = ComputeBuildActions(b, false);
  EXPECT_TRUE(reader.allowed.empty());
  EXPECT_EQ(reader.refused.size(), 2u);
}

TEST(BuildDuration, FromStartToEndOrNow) {
  Build b;
  EXPECT_FALSE(BuildDuration(b, 100).has_value());
  b.started_at = 1000;
  EXPECT_EQ(BuildDuration(b, 1500), 500);
  b.finished_at = 1200;
  EXPECT_EQ(BuildDuration(b, 9999), 200);
}

}  // namespace
}  // namespace slipway::core
