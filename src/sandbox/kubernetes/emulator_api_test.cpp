// The emulator through its HTTP handler (no network): discovery, CRUD,
// Status errors, patches, subresources, selectors, pagination, auth.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/common/json_path.hpp"
#include "sandbox/kubernetes/test_support.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;
namespace {

using testing::Call;
using testing::DeploymentManifest;
using testing::ManualSettings;
using testing::NamespaceManifest;

constexpr const char* kDeployments = "/apis/apps/v1/namespaces/default/deployments";

class EmulatorApiTest : public ::testing::Test {
 protected:
  KubernetesEmulator emu{ManualSettings()};
};

TEST_F(EmulatorApiTest, Discovery) {
  auto version = Call(emu, "GET", "/version");
  EXPECT_EQ(version.status, 200);
  EXPECT_EQ(core::StringAt(version.body, {"major"}), "1");
  auto api = Call(emu, "GET", "/api");
  EXPECT_EQ(core::StringAt(api.body, {"kind"}), "APIVersions");
  auto apis = Call(emu, "GET", "/apis");
  EXPECT_EQ(core::StringAt(apis.body, {"kind"}), "APIGroupList");
  EXPECT_EQ(apis.body.at("groups").as_array().size(), 3u);  // apps, networking, rbac
  auto apps = Call(emu, "GET", "/apis/apps/v1");
  EXPECT_EQ(core::StringAt(apps.body, {"groupVersion"}), "apps/v1");
  bool deploy = false, scale = false;
  for (const auto& r : apps.body.at("resources").as_array()) {
    if (core::StringAt(r, {"name"}) == "deployments") {
      deploy = core::StringAt(r, {"shortNames"}) == "" && r.at("shortNames").at(0) == "deploy";
    }
    if (core::StringAt(r, {"name"}) == "deployments/scale")
      scale = core::StringAt(r, {"group"}) == "autoscaling";
  }
  EXPECT_TRUE(deploy);
  EXPECT_TRUE(scale);
  EXPECT_EQ(Call(emu, "GET", "/apis/networking.k8s.io").status, 200);
  EXPECT_EQ(Call(emu, "GET", "/apis/batch/v1").status, 404);
  auto index = Call(emu, "GET", "/openapi/v3");
  ASSERT_EQ(index.status, 200) << "OpenAPI documents missing: " << index.raw.body;
  std::string url = core::StringAt(index.body.at("paths"), {"apis/apps/v1", "serverRelativeURL"});
  EXPECT_EQ(url.rfind("/openapi/v3/apis/apps/v1?hash=", 0), 0u) << url;
  auto doc = Call(emu, "GET", "/openapi/v3/apis/apps/v1");
  EXPECT_EQ(doc.status, 200);
  EXPECT_TRUE(core::Find(doc.body, {"components", "schemas"}));
  EXPECT_EQ(Call(emu, "GET", "/openapi/v2").status, 404);
}

TEST_F(EmulatorApiTest, CreateGetListAndMetadata) {
  auto created = Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1", 2));
  ASSERT_EQ(created.status, 201) << created.raw.body;
  EXPECT_EQ(core::StringAt(created.body, {"metadata", "namespace"}), "default");
  EXPECT_FALSE(core::StringAt(created.body, {"metadata", "uid"}).empty());
  EXPECT_FALSE(core::StringAt(created.body, {"metadata", "creationTimestamp"}).empty());
  EXPECT_EQ(core::IntAt(created.body, {"metadata", "generation"}), 1);
  EXPECT_EQ(core::StringAt(created.body, {"spec", "strategy", "rollingUpdate", "maxSurge"}), "25%");
  EXPECT_EQ(core::IntAt(created.body, {"spec", "progressDeadlineSeconds"}), 600);
  auto got = Call(emu, "GET", std::string(kDeployments) + "/web");
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(core::StringAt(got.body, {"kind"}), "Deployment");
  auto list = Call(emu, "GET", std::string(kDeployments) + "?labelSelector=app%3Dweb");
  EXPECT_EQ(core::StringAt(list.body, {"kind"}), "DeploymentList");
  ASSERT_EQ(list.body.at("items").as_array().size(), 1u);
  EXPECT_FALSE(list.body.at("items").at(0).as_object().contains("kind"));
  EXPECT_FALSE(core::StringAt(list.body, {"metadata", "resourceVersion"}).empty());
  auto none = Call(emu, "GET", std::string(kDeployments) + "?labelSelector=app%20in%20(api,db)");
  EXPECT_TRUE(none.body.at("items").as_array().empty());
  auto all = Call(emu, "GET", "/apis/apps/v1/deployments");
  EXPECT_EQ(all.body.at("items").as_array().size(), 1u);
}

TEST_F(EmulatorApiTest, StatusErrorsLookLikeTheApiserver) {
  auto missing = Call(emu, "GET", std::string(kDeployments) + "/nope");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(core::StringAt(missing.body, {"kind"}), "Status");
  EXPECT_EQ(core::StringAt(missing.body, {"reason"}), "NotFound");
  EXPECT_EQ(core::StringAt(missing.body, {"message"}), "deployments.apps \"nope\" not found");
  EXPECT_EQ(core::StringAt(missing.body, {"details", "group"}), "apps");
  EXPECT_EQ(core::StringAt(missing.body, {"details", "kind"}), "deployments");
  EXPECT_EQ(core::IntAt(missing.body, {"code"}), 404);

  ASSERT_EQ(Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1")).status, 201);
  auto dup = Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1"));
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(core::StringAt(dup.body, {"reason"}), "AlreadyExists");

  auto no_selector = DeploymentManifest("bad", "web:1");
  no_selector["spec"].as_object().erase("selector");
  auto invalid = Call(emu, "POST", kDeployments, no_selector);
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(core::StringAt(invalid.body, {"reason"}), "Invalid");
  EXPECT_EQ(core::StringAt(invalid.body, {"details", "kind"}), "Deployment");
  EXPECT_EQ(core::StringAt(invalid.body.at("details").at("causes").at(0), {"field"}),
            "spec.selector");

  auto mismatch = DeploymentManifest("bad", "web:1");
  mismatch["spec"].as_object()["selector"] = json::parse(R"({"matchLabels":{"app":"other"}})");
  auto m = Call(emu, "POST", kDeployments, mismatch);
  EXPECT_EQ(m.status, 422);
  EXPECT_NE(core::StringAt(m.body, {"message"}).find("`selector` does not match template `labels`"),
            std::string::npos);

  auto bad_name = Call(emu, "POST", kDeployments, DeploymentManifest("Web_1", "web:1"));
  EXPECT_EQ(bad_name.status, 422);
  EXPECT_NE(core::StringAt(bad_name.body, {"message"}).find("RFC 1123"), std::string::npos);

  auto no_ns = Call(emu, "POST", "/apis/apps/v1/namespaces/ghost/deployments",
                    DeploymentManifest("web", "web:1"));
  EXPECT_EQ(no_ns.status, 404);
  EXPECT_EQ(core::StringAt(no_ns.body, {"message"}), "namespaces \"ghost\" not found");

  auto bad_request = testing::MakeRequest("POST", kDeployments, "{not json");
  auto bad_json = emu.Handle(bad_request);
  EXPECT_EQ(bad_json.status, 400);
  auto method = Call(emu, "PUT", kDeployments, DeploymentManifest("web", "web:1"));
  EXPECT_EQ(method.status, 405);
  EXPECT_EQ(core::StringAt(method.body, {"reason"}), "MethodNotAllowed");
}

TEST_F(EmulatorApiTest, ReplaceChecksResourceVersion) {
  auto created = Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1"));
  json::object update = created.body.as_object();
  update["spec"].as_object()["replicas"] = 3;
  auto ok = Call(emu, "PUT", std::string(kDeployments) + "/web", update);
  ASSERT_EQ(ok.status, 200) << ok.raw.body;
  EXPECT_EQ(core::IntAt(ok.body, {"metadata", "generation"}), 2);
  EXPECT_NE(core::StringAt(ok.body, {"metadata", "resourceVersion"}),
            core::StringAt(created.body, {"metadata", "resourceVersion"}));
  auto stale = Call(emu, "PUT", std::string(kDeployments) + "/web", update);  // old RV
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(core::StringAt(stale.body, {"reason"}), "Conflict");
  EXPECT_NE(core::StringAt(stale.body, {"message"}).find("the object has been modified"),
            std::string::npos);
  // Metadata-only changes do not bump generation; selector is immutable.
  json::object labels = ok.body.as_object();
  labels["metadata"].as_object()["labels"].as_object()["team"] = "a";
  auto meta_only = Call(emu, "PUT", std::string(kDeployments) + "/web", labels);
  EXPECT_EQ(core::IntAt(meta_only.body, {"metadata", "generation"}), 2);
  json::object selector = meta_only.body.as_object();
  selector["spec"].as_object()["selector"] =
      json::parse(R"({"matchLabels":{"app":"web","x":"y"}})");
  selector["spec"].as_object()["template"].as_object()["metadata"].as_object()["labels"] =
      json::parse(R"({"app":"web","x":"y"})");
  auto immutable = Call(emu, "PUT", std::string(kDeployments) + "/web", selector);
  EXPECT_EQ(immutable.status, 422);
  EXPECT_NE(core::StringAt(immutable.body, {"message"}).find("field is immutable"),
            std::string::npos);
}

TEST_F(EmulatorApiTest, PatchTypes) {
  Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1"));
  std::string url = std::string(kDeployments) + "/web";
  auto merge = Call(emu, "PATCH", url, json::parse(R"({"spec":{"replicas":2}})"),
                    "application/merge-patch+json");
  EXPECT_EQ(core::IntAt(merge.body, {"spec", "replicas"}), 2);
  auto smp =
      Call(emu, "PATCH", url,
           json::parse(
               R"({"spec":{"template":{"spec":{"containers":[{"name":"app","image":"web:2"}]}}}})"),
           "application/strategic-merge-patch+json");
  const auto& c = smp.body.at("spec").at("template").at("spec").at("containers").at(0);
  EXPECT_EQ(core::StringAt(c, {"image"}), "web:2");
  EXPECT_EQ(core::IntAt(c.at("ports").at(0), {"containerPort"}), 8080);  // kept: merged by name
  EXPECT_EQ(core::IntAt(smp.body, {"metadata", "generation"}), 3);
  auto jp = Call(emu, "PATCH", url,
                 json::parse(R"([{"op":"replace","path":"/spec/replicas","value":4}])"),
                 "application/json-patch+json");
  EXPECT_EQ(core::IntAt(jp.body, {"spec", "replicas"}), 4);
  auto failed =
      Call(emu, "PATCH", url, json::parse(R"([{"op":"test","path":"/spec/replicas","value":1}])"),
           "application/json-patch+json");
  EXPECT_EQ(failed.status, 422);
  auto conflict = Call(emu, "PATCH", url, json::parse(R"({"metadata":{"resourceVersion":"1"}})"),
                       "application/merge-patch+json");
  EXPECT_EQ(conflict.status, 409);
  auto unsupported = Call(emu, "PATCH", url, json::parse("{}"), "text/plain");
  EXPECT_EQ(unsupported.status, 415);
  // Server-side apply creates, then merges.
  auto applied = Call(emu, "PATCH", std::string(kDeployments) + "/api?fieldManager=kubectl",
                      DeploymentManifest("api", "api:1"), "application/apply-patch+yaml");
  EXPECT_EQ(applied.status, 201) << applied.raw.body;
  auto yaml = testing::MakeRequest("PATCH", std::string(kDeployments) + "/api?fieldManager=kubectl",
                                   "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n"
                                   "spec:\n  replicas: 5\n",
                                   "application/apply-patch+yaml");
  auto yaml_reply = emu.Handle(yaml);
  EXPECT_EQ(yaml_reply.status, 200) << yaml_reply.body;
  EXPECT_EQ(core::IntAt(json::parse(yaml_reply.body), {"spec", "replicas"}), 5);
}

TEST_F(EmulatorApiTest, ScaleSubresource) {
  Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1"));
  std::string url = std::string(kDeployments) + "/web/scale";
  auto scale = Call(emu, "GET", url);
  EXPECT_EQ(core::StringAt(scale.body, {"kind"}), "Scale");
  EXPECT_EQ(core::StringAt(scale.body, {"apiVersion"}), "autoscaling/v1");
  EXPECT_EQ(core::StringAt(scale.body, {"status", "selector"}), "app=web");
  auto patched = Call(emu, "PATCH", url, json::parse(R"({"spec":{"replicas":3}})"),
                      "application/merge-patch+json");
  EXPECT_EQ(core::IntAt(patched.body, {"spec", "replicas"}), 3);
  auto d = Call(emu, "GET", std::string(kDeployments) + "/web");
  EXPECT_EQ(core::IntAt(d.body, {"spec", "replicas"}), 3);
  EXPECT_EQ(core::IntAt(d.body, {"metadata", "generation"}), 2);
  json::object put = patched.body.as_object();
  put["spec"].as_object()["replicas"] = 5;
  EXPECT_EQ(core::IntAt(Call(emu, "PUT", url, put).body, {"spec", "replicas"}), 5);
  EXPECT_EQ(Call(emu, "PUT", url, put).status, 409);  // stale resourceVersion
  put["metadata"].as_object().erase("resourceVersion");
  put["spec"].as_object()["replicas"] = -1;
  EXPECT_EQ(Call(emu, "PUT", url, put).status, 422);
}

TEST_F(EmulatorApiTest, PaginationWithLimitAndContinue) {
  for (const char* name : {"a", "b", "c", "d", "e"}) {
    ASSERT_EQ(Call(emu, "POST", "/api/v1/namespaces/default/configmaps",
                   json::object{{"metadata", {{"name", name}}}, {"data", {{"k", "v"}}}})
                  .status,
              201);
  }
  std::vector<std::string> seen;
  std::string cont;
  std::string rv;
  for (int page = 0; page < 5; ++page) {
    auto r = Call(emu, "GET",
                  "/api/v1/namespaces/default/configmaps?limit=2" +
                      (cont.empty() ? std::string() : "&continue=" + cont));
    if (rv.empty()) rv = core::StringAt(r.body, {"metadata", "resourceVersion"});
    EXPECT_EQ(core::StringAt(r.body, {"metadata", "resourceVersion"}),
              rv);  // pages share the list RV
    for (const auto& item : r.body.at("items").as_array())
      seen.push_back(core::StringAt(item, {"metadata", "name"}));
    cont = core::StringAt(r.body, {"metadata", "continue"});
    if (cont.empty()) break;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b", "c", "d", "e"}));
}

TEST_F(EmulatorApiTest, TableForKubectl) {
  Call(emu, "POST", kDeployments, DeploymentManifest("web", "web:1"));
  auto req = testing::MakeRequest("GET", std::string(kDeployments) + "?limit=500");
  req.headers["accept"] = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
  auto r = emu.Handle(req);
  auto table = json::parse(r.body);
  EXPECT_EQ(core::StringAt(table, {"kind"}), "Table");
  EXPECT_EQ(core::StringAt(table.at("columnDefinitions").at(1), {"name"}), "Ready");
  EXPECT_EQ(table.at("rows").at(0).at("cells").at(0), "web");
  EXPECT_EQ(core::StringAt(table.at("rows").at(0).at("object"), {"kind"}), "PartialObjectMetadata");
}

TEST_F(EmulatorApiTest, NamespaceDeletionGoesThroughTerminating) {
  ASSERT_EQ(Call(emu, "POST", "/api/v1/namespaces", NamespaceManifest("team-a")).status, 201);
  auto got = Call(emu, "GET", "/api/v1/namespaces/team-a");
  EXPECT_EQ(core::StringAt(got.body, {"status", "phase"}), "Active");
  EXPECT_EQ(got.body.at("spec").at("finalizers").at(0), "kubernetes");
  ASSERT_EQ(Call(emu, "POST", "/apis/apps/v1/namespaces/team-a/deployments",
                 DeploymentManifest("web", "web:1"))
                .status,
            201);
  auto deleted = Call(emu, "DELETE", "/api/v1/namespaces/team-a");
  EXPECT_EQ(deleted.status, 200);
  EXPECT_EQ(core::StringAt(deleted.body, {"status", "phase"}), "Terminating");
  EXPECT_FALSE(core::StringAt(deleted.body, {"metadata", "deletionTimestamp"}).empty());
  auto forbidden = Call(emu, "POST", "/api/v1/namespaces/team-a/configmaps",
                        json::object{{"metadata", {{"name", "x"}}}});
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(core::StringAt(forbidden.body.at("details").at("causes").at(0), {"reason"}),
            "NamespaceTerminating");
  EXPECT_EQ(Call(emu, "POST", "/api/v1/namespaces", NamespaceManifest("team-a")).status, 409);
  emu.RunControllersOnce();  // content removed
  EXPECT_EQ(Call(emu, "GET", "/apis/apps/v1/namespaces/team-a/deployments/web").status, 404);
  emu.RunControllersOnce();  // then the namespace
  EXPECT_EQ(Call(emu, "GET", "/api/v1/namespaces/team-a").status, 404);
  EXPECT_EQ(Call(emu, "DELETE", "/api/v1/namespaces/default").status, 403);
}

TEST_F(EmulatorApiTest, ServiceIngressConfigMap) {
  auto svc = Call(emu, "POST", "/api/v1/namespaces/default/services",
                  json::parse(R"({"metadata":{"name":"web"},"spec":{"selector":{"app":"web"},
                                  "ports":[{"name":"http","port":80,"targetPort":8080}]}})"));
  ASSERT_EQ(svc.status, 201) << svc.raw.body;
  EXPECT_EQ(core::StringAt(svc.body, {"spec", "type"}), "ClusterIP");
  EXPECT_FALSE(core::StringAt(svc.body, {"spec", "clusterIP"}).empty());
  EXPECT_EQ(core::StringAt(svc.body.at("spec").at("ports").at(0), {"protocol"}), "TCP");
  auto no_ports = Call(emu, "POST", "/api/v1/namespaces/default/services",
                       json::parse(R"({"metadata":{"name":"bad"},"spec":{}})"));
  EXPECT_EQ(no_ports.status, 422);
  auto ing =
      Call(emu, "POST", "/apis/networking.k8s.io/v1/namespaces/default/ingresses",
           json::parse(R"({"metadata":{"name":"web"},"spec":{"rules":[{"host":"web.example.com",
                    "http":{"paths":[{"path":"/","backend":{"service":{"name":"web","port":{"number":80}}}}]}}]}})"));
  EXPECT_EQ(ing.status, 422);  // pathType is required
  EXPECT_NE(core::StringAt(ing.body, {"message"}).find("pathType"), std::string::npos);
  auto cm = Call(emu, "POST", "/api/v1/namespaces/default/configmaps",
                 json::parse(R"({"metadata":{"name":"cfg"},"data":{"bad key":"v"}})"));
  EXPECT_EQ(cm.status, 422);
}

