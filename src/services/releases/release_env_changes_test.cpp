// Scaling and editing an environment through ReleaseService (R-ENV-5/6): the
// preview changes nothing, the confirmed edit releases the new resources, and
// the rules between the request and the stored environment are the service's.
#include "services/releases/release_test_fixture.hpp"

namespace slipway::services {
namespace {

class EnvironmentEditTest : public ReleaseRunnerTest {
 protected:
  std::int64_t Changes() { return Count("SELECT count(*) FROM changes"); }

  static EditEnvironmentCommand Edit(std::int64_t version, bool confirm) {
    EditEnvironmentCommand command;
    command.version = version;
    command.confirm = confirm;
    command.resources.cpu_limit = "1";
    return command;
  }
};

TEST_F(EnvironmentEditTest, ThePreviewShowsTheDiffAndChangesNothing) {
  auto env = CreateEnv(2);
  const auto before = Changes();
  auto preview = releases_->EditEnvironment(alice_, std::to_string(env), Edit(1, false));
  ASSERT_TRUE(preview.ok()) << preview.error().message;
  EXPECT_FALSE(preview->confirmed);
  ASSERT_EQ(preview->diff.size(), 1u);
  EXPECT_TRUE(preview->diff[0].path.ends_with("cpu_limit")) << preview->diff[0].path;
  EXPECT_FALSE(preview->warning.empty());
  EXPECT_EQ(Changes(), before);
}

TEST_F(EnvironmentEditTest, AConfirmedEditReleasesTheNewResources) {
  auto env = CreateEnv(2);
  auto edit = releases_->EditEnvironment(alice_, std::to_string(env), Edit(1, true));
  ASSERT_TRUE(edit.ok()) << edit.error().message;
  ASSERT_TRUE(edit->confirmed);
  EXPECT_EQ(Change(edit->change_id).type, core::ChangeType::kEnvResource);
  EXPECT_EQ(Drive(edit->release_id).state, core::ReleaseState::kCompleted);
  const auto deployment = Deployment("shop");
  const auto& container = deployment.at("spec").at("template").at("spec").at("containers").at(0);
  EXPECT_EQ(container.at("resources").at("limits").at("cpu").as_string(), "1");
}

TEST_F(EnvironmentEditTest, AnEditOfAnOlderVersionIsRefusedWithTheCurrentOne) {
  auto env = CreateEnv(2);
  auto edit = releases_->EditEnvironment(alice_, std::to_string(env), Edit(7, true));
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().code, core::Code::kConflict);
  EXPECT_EQ(edit.error().details.at("current_version").as_int64(), 1);
}

TEST_F(EnvironmentEditTest, ARequestAboveTheStoredLimitIsRefusedNamingTheField) {
  auto env = CreateEnv(2);  // cpu_limit 500m
  auto command = Edit(1, true);
  command.resources.cpu_limit.reset();
  command.resources.cpu_request = "2";
  const auto before = Changes();
  auto edit = releases_->EditEnvironment(alice_, std::to_string(env), command);
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().code, core::Code::kInvalid);
  EXPECT_EQ(edit.error().details.at("field").as_string(), "resources.cpu_request");
  EXPECT_EQ(Changes(), before);
}

TEST_F(EnvironmentEditTest, AnEditThatChangesNothingIsRefused) {
  auto env = CreateEnv(2);
  auto command = Edit(1, true);
  command.resources.cpu_limit = "500m";
  auto edit = releases_->EditEnvironment(alice_, std::to_string(env), command);
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().code, core::Code::kInvalid);
}

TEST_F(EnvironmentEditTest, ScalingToTheSizeThatRunsIsRefusedNamingReplicas) {
  auto env = CreateEnv(2);
  const auto before = Changes();
  auto scaled = releases_->Scale(alice_, std::to_string(env), ScaleCommand{2});
  ASSERT_FALSE(scaled.ok());
  EXPECT_EQ(scaled.error().details.at("field").as_string(), "replicas");
  EXPECT_EQ(Changes(), before);
}

TEST_F(EnvironmentEditTest, AnEnvironmentWithoutAnImageYetIsNeitherScaledNorEdited) {
  // Created before its first release: a placeholder image runs, so no rollout can succeed.
  auto env = environments_.Create(
      alice_, "shop",
      http::ParseCreateEnvironment({{"env_type", "prod"}, {"cluster", "sandbox"}, {"replicas", 2}},
                                   clusters_.settings().env_types));
  ASSERT_TRUE(env.ok()) << env.error().message;
  const auto id = std::to_string(env->env.id);
  const auto before = Changes();
  auto scaled = releases_->Scale(alice_, id, ScaleCommand{3});
  ASSERT_FALSE(scaled.ok());
  EXPECT_EQ(scaled.error().code, core::Code::kConflict);
  EXPECT_NE(scaled.error().message.find("no image yet"), std::string::npos)
      << scaled.error().message;
  auto edited = releases_->EditEnvironment(alice_, id, Edit(1, true));
  ASSERT_FALSE(edited.ok());
  EXPECT_EQ(edited.error().code, core::Code::kConflict);
  EXPECT_EQ(Changes(), before) << "no change, no release";
  EXPECT_EQ(Count("SELECT count(*) FROM releases"), 0);
}

TEST_F(EnvironmentEditTest, AnOutsiderLearnsNothingOfTheBodysRules) {
  auto env = CreateEnv(2);
  const RequestContext bob{{2, "bob", core::Role::kDeveloper}, "r-bob"};
  const Parsed<ScaleCommand> malformed =
      core::Invalid("replicas must be at most 24", {{"field", "replicas"}});
  auto scaled = releases_->Scale(bob, std::to_string(env), malformed);
  ASSERT_FALSE(scaled.ok());
  EXPECT_EQ(scaled.error().code, core::Code::kForbidden) << scaled.error().message;
  const Parsed<EditEnvironmentCommand> bad_edit = core::Invalid("version is required");
  auto edit = releases_->EditEnvironment(bob, std::to_string(env), bad_edit);
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().code, core::Code::kForbidden) << edit.error().message;
}

}  // namespace
}  // namespace slipway::services
