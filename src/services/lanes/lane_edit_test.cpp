// LaneService::Edit (R-LANE-10, R-LANE-12): the name never changes; an edit
// of basic information only updates the record; a changed coloring applies
// the affected applications' Deployments again through lane.edit.
#include <map>

#include "core/lane/lane_names.hpp"
#include "core/lane/lane_render.hpp"
#include "http/api_support.hpp"
#include "services/lanes/lane_test_fixture.hpp"
#include "store/user_repository.hpp"

namespace slipway::services {
namespace {

class LaneEditTest : public LaneTest {
 protected:
  /// The variables of the first container of the lane's Deployment of `app`.
  std::map<std::string, std::string> Env(const std::string& ns, const std::string& app) {
    std::map<std::string, std::string> vars;
    auto deployment = kube_->Get(connectors::kube::kDeployments, ns, app);
    EXPECT_TRUE(deployment.ok()) << app;
    if (!deployment.ok()) return vars;
    const auto& container =
        deployment->at("spec").at("template").at("spec").at("containers").at(0).as_object();
    if (const auto* env = container.if_contains("env")) {
      for (const auto& v : env->as_array()) {
        const auto* value = v.as_object().if_contains("value");
        vars[std::string(v.at("name").as_string())] =
            value ? std::string(value->as_string()) : std::string();
      }
    }
    return vars;
  }

  /// Writes (Create/Replace/Patch) to the lane's Deployment of `app` since the last ClearCalls.
  int DeploymentWrites(const std::string& app) {
    int writes = 0;
    for (const auto& call : kube_->calls()) {
      if (call.resource == "deployments" && call.name == app && call.method != "Get" &&
          call.method != "List" && call.method != "Watch") {
        ++writes;
      }
    }
    return writes;
  }

  std::int64_t Workflows() {
    return store::InTx(*db_, store::TxMode::kRead, [](store::Tx& tx) {
      return tx.QueryOne("SELECT COUNT(*) FROM workflows", {})->Int(0);
    });
  }

  core::Result<LanePlanResult> Edit(std::int64_t id, EditLaneCommand cmd) {
    cmd.version = Lane(id).version;
    return lanes_->Edit(alice_, std::to_string(id), cmd);
  }

  /// Runs the lane's current workflow to its end; its state.
  std::string Finish(std::int64_t id) {
    std::string state;
    Drive([&] {
      auto view = lanes_->Get(alice_, std::to_string(id));
      state = view.ok() ? view->workflow_state : "";
      return state != "running";
    });
    return state;
  }
};

TEST_F(LaneEditTest, AColoringEditAppliesTheAffectedDeploymentsAgain) {
  AddApp("order");
  AddApp("pay");
  AddApp("user");
  const auto id = CreateLane("color-q3", {"order", "pay", "user"});
  ASSERT_NE(id, 0);
  const std::string ns = Lane(id).namespace_name;
  const std::string group = core::LaneConsumerGroup("pay-orders", "color-q3");
  const std::string group_var = core::ConsumerGroupVariable("orders");
  ASSERT_EQ(Env(ns, "order").count(core::kLaneColorVariable), 0u);
  kube_->ClearCalls();

  // order now produces colored messages; pay consumes them in a group of the lane's own.
  EditLaneCommand color;
  color.coloring = core::LaneColoring{{"order"}, {{"pay", "orders", "pay-orders"}}};
  auto edited = Edit(id, color);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_FALSE(edited->workflow_id.empty()) << "a coloring change must reach the running pods";
  EXPECT_EQ(Lane(id).workflow_id, edited->workflow_id);
  ASSERT_EQ(Finish(id), "succeeded");
  EXPECT_EQ(Env(ns, "order")[core::kLaneColorVariable], ns);
  EXPECT_EQ(Env(ns, "pay")[group_var], group);
  EXPECT_EQ(Env(ns, "pay").count(core::kLaneColorVariable), 0u);
  EXPECT_EQ(DeploymentWrites("user"), 0) << "user's coloring did not change";
  auto progress = lanes_->Progress(alice_, std::to_string(id));
  ASSERT_TRUE(progress.ok());
  ASSERT_EQ(progress->size(), 3u) << "lane.edit and one child per recolored application";
  EXPECT_EQ(progress->at(1).kind, kLaneAppRedeployWorkflow);

  // Then pay produces and nobody consumes: order and pay lose what they no longer are.
  kube_->ClearCalls();
  color.coloring = core::LaneColoring{{"pay"}, {}};
  edited = Edit(id, color);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  ASSERT_EQ(Finish(id), "succeeded");
  EXPECT_EQ(Env(ns, "order").count(core::kLaneColorVariable), 0u);
  EXPECT_EQ(Env(ns, "pay")[core::kLaneColorVariable], ns);
  EXPECT_EQ(Env(ns, "pay").count(group_var), 0u);
  EXPECT_EQ(Env(ns, "order")[core::kLaneVariable], ns) << "the lane's own variables stay";
  EXPECT_EQ(DeploymentWrites("user"), 0);
  auto events = Events(id);
  EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const store::LaneEvent& e) {
    return e.kind == "edited";
  })) << "the edit workflow's end is recorded";
}

