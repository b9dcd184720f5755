#include "services/builds/build_workflow.hpp"

#include <boost/json.hpp>

#include "engine/outage.hpp"
#include "services/builds/build_steps.hpp"
#include "services/platform/audit_log.hpp"
#include "store/app_repository.hpp"
#include "store/build_repository.hpp"

namespace slipway::services {

namespace build_steps {

namespace {

// Operation records of what the workflow does carry its id as the request id.
RequestContext SystemContext(const engine::StepContext& ctx) {
  return {{0, "slipway", core::Role::kAdmin}, ctx.workflow_id};
}

std::int64_t BuildIdOf(const engine::StepContext& ctx) {
  return ctx.input.as_object().at("build_id").to_number<std::int64_t>();
}

// How many of a job's newest builds are searched for an adopted trigger:
// Slipway's own build is among the first few after the one it saw last.
constexpr std::int64_t kAdoptScanLimit = 50;

}  // namespace

std::optional<core::Build> LoadBuild(const engine::StepContext& ctx) {
  return store::InTx(*ctx.db, store::TxMode::kRead,
                     [&](store::Tx& tx) { return store::builds::Get(tx, BuildIdOf(ctx)); });
}

core::App LoadApp(const engine::StepContext& ctx, std::int64_t app_id) {
  auto app = store::InTx(*ctx.db, store::TxMode::kRead,
                         [&](store::Tx& tx) { return store::apps::Get(tx, app_id); });
  // Applications are never deleted; a missing one is a broken database.
  if (!app)
    throw std::runtime_error("application " + std::to_string(app_id) + " of a build is missing");
  return std::move(*app);
}

engine::StepOutcome Skipped() { return engine::Succeeded({{"skipped", true}}); }

engine::StepOutcome EndBuild(const engine::StepContext& ctx, const core::Build& build,
                             core::BuildEvent event, std::string reason, std::string digest,
                             engine::CommitFn also) {
  auto to = core::NextBuildState(build.state, event);
  if (!to.ok()) return engine::Terminal(to.error().message);
  const std::string state(core::BuildStateName(*to));
  store::builds::Ending ending{build.state, *to, reason, digest, ctx.clock->Now()};
  std::string summary = "build " + build.version + " " + state +
                        (reason.empty() ? "" : ": " + reason) +
                        (digest.empty() ? "" : " (" + digest + ")");
  return engine::Succeeded({{"ended", state}})
      .WithCommit([ctx_audit = SystemContext(ctx), clock = ctx.clock, id = build.id, ending,
                   summary, also, state](store::Tx& tx) {
        if (also) also(tx);
        // Only this workflow moves a build's state, so it is where the step left it.
        if (!store::builds::End(tx, id, ending))
          throw std::runtime_error("build " + std::to_string(id) + " moved");
        RecordAudit(tx, *clock, ctx_audit, "build." + state, "build", std::to_string(id), summary);
      });
}

engine::StepOutcome Adopt(const engine::StepContext& ctx, const core::Build& build,
                          std::int64_t build_number, boost::json::object output) {
  if (auto next = core::NextBuildState(build.state, core::BuildEvent::kStarted); !next.ok()) {
    return engine::Terminal(next.error().message);
  }
  output["build_number"] = build_number;
  return engine::Succeeded(std::move(output))
      .WithCommit([ctx_audit = SystemContext(ctx), clock = ctx.clock, id = build.id, build_number,
                   job = build.job_path](store::Tx& tx) {
        if (!store::builds::MarkStarted(tx, id, build_number, clock->Now())) {
          throw std::runtime_error("build " + std::to_string(id) + " is not queued any more");
        }
        RecordAudit(tx, *clock, ctx_audit, "build.running", "build", std::to_string(id),
                    "Jenkins build #" + std::to_string(build_number) + " of " + job);
      });
}

engine::StepOutcome Outage(const engine::StepContext& ctx, const StepEnv& env,
                           const core::Build& build, boost::json::object scratch,
                           const core::Error& error, const std::string& what) {
  // Polled at the usual pace: a build only ever waits on Jenkins and the registry.
  const engine::OutagePolicy policy{.window_ms = env.settings.outage_ms,
                                    .first_delay_ms = env.settings.poll_interval_ms,
                                    .max_delay_ms = env.settings.poll_interval_ms};
  const core::Millis now = ctx.clock->Now();
  if (auto retry = engine::RideOutOutage(policy, now, scratch, error)) return *std::move(retry);
  return EndBuild(ctx, build, core::BuildEvent::kFailed,
                  engine::OutageReport(scratch, now, what, error));
}

engine::StepOutcome PollAgain(const engine::StepContext& ctx, const StepEnv& env,
                              boost::json::object scratch) {
  engine::EndOutage(scratch);
  return engine::SleepUntil(ctx.clock->Now() + env.settings.poll_interval_ms, std::move(scratch));
}

core::Result<std::optional<std::int64_t>> FindTriggeredBuild(connectors::Jenkins& jenkins,
                                                             const core::Build& build) {
  auto item = jenkins.GetItem(build.job_path);
  if (!item.ok()) return item.error();
  const std::int64_t last = item->last_build.value_or(0);
  const std::int64_t first = std::max(build.last_build_before + 1, last - kAdoptScanLimit + 1);
  for (std::int64_t n = last; n >= first; --n) {
    auto candidate = jenkins.GetBuild(build.job_path, n);
    if (!candidate.ok()) {
      if (candidate.error().code == core::Code::kNotFound)
        continue;  // discarded by the job's retention
      return candidate.error();
    }
    auto image = candidate->parameters.find("IMAGE");
    // IMAGE names the application and the version, unique per application.
    if (image != candidate->parameters.end() && image->second == build.image)
      return std::optional(n);
  }
  return std::optional<std::int64_t>();
}

}  // namespace build_steps

void RegisterBuildWorkflow(engine::Registry& registry, const Connections& connections,
                           BuildSettings settings) {
  auto env = std::make_shared<build_steps::StepEnv>(
      build_steps::StepEnv{connections, std::move(settings)});
  auto step = [env](engine::StepOutcome (*fn)(engine::StepContext&, const build_steps::StepEnv&)) {
    return [env, fn](engine::StepContext& ctx) { return fn(ctx, *env); };
  };
  registry.Add({kBuildWorkflow,
                {{"trigger", step(build_steps::TriggerStep)},
                 {"queue", step(build_steps::QueueStep)},
                 {"follow", step(build_steps::FollowStep)},
                 {"digest", step(build_steps::DigestStep)}}});
}

}  // namespace slipway::services
