// `--wait`: durations, and the progress lines of a followed release or build.
#include "cli/wait.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "cli/build_views.hpp"
#include "cli/release_views.hpp"

namespace slipway::cli {
namespace {

using std::chrono::seconds;
using ::testing::ElementsAre;

TEST(CliWait, DurationsAreSecondsOrNumbersWithUnits) {
  EXPECT_EQ(ParseDuration("600"), seconds(600));
  EXPECT_EQ(ParseDuration("90s"), seconds(90));
  EXPECT_EQ(ParseDuration("15m"), seconds(900));
  EXPECT_EQ(ParseDuration("2h"), seconds(7200));
  EXPECT_EQ(ParseDuration("1h30m"), seconds(5400));
  EXPECT_EQ(ParseDuration("1d"), seconds(86400));
  for (const char* bad : {"", "0", "0s", "m", "1h30", "1x", "-5", "1.5h", " 5m", "99999999999"}) {
    EXPECT_EQ(ParseDuration(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(FormatDuration(seconds(45)), "45s");
  EXPECT_EQ(FormatDuration(seconds(900)), "15m");
  EXPECT_EQ(FormatDuration(seconds(5400)), "1h30m");
  EXPECT_EQ(FormatDuration(seconds(3605)), "1h5s");
}

constexpr char kReleasing[] = R"js({
  "id":7,"kind":"release","app":"pay","env_type":"test","strategy":"canary","state":"releasing",
  "image":"r/pay:2","error":"","change":{"id":42},
  "steps":[{"index":0,"name":"record the image in use","state":"succeeded","message":""},
           {"index":1,"name":"canary: 1 pod","state":"running","message":"0 of 1 canary pods ready"},
           {"index":2,"name":"write the new baseline","state":"pending","message":""}],
  "operations":[{"id":5,"kind":"start","actor":"alice","detail":{}}]})js";

TEST(CliWait, TheFirstReadingOfAReleaseHasAHeadingItsStepsAndState) {
  EXPECT_THAT(ReleaseProgress(nullptr, boost::json::parse(kReleasing)),
              ElementsAre("release 7: canary release of r/pay:2 to pay test (change 42)",
                          "  step 0 succeeded: record the image in use",
                          "  step 1 running: canary: 1 pod — 0 of 1 canary pods ready",
                          "release 7 releasing"));
}

TEST(CliWait, LaterReadingsShowOnlyWhatChanged) {
  const auto before = boost::json::parse(kReleasing);
  EXPECT_TRUE(ReleaseProgress(before, before).empty());

  auto paused = before;
  paused.as_object()["state"] = "canary";
  paused.at("steps").as_array()[1].as_object()["state"] = "waiting";
  paused.at("steps").as_array()[1].as_object()["message"] =
      "1 of 2 pods run the new version; waiting for promotion";
  EXPECT_THAT(ReleaseProgress(before, paused),
              ElementsAre("  step 1 waiting: canary: 1 pod — 1 of 2 pods run the new version; "
                          "waiting for promotion",
                          "release 7 is paused at a canary step, waiting for promotion: "
                          "`slipway release promote 7` (or promote-all, abort)"));

  auto failed = paused;
  failed.as_object()["state"] = "failed";
  failed.as_object()["error"] = "the canary pods did not start: ImagePullBackOff";
  failed.at("steps").as_array()[1].as_object()["state"] = "failed";
  failed.at("operations")
      .as_array()
      .push_back(
          boost::json::parse(R"js({"id":6,"kind":"rollback","actor":"slipway (auto-rollback)",)js"
                             R"js("detail":{"rollback_release_id":8}})js"));
  EXPECT_THAT(
      ReleaseProgress(paused, failed),
      ElementsAre("release 7: rollback by slipway (auto-rollback) as release 8 (`slipway release "
                  "wait 8` follows it)",
                  "  step 1 failed: canary: 1 pod — 1 of 2 pods run the new version; waiting "
                  "for promotion",
                  "release 7 failed: the canary pods did not start: ImagePullBackOff"));
  EXPECT_EQ(RollbackReleaseOf(failed), 8);
  EXPECT_EQ(RollbackReleaseOf(before), 0);
}

TEST(CliWait, ABuildShowsItsStatesJenkinsBuildAndOutcome) {
  const auto queued = boost::json::parse(R"js({
    "id":12,"app":"web","version":"1.4.0","branch":"main","state":"queued","reason":null,
    "image":"r/web:1.4.0","digest":null,
    "jenkins":{"job":"trade/web","queue_id":null,"build_number":null,"result":null}})js");
  EXPECT_THAT(BuildProgress(nullptr, queued),
              ElementsAre("build 12: web 1.4.0 from main (r/web:1.4.0)",
                          "build 12 queued (Jenkins trade/web)"));
  auto running = queued;
  running.as_object()["state"] = "running";
  running.at("jenkins").as_object()["build_number"] = 3;
  EXPECT_THAT(BuildProgress(queued, running),
              ElementsAre("build 12 running (Jenkins trade/web #3)"));
  EXPECT_TRUE(BuildProgress(running, running).empty());
  auto failed = running;
  failed.as_object()["state"] = "failed";
  failed.as_object()["reason"] = "ERROR: branch 'x' does not exist";
  EXPECT_THAT(BuildProgress(running, failed),
              ElementsAre("build 12 failed: ERROR: branch 'x' does not exist"));
  auto succeeded = running;
  succeeded.as_object()["state"] = "succeeded";
  succeeded.as_object()["digest"] = "sha256:ab";
  EXPECT_THAT(BuildProgress(running, succeeded),
              ElementsAre("build 12 succeeded: r/web:1.4.0 sha256:ab"));
}

}  // namespace
}  // namespace slipway::cli
