#include "app/sandbox_ports.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_dir.hpp"

namespace slipway::app {
namespace {

TEST(SandboxPorts, ReadsThePortsOfThePreviousEndpointsFile) {
  testing::TempDir dir;
  const auto path = dir.path() + "/sandbox-endpoints.json";
  EXPECT_TRUE(PortsOfEndpointsFile(path).empty());
  std::ofstream(path)
      << R"({"registry": "http://127.0.0.1:41001", "dns": "127.0.0.1:41002", "bad": "x:99999", "n": 3})";
  EXPECT_EQ(PortsOfEndpointsFile(path),
            (std::map<std::string, std::uint16_t>{{"registry", 41001}, {"dns", 41002}}));
  std::ofstream(path) << "{damaged";
  EXPECT_TRUE(PortsOfEndpointsFile(path).empty());
}

TEST(SandboxPorts, CountsUpFromTheBasePort) {
  EXPECT_EQ(PortsFrom(18100, {"registry", "gitlab", "dns", "dns-admin"}),
            (std::map<std::string, std::uint16_t>{
                {"registry", 18100}, {"gitlab", 18101}, {"dns", 18102}, {"dns-admin", 18103}}));
}

}  // namespace
}  // namespace slipway::app
