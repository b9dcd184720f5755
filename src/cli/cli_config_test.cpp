#include "cli/cli_config.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include "cli/failure.hpp"

namespace slipway::cli {
namespace {

namespace fs = std::filesystem;

class CliConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/slipway-cli-config-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  static unsigned Mode(const fs::path& path) {
    struct stat info {};
    ::stat(path.c_str(), &info);
    return info.st_mode & 0777;
  }

  fs::path dir_;
};

TEST_F(CliConfigTest, SavesPrivatelyAndReadsBack) {
  const fs::path path = dir_ / "nested" / "slipway" / "cli.json";
  SaveConfig(path, {"https://slipway.example.com", "swt_secret", 42, "alice"});
  EXPECT_EQ(Mode(path), 0600u);
  EXPECT_EQ(Mode(path.parent_path()), 0700u);
  auto loaded = LoadConfig(path);
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->server, "https://slipway.example.com");
  EXPECT_EQ(loaded->token, "swt_secret");
  EXPECT_EQ(loaded->token_id, 42);
  EXPECT_EQ(loaded->username, "alice");
}

TEST_F(CliConfigTest, OverwritingMakesAReadableFilePrivateAgain) {
  const fs::path path = dir_ / "cli.json";
  std::ofstream(path) << "{}";
  ::chmod(path.c_str(), 0644);
  SaveConfig(path, {"http://a", "t", 1, "u"});
  EXPECT_EQ(Mode(path), 0600u);
  EXPECT_FALSE(fs::exists(dir_ / "cli.json.tmp"));
}

TEST_F(CliConfigTest, MissingFileIsNoConfigAndGarbageIsAnError) {
  EXPECT_FALSE(LoadConfig(dir_ / "absent.json").has_value());
  std::ofstream(dir_ / "bad.json") << "not json";
  EXPECT_THROW(LoadConfig(dir_ / "bad.json"), Failure);
}

TEST_F(CliConfigTest, RemoveToleratesAMissingFile) {
  const fs::path path = dir_ / "cli.json";
  SaveConfig(path, {"http://a", "t", 1, "u"});
  RemoveConfig(path);
  EXPECT_FALSE(fs::exists(path));
  RemoveConfig(path);
}

TEST_F(CliConfigTest, PathComesFromSlipwayConfigThenHome) {
  const char* config_env = std::getenv("SLIPWAY_CONFIG");
  const std::optional<std::string> saved_config =
      config_env ? std::optional<std::string>(config_env) : std::nullopt;
  const std::string saved_home = std::getenv("HOME") ? std::getenv("HOME") : "";
  ::setenv("SLIPWAY_CONFIG", (dir_ / "x.json").c_str(), 1);
  EXPECT_EQ(DefaultConfigPath(), dir_ / "x.json");
  ::unsetenv("SLIPWAY_CONFIG");
  ::setenv("HOME", "/home/alice", 1);
  EXPECT_EQ(DefaultConfigPath(), fs::path("/home/alice/.config/slipway/cli.json"));
  ::setenv("HOME", saved_home.c_str(), 1);
  if (saved_config) ::setenv("SLIPWAY_CONFIG", saved_config->c_str(), 1);
}

}  // namespace
}  // namespace slipway::cli
