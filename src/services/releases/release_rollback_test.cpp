// Rolling back to an image chosen by hand (R-REL-6): any image the
// application built or ran, however long ago; others are refused.
#include "services/releases/release_test_fixture.hpp"
#include "store/build_repository.hpp"

namespace slipway::services {
namespace {

constexpr const char* kV0 = "registry.test/slipway/shop:0";
constexpr const char* kV0Digest =
    "sha256:0000000000000000000000000000000000000000000000000000000000000001";

class ReleaseRollbackTest : public ReleaseRunnerTest {
 protected:
  // kV0 built first, then `later` more builds of other images.
  void RecordBuilds(int later) {
    store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      for (int i = 0; i <= later; ++i) {
        core::Build b;
        b.app_id = app_id_;
        b.branch = "main";
        b.version = i == 0 ? "0" : "old-" + std::to_string(i);
        b.state = core::BuildState::kRunning;
        b.image = i == 0 ? kV0 : std::string("registry.test/slipway/shop:") + b.version;
        b.created_by = "alice";
        const auto id = store::builds::Insert(tx, b);
        store::builds::End(tx, id,
                           {core::BuildState::kRunning, core::BuildState::kSucceeded, "",
                            i == 0 ? kV0Digest : "sha256:" + std::string(64, 'a'), 0});
      }
      return 0;
    });
  }

  std::int64_t ReleasedV2(std::int64_t env) {
    auto started =
        releases_->Start(alice_, std::to_string(CodeChange(env, kV2)), StartReleaseCommand{});
    EXPECT_TRUE(started.ok()) << started.error().message;
    EXPECT_EQ(Drive(started->release.id).state, core::ReleaseState::kCompleted);
    return started->release.id;
  }
};

TEST_F(ReleaseRollbackTest, AnImageBuiltLongAgoIsPlannedAndRolledOutWithItsDigest) {
  auto env = CreateEnv(2);
  RecordBuilds(1'100);  // more than any page of builds
  const auto release = ReleasedV2(env);
  RollbackRequest request;
  request.image = kV0;
  auto plan = releases_->PlanRollback(alice_, std::to_string(release), request);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->image, kV0);
  EXPECT_EQ(plan->image_digest, kV0Digest);
  EXPECT_EQ(plan->baseline_version, 0) << "an image was chosen, not a baseline";

  auto rollback = releases_->Rollback(alice_, std::to_string(release), request);
  ASSERT_TRUE(rollback.ok()) << rollback.error().message;
  EXPECT_EQ(rollback->release.kind, "rollback");
  EXPECT_EQ(Drive(rollback->release.id).state, core::ReleaseState::kCompleted);
  EXPECT_EQ(ImageOf(Deployment("shop")), kV0);
  EXPECT_EQ(Release(rollback->release.id).image_digest, kV0Digest);
}

TEST_F(ReleaseRollbackTest, AnImageThatRanBeforeAReleaseIsKnownToo) {
  auto env = CreateEnv(2);  // runs kV1, never built by Slipway
  const auto release = ReleasedV2(env);
  RollbackRequest request;
  request.image = kV1;
  auto plan = releases_->PlanRollback(alice_, std::to_string(release), request);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->image, kV1);
}

TEST_F(ReleaseRollbackTest, AnImageNeverBuiltOrRunIsRefusedNamingTheField) {
  auto env = CreateEnv(2);
  const auto release = ReleasedV2(env);
  const auto releases_before = Count("SELECT count(*) FROM releases");
  RollbackRequest request;
  request.image = "registry.test/slipway/shop:never";
  auto rollback = releases_->Rollback(alice_, std::to_string(release), request);
  ASSERT_FALSE(rollback.ok());
  EXPECT_EQ(rollback.error().code, core::Code::kInvalid);
  EXPECT_EQ(rollback.error().details.at("field").as_string(), "image");
  EXPECT_EQ(Count("SELECT count(*) FROM releases"), releases_before) << "nothing started";
}

}  // namespace
}  // namespace slipway::services
