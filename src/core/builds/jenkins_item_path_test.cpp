#include "core/builds/jenkins_item_path.hpp"

#include <gtest/gtest.h>

#include <string>

namespace slipway::core {
namespace {

TEST(JenkinsItemPath, AcceptsJobsAndFolders) {
  for (const char* good :
       {"order-svc", "trade/order-svc", "a/b/c", "Build order.svc_v2", "交易/构建"}) {
    EXPECT_FALSE(CheckJenkinsItemPath(good)) << good;
  }
}

TEST(JenkinsItemPath, RefusesWhatCouldLeaveItsFolderOrForgeAUrl) {
  for (const char* bad :
       {"",     "../../../etc/x", "a/../b", "./a",   "a/.", "..",  "/a",   "a/", "a//b", "a\r\nb",
        "a\tb", "job?x=1",        "a#b",    "a%2fb", "a:b", "a;b", "a\\b", " a", "a ",   "a/ b"}) {
    EXPECT_TRUE(CheckJenkinsItemPath(bad)) << bad;
  }
  EXPECT_EQ(CheckJenkinsItemPath("a/../b"), "must not have a '.' or '..' segment");
  EXPECT_EQ(CheckJenkinsItemPath("a//b"),
            R"(must not have an empty segment ("a//b", or a leading or trailing '/'))");
}

}  // namespace
}  // namespace slipway::core
