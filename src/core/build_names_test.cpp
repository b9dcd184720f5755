#include "core/build_names.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

TEST(ImageTag, AcceptsOciTags) {
  for (const std::string& ok : {std::string("1.0.3"), std::string("v2"), std::string("_x"),
                               std::string("release-2024.01_rc1"), std::string(128, 'a')}) {
    EXPECT_FALSE(CheckImageTag(ok).has_value()) << ok;
  }
}

TEST(ImageTag, RefusesWhatRegistriesRefuse) {
  for (const std::string& bad : {std::string(""), std::string(".1"), std::string("-1"), std::string("a/b"),
                                std::string("a:b"), std::string("a b"), std::string(129, 'a'),
                                std::string("版本")}) {
    EXPECT_TRUE(CheckImageTag(bad).has_value()) << bad;
  }
}

TEST(GitBranch, AcceptsUsualBranches) {
  for (const std::string& ok : {std::string("main"), std::string("feature/login-page"), std::string("release/1.2"),
                               std::string("fix_#12"), std::string("a.b"), std::string("v1.0@x")}) {
    EXPECT_FALSE(CheckGitBranch(ok).has_value()) << ok;
  }
}

TEST(GitBranch, RefusesWhatGitRefuses) {
  for (const std::string& bad :
       {std::string(""), std::string("-x"), std::string("a..b"), std::string("a b"), std::string("a~1"),
        std::string("a^"), std::string("a:b"), std::string("a?"), std::string("a*"), std::string("a[b"),
        std::string("a\\b"), std::string("/a"), std::string("a/"), std::string("a//b"), std::string("a/.b"),
        std::string(".a"), std::string("a.lock"), std::string("a/b.lock/c"), std::string("a."),
        std::string("a@{1}"), std::string("@"), std::string("a\tb"), std::string(256, 'a')}) {
    EXPECT_TRUE(CheckGitBranch(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace slipway::core
