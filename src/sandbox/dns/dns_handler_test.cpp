// The sandbox DNS responder: TSIG verification against the published test
// vector (dns-rfc2136.md §2), and fault injection seen through the client.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connectors/dns/client.hpp"
#include "connectors/dns/ldns_support.hpp"
#include "connectors/webhook/hmac.hpp"
#include "sandbox/dns/dns_responder.hpp"

namespace slipway::sandbox {
namespace {

using namespace std::chrono_literals;
namespace dns = connectors::dns;

constexpr const char* kVectorHex =
    "123428000001000100010001076578616d706c65047465737400000600010663616e617279c00c000100fe00000000"
    "0000c01e0001"
    "00010000003c00040a0102030b72656c656173652d6b65790000fa00ff00000000003d0b686d61632d736861323536"
    "0000006b08e5"
    "cd012c002059eb0b51d26f8f7dc4ecd458aaf4c1ad70943e25ab5bfa7905756d70f19b859c123400000000";
constexpr const char* kVectorSecret = "dGVzdC12ZWN0b3Ita2V5LW5vdC1hLXNlY3JldC0zMmI=";

std::vector<std::uint8_t> FromHex(std::string_view hex) {
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<std::uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

struct Parsed {
  int rcode = -1;
  int tsig_error = -1;
};

Parsed Parse(const std::vector<std::uint8_t>& wire) {
  ldns_pkt* pkt = nullptr;
  Parsed out;
  if (ldns_wire2pkt(&pkt, wire.data(), wire.size()) != LDNS_STATUS_OK) return out;
  out.rcode = ldns_pkt_get_rcode(pkt);
  if (ldns_pkt_tsig(pkt)) out.tsig_error = dns::TsigError(ldns_pkt_tsig(pkt));
  ldns_pkt_free(pkt);
  return out;
}

DnsHandler VectorHandler() {
  return DnsHandler("example.test", {"release-key", kVectorSecret, "hmac-sha256."});
}

TEST(DnsHandler, TestVectorMacVerifiesButIsTooOld) {
  auto wire = FromHex(kVectorHex);
  ASSERT_EQ(wire.size(), 149u);
  ldns_pkt* pkt = nullptr;
  ASSERT_EQ(ldns_wire2pkt(&pkt, wire.data(), wire.size()), LDNS_STATUS_OK);
  const ldns_rdf* mac = dns::TsigMac(ldns_pkt_tsig(pkt));
  std::string mac_bytes(reinterpret_cast<const char*>(ldns_rdf_data(mac)) + 2,
                        ldns_rdf_size(mac) - 2);
  EXPECT_EQ(connectors::HexEncode(mac_bytes),
            "59eb0b51d26f8f7dc4ecd458aaf4c1ad70943e25ab5bfa7905756d70f19b859c");
  EXPECT_EQ(dns::TsigTime(ldns_pkt_tsig(pkt)), 1795745229u);
  ldns_pkt_free(pkt);

  auto handler = VectorHandler();
  auto reply = Parse(handler.Handle(wire.data(), wire.size()).wire);
  EXPECT_EQ(reply.rcode, dns::kNotAuth);
  EXPECT_EQ(reply.tsig_error, 18) << "BADTIME, so the MAC itself verified";
}

TEST(DnsHandler, TamperedMessageIsBadSig) {
  auto wire = FromHex(kVectorHex);
  wire[64] ^= 0x01;  // the last byte of 10.1.2.3, before the TSIG
  auto handler = VectorHandler();
  auto reply = Parse(handler.Handle(wire.data(), wire.size()).wire);
  EXPECT_EQ(reply.rcode, dns::kNotAuth);
  EXPECT_EQ(reply.tsig_error, 16);
}

TEST(DnsHandler, UnsignedUpdateIsRefusedAndGarbageIsFormErr) {
  auto wire = FromHex(kVectorHex);
  wire.resize(12 + 18 + 19 + 16);  // header, zone, prereq, update: no TSIG
  wire[11] = 0;                    // ARCOUNT
  auto handler = VectorHandler();
  EXPECT_EQ(Parse(handler.Handle(wire.data(), wire.size()).wire).rcode, dns::kRefused);
  std::vector<std::uint8_t> garbage{0x12, 0x34, 0xff};
  auto reply = handler.Handle(garbage.data(), garbage.size()).wire;
  ASSERT_EQ(reply.size(), 12u);
  EXPECT_EQ(reply[3] & 0x0f, dns::kFormErr);
}

class DnsResponderFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    handler_ =
        std::make_shared<DnsHandler>("example.test", TsigKey{"k", kVectorSecret, "hmac-sha256."});
    responder_ = std::make_unique<DnsResponder>(handler_);
    responder_->Start("127.0.0.1", 0);
    settings_.port = responder_->port();
    settings_.zone = "example.test";
    settings_.key_name = "k";
    settings_.key_secret = kVectorSecret;
    settings_.timeout = 300ms;
    settings_.retry_backoff = 10ms;
  }
  std::shared_ptr<DnsHandler> handler_;
  std::unique_ptr<DnsResponder> responder_;
  dns::DnsSettings settings_;
};

TEST_F(DnsResponderFaults, ServfailAndTimeoutsAreRetriedForIdempotentCalls) {
  dns::DnsClient client(settings_);
  handler_->faults().Add({.rcode = dns::kServFail});
  EXPECT_TRUE(client.Add({"a.example.test", connectors::DnsType::kA, "10.0.0.1", 60}).ok());
  handler_->faults().Add({.timeout = true});
  EXPECT_TRUE(client.Replace({"a.example.test", connectors::DnsType::kA, "10.0.0.2", 60}).ok());
  handler_->faults().Add({.timeout = true});
  auto found = client.Query("a.example.test", connectors::DnsType::kA);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->at(0).value, "10.0.0.2");
}

TEST_F(DnsResponderFaults, CreateIsSentOnce) {
  dns::DnsClient client(settings_);
  handler_->faults().Add({.rcode = dns::kServFail});
  auto result = client.Create({"b.example.test", connectors::DnsType::kA, "10.0.0.1", 60});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::Code::kTransient);
  EXPECT_NE(result.error().message.find("SERVFAIL"), std::string::npos);
  settings_.max_retries = 0;
  handler_->faults().Add({.timeout = true});
  auto timeout =
      dns::DnsClient(settings_).Add({"b.example.test", connectors::DnsType::kA, "10.0.0.1", 60});
  EXPECT_EQ(timeout.error().code, core::Code::kTransient);
}

TEST_F(DnsResponderFaults, StateShowsTheZone) {
  dns::DnsClient client(settings_);
  ASSERT_TRUE(client.Add({"c.example.test", connectors::DnsType::kA, "10.0.0.1", 60}).ok());
  auto state = handler_->State();
  EXPECT_EQ(state.at("updates").as_uint64(), 1u);
  EXPECT_NE(boost::json::serialize(state).find("c.example.test."), std::string::npos);
  handler_->Reset();
  EXPECT_EQ(boost::json::serialize(handler_->State()).find("c.example.test."), std::string::npos);
}

}  // namespace
}  // namespace slipway::sandbox
