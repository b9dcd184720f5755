// Releases against the sandbox over HTTP (R-REL, R-ENV-5/6): scaling and
// editing an environment through released changes, baselines and their
// diffs, rollback (repeatable) to the baseline before a release, failures
// with their reason, and the application going online on its first release.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "connectors/registry/client.hpp"
#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

class ReleaseFlowTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { server_.reset(); }
  static ApiServer& server() {
    if (!server_) server_ = std::make_unique<ApiServer>(SandboxOptions());
    return *server_;
  }
  static inline std::unique_ptr<ApiServer> server_;

  void SetUp() override {
    owner_ = server().CreateUser("developer", "rel-owner");
    name_ = UniqueName("pay");
    app_id_ = RegisterApprovedApp(server(), owner_, name_);
  }

  // Pushes a real image into the sandbox registry; returns its address.
  std::string PushImage(const std::string& tag) {
    connectors::TransportSettings settings;
    settings.base_url = server().SandboxUrl("registry");
    connectors::registry::RegistryClient registry(settings);
    auto pushed = registry.PushImage("slipway/" + name_, tag);
    EXPECT_TRUE(pushed.ok()) << (pushed.ok() ? "" : pushed.error().message);
    return settings.base_url.substr(std::string("http://").size()) + "/slipway/" + name_ + ":" +
           tag;
  }

  std::int64_t CreateEnv(const std::string& image, int replicas) {
    auto env = server().As(owner_).Post("/api/v1/apps/" + std::to_string(app_id_) + "/environments",
                                        {{"env_type", "test"},
                                         {"cluster", "sandbox"},
                                         {"image", image},
                                         {"replicas", replicas},
                                         {"ports", json::array{{{"container_port", 8080}}}}});
    EXPECT_EQ(env.status, 201) << env;
    return env.Int("id");
  }

  Reply WaitForRelease(std::int64_t id) {
    Reply last;
    EXPECT_TRUE(WaitUntil([&] {
      last = server().As(owner_).Get("/api/v1/releases/" + std::to_string(id));
      auto state = last.Str("state");
      return state == "completed" || state == "failed";
    })) << last;
    return last;
  }

  int ReadyPods(std::int64_t env_id) {
    auto pods = server().As(owner_).Get("/api/v1/environments/" + std::to_string(env_id) + "/pods");
    int ready = 0;
    for (const auto& p : pods.Object().at("items").as_array())
      ready += p.at("ready").as_bool() ? 1 : 0;
    return ready;
  }

  TestUser owner_;
  std::string name_;
  std::int64_t app_id_ = 0;
};

