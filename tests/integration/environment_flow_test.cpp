// Environments against the sandbox over HTTP (R-ENV-1..4, 6, 7): objects in
// the Kubernetes emulator, pods failing to pull before the first build,
// rolling restart, live events, deletion, and the audit trail.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

class EnvironmentFlowTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { server_.reset(); }
  static ApiServer& server() {
    if (!server_) server_ = std::make_unique<ApiServer>(SandboxOptions());
    return *server_;
  }
  static inline std::unique_ptr<ApiServer> server_;

  void SetUp() override {
    owner_ = server().CreateUser("developer", "env-owner");
    name_ = UniqueName("shop");
    app_id_ = RegisterApprovedApp(server(), owner_, name_);
  }

  // The Kubernetes emulator, spoken to directly.
  Api Kube() { return Api(server().SandboxUrl("kubernetes"), ""); }
  std::string AppPath(const std::string& suffix = "") {
    return "/api/v1/apps/" + std::to_string(app_id_) + suffix;
  }

  Reply CreateEnv(json::object body) {
    if (!body.contains("env_type")) body["env_type"] = "test";
    if (!body.contains("cluster")) body["cluster"] = "sandbox";
    return server().As(owner_).Post(AppPath("/environments"), body);
  }

  std::vector<json::object> Pods(std::int64_t env_id) {
    auto pods = server().As(owner_).Get("/api/v1/environments/" + std::to_string(env_id) + "/pods");
    std::vector<json::object> out;
    if (pods.status != 200) return out;
    for (const auto& p : pods.Object().at("items").as_array()) out.push_back(p.as_object());
    return out;
  }

  TestUser owner_;
  std::string name_;
  std::int64_t app_id_ = 0;
};

TEST_F(EnvironmentFlowTest, CreatingAnEnvironmentAppliesItsObjectsAndShowsTheImagePullFailure) {
  auto env = CreateEnv(
      {{"replicas", 2},
       {"ports", json::array{{{"name", "http"}, {"container_port", 8080}, {"service_port", 80}}}},
       {"env", json::array{{{"name", "LOG_LEVEL"}, {"value", "debug"}}}}});
  ASSERT_EQ(env.status, 201) << env;
  const auto env_id = env.Int("id");
  EXPECT_EQ(env.Str("namespace"), "test");
  EXPECT_FALSE(env.Object().at("image_set").as_bool());

  // The Deployment and the default Service are in the cluster at once, with Slipway's labels.
  auto kube = Kube();
  auto deployment = kube.Get("/apis/apps/v1/namespaces/test/deployments/" + name_);
  ASSERT_EQ(deployment.status, 200) << deployment;
  const auto& labels = deployment.Object().at("metadata").at("labels").as_object();
  EXPECT_EQ(Text(labels.at("app")), name_);
  EXPECT_EQ(Text(labels.at("env")), "test");
  EXPECT_EQ(Text(labels.at("track")), "stable");
  EXPECT_EQ(Text(labels.at("app.kubernetes.io/managed-by")), "slipway");
  EXPECT_EQ(deployment.Object().at("spec").at("replicas").as_int64(), 2);
  auto service = kube.Get("/api/v1/namespaces/test/services/" + name_);
  ASSERT_EQ(service.status, 200) << service;
  const auto& port = service.Object().at("spec").at("ports").at(0).as_object();
  EXPECT_EQ(port.at("port").as_int64(), 80);
  EXPECT_EQ(port.at("targetPort").as_int64(), 8080);

  // No build yet: the pods cannot pull their image, and the environment says so.
  ASSERT_TRUE(WaitUntil([&] {
    auto pods = Pods(env_id);
    if (pods.size() != 2) return false;
    for (const auto& p : pods) {
      auto reason = Text(p.at("waiting_reason"));
      if (reason != "ImagePullBackOff" && reason != "ErrImagePull") return false;
    }
    return true;
  })) << server().As(owner_).Get("/api/v1/environments/" + std::to_string(env_id) + "/pods");
  auto detail = server().As(owner_).Get("/api/v1/environments/" + std::to_string(env_id));
  ASSERT_EQ(detail.status, 200) << detail;
  const auto& live = detail.Object().at("live").as_object();
  EXPECT_TRUE(live.at("reachable").as_bool());
  EXPECT_TRUE(live.at("deployment_found").as_bool());
  EXPECT_EQ(live.at("replicas").at("desired").as_int64(), 2);
  EXPECT_EQ(live.at("replicas").at("ready").as_int64(), 0);
  ASSERT_FALSE(live.at("notes").as_array().empty()) << detail;
  EXPECT_THAT(Text(live.at("notes").at(0)), ::testing::HasSubstr("cannot pull the image"));

  // The same pair (env type, cluster) again is a conflict, and nothing changes.
  auto again = CreateEnv({});
  EXPECT_EQ(again.status, 409) << again;
  EXPECT_EQ(again.ErrorDetail("environment_id"), std::to_string(env_id));
}

