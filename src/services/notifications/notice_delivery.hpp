#pragma once
// Delivering notices durably: one `notify` workflow per notice and target,
// so a target that keeps failing is retried (or fails) on its own.
#include "core/common/clock.hpp"
#include "engine/engine.hpp"
#include "engine/registry.hpp"
#include "services/notifications/notices.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/secret_box.hpp"

namespace slipway::services {

inline constexpr const char* kNotifyWorkflow = "notify";

/// Registers the `notify` kind. Its one step, `deliver`, loads the target
/// (a target removed meanwhile is skipped), opens its URL and secret and
/// sends through `connections.notifier`: transient failures are retried by
/// the engine; others end the workflow failed with the reason. Each attempt
/// is recorded on the delivery, in the step's commit.
void RegisterNotifyWorkflow(engine::Registry& registry, const SecretBox& secrets,
                            const Connections& connections);

/// The Notices of `serve`. Enqueue starts, in the caller's transaction, one
/// `notify` workflow per target of the application and of its team that
/// takes the notice's kind (a URL configured in both gets it once), and
/// records the delivery.
class EngineNotices final : public Notices {
 public:
  EngineNotices(engine::Engine& engine, const core::Clock& clock, const SecretBox& secrets)
      : engine_(engine), clock_(clock), secrets_(secrets) {}
  void Enqueue(store::Tx& tx, const Notice& notice) override;

 private:
  engine::Engine& engine_;
  const core::Clock& clock_;
  const SecretBox& secrets_;
};

}  // namespace slipway::services
