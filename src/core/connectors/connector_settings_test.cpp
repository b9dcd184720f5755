// The connector table: which fields each system takes, their forms, and the
// JSON that keeps secrets apart from the rest.
#include "core/connectors/connector_settings.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

std::string RuleOf(ConnectorSystem system, const char* field, const std::string& value) {
  auto normalized = NormalizeConnectorValue(*FindConnectorField(system, field), value, field);
  return normalized.ok() ? "" : normalized.error().message;
}

TEST(ConnectorSettings, EverySystemHasANameAndTheHttpOnesAUrlAndAToken) {
  for (auto system : ConnectorSystems()) {
    EXPECT_EQ(ParseConnectorSystem(ConnectorSystemName(system)), system);
    if (system == ConnectorSystem::kDns) continue;
    EXPECT_TRUE(FindConnectorField(system, "url")->required);
    EXPECT_TRUE(FindConnectorField(system, "token")->secret());
  }
  EXPECT_FALSE(ParseConnectorSystem("svn"));
  EXPECT_EQ(FindConnectorField(ConnectorSystem::kGitLab, "datacenter"), nullptr);
  EXPECT_NE(FindConnectorField(ConnectorSystem::kConsul, "datacenter"), nullptr);
  EXPECT_TRUE(FindConnectorField(ConnectorSystem::kDns, "key_secret")->secret());
}

TEST(ConnectorSettings, ValuesAreCheckedForTheirForm) {
  using S = ConnectorSystem;
  EXPECT_EQ(RuleOf(S::kJenkins, "url", "https://ci.example.com:8443/jenkins"), "");
  EXPECT_EQ(RuleOf(S::kJenkins, "url", "http://[::1]:8080"), "");
  EXPECT_NE(RuleOf(S::kJenkins, "url", "ftp://ci.example.com"), "");
  EXPECT_NE(RuleOf(S::kJenkins, "url", "https://"), "");
  EXPECT_NE(RuleOf(S::kJenkins, "url", "https://user:pw@ci.example.com"), "")
      << "credentials go in user and token, where they are sealed";
  EXPECT_NE(RuleOf(S::kJenkins, "ca_file", "certs/ca.pem"), "");
  EXPECT_EQ(RuleOf(S::kRegistry, "image_host", "registry.example.com:5000"), "");
  EXPECT_NE(RuleOf(S::kRegistry, "image_host", "registry.example.com/path"), "");
  EXPECT_EQ(RuleOf(S::kDns, "server", "10.0.0.53:5353"), "");
  EXPECT_EQ(RuleOf(S::kDns, "server", "[fd00::53]:53"), "");
  EXPECT_NE(RuleOf(S::kDns, "server", "ns1.example.com"), "") << "addressed by IP";
  EXPECT_NE(RuleOf(S::kDns, "server", "10.0.0.53:70000"), "");
  EXPECT_NE(RuleOf(S::kDns, "key_algorithm", "hmac-sha3"), "");
  EXPECT_NE(RuleOf(S::kDns, "key_secret", "not base64!"), "");
  EXPECT_EQ(RuleOf(S::kJenkins, "url", ""), "") << "empty: required fields are checked whole";
}

TEST(ConnectorSettings, NamesGetTheirTrailingDotAndUrlsLoseTheirTrailingSlash) {
  auto url = NormalizeConnectorValue(*FindConnectorField(ConnectorSystem::kJenkins, "url"),
                                     "https://ci.example.com/jenkins//", "url");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(*url, "https://ci.example.com/jenkins");
  auto zone = NormalizeConnectorValue(*FindConnectorField(ConnectorSystem::kDns, "zone"),
                                      "lanes.example.com", "zone");
  ASSERT_TRUE(zone.ok());
  EXPECT_EQ(*zone, "lanes.example.com.");
  auto algorithm = NormalizeConnectorValue(
      *FindConnectorField(ConnectorSystem::kDns, "key_algorithm"), "hmac-sha512", "key_algorithm");
  EXPECT_EQ(*algorithm, "hmac-sha512.");
}

TEST(ConnectorSettings, RequiredFieldsIncludeSecrets) {
  ConnectorSettings dns;
  dns.server = "10.0.0.53";
  dns.zone = "z.";
  dns.key_name = "k.";
  auto missing = CheckRequiredConnectorFields(ConnectorSystem::kDns, dns);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().details.at("field").as_string(), "key_secret");
  dns.key_secret = "c2VjcmV0";
  EXPECT_TRUE(CheckRequiredConnectorFields(ConnectorSystem::kDns, dns).ok());
}

TEST(ConnectorSettings, PublicJsonHoldsNoSecretAndSecretJsonOnlySecrets) {
  ConnectorSettings s;
  s.url = "https://ci.example.com";
  s.user = "slipway";
  s.token = "t0ken";
  s.datacenter = "not a jenkins field";
  auto shown = ConnectorPublicJson(ConnectorSystem::kJenkins, s);
  EXPECT_FALSE(shown.contains("token"));
  EXPECT_FALSE(shown.contains("datacenter"));
  EXPECT_EQ(shown.at("url").as_string(), "https://ci.example.com");
  EXPECT_EQ(shown.at("insecure_skip_tls_verify").as_bool(), false);
  auto sealed = ConnectorSecretJson(ConnectorSystem::kJenkins, s);
  EXPECT_EQ(sealed.size(), 1u);
  EXPECT_EQ(sealed.at("token").as_string(), "t0ken");

  ConnectorSettings read;
  ReadConnectorJson(ConnectorSystem::kJenkins, shown, read);
  ReadConnectorJson(ConnectorSystem::kJenkins, sealed, read);
  s.datacenter.clear();
  EXPECT_EQ(read, s);
}

}  // namespace
}  // namespace slipway::core
