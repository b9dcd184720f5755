#pragma once
// Delivering notices durably: one `notify` workflow per notice and target,
// so a target that keeps failing is retried (or fails) on its own.
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/common/clock.hpp"
#include "engine/engine.hpp"
#include "engine/registry.hpp"
#include "services/notifications/notices.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/secret_box.hpp"

namespace slipway::services {

inline constexpr const char* kNotifyWorkflow = "notify";

/// The channel of one ChannelNotice scope, looked up by key in a read
/// transaction on every attempt (so a corrected channel helps a retry, and
/// no URL or secret sits in the workflow's input). nullopt: there is none
/// any more, and the delivery is skipped.
using ChannelLookup = std::function<core::Result<std::optional<NotifierChannel>>(
    store::Tx& tx, const std::string& key)>;
/// Lookups by scope ("lane").
using ChannelLookups = std::map<std::string, ChannelLookup, std::less<>>;

/// Registers the `notify` kind. Its one step, `deliver`, loads the target
/// (a target removed meanwhile is skipped) and opens its URL and secret, or
/// looks a ChannelNotice's channel up in `channels`, and sends through
/// `connections.notifier`: transient failures are retried by the engine;
/// others end the workflow failed with the reason. Each attempt is recorded
/// on the delivery, in the step's commit.
void RegisterNotifyWorkflow(engine::Registry& registry, const SecretBox& secrets,
                            const Connections& connections, ChannelLookups channels = {});

/// The Notices of `serve`. Enqueue starts, in the caller's transaction, one
/// `notify` workflow per target of the application and of its team that
/// takes the notice's kind (a URL configured in both gets it once), and
/// records the delivery; EnqueueToChannel one workflow and delivery.
class EngineNotices final : public Notices {
 public:
  EngineNotices(engine::Engine& engine, const core::Clock& clock, const SecretBox& secrets)
      : engine_(engine), clock_(clock), secrets_(secrets) {}
  void Enqueue(store::Tx& tx, const Notice& notice) override;
  void EnqueueToChannel(store::Tx& tx, const ChannelNotice& notice) override;

 private:
  engine::Engine& engine_;
  const core::Clock& clock_;
  const SecretBox& secrets_;
};

}  // namespace slipway::services
