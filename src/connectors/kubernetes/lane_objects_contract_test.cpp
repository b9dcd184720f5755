// The Kubernetes operations swimlanes use, on both backends of the contract
// suite (the fake, and the real client against the sandbox emulator): a
// lane's Namespace, Deployment, ClusterIP and ExternalName Services and
// networking.k8s.io/v1 Ingress; the API server's refusals of malformed
// Services and Ingresses; and deleting the lane's Namespace, which goes
// through Terminating and takes every object in it.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include "connectors/kubernetes/contract_backends.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors {
namespace {

using namespace std::chrono_literals;

KubeObject Json(const std::string& text) { return boost::json::parse(text).as_object(); }

KubeObject Deployment(const std::string& name) {
  return Json(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":")" + name +
              R"("},"spec":{"replicas":1,"selector":{"matchLabels":{"app":")" + name +
              R"("}},"template":{"metadata":{"labels":{"app":")" + name +
              R"("}},"spec":{"containers":[{"name":"main","image":"registry.local/web:1"}]}}}})");
}

KubeObject ClusterIpService(const std::string& name) {
  return Json(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":")" + name +
              R"("},"spec":{"selector":{"app":")" + name +
              R"("},"ports":[{"port":80,"targetPort":8080}]}})");
}

/// A lane's name for an application it does not run: the base environment's Service.
KubeObject ExternalNameService(const std::string& name, const std::string& target) {
  return Json(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":")" + name +
              R"("},"spec":{"type":"ExternalName","externalName":")" + target + R"("}})");
}

