// Admission on both backends of the contract suite (the fake, and the real
// client against the sandbox emulator): the writes an API server refuses,
// each with the error the real client makes of the Status answer — code,
// reason, message and details alike — and what it does to the writes it
// takes (defaults, no-op writes, generateName). One implementation of these
// rules serves both (connectors/kubernetes/model/admission.*).

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connectors/kubernetes/contract_backends.hpp"
#include "connectors/kubernetes/errors.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors {
namespace {

KubeObject Json(const std::string& text) { return boost::json::parse(text).as_object(); }

/// A valid Deployment; `spec_extra` is spliced into its spec.
KubeObject Deployment(const std::string& name, const std::string& selector = R"({"app":"web"})",
                      const std::string& labels = R"({"app":"web"})",
                      const std::string& spec_extra = "") {
  return Json(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":")" + name +
              R"("},"spec":{)" + spec_extra + R"("selector":{"matchLabels":)" + selector +
              R"(},"template":{"metadata":{"labels":)" + labels +
              R"(},"spec":{"containers":[{"name":"main","image":"registry.local/web:1"}]}}}})");
}

KubeObject Service(const std::string& name, int port) {
  return Json(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":")" + name +
              R"("},"spec":{"selector":{"app":"web"},"ports":[{"port":)" + std::to_string(port) +
              "}]}}");
}

/// The Status answer behind an error, as the real client keeps it.
struct Expected {
  core::Code code;
  int http;
  std::string reason;
  std::string message;  ///< the Status message (the error's, without "kubernetes: ")
};

template <typename T>
void ExpectRefused(const core::Result<T>& result, const Expected& want) {
  ASSERT_FALSE(result.ok()) << "accepted; expected: " << want.message;
  const auto& e = result.error();
  EXPECT_EQ(e.code, want.code) << e.message;
  EXPECT_EQ(core::IntAt(e.details, {"status"}), want.http) << e.message;
  EXPECT_EQ(kube::Reason(e), want.reason) << e.message;
  EXPECT_EQ(e.message, "kubernetes: " + want.message);
}

/// `details` of the Status: the object named, and for 422 the causes.
boost::json::value StatusDetails(const core::Error& e) {
  const auto* d = core::Find(e.details, {"details"});
  return d ? *d : boost::json::value();
}

class AdmissionContract : public ::testing::TestWithParam<kube_testing::BackendFactory> {
 protected:
  void SetUp() override {
    backend_ = GetParam().make();
    ASSERT_TRUE(k().EnsureNamespace("team-a").ok());
  }
  Kubernetes& k() { return backend_->k8s(); }

  std::unique_ptr<kube_testing::Backend> backend_;
};

constexpr const char* kSubdomainRule =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
    "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

TEST_P(AdmissionContract, DeploymentWithAnInvalidName) {
  auto created = k().Create(kube::kDeployments, "team-a", Deployment("Web_1"));
  ExpectRefused(created,
                {core::Code::kInvalid, 422, "Invalid",
                 std::string("Deployment.apps \"Web_1\" is invalid: metadata.name: Invalid value: "
                             "\"Web_1\": ") +
                     kSubdomainRule});
  ASSERT_FALSE(created.ok());
  const auto details = StatusDetails(created.error());
  EXPECT_EQ(core::StringAt(details, {"kind"}), "Deployment");  // the Kind in a 422, not the plural
  EXPECT_EQ(core::StringAt(details, {"name"}), "Web_1");
  const auto* causes = core::Find(details, {"causes"});
  ASSERT_TRUE(causes && causes->is_array() && causes->as_array().size() == 1u)
      << boost::json::serialize(details);
  EXPECT_EQ(
      causes->as_array()[0],
      (boost::json::object{{"reason", "FieldValueInvalid"},
                           {"message", std::string("Invalid value: \"Web_1\": ") + kSubdomainRule},
                           {"field", "metadata.name"}}));
}

