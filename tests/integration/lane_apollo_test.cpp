// A lane of an application whose config lives in Apollo (R-LANE-7), against
// `slipway serve` with its sandbox: the lane gets its own Apollo cluster,
// `feature-<lane>`, holding each file of the base cluster's live release
// rewritten for the lane and released; the lane's pods are told the cluster;
// deleting the lane deletes the cluster and leaves the base one as it was.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "lane_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

class LaneApolloTest : public LaneServerTest {
 protected:
  void Publish(const std::string& env, const std::string& file, const std::string& content) {
    auto api = server().As(owner_);
    auto draft = api.Put(env + "/config/files/" + file + "/draft", {{"content", content}});
    ASSERT_EQ(draft.status, 200) << draft;
    auto published = api.Post(env + "/config/files/" + file + "/publish", {{"comment", "base"}});
    ASSERT_EQ(published.status, 201) << published;
  }

  // The Apollo portal emulator, FAT being the sandbox's Apollo env for `test`.
  Reply Portal(const std::string& app, const std::string& path) {
    return Api(server().SandboxUrl("apollo"), "")
        .Send("GET", "/openapi/v1/envs/FAT/apps/" + app + "/clusters/" + path, std::nullopt,
              {{"Authorization", "sandbox-apollo-token"}});
  }
};

TEST_F(LaneApolloTest, TheLaneGetsItsOwnClusterRewrittenAndLosesItWithTheLane) {
  const auto app = UniqueName("apl");
  const auto env = AddLaneApp(app, {}, {{"config_backend", "apollo"}});
  Publish(env, "application.properties", "site=https://web-qa.sandbox.test/home\ntimeout=30\n");
  Publish(env, "app.yaml", "server:\n  port: 8080\n");
  const std::string lane = UniqueName("Q4");
  const std::string ns = NamespaceOf(lane);
  const std::string cluster = "feature-" + ns;
  auto api = server().As(owner_);
  const json::object body{
      {"name", lane}, {"story", Story()}, {"apps", json::array{json::object{{"app", app}}}}};

  auto plan = api.Post("/api/v1/lanes?dry_run=1", body);
  ASSERT_EQ(plan.status, 200) << plan;
  EXPECT_NE(json::serialize(plan.Object().at("plan")).find(cluster), std::string::npos)
      << "the plan names the lane's Apollo cluster: " << plan;
  EXPECT_EQ(Portal(app, cluster).status, 404) << "a dry run creates nothing";

  auto created = api.Post("/api/v1/lanes", body);
  ASSERT_EQ(created.status, 202) << created;
  const auto id = created.Object().at("lane").at("id").as_int64();
  auto active =
      WaitForLane(owner_, id, [](const Reply& r) { return r.Str("state") != "creating"; });
  ASSERT_EQ(active.Str("state"), "active")
      << active << "\nevents: " << api.Get("/api/v1/lanes/" + std::to_string(id) + "/events");

  // The lane's cluster holds each file, released, the properties rewritten for the lane.
  EXPECT_EQ(Portal(app, cluster).status, 200);
  auto properties = Portal(app, cluster + "/namespaces/application/releases/latest");
  ASSERT_EQ(properties.status, 200) << properties;
  const auto& values = properties.Object().at("configurations").as_object();
  EXPECT_EQ(Text(values.at("site")), "https://web-" + ns + ".sandbox.test/home");
  EXPECT_EQ(Text(values.at("timeout")), "30");
  EXPECT_EQ(values.size(), 2u);
  auto yaml = Portal(app, cluster + "/namespaces/app.yaml/releases/latest");
  ASSERT_EQ(yaml.status, 200) << yaml;
  EXPECT_EQ(Text(yaml.Object().at("configurations").at("content")), "server:\n  port: 8080\n");

  // The lane's pods read that cluster.
  auto deployment = Api(server().SandboxUrl("kubernetes"), "")
                        .Get("/apis/apps/v1/namespaces/" + ns + "/deployments/" + app);
  ASSERT_EQ(deployment.status, 200) << deployment;
  bool told = false;
  for (const auto& c :
       deployment.Object().at("spec").at("template").at("spec").at("containers").as_array()) {
    if (!c.as_object().contains("env")) continue;
    for (const auto& e : c.at("env").as_array()) {
      if (Text(e.at("name")) == "APOLLO_CLUSTER") told = Text(e.at("value")) == cluster;
    }
  }
  EXPECT_TRUE(told) << "APOLLO_CLUSTER=" << cluster << " in " << deployment;

  auto drift = api.Get("/api/v1/lanes/" + std::to_string(id) + "/drift");
  ASSERT_EQ(drift.status, 200) << drift;
  for (const auto& item : drift.Object().at("items").as_array()) {
    EXPECT_TRUE(item.at("present").is_bool() && item.at("present").as_bool()) << item;
  }

  // Deleting the lane deletes its cluster; the base cluster keeps its release.
  auto deleted = api.Delete("/api/v1/lanes/" + std::to_string(id) + "?confirm=" + lane);
  ASSERT_EQ(deleted.status, 200) << deleted;
  EXPECT_EQ(Portal(app, cluster).status, 404);
  auto base = Portal(app, "sandbox/namespaces/application/releases/latest");
  ASSERT_EQ(base.status, 200) << base;
  EXPECT_EQ(Text(base.Object().at("configurations").at("site")),
            "https://web-qa.sandbox.test/home");
}

}  // namespace
}  // namespace slipway::testing
