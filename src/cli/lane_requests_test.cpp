#include "cli/lane_requests.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "cli/failure.hpp"

namespace slipway::cli {
namespace {

std::string Json(const boost::json::object& object) { return boost::json::serialize(object); }

TEST(CliLaneRequests, AnAppTakesAnOptionalReplicaCount) {
  EXPECT_EQ(Json(ParseLaneApp("order")), R"({"app":"order"})");
  EXPECT_EQ(Json(ParseLaneApp("order,replicas=2")), R"({"app":"order","replicas":2})");
  for (const char* bad : {"", ",replicas=2", "order,replicas=0", "order,replicas=x",
                          "order,replicas=2,replicas=3", "order,size=2", "order,replicas=2x"}) {
    EXPECT_THROW(ParseLaneApp(bad), Failure) << bad;
  }
}

TEST(CliLaneRequests, StoryAndConsumerNotation) {
  EXPECT_EQ(Json(ParseLaneStory("20375841:1120375841001000001")),
            R"({"workspace_id":"20375841","id":"1120375841001000001"})");
  for (const char* bad : {"20375841", ":1", "1:", "1:2:3"})
    EXPECT_THROW(ParseLaneStory(bad), Failure) << bad;
  EXPECT_EQ(Json(ParseLaneConsumer("pay:orders:pay-group")),
            R"({"app":"pay","topic":"orders","group":"pay-group"})");
  EXPECT_EQ(Json(ParseLaneConsumer("pay:orders:g:1")),
            R"({"app":"pay","topic":"orders","group":"g:1"})");
  for (const char* bad : {"pay", "pay:orders", ":orders:g", "pay::g", "pay:orders:"}) {
    EXPECT_THROW(ParseLaneConsumer(bad), Failure) << bad;
  }
}

TEST(CliLaneRequests, NotifySecretIsAfterTheLastColonOfThePathNotThePort) {
  EXPECT_EQ(Json(ParseLaneNotify("dingtalk:https://oapi.dingtalk.com/robot/send?access_token=ab")),
            R"({"type":"dingtalk","url":"https://oapi.dingtalk.com/robot/send?access_token=ab"})");
  EXPECT_EQ(Json(ParseLaneNotify("webhook:http://hooks.local:8080/lanes:s3cret")),
            R"({"type":"webhook","secret":"s3cret","url":"http://hooks.local:8080/lanes"})");
  EXPECT_EQ(Json(ParseLaneNotify("webhook:http://hooks.local:8080")),
            R"({"type":"webhook","url":"http://hooks.local:8080"})");
  for (const char* bad : {"dingtalk", "slack:https://x/y", "webhook:", "webhook:https://x/y:"}) {
    EXPECT_THROW(ParseLaneNotify(bad), Failure) << bad;
  }
}

TEST(CliLaneRequests, CreateBodyHasOptionalPartsOnlyWhenGiven) {
  LaneCreateArgs args;
  args.name = "pay-q3";
  args.story = "1:2";
  EXPECT_THROW(LaneCreateBody(args), Failure) << "no --app";
  args.apps = {"order", "pay,replicas=1"};
  EXPECT_EQ(Json(LaneCreateBody(args)),
            R"({"name":"pay-q3","story":{"workspace_id":"1","id":"2"},"apps":[{"app":"order"},)"
            R"({"app":"pay","replicas":1}]})");
  args.members = {"bob"};
  args.base_env_type = "test";
  args.cluster = "sandbox";
  args.consumers = {"pay:orders:pay-group"};
  args.notify = "dingtalk:https://robot/send:sec";
  EXPECT_EQ(
      Json(LaneCreateBody(args)),
      R"({"name":"pay-q3","story":{"workspace_id":"1","id":"2"},"apps":[{"app":"order"},)"
      R"({"app":"pay","replicas":1}],"members":["bob"],"base_env_type":"test","cluster":"sandbox",)"
      R"("coloring":{"producers":[],"consumers":[{"app":"pay","topic":"orders","group":"pay-group"}]},)"
      R"("notify":{"type":"dingtalk","secret":"sec","url":"https://robot/send"}})");
}

TEST(CliLaneRequests, EditBodyReplacesOnlyWhatIsGiven) {
  LaneEditArgs args;
  EXPECT_THROW(LaneEditBody(args), Failure);
  args.members = {"bob", "carol"};
  EXPECT_EQ(Json(LaneEditBody(args)), R"({"members":["bob","carol"]})");
  args.apps = {"order,replicas=3"};
  EXPECT_EQ(Json(LaneEditBody(args)),
            R"({"apps":[{"app":"order","replicas":3}],"members":["bob","carol"]})");
  // A producer alone replaces the whole coloring: the consumers become none.
  args.producers = {"order"};
  EXPECT_EQ(Json(LaneEditBody(args)),
            R"({"apps":[{"app":"order","replicas":3}],"members":["bob","carol"],)"
            R"("coloring":{"producers":["order"],"consumers":[]}})");
}

TEST(CliLaneRequests, LanePathEncodesTheReference) {
  EXPECT_EQ(LanePath("12"), "/api/v1/lanes/12");
  EXPECT_EQ(LanePath("pay q3", "/events"), "/api/v1/lanes/pay%20q3/events");
}

}  // namespace
}  // namespace slipway::cli