TEST_P(AdmissionContract, DeploymentWithoutASelector) {
  KubeObject d = Deployment("web");
  d["spec"].as_object().erase("selector");
  ExpectRefused(k().Create(kube::kDeployments, "team-a", d),
                {core::Code::kInvalid, 422, "Invalid",
                 "Deployment.apps \"web\" is invalid: spec.selector: Required value"});
}

TEST_P(AdmissionContract, DeploymentWhoseSelectorDoesNotMatchTheTemplate) {
  ExpectRefused(
      k().Create(kube::kDeployments, "team-a", Deployment("web", R"({"app":"x"})")),
      {core::Code::kInvalid, 422, "Invalid",
       "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: "
       "map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"});
}

TEST_P(AdmissionContract, DeploymentWithNegativeReplicasAndNoContainers) {
  KubeObject d = Deployment("web", R"({"app":"web"})", R"({"app":"web"})", R"("replicas":-1,)");
  ExpectRefused(k().Create(kube::kDeployments, "team-a", d),
                {core::Code::kInvalid, 422, "Invalid",
                 "Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be "
                 "greater than or equal to 0"});
  // Every cause at once, in brackets, as apimachinery lists them.
  d["spec"].as_object()["template"].as_object()["spec"] = {{"containers", boost::json::array()}};
  ExpectRefused(k().Create(kube::kDeployments, "team-a", d),
                {core::Code::kInvalid, 422, "Invalid",
                 "Deployment.apps \"web\" is invalid: [spec.replicas: Invalid value: -1: must be "
                 "greater than or equal to 0, spec.template.spec.containers: Required value]"});
}

TEST_P(AdmissionContract, ScaleToNegativeReplicasNeverLeavesTheClient) {
  ASSERT_TRUE(k().Create(kube::kDeployments, "team-a", Deployment("web")).ok());
  auto scaled = k().Scale(kube::kDeployments, "team-a", "web", -1);
  ASSERT_FALSE(scaled.ok());
  EXPECT_EQ(scaled.error().code, core::Code::kInvalid);
  EXPECT_EQ(scaled.error().message, "kubernetes: replicas must not be negative");
}

TEST_P(AdmissionContract, DeploymentSelectorIsImmutable) {
  ASSERT_TRUE(k().Create(kube::kDeployments, "team-a", Deployment("web")).ok());
  KubeObject changed =
      Deployment("web", R"({"app":"web","track":"b"})", R"({"app":"web","track":"b"})");
  ExpectRefused(k().Replace(kube::kDeployments, "team-a", changed),
                {core::Code::kInvalid, 422, "Invalid",
                 "Deployment.apps \"web\" is invalid: spec.selector: Invalid value: "
                 "v1.LabelSelector{app=web,track=b}: field is immutable"});
}

TEST_P(AdmissionContract, StaleResourceVersionConflicts) {
  auto created = k().Create(kube::kConfigMaps, "team-a",
                            {{"metadata", {{"name", "cfg"}}}, {"data", {{"k", "1"}}}});
  ASSERT_TRUE(created.ok()) << created.error().message;
  KubeObject stale = *created;
  stale["data"] = {{"k", "2"}};
  ASSERT_TRUE(k().Replace(kube::kConfigMaps, "team-a", stale).ok());
  stale["data"] = {{"k", "3"}};
  const Expected conflict{core::Code::kConflict, 409, "Conflict",
                          "Operation cannot be fulfilled on configmaps \"cfg\": the object has "
                          "been modified; please apply your changes to the latest version and "
                          "try again"};
  auto replaced = k().Replace(kube::kConfigMaps, "team-a", stale);
  ExpectRefused(replaced, conflict);
  ASSERT_FALSE(replaced.ok());
  EXPECT_EQ(StatusDetails(replaced.error()),
            boost::json::parse(R"({"name":"cfg","kind":"configmaps"})"));
  ExpectRefused(
      k().Patch(kube::kConfigMaps, "team-a", "cfg", PatchType::kMerge,
                {{"metadata",
                  {{"resourceVersion", core::StringAt(*created, {"metadata", "resourceVersion"})}}},
                 {"data", {{"k", "4"}}}}),
      conflict);
}

