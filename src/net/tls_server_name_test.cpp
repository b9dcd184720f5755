// The URL and connect-to entry that make libcurl check a certificate for one
// name while connecting to another address.
#include "net/tls_server_name.hpp"

#include <gtest/gtest.h>

namespace slipway::net {
namespace {

TEST(TlsServerName, TheUrlNamesTheServerAndTheConnectionGoesToTheAddress) {
  auto route = RouteByTlsServerName(
      "https://10.0.0.1:6443/k8s/clusters/c-1/api/v1/pods?limit=500&continue=a%2Fb",
      "kubernetes.internal");
  ASSERT_TRUE(route.ok()) << route.error().message;
  EXPECT_EQ(
      route->url,
      "https://kubernetes.internal:6443/k8s/clusters/c-1/api/v1/pods?limit=500&continue=a%2Fb");
  EXPECT_EQ(route->connect_to, "kubernetes.internal:6443:10.0.0.1:6443");
  EXPECT_EQ(route->host, "10.0.0.1:6443");
}

TEST(TlsServerName, DefaultPortAndIpv6) {
  auto plain = RouteByTlsServerName("https://api.example.com/version", "kube.example");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->url, "https://kube.example/version");
  EXPECT_EQ(plain->connect_to, "kube.example:443:api.example.com:443");
  EXPECT_EQ(plain->host, "api.example.com") << "no port in the Host header when the URL has none";

  auto v6 = RouteByTlsServerName("https://[fd00::1]:443/version", "kubernetes.default.svc");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->connect_to, "kubernetes.default.svc:443:[fd00::1]:443");
  EXPECT_EQ(v6->host, "[fd00::1]:443");
}

TEST(TlsServerName, ANameThatIsNoHostIsInvalid) {
  auto bad = RouteByTlsServerName("https://10.0.0.1:6443/version", "not a host/name");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, core::Code::kInvalid);
  EXPECT_NE(bad.error().message.find("tls-server-name"), std::string::npos);
}

}  // namespace
}  // namespace slipway::net
