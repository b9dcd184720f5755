#include "cli/env_policy_request.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "cli/failure.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

TEST(CliEnvPolicy, StepNotation) {
  EXPECT_EQ(json::serialize(PolicyStep("1")), R"({"pods":1,"pause":"manual"})");
  EXPECT_EQ(json::serialize(PolicyStep("50%")), R"({"percent":50,"pause":"manual"})");
  EXPECT_EQ(json::serialize(PolicyStep("2:none")), R"({"pods":2,"pause":"none"})");
  EXPECT_EQ(json::serialize(PolicyStep("25%:300")), R"({"percent":25,"pause":{"seconds":300}})");
  for (const char* bad : {"", "%", "a", "-1", "1:later", "1:", "50%%", "1234567890"}) {
    EXPECT_THROW(PolicyStep(bad), Failure) << bad;
  }
}

TEST(CliEnvPolicy, FlagsChangeOnlyWhatTheyName) {
  const auto current = json::parse(R"({"strategy":"one_shot","canary":{"steps":[{"pods":1,
      "pause":"manual"}],"stability_window_seconds":10},"auto_rollback":false,
      "approval_required":true})")
                           .as_object();
  PolicyFlags none;
  EXPECT_FALSE(AnyPolicyFlag(none));
  EXPECT_EQ(PolicyRequest(current, none), current);

  PolicyFlags window;
  window.window_seconds = 30;
  auto only_window = PolicyRequest(current, window);
  EXPECT_EQ(only_window.at("canary").at("stability_window_seconds").as_int64(), 30);
  EXPECT_EQ(only_window.at("canary").at("steps"), current.at("canary").at("steps"));

  PolicyFlags all;
  all.strategy = "canary";
  all.steps = {"1", "50%:60"};
  all.auto_rollback = "on";
  all.approval = "default";
  ASSERT_TRUE(AnyPolicyFlag(all));
  EXPECT_EQ(json::serialize(PolicyRequest(current, all)),
            R"({"strategy":"canary","canary":{"steps":[{"pods":1,"pause":"manual"},)"
            R"({"percent":50,"pause":{"seconds":60}}],"stability_window_seconds":10},)"
            R"("auto_rollback":true,"approval_required":null})");
  all.approval = "not-required";
  EXPECT_FALSE(PolicyRequest(current, all).at("approval_required").as_bool());
}

}  // namespace
}  // namespace slipway::cli
