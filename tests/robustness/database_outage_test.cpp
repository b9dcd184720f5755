// The database goes away for 10 s in the middle of a release (R-OPS-1,
// R-REL-7): three replicas on one PostgreSQL report not ready (/readyz 503)
// while it is down, become ready again by themselves once it is back, and
// the release completes with nothing done twice.
//
// "Down" is modelled as a stopped server (`pg_ctl stop -m immediate`): open
// connections drop and new ones are refused at once, as when the database's
// host or process dies. (A paused server, SIGSTOP, would model a hung one:
// calls would wait on their timeouts instead.) The server is the test's own,
// not the fixture's that other tests share.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "release_rig.hpp"
#include "support/private_postgres.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;
using std::chrono::seconds;

constexpr auto kOutage = seconds(10);

int CountAudit(const std::vector<json::object>& records, const std::string& action) {
  int n = 0;
  for (const auto& r : records) n += Text(r.at("action")) == action && Text(r.at("result")) == "ok";
  return n;
}

bool AllReadyzAre(ReleaseRig& rig, int status) {
  for (std::size_t i = 0; i < rig.replicas(); ++i) {
    if (HttpGetStatus(rig.replica(i).port(), "/readyz") != status) return false;
  }
  return true;
}

TEST(DatabaseOutageTest, ReplicasAreNotReadyWhileTheDatabaseIsDownAndTheReleaseCompletesAfter) {
  PrivatePostgres database;
  ReleaseRig rig(
      {.backend = Backend::kPostgres, .lease_ms = 2000, .postgres_server_url = database.url()});
  rig.StartServer();
  rig.StartReplica();
  rig.StartReplica();
  rig.RegisterCluster();
  const auto app = UniqueName("out");
  const auto v1 = rig.PushImage("slipway/" + app, "1.0.0");
  const auto v2 = rig.PushImage("slipway/" + app, "2.0.0");
  const json::object policy{{"strategy", "canary"},
                            {"canary",
                             {{"steps", json::array{{{"pods", 1}, {"pause", "manual"}},
                                                    {{"percent", 50}, {"pause", "manual"}}}},
                              {"stability_window_seconds", 1}}}};
  const auto app_id = rig.CreateCommercialApp(app);
  const auto env_id = rig.CreateEnv(app_id, v1, 4, policy);
  ASSERT_TRUE(rig.WaitForPods(env_id, 4, v1));
  const auto change = rig.SubmitChange(app_id, env_id, v2);
  rig.ClearCalls();
  auto started = rig.Admin().Post("/api/v1/changes/" + std::to_string(change) + "/release",
                                  {{"strategy", "canary"}});
  ASSERT_EQ(started.status, 202) << started;
  const std::string release_path = "/api/v1/releases/" + std::to_string(started.Int("id"));
  ASSERT_TRUE(WaitUntil([&] { return rig.Admin().Get(release_path).Str("state") == "canary"; },
                        seconds(60)));
  ASSERT_TRUE(AllReadyzAre(rig, 200));

  // Promoted, and the database goes down while the canary scales up.
  auto promoted = rig.Admin().Post(release_path + "/promote");
  ASSERT_EQ(promoted.status, 200) << promoted;
  database.Down();
  const auto down_at = std::chrono::steady_clock::now();
  EXPECT_TRUE(WaitUntil([&] { return AllReadyzAre(rig, 503); }, kOutage / 2))
      << "a replica still says it is ready";
  std::this_thread::sleep_until(down_at + kOutage);
  for (std::size_t i = 0; i < rig.replicas(); ++i) {
    EXPECT_TRUE(rig.replica(i).running())
        << "replica " << i << " died: " << rig.replica(i).ReadStderr();
  }
  EXPECT_EQ(HttpGetStatus(rig.server().port(), "/readyz"), 503);
  database.Up();
  const auto up_at = std::chrono::steady_clock::now();

  ASSERT_TRUE(WaitUntil([&] { return AllReadyzAre(rig, 200); }, seconds(30))) << "not ready again";
  std::cout << "[ figures ] every replica ready again "
            << std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - up_at)
                   .count()
            << " ms after the database came back\n";
  auto end = rig.DriveToEnd(started.Int("id"));
  ASSERT_EQ(end.Str("state"), "completed") << end;
  int promotions = 0;
  for (const auto& op : end.Object().at("operations").as_array())
    promotions += Text(op.at("kind")) == "promote";
  EXPECT_EQ(promotions, 2) << end;
  EXPECT_TRUE(rig.WaitForPods(env_id, 4, v2));
  const auto calls = rig.Calls();
  EXPECT_EQ(calls.deployments_created, 1) << "the canary Deployment, once";
  EXPECT_EQ(calls.services_created, 0);
  auto baselines = rig.Admin().Get("/api/v1/environments/" + std::to_string(env_id) + "/baselines");
  EXPECT_EQ(baselines.Object().at("items").as_array().size(), 1u) << baselines;
  auto admin = rig.Admin();
  const auto audit = AuditOf(admin, "release:" + std::to_string(started.Int("id")));
  EXPECT_EQ(CountAudit(audit, "release.start"), 1);
  EXPECT_EQ(CountAudit(audit, "release.complete"), 1);
  for (std::size_t i = 0; i < rig.replicas(); ++i) {
    EXPECT_EQ(rig.replica(i).Terminate().code, 0) << rig.replica(i).ReadStderr();
  }
}

}  // namespace
}  // namespace slipway::testing
