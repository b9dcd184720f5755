#pragma once
// What the lane tests against `slipway serve` share: one sandboxed server
// per suite (following lane builds every 200 ms), an owner, applications a
// lane can take, the sandbox's TAPD story, and waiting on a lane.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cctype>
#include <functional>
#include <memory>
#include <string>

#include "sandbox/tapd/tapd_emulator.hpp"
#include "support/api_fixture.hpp"

namespace slipway::testing {

class LaneServerTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { server_.reset(); }
  static ApiServer& server() {
    if (!server_) {
      auto options = SandboxOptions();
      options.extra_config = "lanes:\n  follow_interval_ms: 200\n";
      server_ = std::make_unique<ApiServer>(options);
    }
    return *server_;
  }

  void SetUp() override { owner_ = server().CreateUser("developer", "lane-owner"); }

  // An approved application of owner_ with an http port and `domains`, and a
  // test environment on the sandbox cluster (`env_extra` added to its body):
  // what a lane copies. Returns the environment's path.
  std::string AddLaneApp(const std::string& name, boost::json::array domains = {},
                         boost::json::object env_extra = {}) {
    auto id = RegisterApprovedApp(server(), owner_, name);
    const std::string path = "/api/v1/apps/" + std::to_string(id);
    auto app = server().As(owner_).Get(path);
    auto details = server().As(owner_).Put(
        path + "/details",
        {{"version", app.Int("version")},
         {"ports", boost::json::array{boost::json::object{{"name", "http"}, {"port", 8080}}}},
         {"business_domains", std::move(domains)}});
    EXPECT_EQ(details.status, 200) << details;
    env_extra["env_type"] = "test";
    env_extra["cluster"] = "sandbox";
    auto env = server().Admin().Post(path + "/environments", env_extra);
    EXPECT_EQ(env.status, 201) << env;
    return "/api/v1/environments/" + std::to_string(env.Int("id"));
  }

  static boost::json::object Story() {
    return {{"workspace_id", sandbox::kSandboxTapdWorkspace}, {"id", sandbox::kSandboxTapdStoryId}};
  }

  // The lane's Kubernetes namespace, as lanes name it ("Pay_Q3" → "pay-q3").
  static std::string NamespaceOf(const std::string& lane) {
    std::string out;
    for (char c : lane) {
      out += std::isalnum(static_cast<unsigned char>(c))
                 ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                 : '-';
    }
    return out;
  }

  Reply WaitForLane(const TestUser& who, std::int64_t id,
                    const std::function<bool(const Reply&)>& done) {
    Reply last;
    auto api = server().As(who);
    WaitUntil([&] {
      last = api.Get("/api/v1/lanes/" + std::to_string(id));
      return done(last);
    });
    return last;
  }

  static inline std::unique_ptr<ApiServer> server_;
  TestUser owner_;
};

}  // namespace slipway::testing
