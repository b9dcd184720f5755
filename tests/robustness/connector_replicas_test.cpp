// Connectors changed through the API on one replica reach the others on the
// same PostgreSQL database within a few seconds (issue 14): every replica
// polls the generation the change counted up (connectors.refresh_ms, 2 s by
// default) and rebuilds its clients; /metrics shows the generation each
// replica's clients were built from.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>

#include "release_rig.hpp"

namespace slipway::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// slipway_connector_generation as the replica at `base_url` reports it (-2: unreadable).
double GenerationOf(const std::string& base_url) {
  auto metrics = Api(base_url, "").Get("/metrics");
  const std::string name = "slipway_connector_generation ";
  const auto at = metrics.raw.body.find("\n" + name);
  if (metrics.status != 200 || at == std::string::npos) return -2;
  return std::stod(metrics.raw.body.substr(at + 1 + name.size()));
}

// Waits until the replica's clients are built from `generation`; how long it took.
milliseconds PickedUp(const std::string& base_url, double generation) {
  const auto start = steady_clock::now();
  EXPECT_TRUE(
      WaitUntil([&] { return GenerationOf(base_url) == generation; }, std::chrono::seconds(60)))
      << base_url << " still at generation " << GenerationOf(base_url);
  return std::chrono::duration_cast<milliseconds>(steady_clock::now() - start);
}

TEST(ConnectorReplicasTest, AChangeThroughOneReplicaReachesTheOtherWithinSeconds) {
  ReleaseRig rig({.backend = Backend::kPostgres});
  rig.StartServer();
  rig.StartReplica();
  const std::string first = rig.replica(0).base_url(), second = rig.replica(1).base_url();
  EXPECT_EQ(GenerationOf(first), 0);
  EXPECT_EQ(GenerationOf(second), 0);
  auto admin = rig.Admin();  // through the first replica
  ASSERT_EQ(admin.Get("/api/v1/connectors/jenkins").Str("source"), "config");

  auto saved = admin.Put(
      "/api/v1/connectors/jenkins",
      {{"url", rig.sandbox().Url("jenkins")}, {"user", "admin"}, {"token", "wrong-token-3c1d"}});
  ASSERT_EQ(saved.status, 200) << saved;
  EXPECT_EQ(GenerationOf(first), 1) << "in effect at once where it was saved";
  const auto set_after = PickedUp(second, 1);
  rig.UseReplica(1);
  auto through_second = rig.Admin();
  EXPECT_EQ(through_second.Get("/api/v1/connectors/jenkins").Str("source"), "api");
  auto check = through_second.Post("/api/v1/connectors/jenkins/test");
  EXPECT_EQ(check.Str("code"), "unauthenticated") << check;

  ASSERT_EQ(through_second.Delete("/api/v1/connectors/jenkins").status, 204);
  EXPECT_EQ(GenerationOf(second), 2);
  const auto delete_after = PickedUp(first, 2);
  EXPECT_TRUE(through_second.Post("/api/v1/connectors/jenkins/test").Object().at("ok").as_bool());
  std::cout << "the other replica picked the change up after " << set_after.count()
            << " ms and the deletion after " << delete_after.count()
            << " ms (connectors.refresh_ms 2000)\n";
}

}  // namespace
}  // namespace slipway::testing
