#include "core/common/repo_path.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

TEST(RepoProjectPath, EveryAddressForm) {
  EXPECT_EQ(RepoProjectPath("https://git.example.com/team/app.git"), "team/app");
  EXPECT_EQ(RepoProjectPath("http://127.0.0.1:9000/group/sub/app/"), "group/sub/app");
  EXPECT_EQ(RepoProjectPath("ssh://git@host:2222/team/app"), "team/app");
  EXPECT_EQ(RepoProjectPath("git@host:team/app.git"), "team/app");
  EXPECT_EQ(RepoProjectPath("https://host"), "");
}

}  // namespace
}  // namespace slipway::core
