#include "connectors/kubernetes/patch.hpp"

#include <gtest/gtest.h>

#include "core/common/canonical_json.hpp"

namespace slipway::connectors::kube {

namespace json = boost::json;
namespace {

json::value J(const char* text) { return json::parse(text); }

struct PatchCase {
  const char* name;
  const char* target;
  const char* patch;
  const char* expected;
};

void PrintTo(const PatchCase& c, std::ostream* os) { *os << c.name; }

class MergePatchTest : public ::testing::TestWithParam<PatchCase> {};

TEST_P(MergePatchTest, Applies) {
  const auto& c = GetParam();
  EXPECT_EQ(core::CanonicalJson(MergePatch(J(c.target), J(c.patch))),
            core::CanonicalJson(J(c.expected)));
}

// RFC 7386 appendix A, plus the cases a Deployment patch exercises.
INSTANTIATE_TEST_SUITE_P(
    Rfc7386, MergePatchTest,
    ::testing::Values(
        PatchCase{"replace", R"({"a":"b"})", R"({"a":"c"})", R"({"a":"c"})"},
        PatchCase{"add", R"({"a":"b"})", R"({"b":"c"})", R"({"a":"b","b":"c"})"},
        PatchCase{"remove", R"({"a":"b"})", R"({"a":null})", R"({})"},
        PatchCase{"remove_one", R"({"a":"b","b":"c"})", R"({"a":null})", R"({"b":"c"})"},
        PatchCase{"array_replaces", R"({"a":["b"]})", R"({"a":"c"})", R"({"a":"c"})"},
        PatchCase{"nested", R"({"a":{"b":"c"}})", R"({"a":{"b":"d","c":null}})",
                  R"({"a":{"b":"d"}})"},
        PatchCase{"arrays_atomic", R"({"a":[{"b":"c"}]})", R"({"a":[1]})", R"({"a":[1]})"},
        PatchCase{"non_object_patch", R"({"a":"foo"})", R"(["c"])", R"(["c"])"},
        PatchCase{"null_in_new", R"({"e":null})", R"({"a":1})", R"({"e":null,"a":1})"},
        PatchCase{"scale", R"({"spec":{"replicas":1,"x":2}})", R"({"spec":{"replicas":3}})",
                  R"({"spec":{"replicas":3,"x":2}})"}),
    [](const auto& info) { return std::string(info.param.name); });

class JsonPatchTest : public ::testing::TestWithParam<PatchCase> {};

TEST_P(JsonPatchTest, Applies) {
  const auto& c = GetParam();
  EXPECT_EQ(core::CanonicalJson(JsonPatch(J(c.target), J(c.patch))),
            core::CanonicalJson(J(c.expected)));
}

INSTANTIATE_TEST_SUITE_P(
    Rfc6902, JsonPatchTest,
    ::testing::Values(
        PatchCase{"add_member", R"({"foo":"bar"})", R"([{"op":"add","path":"/baz","value":"qux"}])",
                  R"({"foo":"bar","baz":"qux"})"},
        PatchCase{"add_array_element", R"({"foo":["bar","baz"]})",
                  R"([{"op":"add","path":"/foo/1","value":"qux"}])",
                  R"({"foo":["bar","qux","baz"]})"},
        PatchCase{"append", R"({"foo":[1]})", R"([{"op":"add","path":"/foo/-","value":2}])",
                  R"({"foo":[1,2]})"},
        PatchCase{"remove", R"({"foo":"bar","baz":"qux"})", R"([{"op":"remove","path":"/baz"}])",
                  R"({"foo":"bar"})"},
        PatchCase{"replace", R"({"spec":{"replicas":1}})",
                  R"([{"op":"replace","path":"/spec/replicas","value":4}])",
                  R"({"spec":{"replicas":4}})"},
        PatchCase{"move", R"({"a":{"b":1},"c":{}})",
                  R"([{"op":"move","from":"/a/b","path":"/c/d"}])", R"({"a":{},"c":{"d":1}})"},
        PatchCase{"copy", R"({"a":1})", R"([{"op":"copy","from":"/a","path":"/b"}])",
                  R"({"a":1,"b":1})"},
        PatchCase{"test_ok", R"({"a":1})", R"([{"op":"test","path":"/a","value":1}])",
                  R"({"a":1})"},
        PatchCase{"escapes", R"({"metadata":{"annotations":{}}})",
                  R"([{"op":"add","path":"/metadata/annotations/a~1b~0c","value":"v"}])",
                  R"({"metadata":{"annotations":{"a/b~c":"v"}}})"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(JsonPatch, FailuresAre422AndMalformedAre400) {
  try {
    JsonPatch(J(R"({"a":1})"), J(R"([{"op":"test","path":"/a","value":2}])"));
    FAIL();
  } catch (const PatchError& e) {
    EXPECT_EQ(e.code, 422);
  }
  try {
    JsonPatch(J(R"({"a":1})"), J(R"([{"op":"replace","path":"/missing","value":2}])"));
    FAIL();
  } catch (const PatchError& e) {
    EXPECT_EQ(e.code, 422);
  }
  try {
    JsonPatch(J(R"({"a":1})"), J(R"({"op":"add"})"));
    FAIL();
  } catch (const PatchError& e) {
    EXPECT_EQ(e.code, 400);
  }
}

class StrategicMergeTest : public ::testing::TestWithParam<PatchCase> {};

TEST_P(StrategicMergeTest, Applies) {
  const auto& c = GetParam();
  EXPECT_EQ(core::CanonicalJson(StrategicMergePatch(J(c.target), J(c.patch))),
            core::CanonicalJson(J(c.expected)));
}

constexpr const char* kTwoContainers =
    R"({"spec":{"template":{"spec":{"containers":[
         {"name":"web","image":"web:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
          "ports":[{"containerPort":80,"name":"http"}]},
         {"name":"sidecar","image":"side:1"}]}}}})";

