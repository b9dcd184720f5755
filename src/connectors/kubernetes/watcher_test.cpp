// The Watcher against a scripted API server: the exact requests it makes
// (list → watch from the list's version with bookmarks → resume from the last
// version → re-list on 410 in the stream and as HTTP 410), errors reported,
// and a prompt Stop on an idle stream.

#include "connectors/kubernetes/watcher.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <deque>

#include "core/common/json_path.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::connectors {
namespace {

using namespace std::chrono_literals;

/// Answers lists with a fixed version and watches from a script, one
/// response per watch request; when the script runs out, streams stay open.
class ScriptedApi final : public sandbox::Emulator {
 public:
  struct Reply {
    int status = 200;
    std::vector<std::string> lines;
  };
  std::string_view system() const override { return "kubernetes"; }
  boost::json::value State() const override { return nullptr; }
  void Reset() override {}

  void Script(std::vector<Reply> replies, std::vector<std::string> list_versions) {
    std::lock_guard lock(mutex_);
    for (auto& r : replies) replies_.push_back(std::move(r));
    for (auto& v : list_versions) list_versions_.push_back(std::move(v));
  }
  std::vector<std::string> targets() const {
    std::lock_guard lock(mutex_);
    return targets_;
  }
  void CloseStreams() {
    std::lock_guard lock(mutex_);
    for (auto& s : open_) s->Close();
  }

  http::Response Handle(http::Request& request) override {
    std::lock_guard lock(mutex_);
    targets_.push_back(request.target);
    if (!request.Query("watch")) {
      std::string rv = list_versions_.empty() ? "999" : list_versions_.front();
      if (!list_versions_.empty()) list_versions_.pop_front();
      return http::Response::Json(
          200, boost::json::object{{"kind", "DeploymentList"},
                                   {"metadata", {{"resourceVersion", rv}}},
                                   {"items", boost::json::array{boost::json::object{
                                                 {"metadata", {{"name", "listed-" + rv}}}}}}});
    }
    auto stream = std::make_shared<http::QueueStream>();
    if (replies_.empty()) {
      open_.push_back(stream);  // idle until CloseStreams
    } else {
      Reply reply = std::move(replies_.front());
      replies_.pop_front();
      if (reply.status != 200)
        return http::Response::Text(reply.status, reply.lines.front(), "application/json");
      for (auto& l : reply.lines) stream->Push(l + "\n");
      stream->Close();
    }
    http::Response response;
    response.stream = stream;
    return response;
  }

 private:
  mutable std::mutex mutex_;
  std::deque<Reply> replies_;
  std::deque<std::string> list_versions_;
  std::vector<std::string> targets_;
  std::vector<std::shared_ptr<http::QueueStream>> open_;
};

std::string Event(const char* type, const char* name, const char* rv) {
  return std::string(R"({"type":")") + type +
         R"(","object":{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":")" + name +
         R"(","resourceVersion":")" + rv + R"("}}})";
}

const char* kExpiredEvent =
    R"j({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (3171407)","reason":"Expired","code":410}})j";
const char* kExpiredBody =
    R"j({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 5 (200)","reason":"Expired","code":410})j";
const char* kUnauthorized =
    R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401})";

class WatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto api = std::make_unique<ScriptedApi>();
    api_ = api.get();
    host_.Add(std::move(api));
    host_.Start();
    TransportSettings t;
    t.base_url = host_.endpoints().at("kubernetes");
    transport_ = std::make_shared<HttpTransport>(t);
  }
  void TearDown() override {
    if (watcher_) watcher_->Stop();
    api_->CloseStreams();
    host_.Stop();
  }

  void StartWatch(std::string rv = "") {
    Watcher::Params p{kube::kDeployments, "prod", {"app=web", "", std::move(rv)}, 60, 10ms};
    watcher_ = std::make_unique<Watcher>(
        transport_, p,
        [this](const WatchEvent& e) {
          std::lock_guard lock(mutex_);
          std::string name = e.type == WatchEvent::Type::kResync
                                 ? "resync:" + std::to_string(e.items.size())
                                 : core::StringAt(e.object, {"metadata", "name"});
          static const char* names[] = {"ADDED", "MODIFIED", "DELETED", "BOOKMARK", "RESYNC"};
          events_.push_back(std::string(names[static_cast<int>(e.type)]) + " " +
                            (e.type == WatchEvent::Type::kBookmark ? "" : name + " ") +
                            e.resource_version);
        },
        [this](const core::Error& e) {
          std::lock_guard lock(mutex_);
          errors_.push_back(e);
        });
    watcher_->Start();
  }

  bool WaitFor(std::function<bool()> done) {
    for (auto until = std::chrono::steady_clock::now() + 5s;
         std::chrono::steady_clock::now() < until;) {
      {
        std::lock_guard lock(mutex_);
        if (done()) return true;
      }
      std::this_thread::sleep_for(10ms);
    }
    return false;
  }

  sandbox::SandboxHost host_;
  ScriptedApi* api_ = nullptr;
  std::shared_ptr<HttpTransport> transport_;
  std::unique_ptr<Watcher> watcher_;
  std::mutex mutex_;
  std::vector<std::string> events_;
  std::vector<core::Error> errors_;
};

