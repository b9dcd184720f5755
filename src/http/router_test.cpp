#include "http/router.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace slipway::http {
namespace {

Router TwoRoutes() {
  Router router;
  router.Add("GET", "/healthz", Permission::kPublic, [](Call&) { return Response::NoContent(); });
  router.Add("POST", "/api/v1/apps/{id}/approve", Permission::kAdmin,
             [](Call&) { return Response::NoContent(); });
  return router;
}

TEST(RouterTest, HeadIsServedByTheGetRoute) {
  auto router = TwoRoutes();
  auto head = router.Find("HEAD", "/healthz");
  ASSERT_NE(head.route, nullptr);
  EXPECT_EQ(head.route->method, "GET");
  EXPECT_EQ(router.Find("HEAD", "/api/v1/apps/7/approve").route, nullptr) << "no GET there";
}

TEST(RouterTest, AllowListsHeadBesideGet) {
  auto router = TwoRoutes();
  EXPECT_THAT(router.Find("DELETE", "/healthz").allowed_methods,
              ::testing::ElementsAre("GET", "HEAD"));
  EXPECT_THAT(router.Find("GET", "/api/v1/apps/7/approve").allowed_methods,
              ::testing::ElementsAre("POST"));
}

}  // namespace
}  // namespace slipway::http