INSTANTIATE_TEST_SUITE_P(
    Kubernetes, StrategicMergeTest,
    ::testing::Values(
        PatchCase{
            "container_by_name", kTwoContainers,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"web","image":"web:2"}]}}}})",
            R"({"spec":{"template":{"spec":{"containers":[
                     {"name":"web","image":"web:2","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                      "ports":[{"containerPort":80,"name":"http"}]},
                     {"name":"sidecar","image":"side:1"}]}}}})"},
        PatchCase{"env_by_name", kTwoContainers,
                  R"({"spec":{"template":{"spec":{"containers":[{"name":"web",
                     "env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}}})",
                  R"({"spec":{"template":{"spec":{"containers":[
                     {"name":"web","image":"web:1","env":[{"name":"A","value":"1"},{"name":"B","value":"3"},
                      {"name":"C","value":"4"}],"ports":[{"containerPort":80,"name":"http"}]},
                     {"name":"sidecar","image":"side:1"}]}}}})"},
        PatchCase{"ports_by_container_port", kTwoContainers,
                  R"({"spec":{"template":{"spec":{"containers":[{"name":"web",
                     "ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":9090}]}]}}}})",
                  R"({"spec":{"template":{"spec":{"containers":[
                     {"name":"web","image":"web:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                      "ports":[{"containerPort":80,"name":"http","protocol":"TCP"},{"containerPort":9090}]},
                     {"name":"sidecar","image":"side:1"}]}}}})"},
        PatchCase{
            "delete_container", kTwoContainers,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}})",
            R"({"spec":{"template":{"spec":{"containers":[
                     {"name":"web","image":"web:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                      "ports":[{"containerPort":80,"name":"http"}]}]}}}})"},
        PatchCase{"set_element_order", R"({"spec":{"containers":[{"name":"a"},{"name":"b"}]}})",
                  R"({"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],
                     "containers":[{"name":"b","image":"x"}]}})",
                  R"({"spec":{"containers":[{"name":"b","image":"x"},{"name":"a"}]}})"},
        PatchCase{
            "volumes_by_name",
            R"({"spec":{"volumes":[{"name":"a","emptyDir":{}},{"name":"b","emptyDir":{}}]}})",
            R"({"spec":{"volumes":[{"name":"b","configMap":{"name":"cm"}}]}})",
            R"({"spec":{"volumes":[{"name":"a","emptyDir":{}},{"name":"b","emptyDir":{},"configMap":{"name":"cm"}}]}})"},
        PatchCase{"service_ports_by_port",
                  R"({"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443}]}})",
                  R"({"spec":{"ports":[{"port":80,"targetPort":9090}]}})",
                  R"({"spec":{"ports":[{"port":80,"targetPort":9090},{"port":443}]}})"},
        PatchCase{
            "annotations_merge_and_delete", R"({"metadata":{"annotations":{"a":"1","b":"2"}}})",
            R"({"metadata":{"annotations":{"b":null,"kubectl.kubernetes.io/restartedAt":"2026-05-01T10:00:00Z"}}})",
            R"({"metadata":{"annotations":{"a":"1","kubectl.kubernetes.io/restartedAt":"2026-05-01T10:00:00Z"}}})"},
        PatchCase{
            "atomic_list_replaced", R"({"spec":{"tolerations":[{"key":"a"}],"args":["x","y"]}})",
            R"({"spec":{"args":["z"]}})", R"({"spec":{"tolerations":[{"key":"a"}],"args":["z"]}})"},
        PatchCase{"finalizers_union", R"({"metadata":{"finalizers":["a"]}})",
                  R"({"metadata":{"finalizers":["b"]}})",
                  R"({"metadata":{"finalizers":["a","b"]}})"},
        PatchCase{"delete_from_primitive_list", R"({"metadata":{"finalizers":["a","b"]}})",
                  R"({"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}})",
                  R"({"metadata":{"finalizers":["b"]}})"},
        PatchCase{"map_replace", R"({"spec":{"selector":{"a":"1","b":"2"}}})",
                  R"({"spec":{"selector":{"$patch":"replace","c":"3"}}})",
                  R"({"spec":{"selector":{"c":"3"}}})"},
        PatchCase{
            "retain_keys",
            R"({"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}})",
            R"({"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}})",
            R"({"spec":{"strategy":{"type":"Recreate"}}})"},
        PatchCase{"list_replace_directive",
                  R"({"spec":{"containers":[{"name":"a"},{"name":"b"}]}})",
                  R"({"spec":{"containers":[{"$patch":"replace"},{"name":"c"}]}})",
                  R"({"spec":{"containers":[{"name":"c"}]}})"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(MergeKeyFor, KnowsTheKubernetesMergeKeys) {
  EXPECT_EQ(MergeKeyFor({"spec", "template", "spec", "containers"}), "name");
  EXPECT_EQ(MergeKeyFor({"spec", "template", "spec", "containers", "ports"}), "containerPort");
  EXPECT_EQ(MergeKeyFor({"spec", "ports"}), "port");
  EXPECT_EQ(MergeKeyFor({"spec", "template", "spec", "containers", "env"}), "name");
  EXPECT_EQ(MergeKeyFor({"spec", "template", "spec", "containers", "volumeMounts"}), "mountPath");
  EXPECT_EQ(MergeKeyFor({"spec", "rules"}), "");
}

// Cases first written for the fake, which now applies these same functions.
std::string Apply(bool strategic, const char* target, const char* patch) {
  auto t = boost::json::parse(target);
  auto p = boost::json::parse(patch);
  return boost::json::serialize(strategic ? StrategicMergePatch(t, p) : MergePatch(t, p));
}

TEST(MergePatch, MapsMergeNullDeletesListsReplace) {
  EXPECT_EQ(
      Apply(false, R"({"a":1,"b":{"c":2,"d":3},"l":[1,2]})", R"({"b":{"c":null,"e":4},"l":[3]})"),
      R"({"a":1,"b":{"d":3,"e":4},"l":[3]})");
}

TEST(StrategicMergePatch, ContainersMergeByNameKeepingOtherFields) {
  const char* deployment =
      R"({"spec":{"template":{"spec":{"containers":[{"name":"web","image":"a:1","ports":[{"containerPort":80}]},{"name":"side","image":"s:1"}]}}}})";
  EXPECT_EQ(
      Apply(true, deployment,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"web","image":"a:2"}]}}}})"),
      R"({"spec":{"template":{"spec":{"containers":[{"name":"web","image":"a:2","ports":[{"containerPort":80}]},{"name":"side","image":"s:1"}]}}}})");
  // The same patch as a merge patch drops the sidecar and the ports.
  EXPECT_EQ(
      Apply(false, deployment,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"web","image":"a:2"}]}}}})"),
      R"({"spec":{"template":{"spec":{"containers":[{"name":"web","image":"a:2"}]}}}})");
}

TEST(StrategicMergePatch, EnvPortsDeleteDirectiveAndAnnotations) {
  EXPECT_EQ(Apply(true, R"({"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]})",
                  R"({"env":[{"name":"B","$patch":"delete"},{"name":"C","value":"3"}]})"),
            R"({"env":[{"name":"A","value":"1"},{"name":"C","value":"3"}]})");
  EXPECT_EQ(Apply(true, R"({"ports":[{"port":80,"name":"http"},{"port":443}]})",
                  R"({"ports":[{"port":80,"targetPort":8080}]})"),
            R"({"ports":[{"port":80,"name":"http","targetPort":8080},{"port":443}]})");
  EXPECT_EQ(
      Apply(
          true, R"({"spec":{"template":{"metadata":{"labels":{"app":"w"}}}}})",
          R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-05-01T10:00:00Z"}}}}})"),
      R"({"spec":{"template":{"metadata":{"labels":{"app":"w"},"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-05-01T10:00:00Z"}}}}})");
}

}  // namespace
}  // namespace slipway::connectors::kube