KubeObject Ingress(const std::string& name, const std::string& host, const std::string& path_type) {
  return Json(R"({"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":")" +
              name + R"("},"spec":{"rules":[{"host":")" + host +
              R"(","http":{"paths":[{"path":"/",)" +
              (path_type.empty() ? "" : R"("pathType":")" + path_type + R"(",)") +
              R"("backend":{"service":{"name":"web","port":{"number":80}}}}]}}]}})");
}

bool Eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout = 15s) {
  for (auto until = std::chrono::steady_clock::now() + timeout;
       std::chrono::steady_clock::now() < until;) {
    if (done()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return done();
}

class LaneObjectsContract : public ::testing::TestWithParam<kube_testing::BackendFactory> {
 protected:
  void SetUp() override {
    backend_ = GetParam().make();
    ASSERT_TRUE(k().EnsureNamespace("lane-1").ok());
  }
  Kubernetes& k() { return backend_->k8s(); }
  /// Creates the object and expects the API server's 422 with `text` in it.
  void ExpectRefused(const KubeResource& resource, const KubeObject& object,
                     const std::string& text) {
    auto r = k().Create(resource, "lane-1", object);
    ASSERT_FALSE(r.ok()) << boost::json::serialize(object);
    EXPECT_EQ(r.error().code, core::Code::kInvalid) << r.error().message;
    EXPECT_NE(r.error().message.find(text), std::string::npos) << r.error().message;
  }
  std::unique_ptr<kube_testing::Backend> backend_;
};

TEST_P(LaneObjectsContract, ALanesObjectsAreCreatedAndReadBack) {
  ASSERT_TRUE(k().Create(kube::kDeployments, "lane-1", Deployment("web")).ok());
  auto cluster_ip = k().Create(kube::kServices, "lane-1", ClusterIpService("web"));
  ASSERT_TRUE(cluster_ip.ok()) << cluster_ip.error().message;
  EXPECT_EQ(core::StringAt(*cluster_ip, {"spec", "type"}), "ClusterIP");
  EXPECT_FALSE(core::StringAt(*cluster_ip, {"spec", "clusterIP"}).empty());

  auto external = k().Create(kube::kServices, "lane-1",
                             ExternalNameService("pay", "pay.base.svc.cluster.local"));
  ASSERT_TRUE(external.ok()) << external.error().message;
  auto read = k().Get(kube::kServices, "lane-1", "pay");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(core::StringAt(*read, {"spec", "type"}), "ExternalName");
  EXPECT_EQ(core::StringAt(*read, {"spec", "externalName"}), "pay.base.svc.cluster.local");
  EXPECT_EQ(core::Find(*read, {"spec", "clusterIP"}), nullptr) << "a CNAME has no cluster IP";
  EXPECT_EQ(core::Find(*read, {"spec", "clusterIPs"}), nullptr);
  EXPECT_EQ(core::Find(*read, {"spec", "selector"}), nullptr);

  auto ingress =
      k().Create(kube::kIngresses, "lane-1", Ingress("web", "web.lane-1.sandbox.test", "Prefix"));
  ASSERT_TRUE(ingress.ok()) << ingress.error().message;
  auto got = k().Get(kube::kIngresses, "lane-1", "web");
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(core::StringAt(*got, {"apiVersion"}), "networking.k8s.io/v1");
  EXPECT_EQ(core::StringAt(got->at("spec").as_object().at("rules").as_array().at(0).as_object(),
                           {"host"}),
            "web.lane-1.sandbox.test");
  auto services = k().List(kube::kServices, "lane-1", {});
  ASSERT_TRUE(services.ok());
  EXPECT_EQ(services->items.size(), 2u);
}

TEST_P(LaneObjectsContract, MalformedServicesAndIngressesAreRefusedLikeTheApiServer) {
  KubeObject no_target = ExternalNameService("a", "x");
  no_target["spec"].as_object().erase("externalName");
  ExpectRefused(kube::kServices, no_target, "spec.externalName: Required value");
  ExpectRefused(kube::kServices, ExternalNameService("b", "Not_A_Host"),
                "spec.externalName: Invalid value");
  KubeObject with_ip = ExternalNameService("c", "pay.base.svc.cluster.local");
  with_ip["spec"].as_object()["clusterIP"] = "10.96.0.77";
  ExpectRefused(kube::kServices, with_ip, "may not be set for ExternalName services");
  KubeObject no_ports = ClusterIpService("d");
  no_ports["spec"].as_object().erase("ports");
  ExpectRefused(kube::kServices, no_ports, "spec.ports: Required value");
  KubeObject bad_type = ClusterIpService("e");
  bad_type["spec"].as_object()["type"] = "Cname";
  ExpectRefused(kube::kServices, bad_type, "spec.type: Unsupported value");
  ExpectRefused(kube::kIngresses, Ingress("f", "f.example.com", ""),
                "spec.rules[0].http.paths[0].pathType: Required value");
  ExpectRefused(kube::kIngresses, Ingress("g", "g.example.com", "Glob"),
                "spec.rules[0].http.paths[0].pathType: Unsupported value");
  auto services = k().List(kube::kServices, "lane-1", {});
  ASSERT_TRUE(services.ok());
  EXPECT_TRUE(services->items.empty()) << "nothing refused was stored";
}

TEST_P(LaneObjectsContract, DeletingALanesNamespaceTerminatesItAndTakesEverythingInIt) {
  ASSERT_TRUE(k().Create(kube::kDeployments, "lane-1", Deployment("web")).ok());
  ASSERT_TRUE(k().Create(kube::kServices, "lane-1", ClusterIpService("web")).ok());
  ASSERT_TRUE(k().Create(kube::kServices, "lane-1",
                         ExternalNameService("pay", "pay.base.svc.cluster.local"))
                  .ok());
  ASSERT_TRUE(
      k().Create(kube::kIngresses, "lane-1", Ingress("web", "web.lane-1.example", "Prefix")).ok());

  auto deleted = k().Delete(kube::kNamespaces, "", "lane-1", PropagationPolicy::kBackground);
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  ASSERT_TRUE(deleted->has_value());
  EXPECT_EQ(core::StringAt(**deleted, {"status", "phase"}), "Terminating");
  EXPECT_TRUE(Eventually([&] {
    auto phase = k().NamespacePhase("lane-1");
    return !phase.ok() && phase.error().code == core::Code::kNotFound;
  })) << "a Terminating namespace goes away";

  ASSERT_TRUE(k().EnsureNamespace("lane-1").ok());
  for (const auto& [resource, name] :
       {std::pair{&kube::kDeployments, "web"}, std::pair{&kube::kServices, "web"},
        std::pair{&kube::kServices, "pay"}, std::pair{&kube::kIngresses, "web"}}) {
    auto gone = k().Get(*resource, "lane-1", name);
    ASSERT_FALSE(gone.ok()) << resource->plural << "/" << name << " survived its namespace";
    EXPECT_EQ(gone.error().code, core::Code::kNotFound);
  }
  auto pods = k().List(kube::kPods, "lane-1", {});
  ASSERT_TRUE(pods.ok());
  EXPECT_TRUE(pods->items.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, LaneObjectsContract,
                         ::testing::ValuesIn(kube_testing::Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace slipway::connectors
