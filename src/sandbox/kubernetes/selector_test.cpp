#include "sandbox/kubernetes/selector.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sandbox/kubernetes/api_error.hpp"

namespace slipway::sandbox::k8s {
namespace {

int ParseStatus(const std::string& text) {
  try {
    LabelSelector::Parse(text);
    return 200;
  } catch (const ApiError& e) {
    return e.code();
  }
}

TEST(EmulatorLabelSelector, ValidSelectorsParseToTheirCanonicalForm) {
  EXPECT_EQ(LabelSelector::Parse("app==web, track!=canary").ToString(), "app=web,track!=canary");
  EXPECT_EQ(LabelSelector::Parse("app.kubernetes.io/name=web,tier in (a, b),!x,y").ToString(),
            "app.kubernetes.io/name=web,tier in (a,b),!x,y");
  EXPECT_EQ(LabelSelector::Parse("v=").ToString(), "v=");
  EXPECT_EQ(ParseStatus(std::string(63, 'k') + "=" + std::string(63, 'v')), 200);
}

// Found by fuzz/label_selector: "a=b==c" was the key "a=b" with the value
// "c", printed back as "a=b=c", which read as the key "a" and the value
// "b=c". The apiserver refuses keys and values that are not valid labels.
TEST(EmulatorLabelSelector, KeysAndValuesMustBeValidLabels) {
  for (const std::string& text : std::vector<std::string>{"a=b==c", "a=b=c", ".pp.ku=web", "app/=x", "Bad.Prefix/app=x", "k=-v",
                                 "k=" + std::string(64, 'v'), std::string(64, 'k') + "=v", "a b=c",
                                 "app in (web, bad value)", "!a=b"}) {
    EXPECT_EQ(ParseStatus(text), 400) << text;
  }
}

}  // namespace
}  // namespace slipway::sandbox::k8s