TEST_P(AdmissionContract, ServiceWithABadPortOrName) {
  ExpectRefused(k().Create(kube::kServices, "team-a", Service("web", 70000)),
                {core::Code::kInvalid, 422, "Invalid",
                 "Service \"web\" is invalid: spec.ports[0].port: Invalid value: 70000: must be "
                 "between 1 and 65535, inclusive"});
  // Service names are DNS-1035 labels: no leading digit.
  auto named = k().Create(kube::kServices, "team-a", Service("1web", 80));
  ASSERT_FALSE(named.ok());
  EXPECT_EQ(named.error().code, core::Code::kInvalid);
  EXPECT_EQ(named.error().message.rfind("kubernetes: Service \"1web\" is invalid: metadata.name: "
                                        "Invalid value: \"1web\": a DNS-1035 label must consist",
                                        0),
            0u)
      << named.error().message;
}

TEST_P(AdmissionContract, ServiceClusterIpIsImmutable) {
  auto created = k().Create(kube::kServices, "team-a", Service("web", 80));
  ASSERT_TRUE(created.ok()) << created.error().message;
  KubeObject moved = *created;
  const std::string ip = core::StringAt(moved, {"spec", "clusterIP"});
  moved["spec"].as_object()["clusterIP"] = "10.96.200.200";
  ExpectRefused(k().Replace(kube::kServices, "team-a", moved),
                {core::Code::kInvalid, 422, "Invalid",
                 "Service \"web\" is invalid: spec.clusterIPs[0]: Invalid value: "
                 "\"10.96.200.200\": may not change once set"});
  // Left out, the allocated one is kept.
  KubeObject omitted = Service("web", 8080);
  auto replaced = k().Replace(kube::kServices, "team-a", omitted);
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  EXPECT_EQ(core::StringAt(*replaced, {"spec", "clusterIP"}), ip);
}

TEST_P(AdmissionContract, ConfigMapWithAnInvalidKeyOrImmutableData) {
  ExpectRefused(
      k().Create(kube::kConfigMaps, "team-a",
                 {{"metadata", {{"name", "cfg"}}}, {"data", {{"bad key", "v"}}}}),
      {core::Code::kInvalid, 422, "Invalid",
       "ConfigMap \"cfg\" is invalid: data[bad key]: Invalid value: \"bad key\": a valid config "
       "key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or "
       "'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"});
  auto frozen =
      k().Create(kube::kConfigMaps, "team-a",
                 {{"metadata", {{"name", "frozen"}}}, {"data", {{"k", "v"}}}, {"immutable", true}});
  ASSERT_TRUE(frozen.ok()) << frozen.error().message;
  ExpectRefused(
      k().Patch(kube::kConfigMaps, "team-a", "frozen", PatchType::kMerge, {{"data", {{"k", "w"}}}}),
      {core::Code::kInvalid, 422, "Invalid",
       "ConfigMap \"frozen\" is invalid: data: Forbidden: field is immutable when "
       "`immutable` is set"});
}

TEST_P(AdmissionContract, BodyOfAnotherKindOrNamespaceIsABadRequest) {
  KubeObject service = Service("web", 80);
  ExpectRefused(k().Create(kube::kConfigMaps, "team-a", service),
                {core::Code::kInvalid, 400, "BadRequest",
                 "the object provided is unrecognized (kind Service does not match ConfigMap)"});
  KubeObject elsewhere = Service("web", 80);
  elsewhere["metadata"].as_object()["namespace"] = "team-b";
  ExpectRefused(k().Create(kube::kServices, "team-a", elsewhere),
                {core::Code::kInvalid, 400, "BadRequest",
                 "the namespace of the provided object does not match the namespace sent on the "
                 "request"});
}

