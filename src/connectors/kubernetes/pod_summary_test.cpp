#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "connectors/kubernetes.hpp"

namespace slipway::connectors {
namespace {

KubeObject Parse(const char* json) { return boost::json::parse(json).as_object(); }

TEST(SummarizePod, RunningAndReady) {
  auto s = SummarizePod(Parse(R"({
    "metadata":{"name":"web-7d9c6b5f4-x2k9q","labels":{"app":"web","pod-template-hash":"7d9c6b5f4"}},
    "spec":{"nodeName":"node-3","containers":[{"name":"web","image":"reg.local/web:1.4.2"}]},
    "status":{"phase":"Running","podIP":"172.16.3.21","startTime":"2026-05-01T10:00:00Z",
      "conditions":[{"type":"PodScheduled","status":"True"},{"type":"Ready","status":"True"}],
      "containerStatuses":[{"name":"web","ready":true,"restartCount":1,"image":"reg.local/web:1.4.2",
        "imageID":"x","state":{"running":{"startedAt":"2026-05-01T10:00:01Z"}}}]}})"));
  EXPECT_EQ(s.name, "web-7d9c6b5f4-x2k9q");
  EXPECT_EQ(s.phase, "Running");
  EXPECT_TRUE(s.ready);
  EXPECT_EQ(s.restarts, 1);
  EXPECT_EQ(s.image, "reg.local/web:1.4.2");
  EXPECT_EQ(s.pod_ip, "172.16.3.21");
  EXPECT_EQ(s.node, "node-3");
  EXPECT_EQ(s.start_time, "2026-05-01T10:00:00Z");
  EXPECT_EQ(s.pod_template_hash, "7d9c6b5f4");
  EXPECT_EQ(s.waiting_reason, "");
  EXPECT_FALSE(s.terminating);
}

TEST(SummarizePod, ImagePullBackOff) {
  auto s = SummarizePod(Parse(R"({
    "metadata":{"name":"p"},"spec":{"nodeName":"n","containers":[{"name":"web","image":"reg/missing:1"}]},
    "status":{"phase":"Pending","conditions":[{"type":"Ready","status":"False"}],
      "containerStatuses":[{"name":"web","ready":false,"restartCount":0,"image":"reg/missing:1","imageID":"",
        "state":{"waiting":{"reason":"ImagePullBackOff","message":"Back-off pulling image \"reg/missing:1\""}}}]}})"));
  EXPECT_EQ(s.phase, "Pending");
  EXPECT_FALSE(s.ready);
  EXPECT_EQ(s.waiting_reason, "ImagePullBackOff");
  EXPECT_EQ(s.waiting_message, "Back-off pulling image \"reg/missing:1\"");
  EXPECT_EQ(s.pod_ip, "");
}

TEST(SummarizePod, CrashLoopShowsLastTerminationReasonAndSumsRestarts) {
  auto s = SummarizePod(Parse(R"({
    "metadata":{"name":"p","deletionTimestamp":"2026-05-01T10:00:00Z"},
    "spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]},
    "status":{"phase":"Running",
      "containerStatuses":[
        {"name":"a","ready":true,"restartCount":2,"image":"a:1","imageID":"","state":{"running":{}}},
        {"name":"b","ready":false,"restartCount":5,"image":"b:1","imageID":"",
         "state":{"waiting":{"reason":"CrashLoopBackOff"}},
         "lastState":{"terminated":{"exitCode":137,"reason":"OOMKilled"}}}]}})"));
  EXPECT_EQ(s.restarts, 7);
  EXPECT_EQ(s.waiting_reason, "CrashLoopBackOff");
  EXPECT_EQ(s.terminated_reason, "OOMKilled");
  EXPECT_EQ(s.image, "a:1");
  EXPECT_FALSE(s.ready);  // no Ready condition: all containers must be ready
  EXPECT_TRUE(s.terminating);
}

TEST(SummarizePod, UnscheduledPodHasNothingButAPhase) {
  auto s = SummarizePod(Parse(R"({"metadata":{"name":"p"},"status":{"phase":"Pending"}})"));
  EXPECT_EQ(s.phase, "Pending");
  EXPECT_FALSE(s.ready);
  EXPECT_EQ(s.restarts, 0);
  EXPECT_EQ(s.node, "");
}

}  // namespace
}  // namespace slipway::connectors
