#include "connectors/address_policy.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

namespace slipway::connectors {
namespace {

sockaddr_storage Address(const char* text) {
  sockaddr_storage s{};
  auto* v4 = reinterpret_cast<sockaddr_in*>(&s);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&s);
  if (inet_pton(AF_INET, text, &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
  } else {
    EXPECT_EQ(inet_pton(AF_INET6, text, &v6->sin6_addr), 1) << text;
    v6->sin6_family = AF_INET6;
  }
  return s;
}

bool Private(const char* text) {
  auto s = Address(text);
  return IsPrivateAddress(reinterpret_cast<const sockaddr*>(&s));
}

TEST(AddressPolicy, PrivateLoopbackAndLinkLocalAreRecognised) {
  for (const char* p : {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                        "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd00::1",
                        "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"}) {
    EXPECT_TRUE(Private(p)) << p;
  }
  for (const char* p : {"8.8.8.8", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2001:4860::8888",
                        "::ffff:8.8.8.8"}) {
    EXPECT_FALSE(Private(p)) << p;
  }
}

TEST(AddressPolicy, RefusesPrivateUnlessAnAllowedNetworkHoldsIt) {
  AddressPolicy policy{.refuse_private = true, .allowed = {*ParseNetwork("10.20.0.0/16")}};
  auto check = [&](const char* text) {
    auto s = Address(text);
    return RefusalFor(policy, reinterpret_cast<const sockaddr*>(&s));
  };
  EXPECT_TRUE(check("127.0.0.1"));
  EXPECT_NE(check("169.254.169.254")->find("169.254.169.254"), std::string::npos);
  EXPECT_FALSE(check("10.20.3.4"));
  EXPECT_TRUE(check("10.21.3.4"));
  EXPECT_FALSE(check("8.8.8.8"));
  policy.refuse_private = false;
  EXPECT_FALSE(check("127.0.0.1")) << "off: everything may be reached";
}

TEST(AddressPolicy, NetworksParseWithTheirPrefix) {
  EXPECT_EQ(ParseNetwork("10.0.0.0/8")->prefix, 8);
  EXPECT_EQ(ParseNetwork("127.0.0.1")->prefix, 32);
  EXPECT_EQ(ParseNetwork("fd00::/8")->family, AF_INET6);
  for (const char* bad : {"", "10.0.0.0/33", "10.0.0.0/x", "host.example", "::1/129"}) {
    EXPECT_FALSE(ParseNetwork(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace slipway::connectors
