// A lane's external name on a real BIND 9 (R-LANE-6): `slipway serve` runs
// with its sandbox for every system but DNS, which is a real `named` serving
// a TSIG-protected dynamic zone (connectors.dns). Creating a lane whose app
// has a business domain makes `<domain>-<lane>.<suffix>` an A record of
// lanes.ingress_address on that server; deleting the lane removes it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "connectors/dns/bind_server_for_tests.hpp"
#include "sandbox/tapd/tapd_emulator.hpp"
#include "support/api_fixture.hpp"
#include "support/real_servers.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;
using connectors::dns::BindServer;

constexpr const char* kZone = "lanes.bind.test";
constexpr const char* kKeyName = "slipway-lanes";
constexpr const char* kSecret = "bGFuZS1iaW5kLXRlc3QtdHNpZy1zZWNyZXQtMzJieXQ=";
constexpr const char* kIngress = "10.20.30.40";

std::vector<std::string> ARecords(const BindServer& bind, const std::string& host) {
  auto records = connectors::dns::DnsClient(bind.Settings()).Query(host, connectors::DnsType::kA);
  EXPECT_TRUE(records.ok()) << records.error().message;
  std::vector<std::string> out;
  if (records.ok()) {
    for (const auto& r : *records) out.push_back(r.value);
  }
  return out;
}

TEST(LaneBindTest, TheLanesNameIsAnARecordOnBindUntilTheLaneIsDeleted) {
  SLIPWAY_REQUIRE_INSTALLED(BindServer::Available(), "named (bind9)");
  BindServer bind(kZone, kKeyName, kSecret);
  ASSERT_TRUE(bind.Start()) << bind.log();
  TempDir dir;
  const std::string key_file = dir.path() + "/tsig.key";
  std::ofstream(key_file) << "key \"" << kKeyName << "\" { algorithm hmac-sha256; secret \""
                          << kSecret << "\"; };\n";

  ServerOptions options = SandboxOptions();
  options.extra_config = std::string("connectors:\n  dns:\n    server: \"127.0.0.1:") +
                         std::to_string(bind.Settings().port) + "\"\n    zone: " + kZone +
                         "\n    key_name: " + kKeyName +
                         "\n    key_algorithm: hmac-sha256\n    key_secret_file: " + key_file +
                         "\nlanes:\n  domain_suffix: " + kZone +
                         "\n  ingress_address: " + kIngress + "\n";
  ApiServer server(options);
  auto owner = server.CreateUser("developer", "bind-owner");
  auto api = server.As(owner);

  const std::string app = UniqueName("shop");
  const auto app_id = RegisterApprovedApp(server, owner, app);
  const std::string app_path = "/api/v1/apps/" + std::to_string(app_id);
  auto details = api.Put(app_path + "/details",
                         {{"version", api.Get(app_path).Int("version")},
                          {"ports", json::array{json::object{{"name", "http"}, {"port", 8080}}}},
                          {"business_domains", json::array{"web"}}});
  ASSERT_EQ(details.status, 200) << details;
  auto env = server.Admin().Post(app_path + "/environments",
                                 {{"env_type", "test"}, {"cluster", "sandbox"}});
  ASSERT_EQ(env.status, 201) << env;

  const std::string lane = UniqueName("bind");
  const std::string host = "web-" + lane + "." + kZone;
  EXPECT_TRUE(ARecords(bind, host).empty());
  auto created = api.Post(
      "/api/v1/lanes",
      {{"name", lane},
       {"story",
        {{"workspace_id", sandbox::kSandboxTapdWorkspace}, {"id", sandbox::kSandboxTapdStoryId}}},
       {"apps", json::array{json::object{{"app", app}}}}});
  ASSERT_EQ(created.status, 202) << created;
  const auto path =
      "/api/v1/lanes/" + std::to_string(created.Object().at("lane").at("id").as_int64());
  Reply view;
  WaitUntil([&] {
    view = api.Get(path);
    return view.Str("state") != "creating";
  });
  ASSERT_EQ(view.Str("state"), "active") << view << "\nnamed: " << bind.log();
  EXPECT_EQ(ARecords(bind, host), std::vector<std::string>{kIngress}) << bind.log();

  auto deleted = api.Delete(path + "?confirm=" + lane);
  ASSERT_EQ(deleted.status, 200) << deleted;
  EXPECT_TRUE(ARecords(bind, host).empty()) << "the record outlived the lane";
}

}  // namespace
}  // namespace slipway::testing
