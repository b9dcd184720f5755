// An environment's release policy changed after its creation (R-REL-4),
// over HTTP against the sandbox: the next release follows the new plan, a
// release already running keeps the one it started with, bad input changes
// nothing, and only owners and admins may change it.
#include <gtest/gtest.h>

#include "release_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

class ReleasePolicyTest : public ReleaseTest {
 protected:
  std::string PolicyPath(std::int64_t env_id) {
    return "/api/v1/environments/" + std::to_string(env_id) + "/release-policy";
  }
  Reply Release(std::int64_t id) { return Owner().Get("/api/v1/releases/" + std::to_string(id)); }
  Reply WaitForState(std::int64_t id, const std::string& state) {
    Reply last;
    EXPECT_TRUE(WaitUntil([&] {
      last = Release(id);
      return last.Str("state") == state || last.Str("state") == "failed";
    })) << last;
    return last;
  }
  static json::object Canary(json::array steps, int window_seconds) {
    return {
        {"strategy", "canary"},
        {"canary", {{"steps", std::move(steps)}, {"stability_window_seconds", window_seconds}}}};
  }
};

TEST_F(ReleasePolicyTest, ALaterReleaseUsesTheNewPlanWhileARunningOneKeepsItsOwn) {
  UseCommercialApp();
  const auto v1 = PushImage("1.0");
  const auto v2 = PushImage("2.0");
  const auto v3 = PushImage("3.0");
  const auto env_id = CreateEnv(v1, 4, Canary(json::array{{{"pods", 1}}}, 0));
  const std::string env = "/api/v1/environments/" + std::to_string(env_id);

  const auto first = ReleaseImage(env_id, v2, "canary");
  ASSERT_EQ(WaitForState(first, "canary").Str("state"), "canary");
  const auto plan_before = Release(first).Object().at("plan");
  ASSERT_EQ(plan_before.as_array().size(), 1u) << plan_before;

  // Changed while the first release waits for its promotion.
  auto policy = Canary(json::array{{{"percent", 50}}}, 1);
  policy["auto_rollback"] = true;
  policy["version"] = Owner().Get(env).Int("version");
  auto set = Owner().Put(PolicyPath(env_id), policy);
  ASSERT_EQ(set.status, 200) << set;
  const auto& now = set.Object().at("release_policy");
  EXPECT_EQ(now.at("canary").at("steps").at(0).at("percent").as_int64(), 50);
  EXPECT_EQ(now.at("canary").at("stability_window_seconds").as_int64(), 1);
  EXPECT_TRUE(now.at("auto_rollback").as_bool());

  // The running release keeps its plan: one pod, no window, no auto-rollback.
  auto running = Release(first);
  EXPECT_EQ(running.Object().at("plan"), plan_before) << running;
  EXPECT_EQ(running.Object().at("plan").at(0).at("canary").as_int64(), 1);
  EXPECT_EQ(running.Object().at("plan").at(0).at("stability_window_seconds").as_int64(), 0);
  EXPECT_FALSE(running.Object().at("auto_rollback").as_bool());
  ASSERT_EQ(Owner().Post("/api/v1/releases/" + std::to_string(first) + "/promote").status, 200);
  auto finished = WaitForRelease(first);
  ASSERT_EQ(finished.Str("state"), "completed") << finished;
  // Completing it wrote the image, not the policy.
  EXPECT_EQ(Owner().Get(env).Object().at("release_policy"), now);

  // The next release follows the new plan: half of the pods, the new window.
  const auto second = ReleaseImage(env_id, v3, "canary");
  auto paused = WaitForState(second, "canary");
  ASSERT_EQ(paused.Str("state"), "canary") << paused;
  const auto& plan = paused.Object().at("plan").as_array();
  ASSERT_EQ(plan.size(), 1u) << paused;
  EXPECT_EQ(plan[0].at("canary").as_int64(), 2);
  EXPECT_EQ(plan[0].at("stable").as_int64(), 2);
  EXPECT_EQ(plan[0].at("stability_window_seconds").as_int64(), 1);
  EXPECT_TRUE(paused.Object().at("auto_rollback").as_bool());
  ASSERT_EQ(Owner().Post("/api/v1/releases/" + std::to_string(second) + "/promote").status, 200);
  EXPECT_EQ(WaitForRelease(second).Str("state"), "completed");

  // Audited, with who did it.
  bool audited = false;
  auto owner = Owner();
  for (const auto& record : AuditOf(owner, "env:" + std::to_string(env_id))) {
    audited |= Text(record.at("action")) == "env.release_policy" &&
               Text(record.at("actor")) == owner_.username;
  }
  EXPECT_TRUE(audited);
}

