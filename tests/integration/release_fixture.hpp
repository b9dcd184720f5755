#pragma once
// A server with the in-process sandbox, an approved application and what a
// release test needs around it: images pushed to the sandbox registry,
// environments, the Kubernetes emulator's admin endpoints (faults, calls).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "connectors/registry/client.hpp"
#include "support/api_fixture.hpp"

namespace slipway::testing {

class ReleaseTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { server_.reset(); }
  /// The database of the suite's server (a fixture on PostgreSQL overrides it).
  virtual Backend backend() const { return Backend::kSqlite; }
  ApiServer& server() {
    if (!server_ || server_backend_ != backend()) {
      server_.reset();
      server_ = std::make_unique<ApiServer>(SandboxOptions(backend()));
      server_backend_ = backend();
    }
    return *server_;
  }
  static inline std::unique_ptr<ApiServer> server_;
  static inline Backend server_backend_ = Backend::kSqlite;

  void SetUp() override {
    owner_ = server().CreateUser("developer", "rel-owner");
    name_ = UniqueName("pay");
    app_id_ = RegisterApprovedApp(server(), owner_, name_);
  }

  /// Replaces the test's application by a commercial one, approved and with
  /// complete details, so a code change can name any image.
  void UseCommercialApp() {
    const auto approver = server().CreateUser("approver", "rel-approver");
    name_ = UniqueName("vendor");
    auto reg = Owner().Post(
        "/api/v1/apps",
        {{"name", name_}, {"team", "trade"}, {"type", "commercial"}, {"level", "non_core"}});
    ASSERT_EQ(reg.status, 201) << reg;
    app_id_ = reg.Int("id");
    const std::string app = "/api/v1/apps/" + std::to_string(app_id_);
    auto approved = server().Admin().Post(app + "/approve", {{"comment", "ok"}});
    ASSERT_EQ(approved.status, 200) << approved;
    auto details = CompleteDetailsBody(approved.Int("version"), approver.username);
    details.erase("build_job");
    details["vendor_image"] =
        server().SandboxUrl("registry").substr(std::string("http://").size()) + "/slipway/" + name_;
    auto completed = Owner().Put(app + "/details", details);
    ASSERT_EQ(completed.status, 200) << completed;
  }

  /// A code change of `image` on the environment, submitted and released; the release's id.
  std::int64_t ReleaseImage(std::int64_t env_id, const std::string& image,
                            const std::string& strategy = "one_shot") {
    auto created =
        Owner().Post("/api/v1/apps/" + std::to_string(app_id_) + "/changes",
                     {{"env_id", env_id}, {"title", "release " + image}, {"image", image}});
    EXPECT_EQ(created.status, 201) << created;
    const std::string change = "/api/v1/changes/" + std::to_string(created.Int("id"));
    auto submitted = Owner().Post(change + "/submit");
    EXPECT_EQ(submitted.Str("state"), "pending_release") << submitted;
    auto started = Owner().Post(change + "/release", {{"strategy", strategy}});
    EXPECT_EQ(started.status, 202) << started;
    return started.Int("id");
  }

  Api Owner() { return server().As(owner_); }
  /// The Kubernetes emulator, spoken to directly.
  Api Kube() { return Api(server().SandboxUrl("kubernetes"), ""); }

  /// Pushes a real image into the sandbox registry; returns its address.
  std::string PushImage(const std::string& tag) {
    connectors::TransportSettings settings;
    settings.base_url = server().SandboxUrl("registry");
    connectors::registry::RegistryClient registry(settings);
    auto pushed = registry.PushImage("slipway/" + name_, tag);
    EXPECT_TRUE(pushed.ok()) << (pushed.ok() ? "" : pushed.error().message);
    return settings.base_url.substr(std::string("http://").size()) + "/slipway/" + name_ + ":" +
           tag;
  }
  /// An image address in the sandbox registry that was never pushed.
  std::string MissingImage(const std::string& tag) {
    return server().SandboxUrl("registry").substr(std::string("http://").size()) + "/slipway/" +
           name_ + ":" + tag;
  }

  std::int64_t CreateEnv(const std::string& image, int replicas,
                         const boost::json::object& policy = {}) {
    boost::json::object body{{"env_type", "test"},
                             {"cluster", "sandbox"},
                             {"image", image},
                             {"replicas", replicas},
                             {"ports", boost::json::array{{{"container_port", 8080}}}}};
    if (!policy.empty()) body["release_policy"] = policy;
    auto env = Owner().Post("/api/v1/apps/" + std::to_string(app_id_) + "/environments", body);
    EXPECT_EQ(env.status, 201) << env;
    namespace_ = env.Str("namespace");
    return env.Int("id");
  }

  Reply WaitForRelease(std::int64_t id) {
    Reply last;
    EXPECT_TRUE(WaitUntil(
        [&] {
          last = Owner().Get("/api/v1/releases/" + std::to_string(id));
          auto state = last.Str("state");
          return state == "completed" || state == "failed";
        },
        std::chrono::seconds(120)))
        << last;
    return last;
  }

  /// Pods of the environment that are ready, not terminating and run `image`;
  /// -1 when there are others too.
  int PodsRunning(std::int64_t env_id, const std::string& image) {
    auto pods = Owner().Get("/api/v1/environments/" + std::to_string(env_id) + "/pods");
    if (pods.status != 200) return -1;
    int good = 0;
    for (const auto& p : pods.Object().at("items").as_array()) {
      if (!p.at("ready").as_bool() || p.at("terminating").as_bool() || Text(p.at("image")) != image)
        return -1;
      ++good;
    }
    return good;
  }

  /// POST /_sandbox/faults on the Kubernetes emulator.
  void InjectFault(const boost::json::object& rule) {
    auto added = Kube().Post("/_sandbox/faults", rule);
    ASSERT_EQ(added.status, 201) << added;
  }
  /// Faults not used up yet.
  std::size_t PendingFaults() {
    return Kube().Get("/_sandbox/state").Object().at("injection").at("faults").as_array().size();
  }
  /// Calls the emulator answered with an injected fault since the log was cleared.
  int InjectedCalls() {
    int n = 0;
    const auto calls = Kube().Get("/_sandbox/calls");
    for (const auto& c : calls.Object().at("calls").as_array()) n += c.at("injected").as_bool();
    return n;
  }
  void ClearFaults() { Kube().Delete("/_sandbox/faults"); }

  /// /apis/apps/v1/namespaces/<ns>/deployments/<app>: the stable Deployment.
  std::string DeploymentPath() {
    return "/apis/apps/v1/namespaces/" + namespace_ + "/deployments/" + name_;
  }
  std::string PodsPath() { return "/api/v1/namespaces/" + namespace_ + "/pods"; }

  TestUser owner_;
  std::string name_;
  std::string namespace_;
  std::int64_t app_id_ = 0;
};

}  // namespace slipway::testing
