// Issue 9, items 1 and 4, against the real server: a deleted environment's id
// is never handed to the next one (which used to inherit the deleted one's
// drafts, publish history, audit and open changes, so another application's
// approved change released into it), and a refused release leaves nothing
// that holds its environment.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "release_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

class EnvironmentIdsTest : public ReleaseTest {
 protected:
  std::string EnvPath(std::int64_t id, const std::string& suffix = "") {
    return "/api/v1/environments/" + std::to_string(id) + suffix;
  }
  /// A code change of `image` on the environment, submitted: pending_release.
  std::int64_t PendingChange(std::int64_t env, const std::string& image) {
    auto created = Owner().Post("/api/v1/apps/" + std::to_string(app_id_) + "/changes",
                                {{"env_id", env}, {"title", "ship " + image}, {"image", image}});
    EXPECT_EQ(created.status, 201) << created;
    auto submitted =
        Owner().Post("/api/v1/changes/" + std::to_string(created.Int("id")) + "/submit");
    EXPECT_EQ(submitted.Str("state"), "pending_release") << submitted;
    return created.Int("id");
  }
};

TEST_F(EnvironmentIdsTest, ADeletedEnvironmentsIdGoesToNobodyAndWhatNamedItIsClosedOrKept) {
  UseCommercialApp();
  const std::string app_a = name_;
  const auto env_a = CreateEnv(PushImage("1.0"), 1);
  const auto change_a = PendingChange(env_a, PushImage("2.0"));
  const std::string file = EnvPath(env_a, "/config/files/application.properties");
  ASSERT_EQ(Owner().Put(file + "/draft", {{"content", "password=a-secret-of-a\n"}}).status, 200);
  auto published = Owner().Post(file + "/publish", {{"comment", "first"}});
  ASSERT_EQ(published.status, 201) << published;
  ASSERT_EQ(Owner().Put(file + "/draft", {{"content", "password=a-newer-secret-of-a\n"}}).status,
            200);

  auto deleted = Owner().Delete(EnvPath(env_a, "?confirm=" + app_a));
  ASSERT_EQ(deleted.status, 204) << deleted;

  // Application B's new environment: a new id, nothing of A's.
  UseCommercialApp();
  const auto env_b = CreateEnv(PushImage("1.0"), 1);
  EXPECT_GT(env_b, env_a) << "the deleted environment's id was handed out again";
  const std::string file_b = EnvPath(env_b, "/config/files/application.properties");
  EXPECT_EQ(Owner().Get(file_b + "/draft").status, 404);
  auto history_b = Owner().Get(EnvPath(env_b, "/config/history"));
  ASSERT_EQ(history_b.status, 200) << history_b;
  EXPECT_TRUE(history_b.Object().at("items").as_array().empty()) << history_b;
  auto admin = server().Admin();
  for (const auto& record : AuditOf(admin, "env:" + std::to_string(env_b))) {
    EXPECT_EQ(record.at("summary").as_string().find(app_a), json::string::npos)
        << json::serialize(record);
  }

  // A's history stays readable under A's id; its draft went with it.
  auto history_a = Owner().Get(EnvPath(env_a, "/config/history"));
  ASSERT_EQ(history_a.status, 200) << history_a;
  EXPECT_EQ(history_a.Object().at("items").as_array().size(), 1u) << history_a;
  EXPECT_EQ(Owner().Get(EnvPath(env_a, "/config/files/application.properties/draft")).status, 404);

  // A's approved change was closed with the reason and releases nowhere.
  auto change = admin.Get("/api/v1/changes/" + std::to_string(change_a));
  EXPECT_EQ(change.Str("state"), "closed") << change;
  EXPECT_EQ(change.Str("close_reason"),
            "environment " + std::to_string(env_a) + " (test) was deleted by " + owner_.username);
  auto release = admin.Post("/api/v1/changes/" + std::to_string(change_a) + "/release");
  EXPECT_EQ(release.status, 409) << release;
  auto releases_b = Owner().Get("/api/v1/releases?env_id=" + std::to_string(env_b));
  EXPECT_TRUE(releases_b.Object().at("items").as_array().empty()) << releases_b;
}

TEST_F(EnvironmentIdsTest, ARefusedReleaseLeavesNothingThatHoldsTheEnvironment) {
  UseCommercialApp();
  const auto env = CreateEnv(PushImage("1.0"), 1);
  auto created =
      Owner().Post("/api/v1/apps/" + std::to_string(app_id_) + "/changes",
                   {{"env_id", env}, {"title", "not submitted"}, {"image", PushImage("2.0")}});
  ASSERT_EQ(created.status, 201) << created;
  auto refused = Owner().Post("/api/v1/changes/" + std::to_string(created.Int("id")) + "/release");
  EXPECT_EQ(refused.status, 409) << refused;
  EXPECT_EQ(refused.ErrorDetail("state"), "developing") << refused;
  auto releases = Owner().Get("/api/v1/releases?env_id=" + std::to_string(env));
  EXPECT_TRUE(releases.Object().at("items").as_array().empty()) << releases;

  // The environment is free: a release runs, and afterwards it can be deleted.
  auto release = WaitForRelease(ReleaseImage(env, PushImage("3.0")));
  EXPECT_EQ(release.Str("state"), "completed") << release;
  auto deleted = Owner().Delete(EnvPath(env, "?confirm=" + name_));
  EXPECT_EQ(deleted.status, 204) << deleted;
}

}  // namespace
}  // namespace slipway::testing
