#include "connectors/kubernetes/selectors.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <string>
#include <vector>

namespace slipway::connectors::kube {
namespace {

bool Match(const char* selector, const char* labels) {
  auto s = LabelSelector::Parse(selector);
  EXPECT_TRUE(s.ok()) << selector;
  return s->Matches(boost::json::parse(labels));
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
  EXPECT_FALSE(LabelSelector::Parse("a,,b").ok());
}

TEST(LabelSelector, FromAnObjectAndBackToTheQueryForm) {
  auto selector = LabelSelector::FromObject(boost::json::parse(
      R"({"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"NotIn","values":["db"]}]})"));
  EXPECT_EQ(selector.ToString(), "app=web,tier notin (db)");
  EXPECT_TRUE(selector.Matches(boost::json::parse(R"({"app":"web","tier":"api"})")));
  EXPECT_FALSE(selector.Matches(boost::json::parse(R"({"app":"web","tier":"db"})")));
}

TEST(FieldSelector, NamePhaseAndUnsupported) {
  auto pod = boost::json::parse(
                 R"({"metadata":{"name":"p","namespace":"n"},"status":{"phase":"Running"}})")
                 .as_object();
  EXPECT_TRUE(FieldSelector::Parse("metadata.name=p,status.phase!=Pending")->Matches(pod));
  EXPECT_FALSE(FieldSelector::Parse("metadata.namespace==other")->Matches(pod));
  EXPECT_FALSE(FieldSelector::Parse("spec.foo=1").ok());
  EXPECT_FALSE(FieldSelector::Parse("metadata.name").ok());
}

TEST(LabelSelector, ValidSelectorsParseToTheirCanonicalForm) {
  EXPECT_EQ(LabelSelector::Parse("app==web, track!=canary")->ToString(), "app=web,track!=canary");
  EXPECT_EQ(LabelSelector::Parse("app.kubernetes.io/name=web,tier in (a, b),!x,y")->ToString(),
            "app.kubernetes.io/name=web,tier in (a,b),!x,y");
  EXPECT_EQ(LabelSelector::Parse("v=")->ToString(), "v=");
  EXPECT_TRUE(LabelSelector::Parse(std::string(63, 'k') + "=" + std::string(63, 'v')).ok());
}

// Found by fuzz/label_selector: "a=b==c" was the key "a=b" with the value
// "c", printed back as "a=b=c", which read as the key "a" and the value
// "b=c". The apiserver refuses keys and values that are not valid labels.
TEST(LabelSelector, KeysAndValuesMustBeValidLabels) {
  for (const std::string& text :
       std::vector<std::string>{"a=b==c", "a=b=c", ".pp.ku=web", "app/=x", "Bad.Prefix/app=x",
                                "k=-v", "k=" + std::string(64, 'v'), std::string(64, 'k') + "=v",
                                "a b=c", "app in (web, bad value)", "!a=b"}) {
    auto parsed = LabelSelector::Parse(text);
    EXPECT_FALSE(parsed.ok()) << text;
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.error().code, core::Code::kInvalid) << text;
    }
  }
}

}  // namespace
}  // namespace slipway::connectors::kube
