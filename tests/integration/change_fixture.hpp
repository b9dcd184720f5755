#pragma once
// Shared by the change integration tests: a sandbox server and a complete,
// approved commercial application with an environment, so changes need no
// build (a commercial application releases a tag of its vendor image).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "support/api_fixture.hpp"

namespace slipway::testing {

/// The strings of a JSON array.
inline std::vector<std::string> StringsOf(const boost::json::value& array) {
  std::vector<std::string> out;
  if (!array.is_array()) return out;
  for (const auto& v : array.as_array()) out.push_back(Text(v));
  return out;
}

/// error.details.allowed_actions of a refusal.
inline std::vector<std::string> AllowedActions(const Reply& r) {
  const auto* error = r.Object().if_contains("error");
  if (!error || !error->is_object()) return {};
  const auto* details = error->as_object().if_contains("details");
  if (!details || !details->is_object() || !details->as_object().contains("allowed_actions"))
    return {"(absent)"};
  return StringsOf(details->as_object().at("allowed_actions"));
}

class ChangeTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { server_.reset(); }
  static ApiServer& server() {
    if (!server_) server_ = std::make_unique<ApiServer>(SandboxOptions());
    return *server_;
  }
  static inline std::unique_ptr<ApiServer> server_;

  void SetUp() override {
    owner_ = server().CreateUser("developer", "chg-owner");
    approver_ = server().CreateUser("approver", "chg-approver");
    name_ = UniqueName("grafana");
    auto reg = server().As(owner_).Post(
        "/api/v1/apps",
        {{"name", name_}, {"team", UniqueName("team")}, {"type", "commercial"}, {"level", "core"}});
    ASSERT_EQ(reg.status, 201) << reg;
    app_id_ = reg.Int("id");
    team_ = reg.Str("team");
    auto approved = server().Admin().Post(AppPath("/approve"), {{"comment", "ok"}});
    ASSERT_EQ(approved.status, 200) << approved;
    auto details = CompleteDetailsBody(approved.Int("version"), approver_.username);
    details.erase("build_job");
    details["vendor_image"] = "docker.io/grafana/grafana";
    auto completed = server().As(owner_).Put(AppPath("/details"), details);
    ASSERT_EQ(completed.status, 200) << completed;
    auto env = server().As(owner_).Post(AppPath("/environments"),
                                        {{"env_type", "prod"}, {"cluster", "sandbox"}});
    ASSERT_EQ(env.status, 201) << env;
    env_id_ = env.Int("id");
  }

  std::string AppPath(const std::string& suffix = "") const {
    return "/api/v1/apps/" + std::to_string(app_id_) + suffix;
  }
  static std::string ChangePath(std::int64_t id, const std::string& suffix = "") {
    return "/api/v1/changes/" + std::to_string(id) + suffix;
  }

  /// A developing change of the vendor image at `tag`.
  std::int64_t NewChange(const std::string& tag = "10.2.0") {
    auto created = server().As(owner_).Post(
        AppPath("/changes"), {{"env_id", env_id_}, {"title", "grafana " + tag}, {"tag", tag}});
    EXPECT_EQ(created.status, 201) << created;
    return created.Int("id");
  }

  TestUser owner_, approver_;
  std::string name_, team_;
  std::int64_t app_id_ = 0, env_id_ = 0;
};

}  // namespace slipway::testing
