// The DnsZone contract: the same assertions on the fake, on the real client
// talking to the sandbox responder, and on the real client talking to a real
// BIND 9 started by the test.
#include <gtest/gtest.h>

#include <memory>

#include "connectors/dns/bind_server_for_tests.hpp"
#include "connectors/dns/client.hpp"
#include "connectors/dns/fake.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "support/real_servers.hpp"

namespace slipway::connectors::dns {
namespace {

using namespace std::chrono_literals;

constexpr const char* kZone = "example.test";
constexpr const char* kKey = "slipway-key";
constexpr const char* kSecret = "dGVzdC12ZWN0b3Ita2V5LW5vdC1hLXNlY3JldC0zMmI=";

enum class Target { kFake, kSandbox, kBind };

DnsSettings SandboxSettings(std::uint16_t port) {
  DnsSettings s;
  s.port = port;
  s.zone = kZone;
  s.key_name = kKey;
  s.key_secret = kSecret;
  s.timeout = 2s;
  return s;
}

class DnsContract : public ::testing::TestWithParam<Target> {
 protected:
  void SetUp() override {
    switch (GetParam()) {
      case Target::kFake:
        zone_ = std::make_unique<FakeDnsZone>(kZone);
        return;
      case Target::kSandbox: {
        auto handler = std::make_shared<sandbox::DnsHandler>(
            kZone, sandbox::TsigKey{kKey, kSecret, "hmac-sha256."});
        responder_ = std::make_unique<sandbox::DnsResponder>(handler);
        responder_->Start("127.0.0.1", 0);
        settings_ = SandboxSettings(responder_->port());
        break;
      }
      case Target::kBind:
        SLIPWAY_REQUIRE_INSTALLED(BindServer::Available(), "named (bind9)");
        bind_ = std::make_unique<BindServer>(kZone, kKey, kSecret);
        ASSERT_TRUE(bind_->Start()) << bind_->log();
        settings_ = bind_->Settings();
        break;
    }
    zone_ = std::make_unique<DnsClient>(settings_);
  }

  std::vector<std::string> Values(const std::string& name, DnsType type) {
    auto found = zone_->Query(name, type);
    EXPECT_TRUE(found.ok()) << found.error().message;
    std::vector<std::string> out;
    if (found.ok()) {
      for (const auto& r : *found) out.push_back(r.value);
    }
    return out;
  }

