#include "core/lane/lane_render.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace slipway::core {
namespace {

Lane TestLane() {
  Lane lane;
  lane.name = "Pay_Q3";
  lane.namespace_name = "pay-q3";
  lane.coloring.producers = {"order"};
  lane.coloring.consumers = {{"pay", "order.created", "pay-svc"}};
  return lane;
}

std::string Var(const std::vector<EnvVar>& vars, const std::string& name) {
  for (const auto& v : vars) {
    if (v.name == name) return v.value;
  }
  return "<absent>";
}

TEST(LaneRender, ProducersAreColoredAndConsumersGetTheLaneGroup) {
  auto order = LaneVariables(TestLane(), "order", kConsulPathVariable,
                             "slipway/config/order/feature-pay-q3/c1");
  EXPECT_EQ(Var(order, kLaneVariable), "pay-q3");
  EXPECT_EQ(Var(order, kLaneColorVariable), "pay-q3");
  EXPECT_EQ(Var(order, kConsulPathVariable), "slipway/config/order/feature-pay-q3/c1");
  auto pay = LaneVariables(TestLane(), "pay", kApolloClusterVariable, "feature-pay-q3");
  EXPECT_EQ(Var(pay, kLaneColorVariable), "<absent>") << "default: the lane produces uncolored";
  EXPECT_EQ(Var(pay, "SLIPWAY_CONSUMER_GROUP_ORDER_CREATED"), "pay-svc-pay-q3");
  EXPECT_EQ(Var(pay, kApolloClusterVariable), "feature-pay-q3");
}

TEST(LaneRender, OverridesReplaceTheBaseAndInjectedVariablesWin) {
  EnvSpec base;
  base.replicas = 3;
  base.env = {{"MODE", "qa"}, {"SLIPWAY_LANE", "spoofed"}, {"KEEP", "1"}};
  LaneAppSpec overrides{.app = "order", .replicas = 1, .env = {{"MODE", "lane"}, {"NEW", "x"}}};
  auto spec = LaneSpec(base, overrides, {{"SLIPWAY_LANE", "pay-q3"}});
  EXPECT_EQ(spec.replicas, 1);
  EXPECT_EQ(Var(spec.env, "MODE"), "lane");
  EXPECT_EQ(Var(spec.env, "KEEP"), "1");
  EXPECT_EQ(Var(spec.env, "NEW"), "x");
  EXPECT_EQ(Var(spec.env, "SLIPWAY_LANE"), "pay-q3");
}

TEST(LaneRender, ObjectsLiveInTheLaneNamespaceWithTheLaneLabel) {
  auto lane = TestLane();
  auto in = LaneRenderInput(lane, {.app = "order", .base_env_id = 4}, "r/order:1", {});
  EXPECT_EQ(in.namespace_name, "pay-q3");
  EXPECT_EQ(in.env_type, "pay-q3") << "selectors must not reach QA's pods";
  auto ingress = RenderLaneIngress(lane, "order", "web", "web-pay-q3.example.com", "order", 80);
  EXPECT_EQ(boost::json::serialize(ingress.at("metadata").at("name")), "\"order-web\"");
  EXPECT_EQ(ingress.at("spec").at("rules").at(0).at("host").as_string(), "web-pay-q3.example.com");
  EXPECT_EQ(ingress.at("metadata").at("labels").at(kLaneLabel).as_string(), "pay-q3");
  auto fallback = RenderFallbackService(lane, "user", ClusterServiceHost("user", "qa"));
  EXPECT_EQ(fallback.at("spec").at("type").as_string(), "ExternalName");
  EXPECT_EQ(fallback.at("spec").at("externalName").as_string(), "user.qa.svc.cluster.local");
  EXPECT_FALSE(fallback.at("spec").as_object().contains("selector"));
}

}  // namespace
}  // namespace slipway::core