TEST_F(EmulatorApiTest, FieldValidationFromTheOpenApiSchemas) {
  auto unknown = DeploymentManifest("web", "web:1");
  unknown["spec"].as_object()["replica"] = 2;
  auto strict = Call(emu, "POST", std::string(kDeployments) + "?fieldValidation=Strict", unknown);
  EXPECT_EQ(strict.status, 400);
  EXPECT_NE(core::StringAt(strict.body, {"message"})
                .find("strict decoding error: unknown field \"spec.replica\""),
            std::string::npos)
      << strict.raw.body;
  auto lenient = Call(emu, "POST", kDeployments, unknown);  // Warn: dropped
  ASSERT_EQ(lenient.status, 201);
  EXPECT_FALSE(core::Find(lenient.body, {"spec", "replica"}));
  auto wrong = DeploymentManifest("other", "web:1");
  wrong["spec"].as_object()["replicas"] = "two";
  auto typed = Call(emu, "POST", kDeployments, wrong);
  EXPECT_EQ(typed.status, 400);
  EXPECT_NE(core::StringAt(typed.body, {"message"}).find("cannot be handled as a Deployment"),
            std::string::npos);
  auto with_null = DeploymentManifest("nulls", "web:1");
  with_null["metadata"].as_object()["creationTimestamp"] = nullptr;  // kubectl sends these
  EXPECT_EQ(
      Call(emu, "POST", std::string(kDeployments) + "?fieldValidation=Strict", with_null).status,
      201);
}

