// Rollbacks restore configuration with the image (R-CFG-3), on Consul and on
// Apollo through their emulators: a baseline records the environment's config
// files when a release completes; a publish outside a release shows as drift;
// a rollback plan lists the config diff per file and the rollback puts the
// files back with a conditional write (409 when one moved since the plan);
// "image" and "config" scopes restore one side only.
#include <gtest/gtest.h>

#include "release_fixture.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

class ReleaseConfigTest : public ReleaseTest,
                          public ::testing::WithParamInterface<std::tuple<std::string, Backend>> {
 protected:
  Backend backend() const override { return std::get<1>(GetParam()); }
  void SetUp() override {
    ReleaseTest::SetUp();
    UseCommercialApp();  // a code change may then name any image
    if (HasFatalFailure()) return;
    v0_ = PushImage("0.9.0");
    v1_ = PushImage("1.0.0");
    v2_ = PushImage("2.0.0");
    auto env = Owner().Post("/api/v1/apps/" + std::to_string(app_id_) + "/environments",
                            {{"env_type", "test"},
                             {"cluster", "sandbox"},
                             {"image", v0_},
                             {"replicas", 1},
                             {"config_backend", std::get<0>(GetParam())},
                             {"ports", json::array{{{"container_port", 8080}}}}});
    ASSERT_EQ(env.status, 201) << env;
    env_id_ = env.Int("id");
    namespace_ = env.Str("namespace");
    env_ = "/api/v1/environments/" + std::to_string(env_id_);
  }

  void Publish(const std::string& file, const std::string& content) {
    auto draft = Owner().Put(env_ + "/config/files/" + file + "/draft", {{"content", content}});
    ASSERT_EQ(draft.status, 200) << draft;
    auto published =
        Owner().Post(env_ + "/config/files/" + file + "/publish", {{"comment", "test"}});
    ASSERT_EQ(published.status, 201) << published;
  }
  std::string Live(const std::string& file) {
    auto got = Owner().Get(env_ + "/config/files/" + file);
    if (got.status != 200) return "<" + std::to_string(got.status) + ">";
    return Text(got.Object().at("live").at("content"));
  }
  Reply Completed(std::int64_t release_id) {
    auto end = WaitForRelease(release_id);
    EXPECT_EQ(end.Str("state"), "completed") << end;
    return end;
  }
  // The environment's newest release.
  std::int64_t LatestRelease() {
    return Owner()
        .Get("/api/v1/releases?env_id=" + std::to_string(env_id_))
        .Object()
        .at("items")
        .at(0)
        .at("id")
        .as_int64();
  }
  std::int64_t BaselineCount() {
    return static_cast<std::int64_t>(
        Owner().Get(env_ + "/baselines").Object().at("items").as_array().size());
  }

  // Release 1 (v1) with config A, publish B, release 2 (v2): returns release 2.
  std::int64_t ReleaseTwiceWithConfigBetween() {
    Publish("app.properties", kConfigA);
    Publish("logback.xml", "<level>INFO</level>\n");
    Completed(ReleaseImage(env_id_, v1_));
    Publish("app.properties", kConfigB);
    auto second = ReleaseImage(env_id_, v2_);
    Completed(second);
    return second;
  }

  // Sorted by key: Apollo keeps items, and Slipway reads a properties file back from them in key
  // order.
  static constexpr const char* kConfigA = "limit=10\nmode=a\n";
  static constexpr const char* kConfigB = "feature=on\nlimit=10\nmode=b\n";
  std::string v0_, v1_, v2_;
  std::int64_t env_id_ = 0;
  std::string env_;
};

