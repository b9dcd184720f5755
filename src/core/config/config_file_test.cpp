#include "core/config/config_file.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace slipway::core {
namespace {

TEST(ConfigFileName, FormatComesFromTheExtension) {
  struct Case {
    const char* name;
    ConfigFormat format;
  };
  for (const auto& c :
       {Case{"application.properties", ConfigFormat::kProperties},
        Case{"app.yaml", ConfigFormat::kYaml}, Case{"app.yml", ConfigFormat::kYaml},
        Case{"db.json", ConfigFormat::kJson}, Case{"notes.txt", ConfigFormat::kText},
        Case{"logback.xml", ConfigFormat::kText}, Case{"log_level", ConfigFormat::kText},
        Case{"a.properties.bak", ConfigFormat::kText}}) {
    EXPECT_EQ(ConfigFormatOf(c.name), c.format) << c.name;
  }
  EXPECT_EQ(ConfigFormatName(ConfigFormat::kYaml), "yaml");
  EXPECT_EQ(ConfigFormatName(ConfigFormat::kText), "text");
}

TEST(ConfigFileName, AcceptsPlainFileNames) {
  for (const std::string& ok : std::vector<std::string>{
           "application.properties", "app.yaml", "A-b_c.1.json", "x", std::string(100, 'a')}) {
    EXPECT_FALSE(CheckConfigFileName(ok).has_value()) << ok;
  }
}

TEST(ConfigFileName, RefusesPathsSpacesAndOddDots) {
  for (const std::string& bad :
       std::vector<std::string>{"", "a/b.yaml", "../x", ".hidden", "a b", "a..b", "end.", "中.yaml",
                                "-x", std::string(101, 'a')}) {
    auto rule = CheckConfigFileName(bad);
    ASSERT_TRUE(rule.has_value()) << bad;
    EXPECT_FALSE(rule->empty());
  }
}

}  // namespace
}  // namespace slipway::core
