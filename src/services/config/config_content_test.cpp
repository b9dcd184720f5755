#include "services/config/config_content.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace slipway::services {
namespace {

// yaml-cpp 0.7's LoadAll never returned on these (found by fuzz/config_yaml):
// it collected the same empty document forever, until memory ran out.
TEST(ConfigContent, YamlWithAStrayTopLevelCommaIsRefusedWithItsLine) {
  for (std::string_view text : {",", "'a',", "\"a\",", "server: 1\n---\n'a',\n"}) {
    auto status = ValidateContent(core::ConfigFormat::kYaml, text);
    ASSERT_FALSE(status.ok()) << text;
    EXPECT_EQ(status.error().code, core::Code::kInvalid) << text;
    EXPECT_EQ(status.error().details.at("field"), "content") << text;
  }
  auto status = ValidateContent(core::ConfigFormat::kYaml, "server: 1\n---\n'a',\n");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().details.at("line"), 3);
}

// Found by fuzz/config_yaml: checking keys followed the alias forever and
// overflowed the stack, which ended the server.
TEST(ConfigContent, YamlWithAnAliasInsideTheNodeItNamesIsRefused) {
  auto status =
      ValidateContent(core::ConfigFormat::kYaml, "server:\n  port: 1\nbase: &b\n  self: *b\n");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().details.at("field"), "content");
  EXPECT_EQ(status.error().details.at("line"), 3);
}

TEST(ConfigContent, YamlStreamsWithEmptyDocumentsStillPass) {
  for (std::string_view text : {"", "# a comment only\n", "---\n---\na: 1\n",
                                "a: 1\n...\n---\nb: [1, 2]\n", "---\n...\n"}) {
    EXPECT_TRUE(ValidateContent(core::ConfigFormat::kYaml, text).ok()) << text;
  }
}

}  // namespace
}  // namespace slipway::services