TEST_P(ReleaseConfigTest, RollbackRestoresTheImageAndTheConfigurationShownInThePlan) {
  const auto second = ReleaseTwiceWithConfigBetween();
  const std::string release = "/api/v1/releases/" + std::to_string(second);

  auto plan = Owner().Get(release + "/rollback-plan");
  ASSERT_EQ(plan.status, 200) << plan;
  EXPECT_EQ(plan.Str("image"), v1_);
  EXPECT_TRUE(plan.Object().at("config_included").as_bool()) << plan;
  const auto& files = plan.Object().at("config").as_array();
  ASSERT_EQ(files.size(), 2u) << plan;
  const auto& props = files.at(0).as_object();
  EXPECT_EQ(Text(props.at("file")), "app.properties");
  EXPECT_EQ(Text(props.at("action")), "restore");
  EXPECT_EQ(Text(props.at("diff").at("kind")), "keys") << plan;
  const auto& keys = props.at("diff").at("keys").as_array();
  ASSERT_EQ(keys.size(), 2u) << plan;
  EXPECT_EQ(Text(keys.at(0).at("key")), "feature");
  EXPECT_EQ(Text(keys.at(0).at("change")), "removed");
  EXPECT_EQ(Text(keys.at(1).at("key")), "mode");
  EXPECT_EQ(Text(keys.at(1).at("from")), "b");
  EXPECT_EQ(Text(keys.at(1).at("to")), "a");
  EXPECT_EQ(Text(files.at(1).at("file")), "logback.xml");
  EXPECT_EQ(Text(files.at(1).at("action")), "unchanged");

  auto started = Owner().Post(release + "/rollback", {{"plan_token", plan.Str("plan_token")}});
  ASSERT_EQ(started.status, 202) << started;
  auto end = Completed(started.Int("id"));
  EXPECT_EQ(Live("app.properties"), kConfigA);
  EXPECT_EQ(Live("logback.xml"), "<level>INFO</level>\n");
  EXPECT_TRUE(WaitUntil([&] { return PodsRunning(env_id_, v1_) == 1; })) << "image 1 runs again";
  const auto& restores = end.Object().at("config_restores").as_array();
  ASSERT_EQ(restores.size(), 1u) << end;
  EXPECT_EQ(Text(restores.at(0).at("outcome")), "restored") << end;

  // Recorded after: the audit names the file, the new baseline holds config A, no drift.
  auto admin = server().Admin();
  int audited = 0;
  for (const auto& r : AuditOf(admin, "release:" + std::to_string(started.Int("id")))) {
    audited += Text(r.at("action")) == "release.config_restore" &&
               Text(r.at("summary")).find("app.properties") != std::string::npos;
  }
  EXPECT_EQ(audited, 1);
  auto drift = Owner().Get(env_ + "/config-drift");
  ASSERT_EQ(drift.status, 200) << drift;
  EXPECT_FALSE(drift.Object().at("changed").as_bool()) << drift;
  auto diff = Owner().Get(env_ + "/baselines/diff?from=2&to=3");
  ASSERT_EQ(diff.status, 200) << diff;
  ASSERT_TRUE(diff.Object().at("config_compared").as_bool()) << diff;
  ASSERT_EQ(diff.Object().at("config").as_array().size(), 1u) << diff;
  EXPECT_EQ(Text(diff.Object().at("config").at(0).at("file")), "app.properties");
}

TEST_P(ReleaseConfigTest, APublishOutsideAReleaseShowsAsDriftFromTheLastBaseline) {
  Publish("app.properties", kConfigA);
  Completed(ReleaseImage(env_id_, v1_));
  auto clean = Owner().Get(env_ + "/config-drift");
  ASSERT_EQ(clean.status, 200) << clean;
  EXPECT_FALSE(clean.Object().at("changed").as_bool()) << clean;
  Publish("app.properties", kConfigB);
  auto drift = Owner().Get(env_ + "/config-drift");
  ASSERT_TRUE(drift.Object().at("changed").as_bool()) << drift;
  EXPECT_EQ(drift.Int("baseline_version"), 1);
  EXPECT_EQ(Text(drift.Object().at("files").at(0).at("file")), "app.properties");
  EXPECT_EQ(Text(drift.Object().at("files").at(0).at("kind")), "keys") << drift;
}

TEST_P(ReleaseConfigTest, AFileChangedSinceThePlanRefusesTheRollbackAndChangesNothing) {
  const auto second = ReleaseTwiceWithConfigBetween();
  const std::string release = "/api/v1/releases/" + std::to_string(second);
  auto plan = Owner().Get(release + "/rollback-plan");
  ASSERT_EQ(plan.status, 200) << plan;
  auto other_scope = Owner().Post(release + "/rollback",
                                  {{"scope", "image"}, {"plan_token", plan.Str("plan_token")}});
  ASSERT_EQ(other_scope.status, 409) << "the token was shown for another scope: " << other_scope;
  EXPECT_EQ(Text(other_scope.Object().at("error").at("details").at("reason")), "config_changed");
  Publish("app.properties", "mode=c\n");
  const auto releases_before = Owner()
                                   .Get("/api/v1/releases?env_id=" + std::to_string(env_id_))
                                   .Object()
                                   .at("items")
                                   .as_array()
                                   .size();

  auto refused = Owner().Post(release + "/rollback", {{"plan_token", plan.Str("plan_token")}});
  ASSERT_EQ(refused.status, 409) << refused;
  EXPECT_EQ(Text(refused.Object().at("error").at("details").at("file")), "app.properties")
      << refused;
  EXPECT_EQ(Live("app.properties"), "mode=c\n");
  EXPECT_EQ(Owner()
                .Get("/api/v1/releases?env_id=" + std::to_string(env_id_))
                .Object()
                .at("items")
                .as_array()
                .size(),
            releases_before);
}

