// Starting, reading, cancelling and deleting builds (R-BLD-1, R-BLD-4).
#include "services/builds/build_service.hpp"

#include "services/builds/build_test_fixture.hpp"
#include "store/cluster_repository.hpp"
#include "store/environment_repository.hpp"
#include "store/release_repository.hpp"

namespace slipway::services {
namespace {

namespace json = boost::json;

class BuildServiceTest : public BuildTest {
 protected:
  std::int64_t CountBuilds() {
    return store::InTx(*db_, store::TxMode::kRead, [](store::Tx& tx) {
      return tx.QueryOne("SELECT COUNT(*) FROM builds")->Int(0);
    });
  }

  // An environment of `app` that runs the image with `digest`.
  std::int64_t AddEnvironmentRunning(const core::App& app, const std::string& digest) {
    return store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      store::ClusterRow cluster;
      cluster.cluster.name = "c-" + app.name;
      cluster.cluster.connection = core::ClusterConnection::kSandbox;
      auto cluster_id = store::clusters::Insert(tx, cluster);
      core::Environment env;
      env.app_id = app.id;
      env.env_type = "prod";
      env.cluster_id = cluster_id;
      env.namespace_name = "prod";
      env.image_digest = digest;
      env.created_by = "alice";
      return store::environments::Insert(tx, env);
    });
  }

  // A build that succeeded, with its image pushed to the fake registry.
  core::Build Succeeded(const core::App& app, const std::string& version) {
    auto view = Start(app, version);
    EXPECT_TRUE(registry_->PushImage(Repository(app), version).ok());
    auto b = Drive(view.build.id);
    EXPECT_EQ(b.state, core::BuildState::kSucceeded);
    return b;
  }
};

TEST_F(BuildServiceTest, StartRecordsTheBuildWithItsImageAndJob) {
  auto app = AddApp("order-svc");
  auto view = Start(app, "1.0.0");
  const auto& b = view.build;
  EXPECT_GT(b.id, 0);
  EXPECT_EQ(b.state, core::BuildState::kQueued);
  EXPECT_EQ(b.image, std::string(kRegistryHost) + "/images/order-svc:1.0.0");
  EXPECT_EQ(b.job_path, "trade/order-svc-build");  // builds.job_path: {team}/{app}-build
  EXPECT_EQ(b.branch, "main");
  EXPECT_EQ(b.note, "try it");
  EXPECT_EQ(b.created_by, "alice");
  EXPECT_FALSE(b.workflow_id.empty());
  EXPECT_EQ(view.app_name, "order-svc");
  EXPECT_TRUE(view.actions.Allows("cancel"));
  EXPECT_FALSE(view.actions.Allows("delete"));
  ASSERT_EQ(AuditOf(b.id).size(), 1u);
  EXPECT_EQ(AuditOf(b.id)[0].action, "build.start");
  EXPECT_TRUE(jenkins_->calls().empty());  // the workflow talks to Jenkins, not the request
}

TEST_F(BuildServiceTest, TheApplicationsBuildJobWinsOverTheConvention) {
  auto app = AddApp("pay-svc");
  store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    app.details.build_job = "ci/pay";
    app.version = 2;
    store::apps::Update(tx, app);
  });
  EXPECT_EQ(Start(app, "1").build.job_path, "ci/pay");
}

TEST_F(BuildServiceTest, BadInputIsRefusedAndNothingIsStored) {
  auto app = AddApp("order-svc");
  for (const json::object& body : std::vector<json::object>{
           {{"version", "1.0"}},                                     // no branch
           {{"branch", "main"}},                                     // no version
           {{"branch", "main"}, {"version", "-1"}},                  // not a tag
           {{"branch", "main"}, {"version", "a/b"}},                 // not a tag
           {{"branch", "feature..x"}, {"version", "1"}},             // not a branch
           {{"branch", "main"}, {"version", "1"}, {"env_id", "x"}},  // not an id
           {{"branch", "main"}, {"version", "1"}, {"colour", "red"}},
       }) {
    auto r = StartAs(alice_, app.name, body);
    ASSERT_FALSE(r.ok()) << json::serialize(body);
    EXPECT_EQ(r.error().code, core::Code::kInvalid) << json::serialize(body);
    EXPECT_TRUE(r.error().details.contains("field")) << json::serialize(body);
  }
  EXPECT_EQ(CountBuilds(), 0);
  EXPECT_TRUE(jenkins_->calls().empty());
}

