// The Apollo emulator's token checks and the real client's handling of
// injected faults.
#include "sandbox/apollo/apollo_emulator.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connectors/apollo/client.hpp"
#include "connectors/http_transport.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::sandbox {
namespace {

using namespace std::chrono_literals;
using connectors::ApolloItem;
using connectors::ApolloNamespaceRef;
using connectors::HttpTransport;
using connectors::apollo::ApolloClient;
using connectors::apollo::ApolloSettings;

class ApolloEmulatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ApolloEmulatorOptions options;
    options.tokens["all-apps"] = {"*"};
    options.tokens["web-only"] = {"web"};
    auto emulator = std::make_unique<ApolloEmulator>(options);
    emulator->store().AddApp("web");
    emulator->store().AddApp("billing");
    host_.Add(std::move(emulator));
    host_.Start();
    url_ = host_.endpoints().at("apollo");
    admin_ = std::make_unique<HttpTransport>(connectors::TransportSettings{.base_url = url_});
  }

  ApolloClient Client(std::string token) {
    ApolloSettings s;
    s.transport.base_url = url_;
    s.transport.retry_backoff = 5ms;
    s.token = std::move(token);
    return ApolloClient(s);
  }

  void Fault(boost::json::object rule) {
    auto r = admin_->Send(
        {.method = "POST", .path = "/_sandbox/faults", .body = boost::json::serialize(rule)});
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, 201) << r->body;
  }

  int InjectedCalls() {
    auto r = admin_->Send({.path = "/_sandbox/calls"});
    int n = 0;
    const auto parsed = boost::json::parse(r->body);  // kept alive for the loop
    for (const auto& c : parsed.at("calls").as_array()) n += c.at("injected").as_bool();
    return n;
  }

  const ApolloNamespaceRef ns_{"DEV", "web", "default", "application"};
  SandboxHost host_;
  std::string url_;
  std::unique_ptr<HttpTransport> admin_;
};

TEST_F(ApolloEmulatorTest, BadTokenIsUnauthenticatedAndUngrantedAppForbidden) {
  auto bad = Client("wrong").GetCluster("DEV", "web", "default");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(bad.error().message.find("Unauthorized"), std::string::npos) << bad.error().message;

  auto web_only = Client("web-only");
  EXPECT_TRUE(web_only.GetCluster("DEV", "web", "default").ok());
  auto other = web_only.GetCluster("DEV", "billing", "default");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, core::Code::kForbidden);
  EXPECT_NE(other.error().message.find("billing"), std::string::npos);
}

TEST_F(ApolloEmulatorTest, TokenIsSentRawNotAsBearer) {
  auto r = admin_->Send({.path = "/openapi/v1/envs/DEV/apps/web/clusters/default",
                         .headers = {{"Authorization", "Bearer all-apps"}}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 401);
}

TEST_F(ApolloEmulatorTest, IdempotentCallsAreRetriedOn503) {
  auto client = Client("all-apps");
  Fault({{"method", "GET"}, {"count", 2}});
  EXPECT_TRUE(client.GetNamespace(ns_).ok());
  Fault({{"method", "PUT"}, {"count", 1}});
  EXPECT_TRUE(client.UpdateItem(ns_, {"a", "1", "", {}, {}, {}, {}}, "ops", true).ok());
  EXPECT_EQ(InjectedCalls(), 3);
}

TEST_F(ApolloEmulatorTest, PublishIsSentOnceAndKeepsThePortalMessage) {
  auto client = Client("all-apps");
  Fault({{"method", "POST"},
         {"status", 503},
         {"body", R"({"status":503,"message":"admin service unavailable"})"}});
  auto released = client.Publish(ns_, "t", "", "ops");
  ASSERT_FALSE(released.ok());
  EXPECT_EQ(released.error().code, core::Code::kTransient);
  EXPECT_NE(released.error().message.find("admin service unavailable"), std::string::npos);
  EXPECT_EQ(InjectedCalls(), 1);
}

TEST_F(ApolloEmulatorTest, InjectedConflictAndUnauthorizedAreMapped) {
  auto client = Client("all-apps");
  Fault({{"method", "POST"},
         {"status", 409},
         {"body", R"({"status":409,"message":"namespace locked"})"}});
  auto locked = client.CreateItem(ns_, {"a", "1", "", {}, {}, {}, {}}, "ops");
  EXPECT_EQ(locked.error().code, core::Code::kConflict);
  EXPECT_NE(locked.error().message.find("namespace locked"), std::string::npos);
  Fault({{"method", "GET"}, {"status", 401}, {"body", R"({"status":401,"error":"Unauthorized"})"}});
  EXPECT_EQ(client.GetNamespace(ns_).error().code, core::Code::kUnauthenticated);
}

TEST_F(ApolloEmulatorTest, StateShowsItemsAndReleases) {
  auto client = Client("all-apps");
  ASSERT_TRUE(client.CreateItem(ns_, {"k", "v", "", {}, {}, {}, {}}, "ops").ok());
  ASSERT_TRUE(client.Publish(ns_, "r1", "", "ops").ok());
  auto state = host_.Find("apollo")->State();
  const auto& application =
      state.at("DEV").at("web").at("clusters").at("default").at("application");
  EXPECT_EQ(application.at("items").at("k").as_string(), "v");
  EXPECT_EQ(application.at("releases").as_array().size(), 1u);
}

}  // namespace
}  // namespace slipway::sandbox
