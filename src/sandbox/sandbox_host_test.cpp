#include "sandbox/sandbox_host.hpp"

#include <gtest/gtest.h>

#include <string>

#include "sandbox/dingtalk/dingtalk_emulator.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "sandbox/tapd/tapd_emulator.hpp"

namespace slipway::sandbox {
namespace {

std::uint16_t PortOf(const std::string& endpoint) {
  return static_cast<std::uint16_t>(std::stoi(endpoint.substr(endpoint.rfind(':') + 1)));
}

// Two hosts compete for the same ports: the second gets free ones, or
// refuses to start when the ports are required.
class SandboxHostPortsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    first_.Add(MakeSandboxTapd());
    first_.Add(MakeSandboxDns());
    first_.Start();
    for (const auto& [name, endpoint] : first_.endpoints()) taken_[name] = PortOf(endpoint);
  }
  static void Fill(SandboxHost& host) {
    host.Add(MakeSandboxTapd());
    host.Add(MakeSandboxDns());
  }
  SandboxHost first_;
  std::map<std::string, std::uint16_t> taken_;
};

TEST_F(SandboxHostPortsTest, NamesItsEndpointsInAFixedOrder) {
  EXPECT_EQ(first_.EndpointNames(), (std::vector<std::string>{"tapd", "dns", "dns-admin"}));
}

TEST_F(SandboxHostPortsTest, WantedPortsAreUsedWhenFree) {
  std::map<std::string, std::uint16_t> wanted = taken_;
  first_.Stop();  // frees them
  SandboxHost again;
  Fill(again);
  again.Start(wanted);
  for (const auto& [name, port] : wanted)
    EXPECT_EQ(PortOf(again.endpoints().at(name)), port) << name;
}

TEST_F(SandboxHostPortsTest, ATakenPreferredPortIsReplacedByAFreeOne) {
  SandboxHost second;
  Fill(second);
  second.Start(taken_);
  for (const auto& [name, port] : taken_)
    EXPECT_NE(PortOf(second.endpoints().at(name)), port) << name;
}

TEST_F(SandboxHostPortsTest, ATakenRequiredPortStopsTheStart) {
  SandboxHost second;
  Fill(second);
  try {
    second.Start({{"tapd", taken_.at("tapd")}}, true);
    FAIL() << "started on a taken port";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("port " + std::to_string(taken_.at("tapd")) + " for tapd"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace slipway::sandbox
