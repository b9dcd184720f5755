// The whole path of a production release (issue 5's "done when"): register →
// approve → environment → build → change → approval → canary with two
// promotions → completed → rollback to the previous image, over HTTP against
// the sandbox.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "build_helpers.hpp"
#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

class ReleasePathTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { server_.reset(); }
  static ApiServer& server() {
    if (!server_) server_ = std::make_unique<ApiServer>(SandboxOptions());
    return *server_;
  }
  static inline std::unique_ptr<ApiServer> server_;

  // A succeeded build of `version`.
  Reply Build(Api& api, std::int64_t app_id, const std::string& version) {
    auto started = api.Post(BuildsPath(app_id), BuildBody(version));
    EXPECT_EQ(started.status, 201) << started;
    auto build = WaitUntilEnded(api, started.Int("id"));
    EXPECT_EQ(build.Str("state"), "succeeded") << build;
    return build;
  }

  // A code change of the build, submitted and approved by `approver`.
  std::int64_t ApprovedChange(Api& owner, Api& approver, std::int64_t app_id, std::int64_t env_id,
                              const Reply& build) {
    auto created = owner.Post("/api/v1/apps/" + std::to_string(app_id) + "/changes",
                              {{"env_id", env_id},
                               {"title", "ship " + build.Str("version")},
                               {"build_id", build.Int("id")}});
    EXPECT_EQ(created.status, 201) << created;
    const auto change = "/api/v1/changes/" + std::to_string(created.Int("id"));
    auto submitted = owner.Post(change + "/submit");
    EXPECT_EQ(submitted.Str("state"), "approving") << submitted;  // a core application in prod
    // The owner cannot approve their own change; the approver member can.
    EXPECT_EQ(owner.Post(change + "/approve", {{"comment", "me"}}).status, 403);
    auto approved = approver.Post(change + "/approve", {{"comment", "reviewed the diff"}});
    EXPECT_EQ(approved.Str("state"), "pending_release") << approved;
    return created.Int("id");
  }

  Reply WaitForState(Api& api, std::int64_t release_id, const std::set<std::string>& states) {
    Reply last;
    EXPECT_TRUE(WaitUntil([&] {
      last = api.Get("/api/v1/releases/" + std::to_string(release_id));
      return states.count(last.Str("state")) > 0;
    })) << last;
    return last;
  }

  std::map<std::string, int> ReadyPodsByImage(Api& api, std::int64_t env_id) {
    std::map<std::string, int> out;
    auto pods = api.Get("/api/v1/environments/" + std::to_string(env_id) + "/pods");
    for (const auto& p : pods.Object().at("items").as_array()) {
      if (p.at("ready").as_bool() && !p.at("terminating").as_bool()) out[Text(p.at("image"))] += 1;
    }
    return out;
  }
};

