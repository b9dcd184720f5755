#include "cli/build_views.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace slipway::cli {
namespace {

TEST(CliBuildViews, ABuildShowsItsImageJenkinsBuildAndRefusals) {
  const auto build = boost::json::parse(R"js({
    "id":12,"app_id":1,"app":"order-svc","env_id":null,"branch":"main","version":"1.4.0","note":"",
    "state":"failed","reason":"Jenkins build #3 ended FAILURE: ERROR: tests failed",
    "image":"registry.local/slipway/order-svc:1.4.0","digest":null,"commit":"3f2a9c1",
    "jenkins":{"job":"trade/order-svc","queue_id":7,"build_number":3,"result":"FAILURE"},
    "cancel_requested_by":null,"created_by":"alice","created_at":"2026-11-27T02:16:00Z",
    "started_at":"2026-11-27T02:16:01Z","finished_at":"2026-11-27T02:18:06Z",
    "updated_at":"2026-11-27T02:18:06Z","duration_ms":125000,"workflow_id":"w1",
    "actions":["delete"],"refusals":{"cancel":"the build already ended (failed)"}})js");
  EXPECT_EQ(RenderBuild(build),
            "id:           12\n"
            "app:          order-svc\n"
            "version:      1.4.0\n"
            "branch:       main\n"
            "state:        failed\n"
            "reason:       Jenkins build #3 ended FAILURE: ERROR: tests failed\n"
            "image:        registry.local/slipway/order-svc:1.4.0\n"
            "digest:       -\n"
            "commit:       3f2a9c1\n"
            "jenkins:      trade/order-svc #3 FAILURE\n"
            "environment:  -\n"
            "note:         -\n"
            "started by:   alice\n"
            "created:      2026-11-27T02:16:00Z\n"
            "started:      2026-11-27T02:16:01Z\n"
            "finished:     2026-11-27T02:18:06Z\n"
            "duration:     2m05s\n"
            "actions:      delete\n"
            "refused:\n"
            "  cancel:  the build already ended (failed)\n");
}

TEST(CliBuildViews, AQueuedBuildShowsItsQueueItem) {
  const auto build = boost::json::parse(R"js({"id":1,"state":"queued",
    "jenkins":{"job":"web","queue_id":5,"build_number":null,"result":null},"duration_ms":null})js");
  const std::string out = RenderBuild(build);
  EXPECT_NE(out.find("jenkins:      web (queue item 5)\n"), std::string::npos) << out;
  EXPECT_NE(out.find("duration:     -\n"), std::string::npos) << out;
}

TEST(CliBuildViews, TheListHasOneLinePerBuild) {
  const auto list = boost::json::parse(R"js({"items":[
    {"id":2,"version":"1.1","branch":"main","state":"running","created_by":"bob",
     "created_at":"2026-11-27T02:20:00Z","duration_ms":9000,"digest":null},
    {"id":1,"version":"1.0","branch":"main","state":"succeeded","created_by":"alice",
     "created_at":"2026-11-27T02:16:00Z","duration_ms":61000,"digest":"sha256:ab"}],"next_cursor":null})js");
  EXPECT_EQ(RenderBuildList(list),
            "ID  VERSION  BRANCH  STATE      BY     CREATED               TOOK   DIGEST\n"
            "2   1.1      main    running    bob    2026-11-27T02:20:00Z  9s     -\n"
            "1   1.0      main    succeeded  alice  2026-11-27T02:16:00Z  1m01s  sha256:ab\n");
}

}  // namespace
}  // namespace slipway::cli