TEST_F(ReleasePolicyTest, BadInputIsRefusedNamingTheFieldAndChangesNothing) {
  const auto env_id = CreateEnv(MissingImage("1.0"), 1);
  const auto before = Owner().Get("/api/v1/environments/" + std::to_string(env_id));
  const std::vector<std::pair<json::object, std::string>> cases = {
      {{{"strategy", "blue"}}, "strategy"},
      {{{"canary", {{"steps", json::array{{{"pods", 0}}}}}}}, "canary.steps[0].pods"},
      {{{"canary", {{"steps", json::array{{{"pods", 1}, {"pause", "later"}}}}}}},
       "canary.steps[0].pause"},
      {{{"canary", {{"steps", json::array{{{"pods", 1}}}}, {"stability_window_seconds", -1}}}},
       "canary.stability_window_seconds"},
      {{{"approval_required", "no"}}, "approval_required"},
      {{{"release_policy", json::object{}}}, "release_policy"},
  };
  for (const auto& [body, field] : cases) {
    auto refused = Owner().Put(PolicyPath(env_id), body);
    EXPECT_EQ(refused.status, 400) << refused;
    EXPECT_EQ(refused.ErrorCode(), "invalid") << refused;
    EXPECT_EQ(refused.ErrorDetail("field"), field) << refused;
  }
  auto stale = Owner().Put(PolicyPath(env_id), {{"version", before.Int("version") + 1}});
  EXPECT_EQ(stale.status, 409) << stale;
  const auto after = Owner().Get("/api/v1/environments/" + std::to_string(env_id));
  EXPECT_EQ(after.Int("version"), before.Int("version"));
  EXPECT_EQ(after.Object().at("release_policy"), before.Object().at("release_policy"));
}

TEST_F(ReleasePolicyTest, ViewersMembersAndOutsidersGet403) {
  const auto env_id = CreateEnv(MissingImage("1.0"), 1);
  const auto member = server().CreateUser("developer", "pol-member");
  ASSERT_EQ(Owner()
                .Put("/api/v1/apps/" + std::to_string(app_id_) + "/members/" + member.username,
                     {{"role", "developer"}})
                .status,
            200);
  const json::object body{{"auto_rollback", true}};
  for (const auto& who : {server().CreateUser("viewer", "pol-viewer"), member,
                          server().CreateUser("developer", "pol-outsider")}) {
    auto refused = server().As(who).Put(PolicyPath(env_id), body);
    EXPECT_EQ(refused.status, 403) << who.username << ": " << refused;
  }
  const auto env = Owner().Get("/api/v1/environments/" + std::to_string(env_id));
  EXPECT_FALSE(env.Object().at("release_policy").at("auto_rollback").as_bool());
  EXPECT_EQ(env.Int("version"), 1);
  // The owner's application lists the action; the developer member's does not.
  auto app = "/api/v1/apps/" + std::to_string(app_id_);
  auto listed = [](const Reply& r) {
    for (const auto& a : r.Object().at("actions").as_array())
      if (Text(a) == "edit_release_policy") return true;
    return false;
  };
  EXPECT_TRUE(listed(Owner().Get(app)));
  EXPECT_FALSE(listed(server().As(member).Get(app)));
  EXPECT_EQ(server().Admin().Put(PolicyPath(env_id), body).status, 200);
}

}  // namespace
}  // namespace slipway::testing