TEST_F(BuildServiceTest, OnlyApprovedSelfDevelopedApplicationsAreBuilt) {
  for (auto [type, status] : std::vector<std::pair<core::AppType, core::AppStatus>>{
           {core::AppType::kCommercial, core::AppStatus::kOnline},
           {core::AppType::kEmpty, core::AppStatus::kOnline},
           {core::AppType::kSelfDeveloped, core::AppStatus::kUnderReview},
           {core::AppType::kSelfDeveloped, core::AppStatus::kOffline}}) {
    auto app = AddApp("app-" + std::string(core::AppTypeName(type)).substr(0, 4) + "-" +
                          std::string(core::AppStatusName(status)).substr(0, 4),
                      type, status);
    auto r = StartAs(alice_, app.name, StartBody("1"));
    ASSERT_FALSE(r.ok()) << app.name;
    EXPECT_EQ(r.error().code, core::Code::kConflict) << app.name;
  }
  EXPECT_EQ(CountBuilds(), 0);
  // Online applications build too.
  auto online = AddApp("live-svc", core::AppType::kSelfDeveloped, core::AppStatus::kOnline);
  EXPECT_TRUE(StartAs(alice_, online.name, StartBody("1")).ok());
}

TEST_F(BuildServiceTest, OnlyAdminsOwnersAndDevelopersStartBuilds) {
  auto app = AddApp("order-svc");
  for (const auto* ctx : {&bob_, &vic_}) {
    auto r = StartAs(*ctx, app.name, StartBody("1"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::Code::kForbidden);
  }
  EXPECT_TRUE(StartAs(admin_, app.name, StartBody("1")).ok());
  EXPECT_EQ(StartAs(alice_, "no-such-app", StartBody("2")).error().code, core::Code::kNotFound);
}

TEST_F(BuildServiceTest, AVersionIsUniquePerApplication) {
  auto app = AddApp("order-svc");
  Start(app, "1.0");
  auto again = StartAs(alice_, app.name, StartBody("1.0"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kConflict);
  EXPECT_EQ(again.error().details.at("field").as_string(), "version");
  EXPECT_EQ(CountBuilds(), 1);
  EXPECT_TRUE(StartAs(alice_, AddApp("other-svc").name, StartBody("1.0")).ok());
}

TEST_F(BuildServiceTest, TheEnvironmentMustBeTheApplications) {
  auto app = AddApp("order-svc");
  auto other = AddApp("other-svc");
  const auto env = AddEnvironmentRunning(app, "");
  const auto foreign = AddEnvironmentRunning(other, "");
  auto body = StartBody("1");
  body["env_id"] = foreign;
  auto refused = StartAs(alice_, app.name, body);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kInvalid);
  body["env_id"] = env;
  auto started = StartAs(alice_, app.name, body);
  ASSERT_TRUE(started.ok());
  EXPECT_EQ(started->build.env_id, env);
}

TEST_F(BuildServiceTest, WithoutJenkinsOrARegistryNothingStarts) {
  auto app = AddApp("order-svc");
  connections_.jenkins.reset();
  auto r = StartAs(alice_, app.name, StartBody("1"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::Code::kConflict);
  EXPECT_EQ(CountBuilds(), 0);
}

TEST_F(BuildServiceTest, ListIsNewestFirstWithACursor) {
  auto app = AddApp("order-svc");
  for (int i = 1; i <= 3; ++i) Start(app, "v" + std::to_string(i));
  auto first = builds_->List(vic_, app.name, "", 2, "");
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].build.version, "v3");
  EXPECT_TRUE(first->items[0].actions.allowed.empty());  // a viewer may only read
  ASSERT_TRUE(first->next_cursor);
  auto second = builds_->List(vic_, app.name, "", 2, *first->next_cursor);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].build.version, "v1");
  EXPECT_FALSE(second->next_cursor);
  EXPECT_EQ(builds_->List(vic_, app.name, "running", 50, "")->items.size(), 0u);
  EXPECT_EQ(builds_->List(vic_, app.name, "done", 50, "").error().code, core::Code::kInvalid);
  EXPECT_EQ(builds_->List(vic_, app.name, "", 50, "zz").error().code, core::Code::kInvalid);
}

