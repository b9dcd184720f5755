#pragma once
// Shared by the build integration tests (build_*_test.cpp): applications
// ready to build, and waiting for a build to end.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "core/builds/build.hpp"
#include "support/api_fixture.hpp"

namespace slipway::testing {

/// An approved self-developed application owned by `owner`; its id.
inline std::int64_t ApprovedApp(ApiServer& server, const TestUser& owner, const std::string& name,
                                const std::string& type = "self_developed") {
  auto body = AppBody(name);
  body["type"] = type;
  if (type != "self_developed") body.erase("repo_url");
  auto reg = server.As(owner).Post("/api/v1/apps", body);
  EXPECT_EQ(reg.status, 201) << reg;
  auto approved = server.Admin().Post("/api/v1/apps/" + std::to_string(reg.Int("id")) + "/approve");
  EXPECT_EQ(approved.status, 200) << approved;
  return reg.Int("id");
}

inline std::string BuildsPath(std::int64_t app_id) {
  return "/api/v1/apps/" + std::to_string(app_id) + "/builds";
}
inline std::string BuildPath(std::int64_t build_id, const std::string& suffix = "") {
  return "/api/v1/builds/" + std::to_string(build_id) + suffix;
}

inline boost::json::object BuildBody(const std::string& version,
                                     const std::string& branch = "main") {
  return {{"branch", branch}, {"version", version}, {"note", "integration test"}};
}

/// Polls the build until `done(reply)` holds or `timeout` passes; the last answer.
template <class Done>
Reply WaitForBuild(Api& api, std::int64_t build_id, Done&& done,
                   std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  Reply reply = api.Get(BuildPath(build_id));
  while (!done(reply) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    reply = api.Get(BuildPath(build_id));
  }
  return reply;
}

/// Polls the build until it ended (succeeded, failed or cancelled).
inline Reply WaitUntilEnded(Api& api, std::int64_t build_id,
                            std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
  return WaitForBuild(
      api, build_id,
      [](const Reply& r) {
        auto state = core::ParseBuildState(r.Str("state"));
        return r.status != 200 || (state && core::IsFinal(*state));
      },
      timeout);
}

/// The repository path of an application's images with the default image namespace.
inline std::string ImageRepository(const std::string& app_name) { return "slipway/" + app_name; }

}  // namespace slipway::testing