TEST_P(AdmissionContract, InvalidBeforeMissingNamespaceBeforeAlreadyExists) {
  // The apiserver validates, then admits (the namespace), then stores.
  ExpectRefused(k().Create(kube::kServices, "nowhere", Service("web", 0)),
                {core::Code::kInvalid, 422, "Invalid",
                 "Service \"web\" is invalid: spec.ports[0].port: Invalid value: 0: must be "
                 "between 1 and 65535, inclusive"});
  ExpectRefused(k().Create(kube::kServices, "nowhere", Service("web", 80)),
                {core::Code::kNotFound, 404, "NotFound", "namespaces \"nowhere\" not found"});
  ASSERT_TRUE(k().Create(kube::kServices, "team-a", Service("web", 80)).ok());
  auto again = k().Create(kube::kServices, "team-a", Service("web", 80));
  ExpectRefused(again,
                {core::Code::kConflict, 409, "AlreadyExists", "services \"web\" already exists"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(StatusDetails(again.error()),
            boost::json::parse(R"({"name":"web","kind":"services"})"));
}

TEST_P(AdmissionContract, WritesThatChangeNothingKeepTheResourceVersion) {
  // A ConfigMap: no controller writes it, so only this test's writes could move its version
  // (a Deployment's status is the controllers', written whenever they get to it).
  auto created = k().Create(kube::kConfigMaps, "team-a",
                            Json(R"({"apiVersion":"v1","kind":"ConfigMap",)"
                                 R"("metadata":{"name":"same"},"data":{"a":"1"}})"));
  ASSERT_TRUE(created.ok()) << created.error().message;
  auto same =
      k().Patch(kube::kConfigMaps, "team-a", "same", PatchType::kMerge, {{"data", {{"a", "1"}}}});
  ASSERT_TRUE(same.ok()) << same.error().message;
  EXPECT_EQ(core::StringAt(*same, {"metadata", "resourceVersion"}),
            core::StringAt(*created, {"metadata", "resourceVersion"}));

  // A Deployment's generation moves with its spec only.
  ASSERT_TRUE(k().Create(kube::kDeployments, "team-a", Deployment("web")).ok());
  auto unchanged = k().Patch(kube::kDeployments, "team-a", "web", PatchType::kMerge,
                             {{"spec", {{"replicas", 1}}}});
  ASSERT_TRUE(unchanged.ok()) << unchanged.error().message;
  EXPECT_EQ(core::IntAt(*unchanged, {"metadata", "generation"}), 1);
}

TEST_P(AdmissionContract, CreateFillsGenerateNameAndTheApiServersDefaults) {
  KubeObject d = Deployment("");
  d["metadata"].as_object().erase("name");
  d["metadata"].as_object()["generateName"] = "web-";
  d["status"] = {{"replicas", 7}};  // the controllers', not the client's
  auto created = k().Create(kube::kDeployments, "team-a", d);
  ASSERT_TRUE(created.ok()) << created.error().message;
  const std::string name = core::StringAt(*created, {"metadata", "name"});
  EXPECT_EQ(name.rfind("web-", 0), 0u) << name;
  EXPECT_EQ(name.size(), 9u) << name;
  EXPECT_NE(core::IntAt(*created, {"status", "replicas"}, -1), 7);
  EXPECT_EQ(core::StringAt(*created, {"spec", "template", "spec", "restartPolicy"}), "Always");
  const auto* container = core::Find(*created, {"spec", "template", "spec", "containers"});
  ASSERT_TRUE(container && container->is_array() && !container->as_array().empty());
  EXPECT_EQ(core::StringAt(container->as_array()[0], {"imagePullPolicy"}), "IfNotPresent");

  auto service = k().Create(kube::kServices, "team-a", Service("web", 80));
  ASSERT_TRUE(service.ok()) << service.error().message;
  EXPECT_EQ(core::StringAt(*service, {"spec", "sessionAffinity"}), "None");
  EXPECT_EQ(core::StringAt(*service, {"spec", "ipFamilyPolicy"}), "SingleStack");
  auto ns = k().Get(kube::kNamespaces, "", "team-a");
  ASSERT_TRUE(ns.ok());
  EXPECT_EQ(core::StringAt(*ns, {"metadata", "labels", "kubernetes.io/metadata.name"}), "team-a");
}

INSTANTIATE_TEST_SUITE_P(Backends, AdmissionContract, ::testing::ValuesIn(kube_testing::Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace slipway::connectors