TEST_F(ReleaseFlowTest, ScaleEditRollbackAndBaselines) {
  const auto v1 = PushImage("1.0.0");
  const auto env_id = CreateEnv(v1, 2);
  const std::string env = "/api/v1/environments/" + std::to_string(env_id);
  ASSERT_TRUE(WaitUntil([&] { return ReadyPods(env_id) == 2; }));

  // Scaling creates a scale change and its release, run at once.
  auto scaled = server().As(owner_).Post(env + "/scale", {{"replicas", 3}});
  ASSERT_EQ(scaled.status, 202) << scaled;
  // A second change while the release runs is refused.
  auto busy = server().As(owner_).Post(env + "/scale", {{"replicas", 4}});
  EXPECT_EQ(busy.status, 409) << busy;
  auto release = WaitForRelease(scaled.Int("release_id"));
  ASSERT_EQ(release.Str("state"), "completed") << release;
  EXPECT_EQ(release.Str("image_before"), v1);
  EXPECT_EQ(Text(release.Object().at("change").at("type")), "scale");
  EXPECT_EQ(Text(release.Object().at("change").at("state")), "released");
  for (const auto& step : release.Object().at("steps").as_array()) {
    EXPECT_EQ(Text(step.at("state")), "succeeded") << release;
  }
  EXPECT_EQ(ReadyPods(env_id), 3);
  // The first successful release takes the application online (R-APP-2).
  EXPECT_EQ(server().As(owner_).Get("/api/v1/apps/" + std::to_string(app_id_)).Str("status"),
            "online");

  // Editing shows the diff first and changes nothing until confirmed.
  auto detail = server().As(owner_).Get(env);
  const auto version = detail.Int("version");
  json::object edit{{"version", version},
                    {"env", json::array{{{"name", "MODE"}, {"value", "blue"}}}}};
  auto preview = server().As(owner_).Post(env + "/edit", edit);
  ASSERT_EQ(preview.status, 200) << preview;
  EXPECT_FALSE(preview.Object().at("confirmed").as_bool());
  EXPECT_EQ(Text(preview.Object().at("diff").at(0).at("path")), "resources.env[MODE]");
  EXPECT_EQ(server().As(owner_).Get(env).Int("version"), version);
  edit["confirm"] = true;
  auto edited = server().As(owner_).Post(env + "/edit", edit);
  ASSERT_EQ(edited.status, 202) << edited;
  auto edit_release = WaitForRelease(edited.Int("release_id"));
  ASSERT_EQ(edit_release.Str("state"), "completed") << edit_release;

  // Two baselines now, and their diff is the edit.
  auto baselines = server().As(owner_).Get(env + "/baselines");
  ASSERT_EQ(baselines.Object().at("items").as_array().size(), 2u) << baselines;
  auto diff = server().As(owner_).Get(env + "/baselines/diff?from=1&to=2");
  ASSERT_EQ(diff.status, 200) << diff;
  ASSERT_EQ(diff.Object().at("diff").as_array().size(), 1u) << diff;

  // Rollback of the edit: back to baseline 1, shown before it runs, repeatable.
  const std::string edit_path = "/api/v1/releases/" + std::to_string(edited.Int("release_id"));
  auto plan = server().As(owner_).Get(edit_path + "/rollback-plan");
  ASSERT_EQ(plan.status, 200) << plan;
  EXPECT_EQ(plan.Int("baseline_version"), 1);
  EXPECT_EQ(Text(plan.Object().at("diff").at(0).at("path")), "resources.env[MODE]");
  for (int round = 0; round < 2; ++round) {
    auto rollback = server().As(owner_).Post(edit_path + "/rollback", json::object{});
    ASSERT_EQ(rollback.status, 202) << rollback;
    EXPECT_EQ(rollback.Str("kind"), "rollback");
    auto done = WaitForRelease(rollback.Int("id"));
    ASSERT_EQ(done.Str("state"), "completed") << done;
  }
  auto after = server().As(owner_).Get(env + "/baselines/diff?from=1&to=4");
  EXPECT_TRUE(after.Object().at("diff").as_array().empty()) << after;
  auto original = server().As(owner_).Get(edit_path);
  int rollbacks = 0;
  for (const auto& op : original.Object().at("operations").as_array())
    rollbacks += Text(op.at("kind")) == "rollback";
  EXPECT_EQ(rollbacks, 2) << original;
  EXPECT_TRUE(server().As(owner_).Get(env).Object().at("spec").at("env").as_array().empty());

  // Progress as Server-Sent Events: the stream ends with the (finished) release.
  auto events = server().As(owner_).Get(edit_path + "/events");
  EXPECT_THAT(events.raw.body, ::testing::HasSubstr("event: release\ndata: {\"id\":"));
}

TEST_F(ReleaseFlowTest, AnImageThatCannotBePulledFailsTheReleaseWithTheReason) {
  const auto missing =
      server().SandboxUrl("registry").substr(7) + "/slipway/" + name_ + ":never-pushed";
  const auto env_id = CreateEnv(missing, 1);
  auto scaled = server().As(owner_).Post(
      "/api/v1/environments/" + std::to_string(env_id) + "/scale", {{"replicas", 2}});
  ASSERT_EQ(scaled.status, 202) << scaled;
  auto release = WaitForRelease(scaled.Int("release_id"));
  EXPECT_EQ(release.Str("state"), "failed") << release;
  EXPECT_THAT(release.Str("error"), ::testing::HasSubstr("ImagePullBackOff"));
  EXPECT_EQ(Text(release.Object().at("change").at("state")), "failed");
  // A failed release's environment keeps its definition; the application stays pending.
  EXPECT_EQ(server()
                .As(owner_)
                .Get("/api/v1/environments/" + std::to_string(env_id))
                .Object()
                .at("spec")
                .at("replicas")
                .as_int64(),
            1);
  EXPECT_EQ(server().As(owner_).Get("/api/v1/apps/" + std::to_string(app_id_)).Str("status"),
            "pending_online");
}

}  // namespace
}  // namespace slipway::testing
