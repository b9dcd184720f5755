// An admin's signal or cancellation and its audit record commit together:
// when the record cannot be written, the workflow is left as it was.
#include "services/platform/workflow_admin.hpp"

#include <gtest/gtest.h>

#include "engine/engine.hpp"
#include "support/test_database.hpp"

namespace slipway::services {
namespace {

class WorkflowAdminTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine::Registry registry;
    registry.Add({"gate", {{"wait", [](engine::StepContext& ctx) {
                              if (!ctx.signal) return engine::WaitSignal("go", {});
                              return engine::Succeeded();
                            }}}});
    engine::EngineSettings settings;
    settings.owner_id = "test";
    engine_ = std::make_unique<engine::Engine>(*db_, clock_, std::move(registry), settings);
    admin_ = std::make_unique<WorkflowAdmin>(*db_, clock_, *engine_);
    auto id = engine_->StartWorkflow("gate", "subject", boost::json::object{});
    ASSERT_TRUE(id.ok());
    id_ = *id;
    while (engine_->RunOnce()) {
    }
    ASSERT_EQ(engine_->Get(id_)->steps.at(0).state, engine::StepState::kWaiting);
  }

  std::int64_t AuditCount(const std::string& action) {
    return store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) {
      return tx
          .QueryOne("SELECT count(*) FROM audit WHERE action = ? AND object_id = ?", {action, id_})
          ->Int(0);
    });
  }

  // Makes every audit write fail from now on, as a full disk or a lost table would.
  void BreakTheAuditLog() {
    store::InTx(*db_, store::TxMode::kWrite,
                [&](store::Tx& tx) { tx.Exec("DROP TABLE audit", {}); });
  }

  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  std::unique_ptr<engine::Engine> engine_;
  std::unique_ptr<WorkflowAdmin> admin_;
  RequestContext root_{{1, "root", core::Role::kAdmin}, "r-root"};
  std::string id_;
};

TEST_F(WorkflowAdminTest, ASignalIsAuditedWithIt) {
  auto signalled = admin_->Signal(root_, {id_, "go", boost::json::object{}});
  ASSERT_TRUE(signalled.ok()) << signalled.error().message;
  EXPECT_EQ(AuditCount("workflow.signal"), 1);
  while (engine_->RunOnce()) {
  }
  EXPECT_EQ(engine_->Get(id_)->state, engine::WorkflowState::kSucceeded);
}

TEST_F(WorkflowAdminTest, ARefusedSignalIsNotAudited) {
  auto refused = admin_->Signal(root_, {id_, "stop", boost::json::object{}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(AuditCount("workflow.signal"), 0);
}

TEST_F(WorkflowAdminTest, AFailingAuditWriteLeavesTheWorkflowUnsignalled) {
  BreakTheAuditLog();
  EXPECT_THROW((void)admin_->Signal(root_, {id_, "go", boost::json::object{}}), store::DbError);
  while (engine_->RunOnce()) {
  }
  auto workflow = engine_->Get(id_);
  EXPECT_EQ(workflow->state, engine::WorkflowState::kRunning);
  EXPECT_EQ(workflow->steps.at(0).state, engine::StepState::kWaiting)
      << "the signal took effect without its record";
}

TEST_F(WorkflowAdminTest, AFailingAuditWriteLeavesTheWorkflowRunning) {
  BreakTheAuditLog();
  EXPECT_THROW((void)admin_->Cancel(root_, {id_, "no longer needed"}), store::DbError);
  EXPECT_EQ(engine_->Get(id_)->state, engine::WorkflowState::kRunning);
}

TEST_F(WorkflowAdminTest, ACancellationSaysWhoCancelledUnlessGivenAReason) {
  auto cancelled = admin_->Cancel(root_, {id_, std::nullopt});
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
  EXPECT_EQ(cancelled->state, engine::WorkflowState::kCancelled);
  auto summary = store::InTx(*db_, store::TxMode::kRead, [&](store::Tx& tx) {
    return tx.QueryOne("SELECT summary FROM audit WHERE action = 'workflow.cancel'", {})->Text(0);
  });
  EXPECT_EQ(summary, "cancelled by root");
}

}  // namespace
}  // namespace slipway::services