TEST_F(EnvironmentFlowTest, RestartRollsNewPodsAndWritesOnlyAnOperationRecord) {
  auto env = CreateEnv({{"replicas", 1}});
  ASSERT_EQ(env.status, 201) << env;
  const auto env_id = env.Int("id");
  const std::string path = "/api/v1/environments/" + std::to_string(env_id);
  std::string first_revision;
  ASSERT_TRUE(WaitUntil([&] {
    auto pods = Pods(env_id);
    if (pods.size() != 1) return false;
    first_revision = Text(pods[0].at("revision"));
    return !first_revision.empty();
  }));

  auto restart = server().As(owner_).Post(path + "/restart");
  ASSERT_EQ(restart.status, 202) << restart;
  EXPECT_EQ(restart.Str("kind"), "restart");
  // A new ReplicaSet generation brings pods of another revision.
  ASSERT_TRUE(WaitUntil([&] {
    for (const auto& p : Pods(env_id)) {
      if (Text(p.at("revision")) != first_revision) return true;
    }
    return false;
  })) << server().As(owner_).Get(path + "/pods");

  auto ops = server().As(owner_).Get(path + "/operations");
  ASSERT_EQ(ops.status, 200) << ops;
  std::vector<std::string> kinds;
  for (const auto& op : ops.Object().at("items").as_array()) kinds.push_back(Text(op.at("kind")));
  EXPECT_EQ(kinds, (std::vector<std::string>{"restart", "create"}));

  // Others may look but not restart.
  auto viewer = server().CreateUser("viewer", "env-viewer");
  EXPECT_EQ(server().As(viewer).Get(path + "/pods").status, 200);
  EXPECT_EQ(server().As(viewer).Post(path + "/restart").status, 403);
  auto outsider = server().CreateUser("developer", "env-outsider");
  EXPECT_EQ(server().As(outsider).Post(path + "/restart").status, 403);
}

// An offline application's `refusals.restart` says no, and so does the route.
TEST_F(EnvironmentFlowTest, AnOfflineApplicationsEnvironmentIsNotRestarted) {
  auto env = CreateEnv({});
  ASSERT_EQ(env.status, 201) << env;
  const std::string path = "/api/v1/environments/" + std::to_string(env.Int("id"));
  ASSERT_EQ(server().As(owner_).Post(AppPath("/offline"), {{"reason", "retired"}}).status, 200);
  ASSERT_EQ(server().Admin().Post(AppPath("/offline/confirm")).status, 200);
  auto app = server().As(owner_).Get(AppPath());
  const std::string reason = Text(app.Object().at("refusals").at("restart"));
  ASSERT_FALSE(reason.empty()) << app;
  auto restart = server().As(owner_).Post(path + "/restart");
  EXPECT_EQ(restart.status, 409) << restart;
  EXPECT_THAT(restart.raw.body, ::testing::HasSubstr(reason));
  auto ops = server().As(owner_).Get(path + "/operations");
  EXPECT_EQ(ops.Object().at("items").as_array().size(), 1u)
      << "only the create: nothing was restarted";
}

TEST_F(EnvironmentFlowTest, EventsStreamThePodsFromAWatch) {
  auto env = CreateEnv({});
  ASSERT_EQ(env.status, 201) << env;
  auto events = server().As(owner_).Get("/api/v1/environments/" + std::to_string(env.Int("id")) +
                                        "/events?timeout_seconds=2");
  ASSERT_EQ(events.status, 200) << events;
  EXPECT_THAT(events.Header("content-type").value_or(""),
              ::testing::HasSubstr("text/event-stream"));
  EXPECT_THAT(events.raw.body, ::testing::HasSubstr("event: pods\ndata: {\"items\":"));
  EXPECT_THAT(events.raw.body,
              ::testing::HasSubstr("event: deployment\ndata: {\"name\":\"" + name_ + "\""));
}

