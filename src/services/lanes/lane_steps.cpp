#include "services/lanes/lane_steps.hpp"

#include "core/common/json_path.hpp"
#include "store/lane_repository.hpp"

namespace slipway::services::lanes {

std::int64_t InputInt(const engine::StepContext& ctx, const char* key) {
  return core::IntAt(ctx.input, {key});
}

std::string InputString(const engine::StepContext& ctx, const char* key) {
  return core::StringAt(ctx.input, {key});
}

std::optional<core::Lane> LoadLane(const engine::StepContext& ctx) {
  return store::InTx(*ctx.db, store::TxMode::kRead, [&](store::Tx& tx) {
    return store::lanes::Get(tx, InputInt(ctx, "lane_id"));
  });
}

core::Result<std::shared_ptr<connectors::Kubernetes>> LaneCluster(const LaneWorkflowDeps& deps,
                                                                  const core::Lane& lane) {
  return deps.clusters.Client(lane.cluster_id);
}

core::Result<std::optional<AppScope>> LoadAppScope(const engine::StepContext& ctx,
                                                   const LaneWorkflowDeps& deps) {
  auto scope = store::InTx(
      *ctx.db, store::TxMode::kRead, [&](store::Tx& tx) -> core::Result<std::optional<AppScope>> {
        auto lane = store::lanes::Get(tx, InputInt(ctx, "lane_id"));
        if (!lane) return std::optional<AppScope>();
        const auto app_id = InputInt(ctx, "app_id");
        core::Lane only = *lane;
        std::erase_if(only.apps, [&](const core::LaneApp& a) { return a.spec.app_id != app_id; });
        if (only.apps.empty()) return std::optional<AppScope>();
        auto apps = LoadApps(tx, only);
        if (!apps.ok()) return apps.error();
        return std::optional<AppScope>(
            AppScope{std::move(*lane), std::move(apps->front()), nullptr});
      });
  if (!scope.ok() || !*scope) return scope;
  auto kube = LaneCluster(deps, (*scope)->lane);
  if (!kube.ok()) return kube.error();
  (*scope)->kube = std::move(*kube);
  return scope;
}

std::optional<engine::StepOutcome> EnterAppStep(const engine::StepContext& ctx,
                                                const LaneWorkflowDeps& deps, AppScope& scope) {
  auto loaded = LoadAppScope(ctx, deps);
  if (!loaded.ok()) return Failed(loaded.error(), "the lane's application");
  if (!*loaded) return engine::Succeeded(boost::json::object{{"skipped", "not in the lane"}});
  scope = std::move(**loaded);
  return std::nullopt;
}

engine::StepOutcome Failed(const core::Error& error, const std::string& what) {
  std::string message = what + ": " + error.message;
  if (error.code == core::Code::kTransient || error.code == core::Code::kTooManyRequests) {
    return engine::Transient(std::move(message));
  }
  return engine::Terminal(std::move(message));
}

engine::StepOutcome Done(const std::string& what, bool created, boost::json::object extra) {
  extra["artefact"] = what;
  extra["created"] = created;
  return engine::Succeeded(std::move(extra));
}

}  // namespace slipway::services::lanes