  using V = std::vector<std::string>;
  DnsSettings settings_;
  std::unique_ptr<sandbox::DnsResponder> responder_;
  std::unique_ptr<BindServer> bind_;
  std::unique_ptr<DnsZone> zone_;
};

TEST_P(DnsContract, AddedARecordsAreQueriedBack) {
  EXPECT_EQ(Values("web.example.test", DnsType::kA), V{});
  ASSERT_TRUE(zone_->Add({"web.example.test", DnsType::kA, "10.0.0.2", 60}).ok());
  ASSERT_TRUE(zone_->Add({"web.example.test.", DnsType::kA, "10.0.0.1", 60}).ok());
  ASSERT_TRUE(zone_->Add({"WEB.example.test", DnsType::kA, "10.0.0.1", 60}).ok()) << "idempotent";
  EXPECT_EQ(Values("web.example.test", DnsType::kA), (V{"10.0.0.1", "10.0.0.2"}));
  auto records = zone_->Query("web.example.test", DnsType::kA);
  ASSERT_TRUE(records.ok());
  EXPECT_EQ((*records)[0].name, "web.example.test.");
  EXPECT_EQ((*records)[0].ttl, 60u);
}

TEST_P(DnsContract, CnamesAndTheirExclusivity) {
  ASSERT_TRUE(zone_->Add({"web.example.test", DnsType::kA, "10.0.0.1", 60}).ok());
  ASSERT_TRUE(
      zone_->Add({"shop-lane1.example.test", DnsType::kCname, "web.example.test", 60}).ok());
  EXPECT_EQ(Values("shop-lane1.example.test", DnsType::kCname), V{"web.example.test."});
  EXPECT_EQ(Values("shop-lane1.example.test", DnsType::kA), V{}) << "the A belongs to the target";

  auto a_on_alias = zone_->Add({"shop-lane1.example.test", DnsType::kA, "10.0.0.9", 60});
  ASSERT_FALSE(a_on_alias.ok());
  EXPECT_EQ(a_on_alias.error().code, core::Code::kConflict);
  auto alias_on_a = zone_->Add({"web.example.test", DnsType::kCname, "other.example.test", 60});
  ASSERT_FALSE(alias_on_a.ok());
  EXPECT_EQ(alias_on_a.error().code, core::Code::kConflict);
  EXPECT_NE(alias_on_a.error().message.find("YXRRSET"), std::string::npos)
      << alias_on_a.error().message;
}

TEST_P(DnsContract, CreateRefusesANameInUse) {
  ASSERT_TRUE(zone_->Create({"new.example.test", DnsType::kA, "10.0.0.5", 60}).ok());
  auto again = zone_->Create({"new.example.test", DnsType::kCname, "web.example.test", 60});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kConflict);
  EXPECT_NE(again.error().message.find("YXDOMAIN"), std::string::npos) << again.error().message;
  EXPECT_EQ(Values("new.example.test", DnsType::kA), V{"10.0.0.5"});
}

TEST_P(DnsContract, ReplaceLeavesExactlyTheNewRecord) {
  ASSERT_TRUE(zone_->Add({"api.example.test", DnsType::kA, "10.0.0.1", 60}).ok());
  ASSERT_TRUE(zone_->Add({"api.example.test", DnsType::kA, "10.0.0.2", 60}).ok());
  ASSERT_TRUE(zone_->Replace({"api.example.test", DnsType::kA, "10.0.0.9", 120}).ok());
  EXPECT_EQ(Values("api.example.test", DnsType::kA), V{"10.0.0.9"});
  EXPECT_EQ(zone_->Query("api.example.test", DnsType::kA).value().at(0).ttl, 120u);

  ASSERT_TRUE(zone_->Replace({"api.example.test", DnsType::kCname, "web.example.test", 60}).ok());
  EXPECT_EQ(Values("api.example.test", DnsType::kCname), V{"web.example.test."});
  ASSERT_TRUE(zone_->Replace({"api.example.test", DnsType::kCname, "shop.example.test", 60}).ok());
  EXPECT_EQ(Values("api.example.test", DnsType::kCname), V{"shop.example.test."});

  ASSERT_TRUE(zone_->Replace({"api.example.test", DnsType::kA, "10.0.0.7", 60}).ok());
  EXPECT_EQ(Values("api.example.test", DnsType::kA), V{"10.0.0.7"});
  EXPECT_EQ(Values("api.example.test", DnsType::kCname), V{});
}

TEST_P(DnsContract, DeleteIsIdempotent) {
  ASSERT_TRUE(zone_->Add({"old.example.test", DnsType::kA, "10.0.0.1", 60}).ok());
  ASSERT_TRUE(zone_->Delete("old.example.test", DnsType::kA).ok());
  EXPECT_EQ(Values("old.example.test", DnsType::kA), V{});
  EXPECT_TRUE(zone_->Delete("old.example.test", DnsType::kA).ok());
  EXPECT_TRUE(zone_->Delete("never.example.test", DnsType::kCname).ok());
}

TEST_P(DnsContract, NamesOutsideTheZoneAndBadValuesAreInvalid) {
  EXPECT_EQ(zone_->Add({"web.other.test", DnsType::kA, "10.0.0.1", 60}).error().code,
            core::Code::kInvalid);
  EXPECT_EQ(zone_->Add({"web.example.test", DnsType::kA, "10.0.0.300", 60}).error().code,
            core::Code::kInvalid);
  EXPECT_EQ(zone_->Add({"bad name.example.test", DnsType::kA, "10.0.0.1", 60}).error().code,
            core::Code::kInvalid);
  EXPECT_EQ(zone_->Query("web.other.test", DnsType::kA).error().code, core::Code::kInvalid);
}

INSTANTIATE_TEST_SUITE_P(Targets, DnsContract,
                         ::testing::Values(Target::kFake, Target::kSandbox, Target::kBind),
                         [](const auto& info) {
                           return info.param == Target::kFake      ? "Fake"
                                  : info.param == Target::kSandbox ? "Sandbox"
                                                                   : "Bind";
                         });

// TSIG failures need a server: the sandbox responder and BIND must agree.
class DnsTsig : public ::testing::TestWithParam<Target> {
 protected:
  void SetUp() override {
    if (GetParam() == Target::kSandbox) {
      auto handler = std::make_shared<sandbox::DnsHandler>(
          kZone, sandbox::TsigKey{kKey, kSecret, "hmac-sha256."});
      responder_ = std::make_unique<sandbox::DnsResponder>(handler);
      responder_->Start("127.0.0.1", 0);
      settings_ = SandboxSettings(responder_->port());
    } else {
      SLIPWAY_REQUIRE_INSTALLED(BindServer::Available(), "named (bind9)");
      bind_ = std::make_unique<BindServer>(kZone, kKey, kSecret);
      ASSERT_TRUE(bind_->Start()) << bind_->log();
      settings_ = bind_->Settings();
    }
  }
  DnsSettings settings_;
  std::unique_ptr<sandbox::DnsResponder> responder_;
  std::unique_ptr<BindServer> bind_;
};

TEST_P(DnsTsig, WrongSecretIsUnauthenticatedBadSig) {
  auto s = settings_;
  s.key_secret = "d3JvbmctYnV0LXdlbGwtZm9ybWVkLXNlY3JldC0zMmI=";
  auto result = DnsClient(s).Add({"web.example.test", DnsType::kA, "10.0.0.1", 60});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(result.error().message.find("NOTAUTH(BADSIG)"), std::string::npos)
      << result.error().message;
}

TEST_P(DnsTsig, UnknownKeyIsUnauthenticatedBadKey) {
  auto s = settings_;
  s.key_name = "someone-else";
  auto result = DnsClient(s).Add({"web.example.test", DnsType::kA, "10.0.0.1", 60});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(result.error().message.find("BADKEY"), std::string::npos) << result.error().message;
}

TEST_P(DnsTsig, TcpWorksLikeUdp) {
  auto s = settings_;
  s.tcp = true;
  DnsClient client(s);
  ASSERT_TRUE(client.Add({"tcp.example.test", DnsType::kA, "10.0.0.3", 60}).ok());
  auto found = client.Query("tcp.example.test", DnsType::kA);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Servers, DnsTsig, ::testing::Values(Target::kSandbox, Target::kBind),
                         [](const auto& info) {
                           return info.param == Target::kSandbox ? "Sandbox" : "Bind";
                         });

TEST(DnsFake, InjectedFailuresAndCallLog) {
  FakeDnsZone fake(kZone);
  fake.FailNext("Add", core::Error{core::Code::kTransient, "dns: down", {}});
  EXPECT_EQ(fake.Add({"a.example.test", DnsType::kA, "10.0.0.1", 60}).error().code,
            core::Code::kTransient);
  EXPECT_TRUE(fake.Add({"a.example.test", DnsType::kA, "10.0.0.1", 60}).ok());
  EXPECT_EQ(fake.calls(), (std::vector<std::string>{"Add a.example.test", "Add a.example.test"}));
}

}  // namespace
}  // namespace slipway::connectors::dns
