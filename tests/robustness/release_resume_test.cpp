// A release that waits for its pods when `slipway serve` dies resumes as
// soon as a server is back (R-REL-7), not at its recheck deadline: the
// watches that would have woken it died with the old process, so the new
// one wakes every waiting release when it starts, and the step's run
// starts the watches again.
//
// The recheck deadline is ten minutes here, far beyond the test's timeout:
// a release that only woke at its deadline fails the test, however fast or
// slow the machine. Pods become ready 10 s after they start, so the server
// is restarted while the release waits for them (checked, not assumed).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "release_rig.hpp"

namespace slipway::testing {
namespace {

using std::chrono::seconds;

class ReleaseResumeTest : public ::testing::TestWithParam<Backend> {};

TEST_P(ReleaseResumeTest, AWaitingReleaseResumesAtOnceAfterARestart) {
  ReleaseRig rig({.backend = GetParam(),
                  .extra_config = "releases:\n  recheck_ms: 600000\n",
                  .pod_ready_delay = std::chrono::milliseconds(10'000)});
  rig.StartServer();
  rig.RegisterCluster();
  const auto app = UniqueName("resume");
  const auto image = rig.PushImage("slipway/" + app, "1.0.0");
  const auto env_id = rig.CreateEnv(rig.CreateApp(app), image, 1);
  ASSERT_TRUE(rig.WaitForPods(env_id, 1, image));

  auto scaled = rig.Admin().Post("/api/v1/environments/" + std::to_string(env_id) + "/scale",
                                 {{"replicas", 2}});
  ASSERT_EQ(scaled.status, 202) << scaled;
  const auto release_id = scaled.Int("release_id");
  const std::string workflow_id =
      rig.Admin().Get("/api/v1/releases/" + std::to_string(release_id)).Str("workflow_id");
  ASSERT_FALSE(workflow_id.empty());
  // The deploy step applied the new size and waits for the pods.
  ASSERT_TRUE(WaitUntil([&] { return rig.Workflow(workflow_id).Str("waiting_for") == "event"; },
                        seconds(60)));

  auto pods = rig.Admin().Get("/api/v1/environments/" + std::to_string(env_id) + "/pods");
  int ready = 0;
  for (const auto& pod : pods.Object().at("items").as_array()) ready += pod.at("ready").as_bool();
  ASSERT_EQ(ready, 1)
      << "the new pod is ready already: the release would not wait across the restart";
  const auto killed = rig.server().Kill();
  ASSERT_EQ(killed.signal, 9) << killed.Describe();

  const auto restarted = std::chrono::steady_clock::now();
  rig.StartServer();
  const auto end = rig.WaitForEnd(release_id, seconds(60));
  const auto took =
      std::chrono::duration_cast<seconds>(std::chrono::steady_clock::now() - restarted);
  ASSERT_EQ(end.Str("state"), "completed")
      << "still waiting " << took.count() << " s after the restart: " << end;
  EXPECT_TRUE(rig.WaitForPods(env_id, 2, image));
  EXPECT_EQ(rig.StopServer().code, 0) << rig.server().ReadStderr();
}

INSTANTIATE_TEST_SUITE_P(Backends, ReleaseResumeTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendParamName);

}  // namespace
}  // namespace slipway::testing
