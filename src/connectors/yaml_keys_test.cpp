#include "connectors/yaml_keys.hpp"

#include <gtest/gtest.h>

namespace slipway::connectors {
namespace {

TEST(YamlKeys, FindsARepeatedKeyAtAnyDepth) {
  auto top = FindRepeatedKey(YAML::Load("a: 1\nb: 2\na: 3\n"));
  ASSERT_TRUE(top);
  EXPECT_EQ(top->message, "the key \"a\" appears twice in one mapping");
  EXPECT_EQ(top->line, 3);
  auto nested = FindRepeatedKey(YAML::Load("list:\n  - {x: 1}\n  - x: 1\n    y: 2\n    x: 3\n"));
  ASSERT_TRUE(nested);
  EXPECT_EQ(nested->line, 5);
}

TEST(YamlKeys, EqualKeysInDifferentMappingsAreFine) {
  EXPECT_FALSE(FindRepeatedKey(YAML::Load("a: {x: 1}\nb: {x: 1}\nc: [{x: 1}, {x: 2}]\n")));
  EXPECT_FALSE(FindRepeatedKey(YAML::Load("just a scalar")));
  EXPECT_FALSE(FindRepeatedKey(YAML::Load("")));
}

// Each level doubles the nodes a walk through the aliases visits.
TEST(YamlKeys, RefusesAliasBombs) {
  std::string yaml = "a0: &a0 [x, x]\n";
  for (int i = 1; i <= 25; ++i) {
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) +
            ", *a" + std::to_string(i - 1) + "]\n";
  }
  auto problem = FindRepeatedKey(YAML::Load(yaml));
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->message.find("aliases expand"), std::string::npos);
}

// Found by fuzz/config_yaml: the walk followed the alias into the node it
// names, forever, until the stack overflowed and took the server down.
TEST(YamlKeys, RefusesAnAliasInsideTheNodeItNames) {
  for (const char* yaml :
       {"a: &a\n  b: *a\n", "a: &a [x, *a]\n", "top:\n  a: &a\n    ? *a\n    : 1\n"}) {
    auto problem = FindRepeatedKey(YAML::Load(yaml));
    ASSERT_TRUE(problem) << yaml;
    EXPECT_EQ(problem->message, "an alias refers to a node that contains it") << yaml;
  }
  auto problem = FindRepeatedKey(YAML::Load("x: 1\na: &a\n  b: *a\n"));
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->line, 2);
}

TEST(YamlKeys, RefusesNestingDeeperThanAnyConfigurationFile) {
  // Each anchor nests 300 levels and holds the previous one: 1200 in all,
  // though yaml-cpp parses no single node deeper than 300.
  std::string yaml;
  for (int i = 0; i < 4; ++i) {
    std::string inner = i == 0 ? "x" : "*a" + std::to_string(i - 1);
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " " + std::string(300, '[') +
            inner + std::string(300, ']') + "\n";
  }
  auto problem = FindRepeatedKey(YAML::Load(yaml));
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->message, "it is nested more than 500 levels deep");
  EXPECT_FALSE(FindRepeatedKey(YAML::Load(std::string(300, '[') + "x" + std::string(300, ']'))));
}

}  // namespace
}  // namespace slipway::connectors