TEST_F(ReleasePathTest, RegisterToCanaryWithTwoPromotionsThenRollback) {
  auto owner_user = server().CreateUser("developer", "path-owner");
  auto approver_user = server().CreateUser("approver", "path-approver");
  auto owner = server().As(owner_user);
  auto approver = server().As(approver_user);
  const auto name = UniqueName("checkout");
  auto body = AppBody(name, "trade", "core");
  auto reg = owner.Post("/api/v1/apps", body);
  ASSERT_EQ(reg.status, 201) << reg;
  const auto app_id = reg.Int("id");
  const auto app = "/api/v1/apps/" + std::to_string(app_id);
  ASSERT_EQ(server().Admin().Post(app + "/approve", {{"comment", "ok"}}).status, 200);
  ASSERT_EQ(owner
                .Put(app + "/details",
                     CompleteDetailsBody(owner.Get(app).Int("version"), approver_user.username))
                .status,
            200);

  auto env = owner.Post(app + "/environments",
                        {{"env_type", "prod"},
                         {"cluster", "sandbox"},
                         {"replicas", 4},
                         {"release_policy",
                          {{"strategy", "canary"},
                           {"canary",
                            {{"steps", json::array{{{"pods", 1}}, {{"percent", 50}}}},
                             {"stability_window_seconds", 1}}}}}});
  ASSERT_EQ(env.status, 201) << env;
  const auto env_id = env.Int("id");

  // First version, one-shot, so there is a previous image to go back to.
  auto v1 = Build(owner, app_id, "1.0.0");
  auto first = owner.Post("/api/v1/changes/" +
                              std::to_string(ApprovedChange(owner, approver, app_id, env_id, v1)) +
                              "/release",
                          {{"strategy", "one_shot"}});
  ASSERT_EQ(first.status, 202) << first;
  ASSERT_EQ(WaitForState(owner, first.Int("id"), {"completed", "failed"}).Str("state"),
            "completed");
  EXPECT_EQ(owner.Get(app).Str("status"), "online");

  // Second version: canary, one pod, then half, each promoted by a person.
  auto v2 = Build(owner, app_id, "2.0.0");
  auto canary = owner.Post("/api/v1/changes/" +
                               std::to_string(ApprovedChange(owner, approver, app_id, env_id, v2)) +
                               "/release",
                           json::object{});
  ASSERT_EQ(canary.status, 202) << canary;
  EXPECT_EQ(canary.Str("strategy"), "canary");
  const auto id = canary.Int("id");
  for (int new_pods : {1, 2}) {
    auto paused = WaitForState(owner, id, {"canary", "failed"});
    ASSERT_EQ(paused.Str("state"), "canary") << paused;
    std::map<std::string, int> expected{{v2.Str("image"), new_pods},
                                        {v1.Str("image"), 4 - new_pods}};
    ASSERT_TRUE(WaitUntil([&] { return ReadyPodsByImage(owner, env_id) == expected; }))
        << owner.Get("/api/v1/environments/" + std::to_string(env_id) + "/pods");
    auto promoted = owner.Post("/api/v1/releases/" + std::to_string(id) + "/promote");
    ASSERT_EQ(promoted.status, 200) << promoted;
    // The same promotion cannot be applied twice: until the next pause it is refused.
    ASSERT_TRUE(WaitUntil([&] {
      return owner.Get("/api/v1/releases/" + std::to_string(id)).Str("state") != "canary";
    }));
  }
  auto done = WaitForState(owner, id, {"completed", "failed"});
  ASSERT_EQ(done.Str("state"), "completed") << done;
  EXPECT_EQ(done.Str("image_before"), v1.Str("image"));
  ASSERT_TRUE(WaitUntil([&] {
    return ReadyPodsByImage(owner, env_id) == std::map<std::string, int>{{v2.Str("image"), 4}};
  }));

  // Rollback: by default to the image in use before the canary, with the diff shown first.
  auto plan = owner.Get("/api/v1/releases/" + std::to_string(id) + "/rollback-plan");
  ASSERT_EQ(plan.status, 200) << plan;
  EXPECT_EQ(plan.Str("image"), v1.Str("image"));
  auto rollback =
      owner.Post("/api/v1/releases/" + std::to_string(id) + "/rollback", json::object{});
  ASSERT_EQ(rollback.status, 202) << rollback;
  ASSERT_EQ(WaitForState(owner, rollback.Int("id"), {"completed", "failed"}).Str("state"),
            "completed");
  ASSERT_TRUE(WaitUntil([&] {
    return ReadyPodsByImage(owner, env_id) == std::map<std::string, int>{{v1.Str("image"), 4}};
  })) << owner.Get("/api/v1/environments/" + std::to_string(env_id) + "/pods");

  // Three baselines: v1, v2, and v1 again; the change has its rollback entry.
  auto baselines = owner.Get("/api/v1/environments/" + std::to_string(env_id) + "/baselines");
  ASSERT_EQ(baselines.Object().at("items").as_array().size(), 3u) << baselines;
  auto same =
      owner.Get("/api/v1/environments/" + std::to_string(env_id) + "/baselines/diff?from=1&to=3");
  EXPECT_TRUE(same.Object().at("diff").as_array().empty()) << same;
  auto change = owner.Get("/api/v1/changes/" +
                          std::to_string(done.Object().at("change").at("id").as_int64()));
  bool rollback_entry = false;
  for (const auto& e : change.Object().at("events").as_array())
    rollback_entry |= Text(e.at("kind")) == "rollback";
  EXPECT_TRUE(rollback_entry) << change;
}

}  // namespace
}  // namespace slipway::testing
