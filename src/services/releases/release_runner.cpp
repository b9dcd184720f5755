#include "services/releases/release_runner.hpp"

#include <boost/json.hpp>

#include "core/environments/env_spec_json.hpp"
#include "engine/engine.hpp"
#include "services/releases/release_begin.hpp"
#include "services/releases/release_wake.hpp"
#include "store/app_repository.hpp"
#include "store/cluster_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

namespace json = boost::json;

namespace {

// A release keeps the plan it started with. Releases recorded before the
// window was part of the plan take the environment's window (`window_ms`).
std::vector<core::CanaryStep> ParsePlan(const std::string& text, core::Millis window_ms) {
  std::vector<core::CanaryStep> plan;
  const auto parsed = json::parse(text);
  for (const auto& v : parsed.as_array()) {
    const auto& o = v.as_object();
    core::CanaryStep s;
    s.canary = static_cast<int>(o.at("canary").as_int64());
    s.stable = static_cast<int>(o.at("stable").as_int64());
    const auto* window = o.if_contains("stability_window_seconds");
    s.stability_window_ms = window ? window->as_int64() * 1000 : window_ms;
    const auto& pause = o.at("pause");
    if (pause.is_object()) {
      s.pause = core::PauseKind::kTimed;
      s.pause_ms = pause.as_object().at("seconds").as_int64() * 1000;
    } else {
      s.pause = pause.as_string() == "manual" ? core::PauseKind::kManual : core::PauseKind::kNone;
    }
    plan.push_back(s);
  }
  return plan;
}

std::int64_t ReleaseIdOf(const engine::StepContext& ctx) {
  return ctx.input.at("release_id").as_int64();
}

}  // namespace

ReleaseRunner::ReleaseRunner(const ReleaseRunnerDeps& deps, ReleaseRunnerSettings settings)
    : db_(deps.db),
      clock_(deps.clock),
      clusters_(deps.clusters),
      apps_(deps.apps),
      engine_(deps.engine),
      changes_(deps.changes),
      notices_(deps.notices),
      config_(deps.config),
      settings_(settings) {
  watcher_ = std::make_unique<RolloutWatcher>([this](const std::string& workflow_id) {
    // Shutting down: StopAll ends the watches; the engine may be gone.
    return stopped_ || WakeForWatch(engine_, workflow_id);
  });
  Register();
}

ReleaseRunner::~ReleaseRunner() = default;

void ReleaseRunner::Shutdown() {
  stopped_ = true;
  watcher_->StopAll();
}

void ReleaseRunner::Register() {
  engine_.AddWorkflow({kReleaseWorkflow,
                       {{"begin", [this](engine::StepContext& c) { return Begin(c); }},
                        {"deploy", [this](engine::StepContext& c) { return Deploy(c); }},
                        {"finish", [this](engine::StepContext& c) { return Finish(c); }}}});
}

std::optional<ReleaseRunner::Loaded> ReleaseRunner::Load(std::int64_t release_id) {
  return store::InTx(db_, store::TxMode::kRead, [&](store::Tx& tx) -> std::optional<Loaded> {
    auto release = store::releases::Get(tx, release_id);
    if (!release) return std::nullopt;
    auto env = store::environments::Get(tx, release->env_id);
    auto app = env ? store::apps::Get(tx, env->app_id) : std::nullopt;
    auto cluster = env ? store::clusters::Get(tx, env->cluster_id) : std::nullopt;
    if (!env || !app || !cluster) return std::nullopt;
    Loaded l{*release,
             *env,
             *app,
             cluster->cluster,
             {},
             ParsePlan(release->plan, env->release_policy.canary.stability_window_ms),
             store::releases::Operations(tx, release_id)};
    auto spec = core::ParseEnvSpec(json::parse(release->spec).as_object());
    l.spec = spec.ok() ? *spec : env->spec;
    return l;
  });
}

core::RenderInput ReleaseRunner::Input(const Loaded& l, const std::string& track,
                                       int replicas) const {
  core::RenderInput in;
  in.app = l.app.name;
  in.env_id = l.env.id;
  in.env_type = l.env.env_type;
  in.namespace_name = l.env.namespace_name;
  in.image = l.release.image;
  in.spec = l.spec;
  in.track = track;
  in.replicas = replicas;
  return in;
}

engine::StepOutcome ReleaseRunner::Begin(engine::StepContext& ctx) {
  auto l = Load(ReleaseIdOf(ctx));
  if (!l)
    return engine::Terminal("release " + std::to_string(ReleaseIdOf(ctx)) +
                            " or its environment is gone");
  std::string recorded =
      "image in use: " + (l->release.image_before.empty() ? "none" : l->release.image_before) +
      "; baseline version " + std::to_string(l->release.baseline_before);
  return engine::Succeeded().WithCommit([this, id = l->release.id, recorded](store::Tx& tx) {
    CommitState(tx, id, core::ReleaseState::kReleasing);
    CommitDisplay(tx, id, 0, "succeeded", recorded);
  });
}

engine::StepOutcome ReleaseRunner::Deploy(engine::StepContext& ctx) {
  auto l = Load(ReleaseIdOf(ctx));
  if (!l)
    return engine::Terminal("release " + std::to_string(ReleaseIdOf(ctx)) +
                            " or its environment is gone");
  if (const auto* scope = ctx.input.as_object().if_contains("scope"); scope && *scope == "config") {
    // A configuration-only rollback leaves the pods alone.
    return engine::Succeeded().WithCommit([this, id = l->release.id](store::Tx& tx) {
      CommitDisplay(tx, id, 1, "skipped", "skipped: configuration only, the pods keep running");
    });
  }
  json::object scratch = ctx.scratch.is_object() ? ctx.scratch.as_object() : json::object{};
  auto kube = clusters_.Client(l->cluster.id);
  if (!kube.ok()) return Retry(*l, std::move(scratch), kube.error());
  watcher_->Ensure(l->release.id, l->release.workflow_id, *kube, l->env.namespace_name,
                   core::PodSelector(l->app.name, l->env.env_type));
  // An abort asked for since the last run wins over everything else.
  const std::int64_t seen = scratch.contains("seen_op") ? scratch.at("seen_op").as_int64() : 0;
  for (const auto& op : l->operations) {
    if (op.id > seen && op.kind == "abort") {
      return Abandon(*l, kube->get(), "aborted by " + op.actor, true);
    }
  }
  return l->release.strategy == core::ReleaseStrategy::kCanary
             ? DeployCanary(ctx, *l, **kube, std::move(scratch))
             : DeployOneShot(ctx, *l, **kube, std::move(scratch));
}

}  // namespace slipway::services
