#include "connectors/kubernetes/rollout_math.hpp"

#include <gtest/gtest.h>

namespace slipway::connectors::kube {

namespace json = boost::json;
namespace {

TEST(ScaledValue, PercentRoundsAsKubernetes) {
  json::value quarter("25%");
  EXPECT_EQ(ScaledValue(&quarter, 10, true, 0), 3);   // surge rounds up
  EXPECT_EQ(ScaledValue(&quarter, 10, false, 0), 2);  // unavailable rounds down
  EXPECT_EQ(ScaledValue(&quarter, 1, true, 0), 1);
  EXPECT_EQ(ScaledValue(&quarter, 1, false, 0), 0);
  json::value two(2);
  EXPECT_EQ(ScaledValue(&two, 10, true, 0), 2);
  json::value bad("x%");
  EXPECT_EQ(ScaledValue(&bad, 10, true, 7), 7);
  EXPECT_EQ(ScaledValue(nullptr, 10, true, 5), 5);
}

TEST(ResolveFenceposts, DefaultsAndBothZero) {
  auto f = ResolveFenceposts(nullptr, nullptr, 4);
  EXPECT_EQ(f.max_surge, 1);
  EXPECT_EQ(f.max_unavailable, 1);
  f = ResolveFenceposts(nullptr, nullptr, 1);
  EXPECT_EQ(f.max_surge, 1);
  EXPECT_EQ(f.max_unavailable, 0);
  json::value zero(0);
  f = ResolveFenceposts(&zero, &zero, 3);
  EXPECT_EQ(f.max_surge, 0);
  EXPECT_EQ(f.max_unavailable, 1);  // so that the rollout can make progress
}

TEST(NewReplicasForRollingUpdate, GrowsUpToSurge) {
  // 4 replicas, surge 1: old RS has 4, new 0 → new may have 1.
  EXPECT_EQ(NewReplicasForRollingUpdate(4, 1, 4, 0), 1);
  // Already at replicas+surge: no growth.
  EXPECT_EQ(NewReplicasForRollingUpdate(4, 1, 5, 1), 1);
  // Old scaled down to 2, new has 1: room for 2 more.
  EXPECT_EQ(NewReplicasForRollingUpdate(4, 1, 3, 1), 3);
  // Never beyond replicas.
  EXPECT_EQ(NewReplicasForRollingUpdate(4, 10, 0, 0), 4);
}

TEST(ScaleDownOldReplicaSets, KeepsMinimumAvailable) {
  // 4 replicas, maxUnavailable 1; old 4 available, new 1 not yet available.
  EXPECT_EQ(ScaleDownOldReplicaSets(4, 1, {{4, 4}}, {1, 0}), std::vector<int>({3}));
  // New pod became available: old can go to 2 (3 available old+new ≥ 3 kept).
  EXPECT_EQ(ScaleDownOldReplicaSets(4, 1, {{3, 3}}, {2, 1}), std::vector<int>({2}));
  // maxUnavailable 0 and nothing new available: nothing goes.
  EXPECT_EQ(ScaleDownOldReplicaSets(2, 0, {{2, 2}}, {1, 0}), std::vector<int>({2}));
  // Unhealthy old pods are removed first, oldest RS first.
  EXPECT_EQ(ScaleDownOldReplicaSets(3, 0, {{2, 0}, {3, 3}}, {1, 0}), std::vector<int>({0, 3}));
  // Nothing old: nothing to do.
  EXPECT_EQ(ScaleDownOldReplicaSets(3, 1, {{0, 0}}, {3, 3}), std::vector<int>({0}));
}

TEST(PodTemplateHash, StableAndKeyOrderIndependent) {
  auto a = json::parse(
      R"({"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"web:1"}]}})");
  auto b = json::parse(
      R"({"spec":{"containers":[{"image":"web:1","name":"web"}]},"metadata":{"labels":{"app":"web"}}})");
  EXPECT_EQ(PodTemplateHash(a, 0), PodTemplateHash(b, 0));
  // A fixed value: the hash must not change between runs or builds.
  EXPECT_EQ(PodTemplateHash(a, 0), PodTemplateHash(json::parse(json::serialize(a)), 0));
  std::string h = PodTemplateHash(a, 0);
  EXPECT_GE(h.size(), 6u);
  EXPECT_LE(h.size(), 10u);
  EXPECT_EQ(h.find_first_not_of("bcdfghjklmnpqrstvwxz2456789"), std::string::npos);
  auto c = json::parse(
      R"({"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"web:2"}]}})");
  EXPECT_NE(PodTemplateHash(a, 0), PodTemplateHash(c, 0));
  EXPECT_NE(PodTemplateHash(a, 0), PodTemplateHash(a, 1));  // collisionCount changes it
}

TEST(PodTemplateHash, KnownValue) {
  // FNV-32a("{}") = 1415952421, its digits through the safe alphabet. Pinned:
  // a changed algorithm would rename every ReplicaSet after an upgrade.
  EXPECT_EQ(PodTemplateHash(json::object(), 0), "5859f96865");
}

}  // namespace
}  // namespace slipway::connectors::kube