TEST_F(EmulatorApiTest, ProtobufNamespaceFromKubectlCreate) {
  // The body `kubectl create namespace zz` sends (captured from kubectl 1.33).
  static const char kBody[] =
      "\x6b\x38\x73\x00\x0a\x0f\x0a\x02\x76\x31\x12\x09\x4e\x61\x6d\x65"
      "\x73\x70\x61\x63\x65\x12\x1a\x0a\x12\x0a\x02\x7a\x7a\x12\x00\x1a"
      "\x00\x22\x00\x2a\x00\x32\x00\x38\x00\x42\x00\x12\x00\x1a\x02\x0a"
      "\x00\x1a\x00\x22\x00";
  auto req = testing::MakeRequest("POST", "/api/v1/namespaces?fieldManager=kubectl-create",
                                  std::string(kBody, sizeof kBody - 1),
                                  "application/vnd.kubernetes.protobuf");
  auto reply = emu.Handle(req);
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.content_type, "application/json");  // kubectl accepts JSON back
  EXPECT_EQ(core::StringAt(json::parse(reply.body), {"metadata", "name"}), "zz");
  auto deployment = testing::MakeRequest("POST", kDeployments, std::string("k8s\x00\n\x00", 6),
                                         "application/vnd.kubernetes.protobuf");
  EXPECT_EQ(emu.Handle(deployment).status, 415);
}

TEST(EmulatorAuth, RequiredTokenGives401Status) {
  auto settings = ManualSettings();
  settings.required_token = "s3cret";
  KubernetesEmulator emu(settings);
  auto denied = Call(emu, "GET", "/api/v1/namespaces");
  EXPECT_EQ(denied.status, 401);
  EXPECT_EQ(core::StringAt(denied.body, {"reason"}), "Unauthorized");
  auto req = testing::MakeRequest("GET", "/api/v1/namespaces");
  req.headers["authorization"] = "Bearer s3cret";
  EXPECT_EQ(emu.Handle(req).status, 200);
}

}  // namespace
}  // namespace slipway::sandbox::kube