TEST_P(ReleaseConfigTest, ImageOnlyAndConfigOnlyRollbacksRestoreOneSide) {
  const auto second = ReleaseTwiceWithConfigBetween();
  const std::string release = "/api/v1/releases/" + std::to_string(second);

  auto image_only = Owner().Post(release + "/rollback", {{"scope", "image"}});
  ASSERT_EQ(image_only.status, 202) << image_only;
  Completed(image_only.Int("id"));
  EXPECT_TRUE(WaitUntil([&] { return PodsRunning(env_id_, v1_) == 1; }));
  EXPECT_EQ(Live("app.properties"), kConfigB) << "an image-only rollback leaves the configuration";

  const auto baselines = BaselineCount();
  const auto uid = Kube().Get(DeploymentPath());
  ASSERT_EQ(uid.status, 200) << uid;
  const auto generation = uid.Object().at("metadata").at("generation").as_int64();
  auto plan = Owner().Get(release + "/rollback-plan?scope=config");
  ASSERT_EQ(plan.status, 200) << plan;
  EXPECT_EQ(plan.Str("image"), v1_) << "config only: the image stays what runs";
  EXPECT_TRUE(plan.Object().at("diff").as_array().empty()) << plan;
  auto config_only = Owner().Post(release + "/rollback",
                                  {{"scope", "config"}, {"plan_token", plan.Str("plan_token")}});
  ASSERT_EQ(config_only.status, 202) << config_only;
  auto end = Completed(config_only.Int("id"));
  EXPECT_EQ(Live("app.properties"), kConfigA);
  EXPECT_EQ(Text(end.Object().at("steps").at(1).at("state")), "skipped") << end;
  auto after = Kube().Get(DeploymentPath());
  EXPECT_EQ(after.Object().at("metadata").at("generation").as_int64(), generation)
      << "the pods were not rolled";
  EXPECT_EQ(BaselineCount(), baselines + 1) << "a config-only rollback writes a baseline too";
}

TEST_P(ReleaseConfigTest, BadRollbackInputIsA400NamingTheField) {
  const auto second = ReleaseTwiceWithConfigBetween();
  const std::string release = "/api/v1/releases/" + std::to_string(second);
  auto bad = Owner().Post(release + "/rollback", {{"scope", "pods"}});
  ASSERT_EQ(bad.status, 400) << bad;
  EXPECT_EQ(Text(bad.Object().at("error").at("details").at("field")), "scope");
  auto mixed = Owner().Post(release + "/rollback", {{"scope", "config"}, {"image", v1_}});
  ASSERT_EQ(mixed.status, 400) << mixed;
  EXPECT_EQ(Text(mixed.Object().at("error").at("details").at("field")), "scope");
  EXPECT_EQ(Live("app.properties"), kConfigB);
}

TEST_P(ReleaseConfigTest, TheCliShowsTheConfigDiffBeforeTheRollbackAndRunsItWithThePlanToken) {
  const auto second = ReleaseTwiceWithConfigBetween();
  TempDir dir;
  auto cli = [&](const std::vector<std::string>& args, const std::string& input = "") {
    return RunCli(dir.path(), args, input);
  };
  auto login =
      cli({"login", "--server", server().base_url(), "--username", "admin", "--password-stdin"},
          std::string(ApiServer::kAdminPassword) + "\n");
  ASSERT_EQ(login.exit_code, 0) << login;

  auto plan = cli({"release", "rollback", std::to_string(second)});
  ASSERT_EQ(plan.exit_code, 0) << plan;
  EXPECT_NE(plan.out.find("rollback target: " + v1_), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("app.properties: restore"), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("~ mode: b → a"), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("- feature=on"), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("logback.xml: unchanged"), std::string::npos) << plan.out;
  const auto token = Owner()
                         .Get("/api/v1/releases/" + std::to_string(second) + "/rollback-plan")
                         .Str("plan_token");
  EXPECT_NE(plan.out.find("--plan-token '" + token + "'"), std::string::npos) << plan.out;

  auto run = cli({"release", "rollback", std::to_string(second), "--yes", "--plan-token", token});
  ASSERT_EQ(run.exit_code, 0) << run;
  Completed(LatestRelease());
  EXPECT_EQ(Live("app.properties"), kConfigA);

  auto diff = cli({"baseline", "diff", std::to_string(env_id_), "2", "3"});
  ASSERT_EQ(diff.exit_code, 0) << diff;
  EXPECT_NE(diff.out.find("app.properties (changed"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("~ mode: b → a"), std::string::npos) << diff.out;
  auto drift = cli({"baseline", "drift", std::to_string(env_id_)});
  ASSERT_EQ(drift.exit_code, 0) << drift;
  EXPECT_EQ(drift.out, "config unchanged since baseline 3\n");
}

INSTANTIATE_TEST_SUITE_P(
    Backends, ReleaseConfigTest,
    ::testing::Combine(::testing::Values("consul", "apollo"),
                       ::testing::Values(Backend::kSqlite, Backend::kPostgres)),
    [](const ::testing::TestParamInfo<std::tuple<std::string, Backend>>& info) {
      return std::get<0>(info.param) + "_" + BackendName(std::get<1>(info.param));
    });

}  // namespace
}  // namespace slipway::testing
