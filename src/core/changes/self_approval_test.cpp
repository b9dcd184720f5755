#include "core/changes/self_approval.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

TEST(SelfApproval, TheDefaultRefusesCoreApplicationsInProdOnly) {
  App core_app, edge_app;
  core_app.level = AppLevel::kCore;
  edge_app.level = AppLevel::kEdge;
  const auto policy = SelfApproval::kRefusedInCoreProd;
  EXPECT_TRUE(RefusesSelfApproval(policy, core_app, "prod"));
  EXPECT_FALSE(RefusesSelfApproval(policy, core_app, "test"));
  EXPECT_FALSE(RefusesSelfApproval(policy, edge_app, "prod"));
  EXPECT_TRUE(RefusesSelfApproval(SelfApproval::kRefused, edge_app, "test"));
  EXPECT_FALSE(RefusesSelfApproval(SelfApproval::kAllowed, core_app, "prod"));
}

TEST(SelfApproval, NamesRoundTrip) {
  for (auto policy :
       {SelfApproval::kRefusedInCoreProd, SelfApproval::kRefused, SelfApproval::kAllowed}) {
    EXPECT_EQ(ParseSelfApproval(SelfApprovalName(policy)), policy);
  }
  EXPECT_FALSE(ParseSelfApproval("sometimes"));
}

}  // namespace
}  // namespace slipway::core
