// The composition root's connections to TAPD and the lanes' DNS zone: none
// without configuration or sandbox, real clients reaching the sandbox's
// emulators otherwise.
#include "app/connections_factory.hpp"

#include <gtest/gtest.h>

#include "sandbox/all_emulators.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "sandbox/tapd/tapd_emulator.hpp"

namespace slipway::app {
namespace {

TEST(Connections, TapdAndDnsAreNullWhenNeitherConfiguredNorSandboxed) {
  auto out = BuildConnections(Config{}, nullptr);
  EXPECT_EQ(out.tapd, nullptr);
  EXPECT_EQ(out.dns, nullptr);
}

TEST(Connections, ConfiguredTapdAndDnsGetRealClients) {
  Config c;
  c.connectors.tapd.emplace();
  c.connectors.tapd->url = "https://api.tapd.cn";
  c.connectors.tapd->user = "u";
  c.connectors.tapd->token = "p";
  c.connectors.dns.emplace();
  c.connectors.dns->server = "10.0.0.53";
  c.connectors.dns->zone = "lanes.example.com.";
  c.connectors.dns->key_name = "k.";
  c.connectors.dns->key_secret = "c2VjcmV0";
  auto out = BuildConnections(c, nullptr);
  ASSERT_NE(out.tapd, nullptr);
  ASSERT_NE(out.dns, nullptr);
  EXPECT_EQ(out.dns->zone(), "lanes.example.com.");
}

TEST(Connections, TheSandboxGivesTheExampleStoryAndItsZone) {
  sandbox::SandboxHost host;
  sandbox::AddAllEmulators(host);
  host.Start();
  auto out = BuildConnections(Config{}, &host);
  ASSERT_NE(out.tapd, nullptr);
  auto story = out.tapd->GetStory(sandbox::kSandboxTapdWorkspace, sandbox::kSandboxTapdStoryId);
  ASSERT_TRUE(story.ok()) << story.error().message;
  EXPECT_FALSE(story->name.empty());
  ASSERT_NE(out.dns, nullptr);
  EXPECT_EQ(out.dns->zone(), sandbox::kSandboxDnsZone);
  connectors::DnsRecord record{"web.lane-1." + std::string(sandbox::kSandboxDnsZone),
                               connectors::DnsType::kCname, "ingress.sandbox.test.", 60};
  auto replaced = out.dns->Replace(record);
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  auto read = out.dns->Query(record.name, connectors::DnsType::kCname);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read->size(), 1u);
  EXPECT_EQ((*read)[0].value, "ingress.sandbox.test.");
}

}  // namespace
}  // namespace slipway::app
