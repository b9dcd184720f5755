#include "cli/lane_views.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "cli/workflow_views.hpp"

namespace slipway::cli {
namespace {

const char* kLane = R"js({
  "id":7,"name":"pay-q3","namespace":"pay-q3","branch":"feature/pay-q3","jenkins_folder":"pay-q3",
  "config_branch":"feature-pay-q3",
  "story":{"workspace_id":"20375841","id":"1001","url":"https://tapd.example/1001"},
  "description":"Pay by instalments","owner":"alice","members":["bob"],"base_env_type":"test",
  "cluster":"sandbox","state":"active","workflow_id":"wf-1","workflow_state":"succeeded","error":null,
  "apps":[
    {"app":"order","app_id":1,"base_env_id":11,"replicas":2,"env":[],
     "domains":[{"domain":"web","host":"web-pay-q3.lanes.example.com"}],"internal_domain":"order.pay-q3",
     "coloring":{"producer":true,"consumers":[]},
     "live":{"branch_head":"3f2a9c1d8e7b6a5f","last_build_id":40,
             "deployed_image":"registry.local/order:pay-q3-3f2a9c1d","hook_id":5,"updated_at":null}},
    {"app":"pay","app_id":2,"base_env_id":12,"replicas":null,"env":[],"domains":[],"internal_domain":"pay.pay-q3",
     "coloring":{"producer":false,"consumers":[{"topic":"orders","group":"pay-group-pay-q3",
                                                "variable":"SLIPWAY_CONSUMER_GROUP_ORDERS"}]},
     "live":{"branch_head":null,"last_build_id":null,"deployed_image":null,"hook_id":null,"updated_at":null}}],
  "coloring":{"producers":["order"],"consumers":[{"app":"pay","topic":"orders","group":"pay-group"}]},
  "notify":true,
  "expiry":{"stage":"pending_deletion","last_activity_at":"2026-11-01T00:00:00.000Z",
            "pending_at":"2026-11-15T00:00:00.000Z","delete_at":"2026-11-18T00:00:00.000Z",
            "listed_at":"2026-11-15T00:00:05.000Z"},
  "created_by":"alice","created_at":"2026-11-01T00:00:00.000Z","updated_at":"2026-11-01T00:00:00.000Z",
  "version":3,"actions":["edit","renew","sync","delete"]})js";

TEST(CliLaneViews, ALaneShowsItsAppsLiveStateColoringAndExpiry) {
  EXPECT_EQ(RenderLane(boost::json::parse(kLane)),
            "id:               7\n"
            "name:             pay-q3\n"
            "state:            active\n"
            "workflow:         wf-1 (succeeded)\n"
            "story:            20375841:1001  https://tapd.example/1001\n"
            "description:      Pay by instalments\n"
            "owner:            alice\n"
            "members:          bob\n"
            "namespace:        pay-q3\n"
            "cluster:          sandbox\n"
            "base env type:    test\n"
            "branch:           feature/pay-q3\n"
            "jenkins folder:   pay-q3\n"
            "config branch:    feature-pay-q3\n"
            "producers:        order\n"
            "notify:           yes\n"
            "expiry:           pending_deletion\n"
            "  last activity:  2026-11-01T00:00:00.000Z\n"
            "  pending at:     2026-11-15T00:00:00.000Z\n"
            "  listed at:      2026-11-15T00:00:05.000Z\n"
            "  delete at:      2026-11-18T00:00:00.000Z\n"
            "created:          alice 2026-11-01T00:00:00.000Z\n"
            "version:          3\n"
            "actions:          edit, renew, sync, delete\n"
            "\n"
            "APP    REPLICAS  BASE ENV  BRANCH HEAD  LAST BUILD  DEPLOYED IMAGE                    "
            "    INTERNAL      EXTERNAL\n"
            "order  2         11        3f2a9c1d     40          "
            "registry.local/order:pay-q3-3f2a9c1d  order.pay-q3  web-pay-q3.lanes.example.com\n"
            "pay    -         12        -            -           -                                 "
            "    pay.pay-q3    -\n"
            "\n"
            "CONSUMER  TOPIC   LANE GROUP        VARIABLE\n"
            "pay       orders  pay-group-pay-q3  SLIPWAY_CONSUMER_GROUP_ORDERS\n");
}

