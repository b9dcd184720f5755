// Everything the emulator returns validates against the official OpenAPI
// v3 schemas (shared/specs/kubernetes/), strictly: no unknown fields, no
// wrong types, required fields present.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/common/json_path.hpp"
#include "sandbox/kubernetes/openapi.hpp"
#include "sandbox/kubernetes/schema_checker.hpp"
#include "sandbox/kubernetes/test_support.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;
namespace {

using testing::Call;
using testing::DeploymentManifest;
using testing::ManualSettings;

class SchemaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    checker_ = new SchemaChecker();
    OpenApiDocuments docs;
    for (const char* gv : {"api/v1", "apis/apps/v1", "apis/networking.k8s.io/v1"}) {
      auto doc = docs.Document(gv);
      ASSERT_TRUE(doc) << "missing OpenAPI document " << gv << " in " << docs.dir();
      checker_->AddDocument(json::parse(*doc));
    }
  }
  static void TearDownTestSuite() { delete checker_; }

  // Validates `value` as `kind` of `api_version`; lists as their List kind.
  void ExpectValid(const json::value& value, const std::string& api_version,
                   const std::string& kind) {
    auto slash = api_version.find('/');
    std::string group = slash == std::string::npos ? "" : api_version.substr(0, slash);
    std::string version = slash == std::string::npos ? api_version : api_version.substr(slash + 1);
    auto schema = checker_->SchemaFor(group, version, kind);
    ASSERT_TRUE(schema) << "no schema for " << api_version << " " << kind;
    auto errors = checker_->Check(value, *schema);
    std::string all;
    for (const auto& e : errors) all += "\n  " + e;
    EXPECT_TRUE(errors.empty()) << kind << " is not valid:" << all << "\n"
                                << json::serialize(value);
  }
  void ExpectValidObject(const json::value& value) {
    ExpectValid(value, core::StringAt(value, {"apiVersion"}), core::StringAt(value, {"kind"}));
  }

  static SchemaChecker* checker_;
  KubernetesEmulator emu{ManualSettings()};
};

SchemaChecker* SchemaTest::checker_ = nullptr;

TEST_F(SchemaTest, CheckerIsStrict) {
  auto good = DeploymentManifest("web", "web:1");
  ExpectValid(good, "apps/v1", "Deployment");
  auto schema = *checker_->SchemaFor("apps", "v1", "Deployment");
  auto unknown = good;
  unknown["spec"].as_object()["replica"] = 1;
  EXPECT_EQ(checker_->Check(unknown, schema).size(), 1u);
  auto wrong_type = good;
  wrong_type["spec"].as_object()["replicas"] = "3";
  EXPECT_FALSE(checker_->Check(wrong_type, schema).empty());
  auto missing = good;
  missing["spec"].as_object().erase("selector");
  EXPECT_FALSE(checker_->Check(missing, schema).empty());
  auto null_value = good;
  null_value["metadata"].as_object()["labels"] = nullptr;
  EXPECT_FALSE(checker_->Check(null_value, schema).empty());
  auto int_or_string = good;
  int_or_string["spec"].as_object()["strategy"] =
      json::parse(R"({"rollingUpdate":{"maxSurge":1,"maxUnavailable":"10%"}})");
  EXPECT_TRUE(checker_->Check(int_or_string, schema).empty());
  int_or_string["spec"].as_object()["strategy"] =
      json::parse(R"({"rollingUpdate":{"maxSurge":true}})");
  EXPECT_FALSE(checker_->Check(int_or_string, schema).empty());
  auto bad_time = good;
  bad_time["metadata"].as_object()["creationTimestamp"] = "yesterday";
  EXPECT_FALSE(checker_->Check(bad_time, schema).empty());
}

