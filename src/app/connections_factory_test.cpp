// The composition root's connections: each system's bootstrap (the file's
// settings, else the sandbox's emulator, else none) and ports whose clients
// are replaced while they are held.
#include "app/connections_factory.hpp"

#include <gtest/gtest.h>

#include "sandbox/all_emulators.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "sandbox/tapd/tapd_emulator.hpp"

namespace slipway::app {
namespace {

using core::ConnectorSystem;
using services::ConnectorSource;

// What `serve` does at start: every system gets its bootstrap's client.
std::unique_ptr<LiveConnections> Connect(const Config& c, const sandbox::SandboxHost* host) {
  auto live = std::make_unique<LiveConnections>(c, host);
  auto bootstrap = BootstrapConnectors(c, host);
  for (auto system : core::ConnectorSystems()) {
    auto found = bootstrap.find(system);
    live->Apply(system, found == bootstrap.end() ? nullptr : &found->second.settings);
  }
  return live;
}

TEST(Connections, SystemsNeitherConfiguredNorSandboxedAnswerNotConfigured) {
  EXPECT_TRUE(BootstrapConnectors(Config{}, nullptr).empty());
  auto live = Connect(Config{}, nullptr);
  auto& out = live->connections();
  ASSERT_NE(out.tapd, nullptr) << "the port is there, for a client set later through the API";
  // What services check before starting work (a build answers 409 at once).
  EXPECT_FALSE(services::Configured(out.tapd));
  EXPECT_FALSE(services::Configured(out.jenkins));
  auto story = out.tapd->GetStory("1", "2");
  ASSERT_FALSE(story.ok());
  EXPECT_EQ(story.error().code, core::Code::kConflict);
  EXPECT_EQ(std::string(story.error().details.at("setting").as_string()), "connectors.tapd");
  EXPECT_EQ(out.dns->zone(), "");
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
  auto bootstrap = BootstrapConnectors(c, nullptr);
  EXPECT_EQ(bootstrap.at(ConnectorSystem::kTapd).source, ConnectorSource::kConfig);
  EXPECT_EQ(bootstrap.at(ConnectorSystem::kTapd).settings.token, "p");
  EXPECT_EQ(bootstrap.at(ConnectorSystem::kDns).settings.server, "10.0.0.53:53");
  EXPECT_FALSE(bootstrap.contains(ConnectorSystem::kJenkins));
  auto live = Connect(c, nullptr);
  EXPECT_EQ(live->connections().dns->zone(), "lanes.example.com.");
}

TEST(Connections, TheSandboxGivesTheExampleStoryAndItsZone) {
  sandbox::SandboxHost host;
  sandbox::AddAllEmulators(host);
  host.Start();
  auto bootstrap = BootstrapConnectors(Config{}, &host);
  EXPECT_EQ(bootstrap.size(), core::ConnectorSystems().size());
  EXPECT_EQ(bootstrap.at(ConnectorSystem::kGitLab).source, ConnectorSource::kSandbox);
  auto live = Connect(Config{}, &host);
  auto& out = live->connections();
  auto story = out.tapd->GetStory(sandbox::kSandboxTapdWorkspace, sandbox::kSandboxTapdStoryId);
  ASSERT_TRUE(story.ok()) << story.error().message;
  EXPECT_FALSE(story->name.empty());
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

TEST(Connections, ApplyReplacesTheClientBehindPortsAlreadyHandedOut) {
  auto live = Connect(Config{}, nullptr);
  const services::Connections held = live->connections();  // as a service keeps them
  core::ConnectorSettings dns;
  dns.server = "10.0.0.53";
  dns.zone = "one.example.";
  dns.key_name = "k.";
  dns.key_secret = "c2VjcmV0";
  live->Apply(ConnectorSystem::kDns, &dns);
  EXPECT_TRUE(services::Configured(held.dns));
  const std::string& first_zone = held.dns->zone();
  dns.zone = "two.example.";
  live->Apply(ConnectorSystem::kDns, &dns);
  EXPECT_EQ(held.dns->zone(), "two.example.");
  EXPECT_EQ(first_zone, "one.example.") << "a reference handed out before stays valid";

  core::ConnectorSettings registry;
  registry.url = "https://registry.example.com:5000/v2";
  live->Apply(ConnectorSystem::kRegistry, &registry);
  EXPECT_EQ(held.registry_host.get(), "registry.example.com:5000");
  registry.image_host = "images.example.com";
  live->Apply(ConnectorSystem::kRegistry, &registry);
  EXPECT_EQ(held.registry_host.get(), "images.example.com");

  live->Apply(ConnectorSystem::kDns, nullptr);
  EXPECT_FALSE(services::Configured(held.dns));
  EXPECT_EQ(held.dns->Query("a.two.example.", connectors::DnsType::kA).error().code,
            core::Code::kConflict);
}

}  // namespace
}  // namespace slipway::app
