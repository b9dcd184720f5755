#include "cli/app_requests.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "cli/failure.hpp"

namespace slipway::cli {
namespace {

TEST(CliAppRequests, ListPathCarriesOnlySetFiltersEncoded) {
  AppListArgs args;
  EXPECT_EQ(AppListPath(args), "/api/v1/apps?limit=50");
  args.status = "online";
  args.q = "order svc&x";
  args.sort = "-updated_at";
  args.limit = 10;
  EXPECT_EQ(
      AppListPath(args, "c/2=="),
      "/api/v1/apps?status=online&q=order%20svc%26x&sort=-updated_at&limit=10&cursor=c%2F2%3D%3D");
}

TEST(CliAppRequests, RegisterBodyHasOptionalFieldsOnlyWhenGiven) {
  AppRegisterArgs args{"order-svc", "trade", "self_developed", "core", {}, {}, {}};
  EXPECT_EQ(boost::json::serialize(AppRegisterBody(args)),
            R"({"name":"order-svc","team":"trade","type":"self_developed","level":"core"})");
  args.description = "";
  args.owner = "alice";
  EXPECT_EQ(boost::json::serialize(AppRegisterBody(args)),
            R"({"name":"order-svc","team":"trade","type":"self_developed","level":"core",)"
            R"("description":"","owner":"alice"})");
}

TEST(CliAppRequests, DetailsBodyMapsNotationToObjects) {
  AppCompleteArgs args;
  args.build_job = "trade/order-svc";
  args.ports = {"http:8080/TCP", "metrics:9100"};
  args.health_check = "http:/healthz:8080";
  args.approvers = {"bob", "carol"};
  EXPECT_EQ(boost::json::serialize(AppDetailsBody(args)),
            R"({"build_job":"trade/order-svc",)"
            R"("ports":[{"name":"http","port":8080,"protocol":"TCP"},)"
            R"({"name":"metrics","port":9100,"protocol":"TCP"}],)"
            R"("health_check":{"type":"http","path":"/healthz","port":8080},)"
            R"("approvers":["bob","carol"]})");
}

TEST(CliAppRequests, DetailsBodyNeedsAFieldAndValidNotation) {
  AppCompleteArgs args;
  EXPECT_THROW(AppDetailsBody(args), Failure);
  args.vendor_image = "grafana/grafana:10";
  EXPECT_EQ(boost::json::serialize(AppDetailsBody(args)),
            R"({"vendor_image":"grafana/grafana:10"})");
  args.ports = {"http:eighty"};
  EXPECT_THROW(AppDetailsBody(args), Failure);
}

TEST(CliAppRequests, AppPathEncodesTheName) {
  EXPECT_EQ(AppPath("12"), "/api/v1/apps/12");
  EXPECT_EQ(AppPath("a b", "/members/x%y"), "/api/v1/apps/a%20b/members/x%y");
}

}  // namespace
}  // namespace slipway::cli
