#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "connectors/kubernetes.hpp"

namespace slipway::connectors {
namespace {

struct RolloutCase {
  const char* name;
  const char* deployment;  // JSON
  bool done;
  bool failed;
  const char* message;
};

void PrintTo(const RolloutCase& c, std::ostream* os) { *os << c.name; }

class EvaluateRolloutTest : public ::testing::TestWithParam<RolloutCase> {};

TEST_P(EvaluateRolloutTest, MatchesKubectl) {
  const auto& c = GetParam();
  auto status = EvaluateRollout(boost::json::parse(c.deployment).as_object());
  EXPECT_EQ(status.done, c.done);
  EXPECT_EQ(status.failed, c.failed);
  EXPECT_EQ(status.message, c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Table, EvaluateRolloutTest,
    ::testing::Values(
        RolloutCase{"SpecNotObserved",
                    R"({"metadata":{"name":"web","generation":3},"spec":{"replicas":2},
                        "status":{"observedGeneration":2,"replicas":2,"updatedReplicas":2,"availableReplicas":2}})",
                    false, false, "Waiting for deployment spec update to be observed..."},
        RolloutCase{"NoStatusYet",
                    R"({"metadata":{"name":"web","generation":1},"spec":{"replicas":2}})", false,
                    false, "Waiting for deployment spec update to be observed..."},
        RolloutCase{"DeadlineExceeded",
                    R"({"metadata":{"name":"web","generation":2},"spec":{"replicas":2},
                        "status":{"observedGeneration":2,"replicas":3,"updatedReplicas":1,"availableReplicas":2,
                        "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"},
                          {"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded"}]}})",
                    false, true, "deployment \"web\" exceeded its progress deadline"},
        RolloutCase{"DeadlineCheckedBeforeCounts",
                    R"({"metadata":{"name":"web","generation":2},"spec":{"replicas":1},
                        "status":{"observedGeneration":2,"replicas":1,"updatedReplicas":1,"availableReplicas":1,
                        "conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded"}]}})",
                    false, true, "deployment \"web\" exceeded its progress deadline"},
        RolloutCase{"UpdatedBehind",
                    R"({"metadata":{"name":"web","generation":2},"spec":{"replicas":3},
                        "status":{"observedGeneration":2,"replicas":4,"updatedReplicas":1,"availableReplicas":3,
                        "conditions":[{"type":"Progressing","status":"True","reason":"ReplicaSetUpdated"}]}})",
                    false, false,
                    "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas "
                    "have been updated..."},
        RolloutCase{"OldPendingTermination",
                    R"({"metadata":{"name":"web","generation":2},"spec":{"replicas":3},
                        "status":{"observedGeneration":2,"replicas":4,"updatedReplicas":3,"availableReplicas":3}})",
                    false, false,
                    "Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending "
                    "termination..."},
        RolloutCase{"NotYetAvailable",
                    R"({"metadata":{"name":"web","generation":2},"spec":{"replicas":3},
                        "status":{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"availableReplicas":1}})",
                    false, false,
                    "Waiting for deployment \"web\" rollout to finish: 1 of 3 updated replicas are "
                    "available..."},
        RolloutCase{"ImagePullBackOffNeverAvailable",
                    R"({"metadata":{"name":"web","generation":1},"spec":{"replicas":2},
                        "status":{"observedGeneration":1,"replicas":2,"updatedReplicas":2,"unavailableReplicas":2}})",
                    false, false,
                    "Waiting for deployment \"web\" rollout to finish: 0 of 2 updated replicas are "
                    "available..."},
        RolloutCase{"Done",
                    R"({"metadata":{"name":"web","generation":5},"spec":{"replicas":3},
                        "status":{"observedGeneration":5,"replicas":3,"updatedReplicas":3,"readyReplicas":3,"availableReplicas":3,
                        "conditions":[{"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable"}]}})",
                    true, false, "deployment \"web\" successfully rolled out"},
        RolloutCase{"ScaledToZero",
                    R"({"metadata":{"name":"web","generation":2},"spec":{"replicas":0},
                        "status":{"observedGeneration":2}})",
                    true, false, "deployment \"web\" successfully rolled out"},
        RolloutCase{"ReplicasUnsetSkipsStepThree",
                    R"({"metadata":{"name":"web","generation":1},"spec":{},
                        "status":{"observedGeneration":1}})",
                    true, false, "deployment \"web\" successfully rolled out"},
        RolloutCase{"ObservedAheadCountsAsObserved",
                    R"({"metadata":{"name":"web","generation":1},"spec":{"replicas":1},
                        "status":{"observedGeneration":2,"replicas":1,"updatedReplicas":1,"availableReplicas":1}})",
                    true, false, "deployment \"web\" successfully rolled out"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(EvaluateRolloutCounts, CopiesTheCounters) {
  auto s = EvaluateRollout(boost::json::parse(
                               R"({"metadata":{"name":"w","generation":1},"spec":{"replicas":4},
      "status":{"observedGeneration":1,"replicas":5,"updatedReplicas":4,"readyReplicas":3,"availableReplicas":2}})")
                               .as_object());
  EXPECT_EQ(s.replicas, 4);
  EXPECT_EQ(s.total, 5);
  EXPECT_EQ(s.updated, 4);
  EXPECT_EQ(s.ready, 3);
  EXPECT_EQ(s.available, 2);
}

}  // namespace
}  // namespace slipway::connectors
