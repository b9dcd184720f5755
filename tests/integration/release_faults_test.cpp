// Releases against a misbehaving cluster (R-REL-7): the Kubernetes emulator
// answers the next calls to the environment's Deployment or pods with 503s,
// 409 conflicts or not at all (the client times out); the release's steps
// retry and it still completes. An image that cannot be pulled fails the
// release with the reason, and rolling back brings the old pods back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "release_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

class ReleaseFaultsTest : public ReleaseTest {
 protected:
  // An environment of 2 pods running a pushed image, ready; the call log cleared.
  void SetUpEnvironment() {
    image_ = PushImage("1.0.0");
    env_id_ = CreateEnv(image_, 2);
    ASSERT_TRUE(WaitUntil([&] { return PodsRunning(env_id_, image_) == 2; }));
    ClearFaults();
  }

  std::int64_t Scale(int replicas) {
    auto scaled = Owner().Post("/api/v1/environments/" + std::to_string(env_id_) + "/scale",
                               {{"replicas", replicas}});
    EXPECT_EQ(scaled.status, 202) << scaled;
    return scaled.Int("release_id");
  }

  void ExpectCompletedWith(std::int64_t release_id, int replicas) {
    auto release = WaitForRelease(release_id);
    EXPECT_EQ(release.Str("state"), "completed") << release;
    EXPECT_TRUE(WaitUntil([&] { return PodsRunning(env_id_, image_) == replicas; }));
  }

  std::string image_;
  std::int64_t env_id_ = 0;
};

TEST_F(ReleaseFaultsTest, ServerErrorsOnTheDeploymentAreRetried) {
  SetUpEnvironment();
  InjectFault({{"path_prefix", DeploymentPath()}, {"count", 3}, {"status", 503}});
  const auto release = Scale(3);
  ExpectCompletedWith(release, 3);
  EXPECT_EQ(PendingFaults(), 0u);
  EXPECT_EQ(InjectedCalls(), 3);
}

TEST_F(ReleaseFaultsTest, ServerErrorsWhileWaitingForThePodsAreRetried) {
  SetUpEnvironment();
  const auto release = Scale(4);
  // Once the rollout is under way, listing and watching the pods fails for a while.
  ASSERT_TRUE(WaitUntil([&] {
    auto view = Owner().Get("/api/v1/releases/" + std::to_string(release));
    return Text(view.Object().at("steps").at(1).at("state")) == "running";
  }));
  InjectFault({{"method", "GET"}, {"path_prefix", PodsPath()}, {"count", 3}, {"status", 503}});
  ExpectCompletedWith(release, 4);
  EXPECT_EQ(PendingFaults(), 0u);
}

TEST_F(ReleaseFaultsTest, ConflictsWhenReplacingTheDeploymentAreRetried) {
  SetUpEnvironment();
  // The object "changed since it was read", three times in a row: more than
  // the client's own second try absorbs, so the step retries too.
  const json::object conflict{
      {"kind", "Status"},
      {"apiVersion", "v1"},
      {"status", "Failure"},
      {"reason", "Conflict"},
      {"code", 409},
      {"message", "the object has been modified; please apply your changes to the latest version"}};
  InjectFault({{"method", "PUT"},
               {"path_prefix", DeploymentPath()},
               {"count", 3},
               {"status", 409},
               {"body", json::serialize(conflict)}});
  const auto release = Scale(3);
  ExpectCompletedWith(release, 3);
  EXPECT_EQ(PendingFaults(), 0u);
  EXPECT_EQ(InjectedCalls(), 3);
}

// The client gives up on a call after its 30 s timeout: this test waits that long.
TEST_F(ReleaseFaultsTest, ACallThatTimesOutIsRetried) {
  SetUpEnvironment();
  InjectFault({{"method", "GET"},
               {"path_prefix", DeploymentPath()},
               {"count", 1},
               {"timeout", true},
               {"timeout_ms", 32'000}});
  const auto release = Scale(3);
  ExpectCompletedWith(release, 3);
  EXPECT_EQ(PendingFaults(), 0u);
  auto view = Owner().Get("/api/v1/releases/" + std::to_string(release));
  EXPECT_EQ(view.Str("error"), "") << view;
}

TEST_F(ReleaseFaultsTest, AnImageThatCannotBePulledFailsAndRollbackBringsTheOldPodsBack) {
  UseCommercialApp();
  SetUpEnvironment();
  const auto missing = MissingImage("never-pushed");
  const auto release = ReleaseImage(env_id_, missing);
  auto failed = WaitForRelease(release);
  ASSERT_EQ(failed.Str("state"), "failed") << failed;
  EXPECT_THAT(failed.Str("error"), ::testing::HasSubstr("ImagePullBackOff")) << failed;
  EXPECT_THAT(failed.Str("error"), ::testing::HasSubstr("did not start")) << failed;
  EXPECT_EQ(Text(failed.Object().at("change").at("state")), "failed") << failed;
  EXPECT_EQ(failed.Str("image_before"), image_);

  // Back to what ran before: the old image's pods, ready, and nothing else.
  const std::string path = "/api/v1/releases/" + std::to_string(release);
  auto plan = Owner().Get(path + "/rollback-plan");
  ASSERT_EQ(plan.status, 200) << plan;
  EXPECT_EQ(plan.Str("image"), image_) << plan;
  auto rollback = Owner().Post(path + "/rollback", json::object{});
  ASSERT_EQ(rollback.status, 202) << rollback;
  EXPECT_EQ(rollback.Str("kind"), "rollback");
  auto done = WaitForRelease(rollback.Int("id"));
  ASSERT_EQ(done.Str("state"), "completed") << done;
  EXPECT_TRUE(WaitUntil([&] { return PodsRunning(env_id_, image_) == 2; }));
  auto env = Owner().Get("/api/v1/environments/" + std::to_string(env_id_));
  EXPECT_EQ(env.Str("image"), image_) << env;
  int rollbacks = 0;
  const auto after = Owner().Get(path);
  for (const auto& op : after.Object().at("operations").as_array())
    rollbacks += Text(op.at("kind")) == "rollback";
  EXPECT_EQ(rollbacks, 1);
}

}  // namespace
}  // namespace slipway::testing