TEST_F(EnvironmentFlowTest, DeletingNeedsConfirmationRemovesTheObjectsAndIsAudited) {
  auto env = CreateEnv({{"ports", json::array{{{"container_port", 8080}}}}});
  ASSERT_EQ(env.status, 201) << env;
  const std::string path = "/api/v1/environments/" + std::to_string(env.Int("id"));
  auto kube = Kube();
  ASSERT_EQ(kube.Get("/apis/apps/v1/namespaces/test/deployments/" + name_).status, 200);

  auto unconfirmed = server().As(owner_).Delete(path + "?confirm=wrong");
  EXPECT_EQ(unconfirmed.status, 400) << unconfirmed;
  EXPECT_EQ(kube.Get("/apis/apps/v1/namespaces/test/deployments/" + name_).status, 200);

  // The cluster cannot go while the environment uses it.
  auto cluster_delete = server().Admin().Delete("/api/v1/clusters/sandbox");
  EXPECT_EQ(cluster_delete.status, 409) << cluster_delete;

  auto deleted = server().As(owner_).Delete(path + "?confirm=" + name_);
  EXPECT_EQ(deleted.status, 204) << deleted;
  EXPECT_EQ(kube.Get("/apis/apps/v1/namespaces/test/deployments/" + name_).status, 404);
  EXPECT_EQ(kube.Get("/api/v1/namespaces/test/services/" + name_).status, 404);
  EXPECT_EQ(server().As(owner_).Get(path).status, 404);

  std::set<std::string> actions;
  auto admin = server().Admin();
  for (const auto& record : AuditOf(admin, "env:" + std::to_string(env.Int("id")))) {
    if (Text(record.at("result")) == "ok") actions.insert(Text(record.at("action")));
  }
  EXPECT_EQ(actions, (std::set<std::string>{"env.create", "env.delete"}));
  // Recreating it afterwards works: the pair is free again.
  EXPECT_EQ(CreateEnv({}).status, 201);
}

// Bad input of every kind: a clear 4xx naming the field, and nothing in the cluster.
TEST_F(EnvironmentFlowTest, BadInputIsRefusedAndCreatesNothing) {
  struct Case {
    json::object body;
    int status;
    std::string field;
  };
  const std::vector<Case> cases = {
      {{{"replicas", 0}}, 400, "replicas"},
      {{{"replicas", 25}}, 400, "replicas"},
      {{{"replicas", "two"}}, 400, "replicas"},
      {{{"cluster", "no-such-cluster"}}, 400, "cluster"},
      {{{"env_type", "staging"}}, 400, "env_type"},
      {{{"ports", json::array{{{"container_port", 70000}}}}}, 400, "ports[0].container_port"},
      {{{"ports", json::array{{{"container_port", 80}}, {{"container_port", 80}}}}},
       400,
       "ports[1].container_port"},
      {{{"resources", {{"cpu_request", "2"}, {"cpu_limit", "1"}}}}, 400, "resources.cpu_request"},
      {{{"resources", {{"memory_limit", "lots"}}}}, 400, "resources.memory_limit"},
      {{{"readiness", {{"type", "http"}, {"port", 8080}}}}, 400, "readiness.path"},
      {{{"env", json::array{{{"name", "1BAD"}}}}}, 400, "env[0].name"},
      {{{"services", json::array{{{"name", "Web"}, {"ports", json::array{{{"port", 80}}}}}}}},
       400,
       "services[0].name"},
      {{{"image", "not an image"}}, 400, "image"},
      {{{"replica", 2}}, 400, "replica"},
  };
  for (const auto& c : cases) {
    auto reply = CreateEnv(c.body);
    EXPECT_EQ(reply.status, c.status) << json::serialize(c.body) << " → " << reply;
    EXPECT_EQ(reply.ErrorDetail("field"), c.field) << json::serialize(c.body) << " → " << reply;
  }
  EXPECT_EQ(Kube().Get("/apis/apps/v1/namespaces/test/deployments/" + name_).status, 404);
  auto list = server().As(owner_).Get(AppPath("/environments"));
  ASSERT_EQ(list.status, 200) << list;
  EXPECT_TRUE(list.Object().at("items").as_array().empty());

  // Someone who is not the application's owner or developer may not create one.
  auto outsider = server().CreateUser("developer", "env-outsider");
  EXPECT_EQ(server()
                .As(outsider)
                .Post(AppPath("/environments"), {{"env_type", "test"}, {"cluster", "sandbox"}})
                .status,
            403);
  // An application still under review may not hold environments.
  auto pending = server().As(owner_).Post("/api/v1/apps", AppBody(UniqueName("pending")));
  ASSERT_EQ(pending.status, 201);
  auto early = server().As(owner_).Post(
      "/api/v1/apps/" + std::to_string(pending.Int("id")) + "/environments",
      {{"env_type", "test"}, {"cluster", "sandbox"}});
  EXPECT_EQ(early.status, 409) << early;
}