TEST_F(WatcherTest, ListsWatchesResumesAndRelistsOnExpiry) {
  api_->Script(
      {{200,
        {Event("ADDED", "web", "101"),
         R"({"type":"BOOKMARK","object":{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"resourceVersion":"105"}}})"}},
       {200, {Event("MODIFIED", "web", "106"), kExpiredEvent}},
       {410, {kExpiredBody}}},
      {"100", "200", "300"});
  StartWatch();
  ASSERT_TRUE(WaitFor([&] { return events_.size() >= 6; })) << ::testing::PrintToString(events_);
  EXPECT_EQ(events_, (std::vector<std::string>{"RESYNC resync:1 100", "ADDED web 101",
                                               "BOOKMARK 105", "MODIFIED web 106",
                                               "RESYNC resync:1 200", "RESYNC resync:1 300"}));
  ASSERT_TRUE(WaitFor([&] { return api_->targets().size() >= 7; }));
  auto t = api_->targets();
  const std::string base = "/apis/apps/v1/namespaces/prod/deployments?";
  EXPECT_EQ(t[0], base + "labelSelector=app%3Dweb&limit=500");
  EXPECT_EQ(t[1], base +
                      "watch=1&allowWatchBookmarks=true&resourceVersion=100&timeoutSeconds=60&"
                      "labelSelector=app%3Dweb");
  EXPECT_EQ(t[2], base +
                      "watch=1&allowWatchBookmarks=true&resourceVersion=105&timeoutSeconds=60&"
                      "labelSelector=app%3Dweb");
  EXPECT_EQ(t[3], base + "labelSelector=app%3Dweb&limit=500");  // ERROR 410 in the stream: re-list
  EXPECT_EQ(t[4], base +
                      "watch=1&allowWatchBookmarks=true&resourceVersion=200&timeoutSeconds=60&"
                      "labelSelector=app%3Dweb");
  EXPECT_EQ(t[5], base + "labelSelector=app%3Dweb&limit=500");  // HTTP 410: re-list
  EXPECT_EQ(t[6], base +
                      "watch=1&allowWatchBookmarks=true&resourceVersion=300&timeoutSeconds=60&"
                      "labelSelector=app%3Dweb");
  EXPECT_EQ(watcher_->resource_version(), "300");
  std::lock_guard lock(mutex_);
  EXPECT_TRUE(errors_.empty());  // expiry is routine, not an error
}

TEST_F(WatcherTest, ResumesFromAGivenVersionWithoutListing) {
  api_->Script({{200, {Event("DELETED", "web", "51")}}}, {});
  StartWatch("50");
  ASSERT_TRUE(WaitFor([&] { return !events_.empty(); }));
  EXPECT_EQ(events_.front(), "DELETED web 51");
  auto t = api_->targets();
  EXPECT_NE(t.front().find("watch=1&allowWatchBookmarks=true&resourceVersion=50&"),
            std::string::npos)
      << t.front();
}

TEST_F(WatcherTest, ReportsFailuresAndRetries) {
  api_->Script({{401, {kUnauthorized}}, {200, {Event("ADDED", "web", "8")}}}, {});
  StartWatch("7");
  ASSERT_TRUE(WaitFor([&] { return !events_.empty(); }));
  std::lock_guard lock(mutex_);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0].code, core::Code::kUnauthenticated);
  EXPECT_EQ(errors_[0].message, "kubernetes: Unauthorized");
  EXPECT_EQ(events_.front(), "ADDED web 8");
}

TEST_F(WatcherTest, StopsPromptlyOnAnIdleStream) {
  StartWatch("1");
  ASSERT_TRUE(WaitFor([&] { return api_->targets().size() == 1; }));
  std::this_thread::sleep_for(100ms);
  const auto started = std::chrono::steady_clock::now();
  watcher_->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2500ms);
}

}  // namespace
}  // namespace slipway::connectors
