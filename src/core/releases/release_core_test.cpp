// Changes, canary plans and baselines: the pure parts of releasing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/changes/change.hpp"
#include "core/releases/baseline.hpp"
#include "core/releases/canary_plan.hpp"
#include "core/releases/release.hpp"

namespace slipway::core {
namespace {

namespace json = boost::json;
using S = ChangeState;
using E = ChangeEvent;

TEST(ChangeLifecycle, EveryAllowedTransition) {
  struct Row {
    S from;
    E event;
    bool approval;
    S to;
  };
  for (const auto& r :
       std::vector<Row>{{S::kDeveloping, E::kSubmit, false, S::kPendingRelease},
                        {S::kDeveloping, E::kSubmit, true, S::kApproving},
                        {S::kDeveloping, E::kClose, false, S::kClosed},
                        {S::kApproving, E::kApprove, false, S::kPendingRelease},
                        {S::kApproving, E::kReject, false, S::kDeveloping},
                        {S::kPendingRelease, E::kWithdraw, false, S::kDeveloping},
                        {S::kPendingRelease, E::kRelease, false, S::kReleasing},
                        {S::kReleasing, E::kSucceed, false, S::kReleased},
                        {S::kReleasing, E::kFail, false, S::kFailed},
                        {S::kDeveloping, E::kEnvironmentDeleted, false, S::kClosed},
                        {S::kApproving, E::kEnvironmentDeleted, false, S::kClosed},
                        {S::kPendingRelease, E::kEnvironmentDeleted, false, S::kClosed}}) {
    auto next = NextChangeState(r.from, r.event, r.approval);
    ASSERT_TRUE(next.ok()) << ChangeStateName(r.from) << " " << ChangeEventName(r.event);
    EXPECT_EQ(*next, r.to);
  }
}

TEST(ChangeLifecycle, EveryOtherTransitionIsAConflictNamingTheAllowedActions) {
  int refused = 0;
  for (auto from : {S::kDeveloping, S::kApproving, S::kClosed, S::kPendingRelease, S::kReleasing,
                    S::kReleased, S::kFailed}) {
    auto allowed = AllowedChangeEvents(from);
    for (auto event : {E::kSubmit, E::kApprove, E::kReject, E::kClose, E::kWithdraw, E::kRelease,
                       E::kSucceed, E::kFail}) {
      bool listed = std::find(allowed.begin(), allowed.end(), event) != allowed.end();
      auto next = NextChangeState(from, event, false);
      EXPECT_EQ(next.ok(), listed) << ChangeStateName(from) << " " << ChangeEventName(event);
      if (!next.ok()) {
        ++refused;
        EXPECT_EQ(next.error().code, Code::kConflict);
        EXPECT_EQ(next.error().details.at("state").as_string(), ChangeStateName(from));
        EXPECT_EQ(next.error().details.at("allowed_actions").as_array().size(), allowed.size());
      }
    }
  }
  EXPECT_EQ(refused, 7 * 8 - 8);  // 8 (state, event) pairs are allowed
  // Closed, released and failed changes are final.
  EXPECT_TRUE(AllowedChangeEvents(S::kClosed).empty());
  EXPECT_TRUE(AllowedChangeEvents(S::kReleased).empty());
  EXPECT_TRUE(AllowedChangeEvents(S::kFailed).empty());
  EXPECT_TRUE(ChangeEditable(S::kDeveloping));
  EXPECT_FALSE(ChangeEditable(S::kPendingRelease));
}

TEST(ChangeLifecycle, DeletingTheEnvironmentClosesOnlyOpenChangesAndIsNeverOffered) {
  for (auto from : {S::kDeveloping, S::kApproving, S::kClosed, S::kPendingRelease, S::kReleasing,
                    S::kReleased, S::kFailed}) {
    EXPECT_EQ(NextChangeState(from, E::kEnvironmentDeleted, false).ok(), ChangeOpen(from))
        << ChangeStateName(from);
    auto allowed = AllowedChangeEvents(from);
    EXPECT_EQ(std::find(allowed.begin(), allowed.end(), E::kEnvironmentDeleted), allowed.end());
  }
}

TEST(ChangeNames, RoundTrip) {
  for (auto t : {ChangeType::kCode, ChangeType::kScale, ChangeType::kEnvResource}) {
    EXPECT_EQ(ParseChangeType(ChangeTypeName(t)), t);
  }
  EXPECT_FALSE(ParseChangeType("hotfix"));
  EXPECT_EQ(ParseChangeState("pending_release"), S::kPendingRelease);
  EXPECT_EQ(ParseReleaseState("canary"), ReleaseState::kCanary);
  EXPECT_EQ(ReleaseActions(ReleaseState::kCanary, ReleaseStrategy::kCanary),
            (std::vector<std::string>{"promote", "promote_all", "abort"}));
  EXPECT_EQ(ReleaseActions(ReleaseState::kReleasing, ReleaseStrategy::kCanary),
            (std::vector<std::string>{"abort"}));
  EXPECT_EQ(ReleaseActions(ReleaseState::kFailed, ReleaseStrategy::kOneShot),
            (std::vector<std::string>{"rollback"}));
}

TEST(CanaryPlan, PercentagesRoundUpAndPodsAlwaysAddUp) {
  CanaryPlanSpec spec;
  spec.steps = {{std::nullopt, 10, PauseKind::kManual, 0},
                {std::nullopt, 50, PauseKind::kTimed, 30'000},
                {std::nullopt, 100, PauseKind::kNone, 0}};
  auto steps = PlanCanary(10, spec);
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].canary, 1);  // 10 % of 10
  EXPECT_EQ(steps[1].canary, 5);
  EXPECT_EQ(steps[2].canary, 9);  // never the whole: the final step does that
  for (const auto& s : steps) EXPECT_EQ(s.canary + s.stable, 10);
  EXPECT_EQ(PlanCanary(3, spec)[0].canary, 1);  // ceil(0.3)
  EXPECT_EQ(PlanCanary(3, spec)[1].canary, 2);  // ceil(1.5)
  EXPECT_EQ(PlanCanary(3, spec).size(), 2u);    // 100 % → 2, not growing: dropped
  EXPECT_TRUE(PlanCanary(1, spec).empty());
}

TEST(CanaryPlan, DefaultIsOnePodThenHalfWithPromotions) {
  auto steps = PlanCanary(4, DefaultCanaryPlan());
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].canary, 1);
  EXPECT_EQ(steps[1].canary, 2);
  EXPECT_EQ(steps[0].pause, PauseKind::kManual);
}

