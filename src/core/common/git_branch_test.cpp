#include "core/common/git_branch.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

TEST(GitBranch, AcceptsUsualBranches) {
  for (const std::string& ok :
       {std::string("main"), std::string("feature/login-page"), std::string("release/1.2"),
        std::string("fix_#12"), std::string("a.b"), std::string("v1.0@x")}) {
    EXPECT_FALSE(CheckGitBranch(ok).has_value()) << ok;
  }
}

TEST(GitBranch, RefusesWhatGitRefuses) {
  for (const std::string& bad :
       {std::string(""),     std::string("-x"),     std::string("a..b"),
        std::string("a b"),  std::string("a~1"),    std::string("a^"),
        std::string("a:b"),  std::string("a?"),     std::string("a*"),
        std::string("a[b"),  std::string("a\\b"),   std::string("/a"),
        std::string("a/"),   std::string("a//b"),   std::string("a/.b"),
        std::string(".a"),   std::string("a.lock"), std::string("a/b.lock/c"),
        std::string("a."),   std::string("a@{1}"),  std::string("@"),
        std::string("a\tb"), std::string(256, 'a')}) {
    EXPECT_TRUE(CheckGitBranch(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace slipway::core
