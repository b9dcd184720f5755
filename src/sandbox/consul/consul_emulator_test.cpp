// The Consul emulator on the wire (ACL denials, raw reads, 404 index) and the
// real client's handling of injected faults.
#include "sandbox/consul/consul_emulator.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connectors/consul/client.hpp"
#include "connectors/http_transport.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::sandbox {
namespace {

using namespace std::chrono_literals;
using connectors::HttpTransport;
using connectors::TransportRequest;
using connectors::consul::ConsulClient;
using connectors::consul::ConsulSettings;

class ConsulEmulatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ConsulEmulatorOptions options;
    options.tokens.push_back({"root-secret", "accessor-root", "", true});
    options.tokens.push_back({"reader-secret", "accessor-reader", "app/", false});
    host_.Add(std::make_unique<ConsulEmulator>(options));
    host_.Start();
    url_ = host_.endpoints().at("consul");
    admin_ = std::make_unique<HttpTransport>(connectors::TransportSettings{.base_url = url_});
  }

  ConsulClient Client(std::string token) {
    ConsulSettings s;
    s.transport.base_url = url_;
    s.transport.retry_backoff = 5ms;
    s.token = std::move(token);
    return ConsulClient(s);
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

  SandboxHost host_;
  std::string url_;
  std::unique_ptr<HttpTransport> admin_;
};

TEST_F(ConsulEmulatorTest, UnknownTokenIsUnauthenticatedWithConsulsText) {
  auto result = Client("no-such-token").Get("app/x");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(result.error().message.find("ACL not found"), std::string::npos)
      << result.error().message;
}

TEST_F(ConsulEmulatorTest, ReadOnlyTokenCannotWrite) {
  auto reader = Client("reader-secret");
  auto denied = reader.Put("app/x", "1");
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code, core::Code::kForbidden);
  EXPECT_NE(denied.error().message.find("Permission denied"), std::string::npos);
  EXPECT_NE(denied.error().message.find("key:write"), std::string::npos);

  auto root = Client("root-secret");
  ASSERT_TRUE(root.Put("app/x", "1").ok());
  ASSERT_TRUE(root.Put("secret/y", "2").ok());
  EXPECT_EQ(reader.Get("app/x")->value, "1");
  EXPECT_EQ(reader.Get("secret/y").error().code, core::Code::kForbidden);
  auto all = reader.List("");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->entries.size(), 1u) << "listings hide keys the token cannot read";
  EXPECT_EQ(Client("").Get("app/x").error().code, core::Code::kForbidden) << "anonymous is denied";
}

TEST_F(ConsulEmulatorTest, RawReadsAnd404sCarryTheIndex) {
  ASSERT_TRUE(Client("root-secret").Put("app/raw", "hello").ok());
  TransportRequest raw{.path = "/v1/kv/app/raw?raw",
                       .headers = {{"X-Consul-Token", "root-secret"}}};
  auto r = admin_->Send(raw);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "hello");
  EXPECT_TRUE(r->Header("X-Consul-Index").has_value());

  TransportRequest missing{.path = "/v1/kv/app/none",
                           .headers = {{"X-Consul-Token", "root-secret"}}};
  auto m = admin_->Send(missing);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->status, 404);
  EXPECT_EQ(m->body, "");
  EXPECT_TRUE(m->Header("X-Consul-Index").has_value());

  TransportRequest put{.method = "PUT",
                       .path = "/v1/kv/app/raw?cas=1",
                       .body = "x",
                       .headers = {{"X-Consul-Token", "root-secret"}}};
  auto p = admin_->Send(put);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->status, 200);
  EXPECT_EQ(p->body, "false") << "a failed CAS is 200 with false";
}

TEST_F(ConsulEmulatorTest, ReadsAndPlainWritesAreRetriedOn503) {
  auto client = Client("root-secret");
  ASSERT_TRUE(client.Put("app/a", "1").ok());
  Fault({{"method", "GET"}, {"path_prefix", "/v1/kv/"}, {"count", 2}, {"status", 503}});
  auto got = client.Get("app/a");
  ASSERT_TRUE(got.ok()) << got.error().message;
  Fault({{"method", "PUT"}, {"path_prefix", "/v1/kv/"}, {"count", 1}, {"status", 503}});
  EXPECT_TRUE(client.Put("app/a", "2").ok());
  EXPECT_EQ(InjectedCalls(), 3);
}

TEST_F(ConsulEmulatorTest, CasWritesAreNotRepeatedAndKeepTheMessage) {
  auto client = Client("root-secret");
  Fault(
      {{"method", "PUT"}, {"count", 1}, {"status", 500}, {"body", "rpc error: No cluster leader"}});
  auto result = client.Put("app/a", "1", 0);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::Code::kTransient);
  EXPECT_NE(result.error().message.find("No cluster leader"), std::string::npos);
  EXPECT_EQ(InjectedCalls(), 1);
  EXPECT_TRUE(client.Put("app/a", "1", 0).ok());
}

TEST_F(ConsulEmulatorTest, ATimeoutIsTransient) {
  ConsulSettings s;
  s.transport.base_url = url_;
  s.transport.timeout = 300ms;
  s.transport.max_retries = 0;
  s.token = "root-secret";
  ConsulClient client(s);
  Fault({{"method", "GET"}, {"timeout", true}, {"timeout_ms", 1500}});
  auto result = client.Get("app/a");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::Code::kTransient);
}

TEST_F(ConsulEmulatorTest, StateShowsEntriesAndResetForgetsThem) {
  ASSERT_TRUE(Client("root-secret").Put("app/s", "v").ok());
  auto state = host_.Find("consul")->State();
  EXPECT_EQ(state.at("entries").as_array().size(), 1u);
  host_.Find("consul")->Reset();
  EXPECT_EQ(host_.Find("consul")->State().at("entries").as_array().size(), 0u);
}

}  // namespace
}  // namespace slipway::sandbox