TEST_F(BuildServiceTest, CancelIsAskedOnceAndRefusedForEndedBuilds) {
  auto app = AddApp("order-svc");
  auto view = Start(app, "1");
  EXPECT_EQ(builds_->Cancel(bob_, std::to_string(view.build.id)).error().code,
            core::Code::kForbidden);
  auto cancelled = builds_->Cancel(alice_, std::to_string(view.build.id));
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->build.cancel_requested_by, "alice");
  EXPECT_FALSE(cancelled->actions.Allows("cancel"));
  EXPECT_TRUE(builds_->Cancel(admin_, std::to_string(view.build.id)).ok());  // a no-op
  EXPECT_EQ(Load(view.build.id).cancel_requested_by, "alice");
  auto ended = Drive(view.build.id);
  EXPECT_EQ(ended.state, core::BuildState::kCancelled);
  EXPECT_EQ(builds_->Cancel(alice_, std::to_string(view.build.id)).error().code,
            core::Code::kConflict);
  EXPECT_EQ(builds_->Cancel(alice_, "12345").error().code, core::Code::kNotFound);
}

TEST_F(BuildServiceTest, DeleteRemovesTheImageThenTheRecordAndFreesTheVersion) {
  auto app = AddApp("order-svc");
  auto b = Succeeded(app, "1.0");
  ASSERT_TRUE(registry_->HeadManifest(Repository(app), "1.0").ok());
  EXPECT_EQ(builds_->Delete(bob_, std::to_string(b.id), false).error().code,
            core::Code::kForbidden);
  ASSERT_TRUE(builds_->Delete(alice_, std::to_string(b.id), false).ok());
  EXPECT_EQ(registry_->HeadManifest(Repository(app), "1.0").error().code, core::Code::kNotFound);
  EXPECT_EQ(builds_->Get(alice_, std::to_string(b.id)).error().code, core::Code::kNotFound);
  EXPECT_EQ(AuditOf(b.id).front().action, "build.delete");
  EXPECT_TRUE(StartAs(alice_, app.name, StartBody("1.0")).ok());
}

TEST_F(BuildServiceTest, DeleteIsRefusedWhileTheBuildRuns) {
  auto app = AddApp("order-svc");
  auto view = Start(app, "1");
  auto r = builds_->Delete(admin_, std::to_string(view.build.id), true);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::Code::kConflict);
  EXPECT_EQ(CountBuilds(), 1);
}

TEST_F(BuildServiceTest, DeleteIsRefusedWhileAnEnvironmentRunsTheImageUnlessAnAdminForcesIt) {
  auto app = AddApp("order-svc");
  auto b = Succeeded(app, "1.0");
  const auto env = AddEnvironmentRunning(app, b.digest);
  auto refused = builds_->Delete(alice_, std::to_string(b.id), false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  const auto& refs = refused.error().details.at("references").as_array();
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].at("kind").as_string(), "environment");
  EXPECT_EQ(refs[0].at("id").as_int64(), env);
  EXPECT_TRUE(registry_->HeadManifest(Repository(app), "1.0").ok());
  EXPECT_EQ(builds_->Delete(alice_, std::to_string(b.id), true).error().code,
            core::Code::kForbidden);
  ASSERT_TRUE(builds_->Delete(admin_, std::to_string(b.id), true).ok());
  EXPECT_FALSE(registry_->HeadManifest(Repository(app), "1.0").ok());
}

TEST_F(BuildServiceTest, ABaselineNamingTheImageBlocksTheDeletionToo) {
  auto app = AddApp("order-svc");
  auto b = Succeeded(app, "1.0");
  const auto env =
      AddEnvironmentRunning(app, "sha256:" + std::string(64, 'f'));  // runs something else
  const auto baseline = store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    core::Baseline v1;
    v1.env_id = env;
    v1.image = b.image;
    v1.image_digest = b.digest;
    v1.created_by = "alice";
    store::baselines::Append(tx, v1);
    return store::baselines::Latest(tx, env).value();
  });
  auto refused = builds_->Delete(alice_, std::to_string(b.id), false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  const auto& refs = refused.error().details.at("references").as_array();
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].at("kind").as_string(), "baseline");
  EXPECT_EQ(refs[0].at("id").as_int64(), baseline.id);
  EXPECT_TRUE(registry_->HeadManifest(Repository(app), "1.0").ok());
}