TEST(CanaryPlan, EveryStepCarriesTheStabilityWindow) {
  auto spec = DefaultCanaryPlan();
  spec.stability_window_ms = 7'000;
  for (const auto& s : PlanCanary(4, spec)) EXPECT_EQ(s.stability_window_ms, 7'000);
}

TEST(CanaryPlan, JsonRoundTripAndValidation) {
  auto spec =
      ParseCanaryPlan(json::parse(R"({"steps":[{"pods":2,"pause":{"seconds":30}},{"percent":50}],
                                             "stability_window_seconds":5})")
                          .as_object());
  ASSERT_TRUE(spec.ok()) << spec.error().message;
  EXPECT_EQ(spec->steps[0].pause_ms, 30'000);
  EXPECT_EQ(spec->steps[1].pause, PauseKind::kManual);
  auto again = ParseCanaryPlan(CanaryPlanToJson(*spec));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(json::serialize(CanaryPlanToJson(*again)), json::serialize(CanaryPlanToJson(*spec)));
  for (const char* bad :
       {R"({"steps":[]})", R"({"steps":[{"pods":1,"percent":5}]})", R"({"steps":[{}]})",
        R"({"steps":[{"percent":101}]})", R"({"steps":[{"pods":1,"pause":"later"}]})",
        R"({"steps":[{"pods":1}],"window":3})"}) {
    EXPECT_FALSE(ParseCanaryPlan(json::parse(bad).as_object()).ok()) << bad;
  }
}

TEST(BaselineDiff, MatchesNamedEntriesByName) {
  EnvSpec a;
  a.replicas = 2;
  a.env = {{"A", "1"}, {"B", "2"}};
  EnvSpec b = a;
  b.replicas = 3;
  b.env = {{"B", "2"}, {"A", "1"}, {"C", "3"}};  // reordered, one added
  b.resources.memory_limit = "1Gi";
  auto diff = DiffBaselines(BaselineContent("r/app:1", "sha256:1", a),
                            BaselineContent("r/app:2", "sha256:2", b));
  std::vector<std::string> paths;
  for (const auto& d : diff) paths.push_back(d.path);
  EXPECT_EQ(paths,
            (std::vector<std::string>{"image", "image_digest", "resources.env[C]",
                                      "resources.replicas", "resources.resources.memory_limit"}));
  EXPECT_TRUE(diff[2].before.is_null());
  EXPECT_EQ(diff[3].before.as_int64(), 2);
  EXPECT_EQ(diff[3].after.as_int64(), 3);
  EXPECT_TRUE(DiffBaselines(BaselineContent("x:1", "", a), BaselineContent("x:1", "", a)).empty());
}

}  // namespace
}  // namespace slipway::core
