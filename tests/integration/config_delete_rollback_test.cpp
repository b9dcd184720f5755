// A deleted config file and baselines, on Consul and on Apollo: the deletion
// shows as drift from the last baseline ("removed"), and rolling back to a
// baseline that had the file plans a "restore" of it and writes it back.
#include <gtest/gtest.h>

#include "release_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

class ConfigDeleteRollbackTest
    : public ReleaseTest,
      public ::testing::WithParamInterface<std::tuple<std::string, Backend>> {
 protected:
  Backend backend() const override { return std::get<1>(GetParam()); }
  void SetUp() override {
    ReleaseTest::SetUp();
    UseCommercialApp();  // a code change may then name any image
    if (HasFatalFailure()) return;
    v1_ = PushImage("1.0.0");
    v2_ = PushImage("2.0.0");
    auto env = Owner().Post("/api/v1/apps/" + std::to_string(app_id_) + "/environments",
                            {{"env_type", "test"},
                             {"cluster", "sandbox"},
                             {"image", PushImage("0.9.0")},
                             {"replicas", 1},
                             {"config_backend", std::get<0>(GetParam())},
                             {"ports", json::array{{{"container_port", 8080}}}}});
    ASSERT_EQ(env.status, 201) << env;
    env_id_ = env.Int("id");
    namespace_ = env.Str("namespace");
    env_ = "/api/v1/environments/" + std::to_string(env_id_);
  }

  void Publish(const std::string& file, const std::string& content) {
    auto draft = Owner().Put(env_ + "/config/files/" + file + "/draft", {{"content", content}});
    ASSERT_EQ(draft.status, 200) << draft;
    auto published = Owner().Post(env_ + "/config/files/" + file + "/publish", json::object{});
    ASSERT_EQ(published.status, 201) << published;
  }
  std::string Live(const std::string& file) {
    auto got = Owner().Get(env_ + "/config/files/" + file);
    if (got.status != 200) return "<" + std::to_string(got.status) + ">";
    return Text(got.Object().at("live").at("content"));
  }
  void Completed(std::int64_t release_id) {
    auto end = WaitForRelease(release_id);
    EXPECT_EQ(end.Str("state"), "completed") << end;
  }

  std::string v1_, v2_;
  std::int64_t env_id_ = 0;
  std::string env_;
};

TEST_P(ConfigDeleteRollbackTest, ADeletionIsDriftAndARollbackToABaselineWithTheFileRestoresIt) {
  Publish("app.properties", "mode=a\n");
  Publish("logback.xml", "<level>INFO</level>\n");
  Completed(ReleaseImage(env_id_, v1_));  // its baseline holds both files

  auto deleted = Owner().Send("DELETE", env_ + "/config/files/logback.xml");
  ASSERT_EQ(deleted.status, 200) << deleted;
  auto drift = Owner().Get(env_ + "/config-drift");
  ASSERT_EQ(drift.status, 200) << drift;
  EXPECT_TRUE(drift.Object().at("changed").as_bool()) << drift;
  const auto& files = drift.Object().at("files").as_array();
  ASSERT_EQ(files.size(), 1u) << drift;
  EXPECT_EQ(Text(files.at(0).at("file")), "logback.xml");
  EXPECT_EQ(Text(files.at(0).at("change")), "removed") << drift;

  const auto second = ReleaseImage(env_id_, v2_);  // its baseline: without logback.xml
  Completed(second);
  const std::string release = "/api/v1/releases/" + std::to_string(second);
  auto plan = Owner().Get(release + "/rollback-plan");
  ASSERT_EQ(plan.status, 200) << plan;
  std::string action;
  for (const auto& f : plan.Object().at("config").as_array()) {
    if (Text(f.at("file")) == "logback.xml") action = Text(f.at("action"));
  }
  EXPECT_EQ(action, "restore") << plan;

  auto started = Owner().Post(release + "/rollback", {{"plan_token", plan.Str("plan_token")}});
  ASSERT_EQ(started.status, 202) << started;
  Completed(started.Int("id"));
  EXPECT_EQ(Live("logback.xml"), "<level>INFO</level>\n") << "written back";
  EXPECT_EQ(Live("app.properties"), "mode=a\n");
  auto history = Owner().Get(env_ + "/config/history?file=logback.xml");
  const auto& items = history.Object().at("items").as_array();
  ASSERT_EQ(items.size(), 3u) << history;
  EXPECT_EQ(Text(items.at(0).at("action")), "publish") << "the restore";
  EXPECT_EQ(Text(items.at(1).at("action")), "delete");
}

INSTANTIATE_TEST_SUITE_P(
    ConfigBackends, ConfigDeleteRollbackTest,
    ::testing::Combine(::testing::Values("consul", "apollo"),
                       ::testing::Values(Backend::kSqlite, Backend::kPostgres)),
    [](const ::testing::TestParamInfo<std::tuple<std::string, Backend>>& info) {
      return std::get<0>(info.param) + "_" + BackendName(std::get<1>(info.param));
    });

}  // namespace
}  // namespace slipway::testing
