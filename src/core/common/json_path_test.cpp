#include "core/common/json_path.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace slipway::core {
namespace {

namespace json = boost::json;

const json::value kDoc = json::parse(R"({
  "metadata": {"name": "web", "annotations": {"deployment.kubernetes.io/revision": "3"}},
  "spec": {"replicas": 2, "paused": true, "big": 18446744073709551615, "whole": 4.0, "half": 2.5},
  "items": [1]
})");

TEST(JsonPath, FindsNestedValuesAndKeysWithDots) {
  EXPECT_EQ(StringAt(kDoc, {"metadata", "name"}), "web");
  EXPECT_EQ(
      StringAt(kDoc.as_object(), {"metadata", "annotations", "deployment.kubernetes.io/revision"}),
      "3");
  EXPECT_EQ(Find(kDoc, {}), &kDoc);
  EXPECT_NE(Find(kDoc.as_object(), {"items"}), nullptr);
}

TEST(JsonPath, MissingOrDifferentlyTypedFieldsReadAsTheFallback) {
  EXPECT_EQ(StringAt(kDoc, {"metadata", "missing"}, "none"), "none");
  EXPECT_EQ(StringAt(kDoc, {"spec", "replicas"}), "");
  EXPECT_EQ(Find(kDoc, {"metadata", "name", "deeper"}), nullptr);
  EXPECT_EQ(IntAt(kDoc, {"metadata", "name"}, -1), -1);
  EXPECT_FALSE(BoolAt(kDoc, {"spec", "replicas"}));
  EXPECT_TRUE(BoolAt(json::value(nullptr), {"x"}, true));
}

TEST(JsonPath, IntegersAreWholeNumbersInRange) {
  EXPECT_EQ(IntAt(kDoc, {"spec", "replicas"}), 2);
  EXPECT_EQ(IntAt(kDoc, {"spec", "whole"}), 4);
  EXPECT_EQ(IntAt(kDoc, {"spec", "half"}, -1), -1);
  EXPECT_EQ(IntAt(kDoc, {"spec", "big"}, -1), -1);
  EXPECT_TRUE(BoolAt(kDoc, {"spec", "paused"}));
}

TEST(JsonPath, EnsureCreatesWhatIsMissingAndReplacesWhatIsNotAContainer) {
  json::object doc{{"spec", "text"}};
  EnsureObject(doc, {"spec", "template", "metadata"})["name"] = "x";
  EXPECT_EQ(StringAt(doc, {"spec", "template", "metadata", "name"}), "x");
  EnsureArray(EnsureObject(doc, {"spec"}), "items").push_back(1);
  EnsureArray(EnsureObject(doc, {"spec"}), "items").push_back(2);
  EXPECT_EQ(Find(doc, {"spec", "items"})->as_array().size(), 2u);
}

}  // namespace
}  // namespace slipway::core