TEST_F(EnvironmentFlowTest, ClustersFromAKubeconfigAreCheckedAndNeverShowTheirSecret) {
  const std::string kubeconfig =
      "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
      "clusters:\n- name: k\n  cluster:\n    server: " +
      server().SandboxUrl("kubernetes") +
      "\n"
      "users:\n- name: u\n  user:\n    token: very-secret-token\n"
      "contexts:\n- name: c\n  context:\n    cluster: k\n    user: u\n";
  const auto name = UniqueName("east");
  auto created =
      server().Admin().Post("/api/v1/clusters", {{"name", name},
                                                 {"connection", "kubeconfig"},
                                                 {"kubeconfig", kubeconfig},
                                                 {"namespaces", {{"test", "shop-test"}}},
                                                 {"registry", "registry.example.com:5000"}});
  ASSERT_EQ(created.status, 201) << created;
  EXPECT_TRUE(created.Object().at("connectivity").at("ok").as_bool()) << created;
  EXPECT_FALSE(Text(created.Object().at("connectivity").at("version")).empty());
  EXPECT_TRUE(created.Object().at("has_kubeconfig").as_bool());
  EXPECT_EQ(created.raw.body.find("very-secret-token"), std::string::npos);
  auto listed = server().Admin().Get("/api/v1/clusters");
  EXPECT_EQ(listed.raw.body.find("very-secret-token"), std::string::npos);

  // An environment there lands in the namespace the cluster maps its env type to.
  auto env = CreateEnv({{"cluster", name}});
  ASSERT_EQ(env.status, 201) << env;
  EXPECT_EQ(env.Str("namespace"), "shop-test");
  EXPECT_EQ(Kube().Get("/apis/apps/v1/namespaces/shop-test/deployments/" + name_).status, 200);

  // Bad registrations.
  EXPECT_EQ(server()
                .Admin()
                .Post("/api/v1/clusters", {{"name", UniqueName("bad")},
                                           {"connection", "kubeconfig"},
                                           {"kubeconfig", "clusters: ["}})
                .ErrorDetail("field"),
            "kubeconfig");
  EXPECT_EQ(
      server()
          .Admin()
          .Post("/api/v1/clusters", {{"name", UniqueName("bad")}, {"connection", "kubeconfig"}})
          .ErrorDetail("field"),
      "kubeconfig");
  EXPECT_EQ(server()
                .Admin()
                .Post("/api/v1/clusters", {{"name", "Bad_Name"}, {"connection", "in_cluster"}})
                .status,
            400);
  EXPECT_EQ(server()
                .Admin()
                .Post("/api/v1/clusters", {{"name", name}, {"connection", "in_cluster"}})
                .status,
            409);
  EXPECT_EQ(server()
                .As(owner_)
                .Post("/api/v1/clusters", {{"name", UniqueName("x")}, {"connection", "in_cluster"}})
                .status,
            403);

  // A cluster that cannot be reached is registered and says why.
  auto unreachable = server().Admin().Post(
      "/api/v1/clusters", {{"name", UniqueName("gone")}, {"connection", "in_cluster"}});
  ASSERT_EQ(unreachable.status, 201) << unreachable;
  EXPECT_FALSE(unreachable.Object().at("connectivity").at("ok").as_bool());
  EXPECT_FALSE(Text(unreachable.Object().at("connectivity").at("error")).empty());
}

}  // namespace
}  // namespace slipway::testing
