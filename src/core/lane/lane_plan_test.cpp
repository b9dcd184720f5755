#include "core/lane/lane_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace slipway::core {
namespace {

bool Has(const std::vector<PlannedArtefact>& plan, const std::string& system,
         const std::string& kind, const std::string& name) {
  return std::any_of(plan.begin(), plan.end(), [&](const PlannedArtefact& a) {
    return a.system == system && a.kind == kind && a.name == name;
  });
}

TEST(LanePlan, NamesEveryArtefactInEverySystem) {
  LanePlanInput in;
  in.lane = "Pay_Q3";
  in.suffix = "example.com";
  in.hook_url = "https://slipway/hooks/gitlab";
  in.apps.push_back({.app = "order",
                     .project = "team/order",
                     .default_branch = "main",
                     .base_job = "team/order-build",
                     .config_backend = "consul",
                     .base_config = "config/order/qa/c1",
                     .services = {"order"},
                     .domains = {"web", "app"},
                     .rewrites = {{"app.properties", "url", "url=web-qa.example.com",
                                   "url=web-pay-q3.example.com"}}});
  in.apps.push_back({.app = "pay",
                     .project = "team/pay",
                     .default_branch = "master",
                     .base_job = "team/pay-build",
                     .config_backend = "apollo",
                     .base_config = "default",
                     .services = {"pay"}});
  in.fallbacks = {{"user", "user.qa.svc.cluster.local"}};
  auto plan = PlanLane(in);
  EXPECT_TRUE(Has(plan, "kubernetes", "namespace", "pay-q3"));
  EXPECT_TRUE(Has(plan, "jenkins", "folder", "Pay_Q3"));
  EXPECT_TRUE(Has(plan, "gitlab", "branch", "team/order@feature/Pay_Q3"));
  EXPECT_TRUE(Has(plan, "consul", "config-branch", "feature-pay-q3"));
  EXPECT_TRUE(Has(plan, "consul", "config-rewrite", "app.properties: url"));
  EXPECT_TRUE(Has(plan, "apollo", "config-cluster", "feature-pay-q3"));
  EXPECT_TRUE(Has(plan, "jenkins", "job", "Pay_Q3/pay"));
  EXPECT_TRUE(Has(plan, "gitlab", "hook", "team/pay"));
  EXPECT_TRUE(Has(plan, "kubernetes", "deployment", "pay-q3/order"));
  EXPECT_TRUE(Has(plan, "kubernetes", "service", "pay-q3/pay"));
  EXPECT_TRUE(Has(plan, "kubernetes", "ingress", "pay-q3/order-app"));
  EXPECT_TRUE(Has(plan, "dns", "record", "web-pay-q3.example.com"));
  EXPECT_TRUE(Has(plan, "kubernetes", "fallback-service", "pay-q3/user"));
  EXPECT_FALSE(Has(plan, "dns", "record", "web-pay-q3.example.com."));
  EXPECT_EQ(std::count_if(plan.begin(), plan.end(), [](auto& a) { return a.kind == "record"; }), 2);
}

}  // namespace
}  // namespace slipway::core
