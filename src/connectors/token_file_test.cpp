// TokenFile: a rotated token is picked up, an unchanged file is not re-read
// before its max age, a vanished or empty file keeps the last good token.
#include "connectors/token_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/temp_dir.hpp"

namespace slipway::connectors {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

TEST(TokenFile, ARewrittenFileIsReadAgain) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/token";
  Write(path, "first-token\n");
  TokenFile file(path);
  EXPECT_EQ(file.Current(), "first-token");
  Write(path, "second\n");  // another size
  EXPECT_EQ(file.Current(), "second");
  const auto mtime = fs::last_write_time(path);
  Write(path, "third!\n");  // the same size: only the modification time tells
  fs::last_write_time(path, mtime + 1s);
  EXPECT_EQ(file.Current(), "third!");
}

TEST(TokenFile, AnUnchangedStatusIsTrustedUntilTheMaxAge) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/token";
  Write(path, "aaaa");
  TokenFile cached(path, "", 60s);
  TokenFile always(path, "", 0s);
  EXPECT_EQ(cached.Current(), "aaaa");
  EXPECT_EQ(always.Current(), "aaaa");
  const auto mtime = fs::last_write_time(path);
  Write(path, "bbbb");
  fs::last_write_time(path, mtime);  // same size, inode and time: a rewrite stat cannot see
  EXPECT_EQ(cached.Current(), "aaaa");
  EXPECT_EQ(always.Current(), "bbbb");
}

TEST(TokenFile, KubeletStyleSymlinkSwapIsSeen) {
  // The kubelet writes a new timestamped folder and renames a new ..data
  // symlink over the old one; `token` is a symlink through ..data.
  testing::TempDir dir;
  const std::string root = dir.path();
  fs::create_directory(root + "/..2025_01");
  Write(root + "/..2025_01/token", "token-one");
  fs::create_directory_symlink("..2025_01", root + "/..data");
  fs::create_symlink("..data/token", root + "/token");
  TokenFile file(root + "/token");
  EXPECT_EQ(file.Current(), "token-one");

  fs::create_directory(root + "/..2025_02");
  Write(root + "/..2025_02/token", "token-two");
  fs::last_write_time(root + "/..2025_02/token", fs::last_write_time(root + "/..2025_01/token"));
  fs::create_directory_symlink("..2025_02", root + "/..data_tmp");
  fs::rename(root + "/..data_tmp", root + "/..data");
  EXPECT_EQ(file.Current(), "token-two") << "the inode changed";
}

TEST(TokenFile, AMissingOrEmptyFileKeepsTheLastGoodToken) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/token";
  TokenFile file(path, "from-settings\n");
  EXPECT_EQ(file.Current(), "from-settings") << "not there yet";
  Write(path, "good");
  EXPECT_EQ(file.Current(), "good");
  Write(path, "  \n");
  EXPECT_EQ(file.Current(), "good");
  fs::remove(path);
  EXPECT_EQ(file.Current(), "good");
  Write(path, "better");
  EXPECT_EQ(file.Current(), "better");
}

}  // namespace
}  // namespace slipway::connectors
