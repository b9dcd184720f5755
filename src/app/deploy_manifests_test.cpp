// deploy/kubernetes/: the manifests for running Slipway on Kubernetes. Every
// object of a kind the official OpenAPI documents describe
// (shared/specs/kubernetes/: core, apps, networking) validates strictly — no
// unknown field, every required one present; RBAC, which those documents do
// not cover, must grant what Slipway's Kubernetes port does and nothing on
// Secrets. (That the real kubectl applies them to the sandbox's Kubernetes is
// KubectlTest.AppliesTheDeployManifestsWithKustomize in
// src/sandbox/kubernetes/kubectl_test.cpp.)
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "connectors/kubernetes.hpp"
#include "sandbox/kubernetes/document.hpp"
#include "sandbox/kubernetes/openapi.hpp"
#include "sandbox/kubernetes/schema_checker.hpp"

namespace slipway::app {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

const fs::path kDeployDir = fs::path(SLIPWAY_SOURCE_DIR) / "deploy" / "kubernetes";

std::vector<json::object> Objects() {
  std::vector<json::object> out;
  for (const auto& entry : fs::directory_iterator(kDeployDir)) {
    if (entry.path().extension() != ".yaml" || entry.path().filename() == "kustomization.yaml")
      continue;
    for (const auto& doc : YAML::LoadAllFromFile(entry.path().string())) {
      if (doc.IsNull()) continue;
      YAML::Emitter text;
      text << doc;
      out.push_back(sandbox::kube::YamlToJson(text.c_str()).as_object());
    }
  }
  return out;
}

std::string Text(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : json::serialize(v);
}

std::string Kind(const json::object& o) { return Text(o.at("kind")); }

TEST(DeployManifests, EveryObjectOfADescribedKindValidatesStrictlyAgainstTheOfficialSchema) {
  sandbox::kube::SchemaChecker checker;
  sandbox::kube::OpenApiDocuments docs;
  for (const char* gv : {"api/v1", "apis/apps/v1", "apis/networking.k8s.io/v1"}) {
    auto doc = docs.Document(gv);
    ASSERT_TRUE(doc) << "missing OpenAPI document " << gv << " in " << docs.dir();
    checker.AddDocument(json::parse(*doc));
  }
  std::set<std::string> checked;
  for (const auto& object : Objects()) {
    const auto api_version = Text(object.at("apiVersion"));
    if (api_version.starts_with("rbac.authorization.k8s.io/")) continue;  // see the RBAC test
    const auto slash = api_version.find('/');
    const auto group = slash == std::string::npos ? "" : api_version.substr(0, slash);
    const auto version = slash == std::string::npos ? api_version : api_version.substr(slash + 1);
    auto schema = checker.SchemaFor(group, version, Kind(object));
    ASSERT_TRUE(schema) << "no official schema for " << api_version << " " << Kind(object);
    std::string problems;
    for (const auto& e : checker.Check(object, *schema)) problems += "\n  " + e;
    EXPECT_TRUE(problems.empty()) << Kind(object) << " " << Text(object.at("metadata").at("name"))
                                  << ":" << problems;
    checked.insert(Kind(object));
  }
  EXPECT_EQ(checked, (std::set<std::string>{"ConfigMap", "Deployment", "Namespace", "Service",
                                            "ServiceAccount"}));
}

TEST(DeployManifests, TheDeploymentRunsTwoReplicasWithProbesAndItsSecretsFromASecret) {
  const json::object* deployment = nullptr;
  auto objects = Objects();
  for (const auto& o : objects) {
    if (Kind(o) == "Deployment") deployment = &o;
  }
  ASSERT_NE(deployment, nullptr);
  const auto& spec = deployment->at("spec").as_object();
  EXPECT_EQ(spec.at("replicas").as_int64(), 2);
  const auto& pod = spec.at("template").at("spec").as_object();
  EXPECT_EQ(Text(pod.at("serviceAccountName")), "slipway");
  const auto& container = pod.at("containers").as_array().at(0).as_object();
  EXPECT_EQ(Text(container.at("livenessProbe").at("httpGet").at("path")), "/healthz");
  EXPECT_EQ(Text(container.at("readinessProbe").at("httpGet").at("path")), "/readyz");
  std::map<std::string, std::string> from_secret;
  for (const auto& env : container.at("env").as_array()) {
    if (const auto* ref = env.as_object().if_contains("valueFrom")) {
      from_secret[Text(env.at("name"))] = Text(ref->at("secretKeyRef").at("name"));
    }
  }
  EXPECT_EQ(from_secret["SLIPWAY_DATABASE_URL"], "slipway");
  EXPECT_EQ(from_secret["SLIPWAY_SECRET_KEY"], "slipway");
  EXPECT_EQ(Text(container.at("securityContext").at("readOnlyRootFilesystem")), "true");
}

// "group/resource" → verbs the ClusterRole bound to Slipway's ServiceAccount grants.
std::map<std::string, std::set<std::string>> Granted(const std::vector<json::object>& objects) {
  std::string role;
  for (const auto& o : objects) {
    if (Kind(o) != "ClusterRoleBinding") continue;
    for (const auto& subject : o.at("subjects").as_array()) {
      if (Text(subject.at("kind")) == "ServiceAccount" && Text(subject.at("name")) == "slipway") {
        role = Text(o.at("roleRef").at("name"));
      }
    }
  }
  std::map<std::string, std::set<std::string>> granted;
  for (const auto& o : objects) {
    if (Kind(o) != "ClusterRole" || Text(o.at("metadata").at("name")) != role) continue;
    for (const auto& rule : o.at("rules").as_array()) {
      for (const auto& group : rule.at("apiGroups").as_array()) {
        for (const auto& resource : rule.at("resources").as_array()) {
          for (const auto& verb : rule.at("verbs").as_array()) {
            granted[Text(group) + "/" + Text(resource)].insert(Text(verb));
          }
        }
      }
    }
  }
  return granted;
}

TEST(DeployManifests, TheClusterRoleGrantsWhatTheKubernetesPortDoesAndNothingOnSecrets) {
  const auto granted = Granted(Objects());
  ASSERT_FALSE(granted.empty()) << "no ClusterRole bound to the slipway ServiceAccount";
  const auto group_of = [](const connectors::KubeResource& r) {
    const auto slash = r.api_version.find('/');
    return slash == std::string_view::npos ? std::string()
                                           : std::string(r.api_version.substr(0, slash));
  };
  // What the services ask of each resource through the port: environments and
  // lanes write namespaces, Deployments, Services, ConfigMaps and Ingresses,
  // watch Deployments and pods, scale Deployments; pods and ReplicaSets are
  // read (and pods deleted, to restart an environment).
  const std::set<std::string> all = {"get", "list", "watch", "create", "update", "patch", "delete"};
  const std::set<std::string> read_delete = {"get", "list", "watch", "delete"};
  const std::vector<std::pair<connectors::KubeResource, std::set<std::string>>> needed = {
      {connectors::kube::kNamespaces, all},         {connectors::kube::kDeployments, all},
      {connectors::kube::kServices, all},           {connectors::kube::kConfigMaps, all},
      {connectors::kube::kIngresses, all},          {connectors::kube::kPods, read_delete},
      {connectors::kube::kReplicaSets, read_delete}};
  for (const auto& [resource, verbs] : needed) {
    const auto key = group_of(resource) + "/" + std::string(resource.plural);
    auto it = granted.find(key);
    ASSERT_NE(it, granted.end()) << key << " is not granted";
    for (const auto& verb : verbs) EXPECT_TRUE(it->second.count(verb)) << key << ": " << verb;
  }
  auto scale = granted.find("apps/deployments/scale");
  ASSERT_NE(scale, granted.end()) << "the port scales Deployments through the scale subresource";
  EXPECT_TRUE(scale->second.count("patch"));
  for (const auto& [key, verbs] : granted) {
    EXPECT_EQ(key.find("secrets"), std::string::npos) << "Slipway never reads Secrets: " << key;
    EXPECT_FALSE(verbs.count("*")) << key;
  }
}

}  // namespace
}  // namespace slipway::app