TEST_F(LaneEditTest, TheNameCannotChangeAndTheRefusalChangesNothing) {
  AddApp("order");
  const auto id = CreateLane("named", {"order"});
  ASSERT_NE(id, 0);
  const auto before = Lane(id);
  const auto workflows = Workflows();

  EditLaneCommand cmd;
  cmd.name = "renamed";
  cmd.coloring = core::LaneColoring{{"order"}, {}};
  cmd.notify = std::nullopt;
  auto refused = Edit(id, cmd);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kInvalid);
  EXPECT_EQ(http::StatusFor(refused.error().code), 400);
  ASSERT_TRUE(refused.error().details.contains("field"));
  EXPECT_EQ(refused.error().details.at("field").as_string(), "name");

  const auto after = Lane(id);
  EXPECT_EQ(after.name, "named");
  EXPECT_EQ(after.version, before.version);
  EXPECT_TRUE(after.coloring.producers.empty()) << "nothing of a refused edit is kept";
  EXPECT_EQ(after.notify_sealed, before.notify_sealed);
  EXPECT_EQ(after.workflow_id, before.workflow_id);
  EXPECT_EQ(Workflows(), workflows);

  // The name it already has is no change.
  cmd.name = "named";
  cmd.coloring.reset();
  cmd.notify.reset();
  auto same = Edit(id, cmd);
  ASSERT_TRUE(same.ok()) << same.error().message;
  EXPECT_EQ(Lane(id).name, "named");
}

TEST_F(LaneEditTest, AnEditOfBasicInformationOnlyUpdatesTheRecord) {
  AddApp("order");
  const auto id = CreateLane("basic", {"order"});
  ASSERT_NE(id, 0);
  store::UserRecord bob;
  bob.username = "bob";
  bob.role = core::Role::kDeveloper;
  store::InTx(*db_, store::TxMode::kWrite,
              [&](store::Tx& tx) { return store::users::Insert(tx, bob); });
  tapd_->AddStory({.id = "1010158231500000002",
                   .workspace_id = kWorkspace,
                   .name = "Refunds",
                   .status = "open",
                   .creator = "alice",
                   .owners = {"alice"},
                   .created = "",
                   .modified = "",
                   .url = "https://tapd.example.com/refunds"});
  const auto before = Lane(id);
  const auto workflows = Workflows();
  kube_->ClearCalls();

  EditLaneCommand cmd;
  cmd.story_id = "1010158231500000002";
  cmd.members = std::vector<std::string>{"bob"};
  cmd.notify = LaneNotifyTarget{"webhook", "https://hooks.example.com/other", ""};
  cmd.coloring = before.coloring;  // given, but the same
  auto edited = Edit(id, cmd);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_TRUE(edited->workflow_id.empty());

  const auto after = Lane(id);
  EXPECT_EQ(after.description, "Refunds");
  EXPECT_EQ(after.story_url, "https://tapd.example.com/refunds");
  EXPECT_EQ(after.members, std::vector<std::string>{"bob"});
  EXPECT_NE(after.notify_sealed, before.notify_sealed);
  EXPECT_EQ(after.version, before.version + 1);
  EXPECT_EQ(after.workflow_id, before.workflow_id) << "no workflow for basic information";
  EXPECT_EQ(Workflows(), workflows);
  Drive([] { return false; }, 5);
  EXPECT_EQ(DeploymentWrites("order"), 0);
}

}  // namespace
}  // namespace slipway::services
