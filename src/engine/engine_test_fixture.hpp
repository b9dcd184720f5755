#pragma once
// Shared by the engine's unit tests (not part of the engine library).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/common/clock.hpp"
#include "engine/engine.hpp"
#include "support/test_database.hpp"

namespace slipway::engine {

class EngineTest : public ::testing::Test {
 protected:
  static constexpr core::Millis kLeaseMs = 10'000;

  EngineSettings Settings(std::string owner = "owner-a") const {
    EngineSettings settings;
    settings.owner_id = std::move(owner);
    settings.workers = 2;
    settings.lease_ms = kLeaseMs;
    settings.retry = {.base_ms = 1000, .max_ms = 8000, .max_attempts = 4};
    return settings;
  }

  std::unique_ptr<Engine> MakeEngine(Registry registry, EngineSettings settings) {
    return std::make_unique<Engine>(database_.db(), clock_, std::move(registry),
                                    std::move(settings));
  }
  std::unique_ptr<Engine> MakeEngine(Registry registry) {
    return MakeEngine(std::move(registry), Settings());
  }

  /// Runs due steps until none is left; returns how many ran.
  static int RunAll(Engine& engine) {
    int ran = 0;
    while (engine.RunOnce()) ++ran;
    return ran;
  }

  static std::string Start(Engine& engine, const std::string& kind,
                           boost::json::value input = boost::json::object()) {
    auto id = engine.StartWorkflow(kind, "subject-1", input);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? id.value() : std::string();
  }

  static Workflow Load(Engine& engine, const std::string& id) {
    auto workflow = engine.Get(id);
    EXPECT_TRUE(workflow.ok());
    return workflow.ok() ? workflow.value() : Workflow();
  }

  std::int64_t CountEffects(const std::string& workflow_id) {
    auto tx = database_.db().Begin(store::TxMode::kRead);
    return tx
        ->QueryOne("SELECT COUNT(*) FROM engine_sample_effect WHERE workflow_id = ?", {workflow_id})
        ->Int(0);
  }

  /// A commit callback that leaves a row in engine_sample_effect.
  static CommitFn Effect(const std::string& workflow_id, const std::string& step) {
    return [workflow_id, step](store::Tx& tx) {
      tx.Exec(
          "INSERT INTO engine_sample_effect (workflow_id, step_name, created_at) "
          "VALUES (?, ?, 0)",
          {workflow_id, step});
    };
  }

  slipway::testing::TestDatabase database_ = slipway::testing::OpenTestDatabase();
  core::SimulatedClock clock_;
};

}  // namespace slipway::engine