TEST(CliLaneViews, AFailedLaneShowsWhy) {
  auto lane = boost::json::parse(kLane);
  lane.as_object()["state"] = "failed";
  lane.as_object()["workflow_state"] = "failed";
  lane.as_object()["error"] = "step branch: GitLab refused";
  const std::string out = RenderLane(lane);
  EXPECT_NE(out.find("state:            failed\nerror:            step branch: GitLab refused\n"
                     "workflow:         wf-1 (failed)\n"),
            std::string::npos)
      << out;
}

TEST(CliLaneViews, TheListHasOneLinePerLane) {
  const auto list =
      boost::json::parse(std::string(R"js({"items":[)js") + kLane +
                         R"js(,{"name":"new","state":"creating","apps":[],"owner":"bob",
                                       "expiry":{"stage":"active","pending_at":null,"delete_at":null}}]})js");
  EXPECT_EQ(
      RenderLaneList(list),
      "NAME    STATE     APPS       OWNER  EXPIRY            PENDING AT                DELETE AT\n"
      "pay-q3  active    order,pay  alice  pending_deletion  2026-11-15T00:00:00.000Z  "
      "2026-11-18T00:00:00.000Z\n"
      "new     creating  -          bob    active            -                         -\n");
}

TEST(CliLaneViews, APlanIsATableAndADryRunSaysSo) {
  const auto result =
      boost::json::parse(R"js({"dry_run":true,"lane":{"name":"pay-q3"},"workflow_id":null,"plan":[
    {"system":"kubernetes","kind":"namespace","name":"pay-q3","app":null,"detail":"on sandbox"},
    {"system":"gitlab","kind":"branch","name":"feature/pay-q3","app":"order","detail":"from master"}]})js");
  EXPECT_EQ(RenderLanePlanResult(result),
            "SYSTEM      KIND       NAME            APP    DETAIL\n"
            "kubernetes  namespace  pay-q3          -      on sandbox\n"
            "gitlab      branch     feature/pay-q3  order  from master\n"
            "(dry run: nothing was changed)\n");
}

TEST(CliLaneViews, ACreateNamesItsWorkflowAndAnEditWithNothingToDoSaysSo) {
  auto result = boost::json::parse(
      std::string(R"js({"dry_run":false,"plan":[],"workflow_id":"wf-9","lane":)js") + kLane + "}");
  std::string out = RenderLanePlanResult(result);
  EXPECT_NE(out.find("name:             pay-q3\n"), std::string::npos) << out;
  EXPECT_TRUE(out.ends_with("workflow wf-9 is doing it\n")) << out;
  result.as_object()["workflow_id"] = nullptr;
  out = RenderLanePlanResult(result);
  EXPECT_TRUE(out.ends_with("nothing to do in other systems\n")) << out;
}

TEST(CliLaneViews, DriftSaysWhatIsMissingAndWhatCouldNotBeAsked) {
  const auto drift = boost::json::parse(R"js({"items":[
    {"system":"kubernetes","kind":"namespace","name":"pay-q3","app":null,"present":true,"error":null},
    {"system":"dns","kind":"record","name":"web-pay-q3.example.com","app":"order","present":false,"error":null},
    {"system":"jenkins","kind":"job","name":"pay-q3/order","app":"order","present":null,"error":"HTTP 503"}]})js");
  EXPECT_EQ(RenderLaneDrift(drift),
            "SYSTEM      KIND       NAME                    APP    STATE\n"
            "kubernetes  namespace  pay-q3                  -      present\n"
            "dns         record     web-pay-q3.example.com  order  MISSING\n"
            "jenkins     job        pay-q3/order            order  unknown: HTTP 503\n");
}

