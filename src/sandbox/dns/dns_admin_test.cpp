// The DNS responder's admin endpoints, as `slipway sandbox` serves them: the
// host lists "dns" (UDP/TCP) and "dns-admin" (HTTP); faults, latency, state,
// calls and reset set over HTTP are seen by the real DNS client.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <vector>

#include "connectors/dns/client.hpp"
#include "connectors/dns/zone_model.hpp"
#include "connectors/http_transport.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::sandbox {
namespace {

using namespace std::chrono_literals;
using connectors::DnsRecord;
using connectors::DnsType;
namespace dns = connectors::dns;

class DnsAdminTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_.Add(MakeSandboxDns());
    host_.Start();
    const std::string& endpoint = host_.endpoints().at("dns");
    settings_.server = endpoint.substr(0, endpoint.rfind(':'));
    settings_.port =
        static_cast<std::uint16_t>(std::stoi(endpoint.substr(endpoint.rfind(':') + 1)));
    settings_.zone = kSandboxDnsZone;
    settings_.key_name = kSandboxTsigKeyName;
    settings_.key_secret = kSandboxTsigSecret;
    settings_.timeout = 300ms;
    settings_.retry_backoff = 10ms;
    admin_ = std::make_unique<connectors::HttpTransport>(connectors::TransportSettings{
        .base_url = host_.endpoints().at("dns-admin"), .max_retries = 0});
  }

  connectors::TransportResponse Admin(const std::string& method, const std::string& path,
                                      const boost::json::object& body = {}) {
    connectors::TransportRequest request{.method = method, .path = path};
    if (method == "POST") request.body = boost::json::serialize(body);
    auto response = admin_->Send(request);
    EXPECT_TRUE(response.ok()) << response.error().message;
    return response.ok() ? *response : connectors::TransportResponse{};
  }
  boost::json::value AdminJson(const std::string& path) {
    return boost::json::parse(Admin("GET", path).body);
  }
  DnsRecord A(const std::string& label, const std::string& ip) {
    return {label + "." + kSandboxDnsZone, DnsType::kA, ip, 60};
  }

  SandboxHost host_;
  dns::DnsSettings settings_;
  std::unique_ptr<connectors::HttpTransport> admin_;
};

TEST_F(DnsAdminTest, NextUpdatesFailWithTheInjectedRcodeWhileQueriesPass) {
  dns::DnsClient client(settings_);
  auto added =
      Admin("POST", "/_sandbox/faults", {{"opcode", "update"}, {"count", 2}, {"rcode", "REFUSED"}});
  EXPECT_EQ(added.status, 201) << added.body;
  for (int i = 0; i < 2; ++i) {
    auto refused = client.Add(A("web", "10.0.0.1"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::Code::kForbidden) << refused.error().message;
    EXPECT_TRUE(client.Query(A("web", "").name, DnsType::kA).ok()) << "queries are not matched";
  }
  ASSERT_TRUE(client.Add(A("web", "10.0.0.1")).ok()) << "the rule was used up";

  auto calls = AdminJson("/_sandbox/calls").at("calls").as_array();
  ASSERT_EQ(calls.size(), 5u);
  EXPECT_EQ(calls[0].at("opcode"), "UPDATE");
  EXPECT_EQ(calls[0].at("name"), kSandboxDnsZone);
  EXPECT_EQ(calls[0].at("updated").as_array().at(0), "web.sandbox.test.");
  EXPECT_EQ(calls[0].at("rcode"), "REFUSED");
  EXPECT_EQ(calls[0].at("injected"), true);
  EXPECT_EQ(calls[1].at("opcode"), "QUERY");
  EXPECT_EQ(calls[1].at("type"), "A");
  EXPECT_EQ(calls[4].at("rcode"), "NOERROR");
  EXPECT_EQ(calls[4].at("injected"), false);
}

TEST_F(DnsAdminTest, ATimeoutRuleSendsNoAnswerAndANameLimitsARule) {
  settings_.max_retries = 0;
  dns::DnsClient client(settings_);
  Admin("POST", "/_sandbox/faults", {{"name", "slow.sandbox.test"}, {"timeout", true}});
  ASSERT_TRUE(client.Add(A("fast", "10.0.0.2")).ok()) << "another name is not matched";
  auto timed_out = client.Add(A("slow", "10.0.0.3"));
  ASSERT_FALSE(timed_out.ok());
  EXPECT_EQ(timed_out.error().code, core::Code::kTransient) << timed_out.error().message;
  auto calls = AdminJson("/_sandbox/calls").at("calls").as_array();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_TRUE(calls[1].at("rcode").is_null()) << "no answer was sent";
  EXPECT_EQ(calls[1].at("injected"), true);
}

TEST_F(DnsAdminTest, LatencyDelaysEveryAnswerWithoutQueueingThem) {
  settings_.timeout = 3s;
  ASSERT_EQ(Admin("POST", "/_sandbox/latency", {{"delay_ms", 400}}).status, 200);
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::future<bool>> queries;
  for (int i = 0; i < 4; ++i) {
    queries.push_back(std::async(std::launch::async, [this, i] {
      return dns::DnsClient(settings_)
          .Query("q" + std::to_string(i) + ".sandbox.test.", DnsType::kA)
          .ok();
    }));
  }
  for (auto& q : queries) EXPECT_TRUE(q.get());
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_GE(took, 400ms);
  EXPECT_LT(took, 1500ms) << "four answers held back at once, not one after the other";
  ASSERT_EQ(Admin("DELETE", "/_sandbox/faults").status, 204);
  EXPECT_EQ(AdminJson("/_sandbox/state").at("injection").at("latency_ms"), 0);
}

TEST_F(DnsAdminTest, StateShowsTheZoneAndResetEmptiesIt) {
  dns::DnsClient client(settings_);
  ASSERT_TRUE(client.Add(A("shown", "10.0.0.4")).ok());
  Admin("POST", "/_sandbox/faults", {{"opcode", "QUERY"}, {"rcode", 3}});
  auto state = AdminJson("/_sandbox/state");
  EXPECT_EQ(state.at("system"), "dns");
  EXPECT_NE(boost::json::serialize(state.at("state").at("zone")).find("shown.sandbox.test."),
            std::string::npos)
      << state;
  EXPECT_EQ(state.at("injection").at("faults").at(0).at("rcode"), "NXDOMAIN");

  ASSERT_EQ(Admin("POST", "/_sandbox/reset").status, 204);
  state = AdminJson("/_sandbox/state");
  EXPECT_EQ(boost::json::serialize(state).find("shown.sandbox.test."), std::string::npos) << state;
  EXPECT_TRUE(state.at("injection").at("faults").as_array().empty());
  EXPECT_TRUE(AdminJson("/_sandbox/calls").at("calls").as_array().empty());
}

TEST_F(DnsAdminTest, BadRulesAndOtherPathsAreRefused) {
  auto bad_rcode = Admin("POST", "/_sandbox/faults", {{"rcode", "NOPE"}});
  EXPECT_EQ(bad_rcode.status, 400);
  EXPECT_NE(bad_rcode.body.find("rcode"), std::string::npos) << bad_rcode.body;
  EXPECT_EQ(Admin("POST", "/_sandbox/faults", {{"opcode", "NOTIFY"}}).status, 400);
  EXPECT_EQ(Admin("GET", "/v1/anything").status, 404);
}

}  // namespace
}  // namespace slipway::sandbox
