#include "connectors/kubernetes/merge_patch.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "connectors/kubernetes/label_selector.hpp"

namespace slipway::connectors::kube {
namespace {

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

bool Match(const char* selector, const char* labels) {
  auto s = LabelSelector::Parse(selector);
  EXPECT_TRUE(s.ok()) << selector;
  return s->Matches(boost::json::parse(labels).as_object());
}

TEST(LabelSelector, EqualitySetAndExistence) {
  EXPECT_TRUE(Match("", R"({})"));
  EXPECT_TRUE(Match("app=web,track!=canary", R"({"app":"web","track":"stable"})"));
  EXPECT_FALSE(Match("app=web,track!=canary", R"({"app":"web","track":"canary"})"));
  EXPECT_TRUE(Match("app==web", R"({"app":"web"})"));
  EXPECT_TRUE(Match("env in (prod, staging),tier notin (db)", R"({"env":"staging","tier":"web"})"));
  EXPECT_FALSE(Match("env in (prod,staging)", R"({"env":"test"})"));
  EXPECT_TRUE(Match("release,!canary", R"({"release":"x"})"));
  EXPECT_FALSE(Match("release", R"({})"));
  EXPECT_FALSE(Match("!canary", R"({"canary":"1"})"));
  EXPECT_FALSE(LabelSelector::Parse("a in (x").ok());
  EXPECT_FALSE(LabelSelector::Parse("=x").ok());
}

TEST(FieldSelector, NamePhaseAndUnsupported) {
  auto pod = boost::json::parse(
                 R"({"metadata":{"name":"p","namespace":"n"},"status":{"phase":"Running"}})")
                 .as_object();
  EXPECT_TRUE(*MatchesFieldSelector(pod, "metadata.name=p,status.phase!=Pending"));
  EXPECT_FALSE(*MatchesFieldSelector(pod, "metadata.namespace==other"));
  EXPECT_FALSE(MatchesFieldSelector(pod, "spec.foo=1").ok());
}

}  // namespace
}  // namespace slipway::connectors::kube
