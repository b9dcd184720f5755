#include "core/releases/baseline_config.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

BaselineConfigFile File(const std::string& name, const std::string& hash,
                        std::optional<std::string> content) {
  return {name, 1, hash, content ? static_cast<std::int64_t>(content->size()) : 2'000'000,
          std::move(content)};
}

TEST(DiffConfigFiles, EqualHashesAreNoChangeWhateverTheVersions) {
  auto a = File("app.properties", "h1", "a=1\n");
  auto b = a;
  b.version = 9;
  EXPECT_TRUE(DiffConfigFiles({a}, {b}).empty());
}

TEST(DiffConfigFiles, PropertiesDifferByKeyAndOtherFilesByLine) {
  auto diff = DiffConfigFiles(
      {File("app.properties", "h1", "a=1\nb=2\n"), File("log.xml", "x1", "<a/>\n")},
      {File("app.properties", "h2", "b=3\na=1\n"), File("log.xml", "x2", "<b/>\n")});
  ASSERT_EQ(diff.size(), 2u);
  EXPECT_STREQ(ConfigChangeKind(diff[0]), "changed");
  ASSERT_TRUE(diff[0].by_key);
  ASSERT_EQ(diff[0].keys.size(), 1u);
  EXPECT_EQ(diff[0].keys[0].key, "b");
  EXPECT_EQ(diff[0].keys[0].from, "2");
  EXPECT_EQ(diff[0].keys[0].to, "3");
  EXPECT_FALSE(diff[1].by_key);
  EXPECT_NE(diff[1].unified.find("-<a/>"), std::string::npos) << diff[1].unified;
  EXPECT_NE(diff[1].unified.find("+<b/>"), std::string::npos) << diff[1].unified;
}

TEST(DiffConfigFiles, AddedAndRemovedFilesAreNamedSo) {
  auto diff =
      DiffConfigFiles({File("old.yaml", "h1", "a: 1\n")}, {File("new.yaml", "h2", "b: 2\n")});
  ASSERT_EQ(diff.size(), 2u);
  EXPECT_EQ(diff[0].name, "new.yaml");
  EXPECT_STREQ(ConfigChangeKind(diff[0]), "added");
  EXPECT_EQ(diff[1].name, "old.yaml");
  EXPECT_STREQ(ConfigChangeKind(diff[1]), "removed");
}

TEST(DiffConfigFiles, AFileOverTheCapIsComparedByHashOnly) {
  auto diff =
      DiffConfigFiles({File("big.txt", "h1", std::nullopt)}, {File("big.txt", "h2", "small\n")});
  ASSERT_EQ(diff.size(), 1u);
  EXPECT_FALSE(diff[0].content_known);
  EXPECT_TRUE(diff[0].lines.empty());
}

}  // namespace
}  // namespace slipway::core