TEST_F(BuildServiceTest, AnImageSharedWithAnotherBuildStaysInTheRegistry) {
  auto app = AddApp("order-svc");
  auto first = Succeeded(app, "1.0");
  auto second = Succeeded(app, "1.1");
  // Two versions of identical content share one digest in a real registry.
  store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    tx.Exec("UPDATE builds SET digest = ? WHERE id = ?", {first.digest, second.id});
  });
  ASSERT_TRUE(builds_->Delete(alice_, std::to_string(second.id), false).ok());
  EXPECT_TRUE(registry_->HeadManifest(Repository(app), "1.0").ok());
  for (const auto& call : registry_->calls())
    EXPECT_EQ(call.rfind("DeleteManifest", 0), std::string::npos) << call;
}

TEST_F(BuildServiceTest, DeletingAFailedBuildRemovesAnImageItPushedAnyway) {
  auto app = AddApp("order-svc");
  auto view = Start(app, "1.0");
  jenkins_->ScriptOutcome("trade/order-svc-build", "FAILURE", {"pushed, then the tests failed"});
  EXPECT_TRUE(registry_->PushImage(Repository(app), "1.0").ok());
  ASSERT_EQ(Drive(view.build.id).state, core::BuildState::kFailed);
  ASSERT_TRUE(builds_->Delete(alice_, std::to_string(view.build.id), false).ok());
  EXPECT_EQ(registry_->HeadManifest(Repository(app), "1.0").error().code, core::Code::kNotFound);
}

TEST_F(BuildServiceTest, DeletingABuildThatPushedNothingTouchesNoManifest) {
  auto app = AddApp("order-svc");
  jenkins_->ScriptOutcome("trade/order-svc-build", "FAILURE", {"ERROR: compile error"});
  auto first = Start(app, "1.0");
  auto second = Start(app, "1.1");
  ASSERT_EQ(Drive(first.build.id).state, core::BuildState::kFailed);
  ASSERT_EQ(Drive(second.build.id).state, core::BuildState::kFailed);
  ASSERT_TRUE(builds_->Delete(alice_, std::to_string(first.build.id), false).ok());
  for (const auto& call : registry_->calls())
    EXPECT_EQ(call.rfind("DeleteManifest", 0), std::string::npos) << call;
  EXPECT_EQ(AuditOf(first.build.id).front().action, "build.delete");
  EXPECT_TRUE(builds_->Get(alice_, std::to_string(second.build.id)).ok());
}

TEST_F(BuildServiceTest, ARegistryThatRefusesToDeleteKeepsTheBuild) {
  auto app = AddApp("order-svc");
  auto b = Succeeded(app, "1.0");
  registry_->FailNext("DeleteManifest",
                      {core::Code::kInvalid, "UNSUPPORTED: The operation is unsupported.", {}});
  auto r = builds_->Delete(alice_, std::to_string(b.id), false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::Code::kConflict);
  EXPECT_TRUE(builds_->Get(alice_, std::to_string(b.id)).ok());
  registry_->FailNext("DeleteManifest", {core::Code::kTransient, "503", {}});
  EXPECT_EQ(builds_->Delete(alice_, std::to_string(b.id), false).error().code,
            core::Code::kTransient);
  EXPECT_TRUE(builds_->Get(alice_, std::to_string(b.id)).ok());
}

TEST_F(BuildServiceTest, FollowLogSendsTheLogUntilTheBuildEnds) {
  auto app = AddApp("order-svc");
  auto view = Start(app, "1");
  EXPECT_TRUE(registry_->PushImage(Repository(app), "1").ok());
  std::mutex mutex;
  std::string received;
  bool closed = false;
  std::condition_variable done;
  ASSERT_TRUE(builds_
                  ->FollowLog(
                      vic_, std::to_string(view.build.id),
                      [&](std::string piece) {
                        std::lock_guard lock(mutex);
                        received += piece;
                        return true;
                      },
                      [&] {
                        std::lock_guard lock(mutex);
                        closed = true;
                        done.notify_all();
                      })
                  .ok());
  Drive(view.build.id);
  std::unique_lock lock(mutex);
  ASSERT_TRUE(done.wait_for(lock, std::chrono::seconds(10), [&] { return closed; }));
  EXPECT_NE(received.find("Finished: SUCCESS"), std::string::npos) << received;
  EXPECT_EQ(builds_
                ->FollowLog(
                    vic_, "999", [](std::string) { return true; }, [] {})
                .error()
                .code,
            core::Code::kNotFound);
}

}  // namespace
}  // namespace slipway::services
