// The OpenAPI document and the router must describe the same API: a route
// the document lacks (or documents but nobody serves) fails here.
#include "http/openapi.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "engine/engine.hpp"
#include "http/handlers/deps.hpp"
#include "services/notifications/notice_delivery.hpp"
#include "support/test_database.hpp"

namespace slipway::http {
namespace {

using RouteKey = std::pair<std::string, std::string>;  // method, path

std::set<RouteKey> DocumentedRoutes(const boost::json::object& doc) {
  std::set<RouteKey> out;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      std::string m(method);
      if (m == "parameters" || m == "summary" || m == "description") continue;
      for (auto& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out.insert({m, std::string(path)});
    }
  }
  return out;
}

class OpenApiTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  services::IdentityService identity_{*db_, clock_, {}};
  services::AppService apps_{*db_, clock_};
  engine::Engine engine_{*db_, clock_, engine::Registry{}, {}};
  services::Connections connections_;
  services::SecretBox secrets_{services::SecretBox::Key{}};
  services::ClusterService clusters_{*db_, clock_, secrets_, connections_, {}};
  services::EnvironmentService environments_{*db_, clock_, clusters_,
                                             services::EnvironmentService::DeleteHooks::None()};
  services::BuildService builds_{*db_, clock_, engine_, connections_, {}};
  ReleaseFeed release_feed_{[](std::int64_t, bool& done) {
    done = true;
    return boost::json::value(nullptr);
  }};
  services::ConfigService config_{*db_, clock_, connections_, {}};
  services::EngineNotices notices_{engine_, clock_, secrets_};
  services::ChangeService changes_{*db_, clock_, notices_};
  services::ReleaseConfig release_config_{connections_, {}, {}};
  services::ReleaseService releases_{*db_, clock_, engine_, changes_, release_config_};
  services::NotificationService notifications_{*db_, clock_, secrets_};
  services::ServerAddress address_;
  services::LaneService lanes_{*db_,     clock_,   engine_, clusters_, connections_,
                               secrets_, address_, {},      {},        {}};
  services::WorkflowAdmin workflows_{*db_, clock_, engine_};
  services::AuditService audit_{*db_};
  services::ConnectorService connectors_{*db_, clock_, secrets_, {}, {}};
  Metrics metrics_;
  StreamSlots streams_{StreamLimits{}};
  ApiDeps deps_{
      *db_,           clock_,    identity_,     apps_,     workflows_,    audit_,  builds_,
      connections_,   clusters_, environments_, releases_, release_feed_, config_, changes_,
      notifications_, lanes_,    connectors_,   metrics_,  streams_,      {},      {}};
};

TEST_F(OpenApiTest, DocumentIsValidOpenApi3) {
  auto doc = boost::json::parse(OpenApiDocument()).as_object();
  EXPECT_EQ(std::string(doc.at("openapi").as_string()).substr(0, 2), "3.");
  EXPECT_TRUE(doc.contains("info"));
  EXPECT_TRUE(doc.contains("components"));
}

TEST_F(OpenApiTest, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  auto documented = DocumentedRoutes(boost::json::parse(OpenApiDocument()).as_object());
  std::set<RouteKey> served;
  auto router = BuildRouter(deps_);
  for (const auto& route : router.routes()) served.insert({route.method, route.pattern});
  for (const auto& r : served) {
    EXPECT_TRUE(documented.count(r)) << "served but not documented: " << r.first << " " << r.second;
  }
  for (const auto& r : documented) {
    EXPECT_TRUE(served.count(r)) << "documented but not served: " << r.first << " " << r.second;
  }
}

TEST_F(OpenApiTest, DocumentedPermissionMatchesTheRoute) {
  auto doc = boost::json::parse(OpenApiDocument()).as_object();
  auto router = BuildRouter(deps_);
  for (const auto& route : router.routes()) {
    std::string method = route.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto* item = doc.at("paths").as_object().if_contains(route.pattern);
    if (!item || !item->as_object().contains(method)) continue;  // reported by the test above
    const auto& op = item->as_object().at(method).as_object();
    ASSERT_TRUE(op.contains("x-permission")) << route.method << " " << route.pattern;
    EXPECT_EQ(op.at("x-permission").as_string(), PermissionName(route.permission))
        << route.method << " " << route.pattern;
  }
}

}  // namespace
}  // namespace slipway::http