TEST_F(SchemaTest, WorkloadObjectsAndLists) {
  Call(emu, "POST", "/apis/apps/v1/namespaces/default/deployments",
       DeploymentManifest("web", "web:1", 2));
  Call(emu, "POST", "/apis/apps/v1/namespaces/default/deployments",
       DeploymentManifest("broken", "web:missing", 1));
  auto crash = DeploymentManifest("crash", "web:1", 1);
  crash["spec"].as_object()["template"].as_object()["metadata"].as_object()["annotations"] =
      json::object{{"sandbox.slipway.dev/crash", "true"}};
  Call(emu, "POST", "/apis/apps/v1/namespaces/default/deployments", crash);
  for (int i = 0; i < 4; ++i) emu.RunControllersOnce();
  ExpectValidObject(Call(emu, "GET", "/apis/apps/v1/namespaces/default/deployments/web").body);
  auto deployments = Call(emu, "GET", "/apis/apps/v1/deployments").body;
  ExpectValid(deployments, "apps/v1", "DeploymentList");
  auto rses = Call(emu, "GET", "/apis/apps/v1/namespaces/default/replicasets").body;
  ExpectValid(rses, "apps/v1", "ReplicaSetList");
  ASSERT_FALSE(rses.at("items").as_array().empty());
  auto rs = rses.at("items").at(0);
  ExpectValidObject(Call(emu, "GET",
                         "/apis/apps/v1/namespaces/default/replicasets/" +
                             core::StringAt(rs, {"metadata", "name"}))
                        .body);
  auto pods = Call(emu, "GET", "/api/v1/pods").body;
  ExpectValid(pods, "v1", "PodList");
  std::set<std::string> phases;
  for (const auto& p : pods.at("items").as_array()) {
    ExpectValid(p, "v1", "Pod");
    phases.insert(core::StringAt(p.at("status").at("containerStatuses").at(0),
                                 {"state", "waiting", "reason"}, "running"));
  }
  EXPECT_TRUE(phases.count("running"));
  EXPECT_TRUE(phases.count("CrashLoopBackOff") || phases.count("ImagePullBackOff"));
  ExpectValidObject(
      Call(emu, "GET", "/apis/apps/v1/namespaces/default/deployments/web/scale").body);
}

TEST_F(SchemaTest, CoreAndNetworkingObjects) {
  auto ns = Call(emu, "POST", "/api/v1/namespaces", testing::NamespaceManifest("team-a"));
  ExpectValidObject(ns.body);
  ExpectValidObject(Call(emu, "DELETE", "/api/v1/namespaces/team-a").body);  // Terminating
  ExpectValid(Call(emu, "GET", "/api/v1/namespaces").body, "v1", "NamespaceList");
  auto svc = Call(emu, "POST", "/api/v1/namespaces/default/services",
                  json::parse(R"({"metadata":{"name":"web"},"spec":{"selector":{"app":"web"},
                                  "ports":[{"name":"http","port":80,"targetPort":"http"}]}})"));
  ExpectValidObject(svc.body);
  ExpectValid(Call(emu, "GET", "/api/v1/namespaces/default/services").body, "v1", "ServiceList");
  auto ing = Call(emu, "POST", "/apis/networking.k8s.io/v1/namespaces/default/ingresses",
                  json::parse(R"({"metadata":{"name":"web"},"spec":{"ingressClassName":"nginx",
                    "tls":[{"hosts":["web.example.com"],"secretName":"web-tls"}],
                    "rules":[{"host":"web.example.com","http":{"paths":[{"path":"/","pathType":"Prefix",
                    "backend":{"service":{"name":"web","port":{"number":80}}}}]}}]}})"));
  ASSERT_EQ(ing.status, 201) << ing.raw.body;
  ExpectValidObject(ing.body);
  ExpectValid(Call(emu, "GET", "/apis/networking.k8s.io/v1/ingresses").body, "networking.k8s.io/v1",
              "IngressList");
  auto cm = Call(emu, "POST", "/api/v1/namespaces/default/configmaps",
                 json::parse(R"({"metadata":{"name":"cfg"},"data":{"a.properties":"k=v\n"}})"));
  ExpectValidObject(cm.body);
  ExpectValid(Call(emu, "GET", "/api/v1/configmaps").body, "v1", "ConfigMapList");
}

TEST_F(SchemaTest, StatusObjects) {
  ExpectValid(Call(emu, "GET", "/apis/apps/v1/namespaces/default/deployments/nope").body, "v1",
              "Status");
  auto bad = DeploymentManifest("bad", "web:1");
  bad["spec"].as_object().erase("selector");
  ExpectValid(Call(emu, "POST", "/apis/apps/v1/namespaces/default/deployments", bad).body, "v1",
              "Status");
  Call(emu, "POST", "/apis/apps/v1/namespaces/default/deployments",
       DeploymentManifest("web", "web:1"));
  ExpectValid(Call(emu, "POST", "/apis/apps/v1/namespaces/default/deployments",
                   DeploymentManifest("web", "web:1"))
                  .body,
              "v1", "Status");
  ExpectValid(Call(emu, "DELETE", "/apis/apps/v1/namespaces/default/deployments/web").body, "v1",
              "Status");
}

}  // namespace
}  // namespace slipway::sandbox::kube
