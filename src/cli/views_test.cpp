#include "cli/views.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace slipway::cli {
namespace {

TEST(CliViews, AppShowsDetailsWhatIsMissingAndWhyActionsAreRefused) {
  const auto app = boost::json::parse(R"({
    "id":1,"name":"order-svc","team":"trade","owner":"alice","type":"self_developed",
    "level":"core","description":"orders","repo_url":null,"status":"pending_online",
    "status_reason":null,
    "details":{"build_job":null,"ports":[{"name":"http","port":8080,"protocol":"TCP"}],
               "health_check":{"type":"http","path":"/healthz","port":8080},
               "approvers":["bob"],"vendor_image":null},
    "missing_fields":["details.build_job"],
    "members":[{"username":"alice","role":"owner"}],
    "actions":["edit","request_offline"],
    "refusals":{"build":"details.build_job is missing","release":"no environment"},
    "version":3,"created_at":"2026-11-27T02:16:00Z","updated_at":"2026-11-27T02:17:00Z"})");
  EXPECT_EQ(RenderApp(app),
            "id:              1\n"
            "name:            order-svc\n"
            "team:            trade\n"
            "owner:           alice\n"
            "type:            self_developed\n"
            "level:           core\n"
            "status:          pending_online\n"
            "description:     orders\n"
            "repository:      -\n"
            "build job:       -\n"
            "ports:           http:8080/TCP\n"
            "health check:    http:/healthz:8080\n"
            "approvers:       bob\n"
            "vendor image:    -\n"
            "domains:         -\n"
            "missing fields:  details.build_job\n"
            "members:         alice (owner)\n"
            "actions:         edit, request_offline\n"
            "version:         3\n"
            "created:         2026-11-27T02:16:00Z\n"
            "updated:         2026-11-27T02:17:00Z\n"
            "refused:\n"
            "  build:    details.build_job is missing\n"
            "  release:  no environment\n");
}

TEST(CliViews, RejectedAppShowsTheReason) {
  const auto app = boost::json::parse(R"({"status":"rejected","reject_reason":"no repo"})");
  EXPECT_NE(RenderApp(app).find("reason:          no repo\n"), std::string::npos) << RenderApp(app);
}

TEST(CliViews, ListsRenderTheirItems) {
  EXPECT_EQ(RenderTokenList(boost::json::parse(
                R"({"items":[{"id":4,"name":"ci","created_at":"t1","last_used_at":null,)"
                R"("expires_at":null}],"next_cursor":null})")),
            "ID  NAME  CREATED  LAST USED  EXPIRES\n"
            "4   ci    t1       -          -\n");
  EXPECT_EQ(
      RenderMembers(boost::json::parse(R"({"items":[{"username":"bob","role":"developer"}]})")),
      "USERNAME  ROLE\n"
      "bob       developer\n");
}

}  // namespace
}  // namespace slipway::cli