TEST(CliLaneViews, EventsAreATable) {
  const auto events = boost::json::parse(R"js({"items":[
    {"id":2,"app":"order","kind":"deploy","detail":"registry.local/order:pay-q3-3f2a9c1d","actor":"gitlab",
     "created_at":"2026-11-02T10:00:00.000Z"},
    {"id":1,"app":null,"kind":"renew","detail":"","actor":"alice","created_at":"2026-11-02T09:00:00.000Z"}]})js");
  EXPECT_EQ(
      RenderLaneEvents(events),
      "WHEN                      KIND    APP    ACTOR   DETAIL\n"
      "2026-11-02T10:00:00.000Z  deploy  order  gitlab  registry.local/order:pay-q3-3f2a9c1d\n"
      "2026-11-02T09:00:00.000Z  renew   -      alice\n");
}

TEST(CliLaneViews, ADeletionIsDoneStillRunningOrStoppedAtAStep) {
  EXPECT_EQ(RenderLaneDeletion(boost::json::parse(
                R"({"done":true,"workflow_id":"wf-2","workflow_state":"succeeded","error":null})")),
            "lane deleted\n");
  EXPECT_EQ(
      RenderLaneDeletion(boost::json::parse(
          R"({"done":false,"workflow_id":"wf-2","workflow_state":"running","error":null})")),
      "the deletion is still running (workflow wf-2): run the same command again to follow it\n");
  EXPECT_EQ(
      RenderLaneDeletion(boost::json::parse(
          R"({"done":false,"workflow_id":"wf-2","workflow_state":"failed","error":"step namespace: cluster unreachable"})")),
      "the deletion stopped (workflow wf-2 failed): step namespace: cluster unreachable\n"
      "delete again to finish the rest\n");
}

TEST(CliWorkflowViews, StepsAndChildrenWithTheStepEachIsAt) {
  const auto progress =
      boost::json::parse(R"js({"workflow":{"id":"wf-1","kind":"lane.create","state":"running",
    "error":null,"waiting_for":null,"steps":[
      {"index":0,"name":"prepare","state":"succeeded","attempt":1,"error":null},
      {"index":1,"name":"apps","state":"waiting","attempt":1,"error":null}],
    "children":[
      {"id":"wf-2","kind":"lane.app.create","subject":"order","step":1,"state":"succeeded","error":null},
      {"id":"wf-3","kind":"lane.app.create","subject":"pay","step":1,"state":"failed","error":"step job: 500"},
      {"id":"wf-4","kind":"lane.app.create","subject":"user","step":1,"state":"running","error":null}]},
    "children":[
      {"id":"wf-2","steps":[{"name":"branch","state":"succeeded"},{"name":"job","state":"succeeded"}]},
      {"id":"wf-3","steps":[{"name":"branch","state":"succeeded"},{"name":"job","state":"failed"}]}]})js");
  EXPECT_EQ(RenderWorkflowProgress(progress),
            "workflow wf-1 (lane.create): running\n"
            "#  STEP     STATE      ATTEMPT  ERROR\n"
            "0  prepare  succeeded  1        -\n"
            "1  apps     waiting    1        -\n"
            "\n"
            "STEP  CHILD            SUBJECT  STATE      AT            ERROR\n"
            "1     lane.app.create  order    succeeded  -             -\n"
            "1     lane.app.create  pay      failed     job (failed)  step job: 500\n"
            "1     lane.app.create  user     running    -             -\n");
}

TEST(CliWorkflowViews, NoWorkflowShowsNothing) {
  EXPECT_EQ(RenderWorkflowProgress(boost::json::parse(R"({"workflow":null,"children":[]})")), "");
}

}  // namespace
}  // namespace slipway::cli
