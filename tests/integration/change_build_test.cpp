// A self-developed application's code change names its build: the build's
// image and digest go onto the change, the release puts it in place, and the
// released change is then immutable (R-CHG-1, R-CHG-4), with the result
// announced to the application's robot.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "build_helpers.hpp"
#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

class ChangeBuildTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { server_.reset(); }
  static ApiServer& server() {
    if (!server_) server_ = std::make_unique<ApiServer>(SandboxOptions());
    return *server_;
  }
  static inline std::unique_ptr<ApiServer> server_;
};

TEST_F(ChangeBuildTest, ABuildIsReleasedThroughAChangeThatIsThenKeptAsItWas) {
  auto owner_user = server().CreateUser("developer", "cb-owner");
  auto approver_user = server().CreateUser("approver", "cb-approver");
  auto owner = server().As(owner_user);
  const auto name = UniqueName("svc");
  const auto app_id = ApprovedApp(server(), owner_user, name);
  const auto app = "/api/v1/apps/" + std::to_string(app_id);
  auto details = owner.Put(
      app + "/details", CompleteDetailsBody(owner.Get(app).Int("version"), approver_user.username));
  ASSERT_EQ(details.status, 200) << details;
  auto env = owner.Post(app + "/environments", {{"env_type", "test"}, {"cluster", "sandbox"}});
  ASSERT_EQ(env.status, 201) << env;
  auto robot = server().SandboxUrl("dingtalk") + "/robot/send?access_token=sandbox-robot";
  ASSERT_EQ(owner
                .Put(app + "/notifications",
                     {{"targets",
                       json::array{json::object{{"name", "group"},
                                                {"type", "dingtalk"},
                                                {"url", robot},
                                                {"secret", "SECsandbox-dingtalk-robot-secret"},
                                                {"kinds", json::array{"release_completed"}}}}}})
                .status,
            200);

  auto started = owner.Post(BuildsPath(app_id), BuildBody("1.0.0"));
  ASSERT_EQ(started.status, 201) << started;
  auto build = WaitUntilEnded(owner, started.Int("id"));
  ASSERT_EQ(build.Str("state"), "succeeded") << build;

  auto created = owner.Post(
      app + "/changes",
      {{"env_id", env.Int("id")}, {"title", "first release"}, {"build_id", build.Int("id")}});
  ASSERT_EQ(created.status, 201) << created;
  const auto id = created.Int("id");
  EXPECT_EQ(created.Str("image"), build.Str("image"));
  EXPECT_EQ(created.Str("image_digest"), build.Str("digest"));
  EXPECT_EQ(created.Int("build_id"), build.Int("id"));

  // An open change names the build's image: deleting the build would
  // leave the change nothing to release.
  auto deleted = owner.Delete(BuildPath(build.Int("id")));
  EXPECT_EQ(deleted.status, 409) << deleted;
  EXPECT_THAT(deleted.raw.body, HasSubstr("change " + std::to_string(id)));

  const auto change = "/api/v1/changes/" + std::to_string(id);
  auto submitted = owner.Post(change + "/submit");
  ASSERT_EQ(submitted.status, 200) << submitted;
  EXPECT_EQ(submitted.Str("state"), "pending_release");  // non_core test: no approval
  auto release = owner.Post(change + "/release");
  ASSERT_EQ(release.status, 202) << release;
  ASSERT_TRUE(WaitUntil([&] { return owner.Get(change).Str("state") == "released"; }))
      << owner.Get("/api/v1/releases/" + std::to_string(release.Int("id")));

  auto released = owner.Get(change);
  EXPECT_EQ(released.Int("release_id"), release.Int("id"));
  EXPECT_TRUE(released.Object().at("actions").as_array().empty());
  auto patch =
      owner.Patch(change, {{"version", released.Int("version")}, {"title", "rewrite history"}});
  EXPECT_EQ(patch.status, 409) << patch;
  EXPECT_EQ(patch.ErrorDetail("state"), "released");
  for (const char* event : {"submit", "close", "withdraw"}) {
    auto r = owner.Post(change + "/" + event);
    EXPECT_EQ(r.status, 409) << event << ": " << r;
    EXPECT_EQ(r.ErrorDetail("state"), "released");
  }
  // A second release of the same change is refused too (released at most once).
  EXPECT_EQ(owner.Post(change + "/release").status, 409);

  ASSERT_TRUE(WaitUntil([&] {
    auto state = Api(server().SandboxUrl("dingtalk"), "").Get("/_sandbox/state");
    for (const auto& m : state.Object().at("state").at("messages").as_array()) {
      if (Text(m.at("title")).find(name) != std::string::npos) return true;
    }
    return false;
  }));
  auto deliveries = owner.Get(app + "/notifications").Object().at("deliveries").as_array();
  ASSERT_FALSE(deliveries.empty());
  EXPECT_EQ(Text(deliveries[0].at("kind")), "release_completed");
  EXPECT_THAT(Text(deliveries[0].at("title")), HasSubstr("completed"));
}

}  // namespace
}  // namespace slipway::testing
