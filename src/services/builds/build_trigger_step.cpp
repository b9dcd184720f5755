// The build workflow's first step: make sure the job exists, then ask Jenkins
// to build exactly once.
#include <boost/json.hpp>

#include "engine/fail_point.hpp"
#include "services/builds/build_addresses.hpp"
#include "services/builds/build_steps.hpp"
#include "services/platform/audit_log.hpp"
#include "store/build_repository.hpp"

namespace slipway::services::build_steps {

namespace {

using engine::StepOutcome;

struct JobState {
  std::int64_t last_build = 0;  ///< the job's newest build number before this trigger
  bool created = false;
};

// Creates the folders above `path` that do not exist yet. A folder created
// meanwhile by someone else is as good as our own.
core::Status EnsureFolders(connectors::Jenkins& jenkins, const std::string& path) {
  for (auto slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
    const std::string folder = path.substr(0, slash);
    auto item = jenkins.GetItem(folder);
    if (item.ok()) continue;
    if (item.error().code != core::Code::kNotFound) return item.error();
    auto created = jenkins.CreateFolder(folder);
    if (!created.ok() && created.error().code != core::Code::kInvalid) return created.error();
  }
  return core::Ok{};
}

// The job as it is now: created from the standard config.xml when missing
// and allowed; a job that lacks one of the build parameters is refused, as
// Jenkins would silently drop them and build the wrong thing.
core::Result<JobState> EnsureJob(const StepEnv& env, const core::App& app,
                                 const std::string& path) {
  connectors::Jenkins& jenkins = *env.connections.jenkins;
  auto item = jenkins.GetItem(path);
  JobState state;
  if (!item.ok() && item.error().code == core::Code::kNotFound &&
      env.settings.create_missing_jobs) {
    auto folders = EnsureFolders(jenkins, path);
    if (!folders.ok()) return folders.error();
    auto created = jenkins.CreateJob(path, StandardJobXml(app));
    // kInvalid: the name was taken meanwhile (another run of this step).
    if (!created.ok() && created.error().code != core::Code::kInvalid) return created.error();
    state.created = created.ok();
    item = jenkins.GetItem(path);
  }
  if (!item.ok()) {
    if (item.error().code != core::Code::kNotFound) return item.error();
    return core::Invalid("Jenkins job " + path +
                         " does not exist: create it, set the application's build job, "
                         "or turn on builds.create_missing_jobs");
  }
  if (item->is_folder) return core::Invalid("Jenkins item " + path + " is a folder, not a job");
  std::string missing;
  for (const auto& name : BuildParameterNames()) {
    bool defined = false;
    for (const auto& p : item->parameters) defined = defined || p.name == name;
    if (!defined) missing += (missing.empty() ? "" : ", ") + name;
  }
  if (!missing.empty())
    return core::Invalid("Jenkins job " + path + " does not define the parameters " + missing);
  state.last_build = item->last_build.value_or(0);
  return state;
}

// A previous run recorded that it was about to trigger, and no queue id
// followed: it died between sending and committing, or the request's answer
// was lost. Jenkins may or may not have queued the build. Triggering again
// could build twice, so look for the build instead, for a while.
StepOutcome Recover(engine::StepContext& ctx, const StepEnv& env, const core::Build& build) {
  auto found = FindTriggeredBuild(*env.connections.jenkins, build);
  boost::json::object scratch =
      ctx.scratch.is_object() ? ctx.scratch.as_object() : boost::json::object();
  if (!found.ok())
    return Outage(ctx, env, build, std::move(scratch), found.error(),
                  "looking for the triggered build");
  if (*found) return Adopt(ctx, build, **found, {{"adopted", true}});
  if (!build.cancel_requested_by.empty()) {
    return EndBuild(
        ctx, build, core::BuildEvent::kCancelled,
        "cancelled by " + build.cancel_requested_by + "; Jenkins never confirmed the trigger");
  }
  if (ctx.clock->Now() - *build.trigger_sent_at < env.settings.trigger_recovery_ms) {
    return PollAgain(ctx, env, std::move(scratch));
  }
  return EndBuild(ctx, build, core::BuildEvent::kFailed,
                  "Jenkins never confirmed the trigger of " + build.job_path + " and no build of " +
                      build.image +
                      " appeared; Slipway does not trigger twice. Check the job, delete this build "
                      "and start again");
}

StepOutcome Queued(const engine::StepContext& ctx, const core::Build& build, std::int64_t queue_id,
                   bool job_created) {
  return engine::Succeeded({{"queue_id", queue_id}, {"job_created", job_created}})
      .WithCommit([clock = ctx.clock, workflow = ctx.workflow_id, id = build.id, queue_id,
                   job_created, job = build.job_path](store::Tx& tx) {
        store::builds::SetQueueId(tx, id, queue_id, clock->Now());
        if (job_created) {
          RecordAudit(tx, *clock, {{0, "slipway", core::Role::kAdmin}, workflow},
                      "build.job_create", "build", std::to_string(id),
                      "created the Jenkins job " + job + " from the standard config.xml");
        }
      });
}

}  // namespace

StepOutcome TriggerStep(engine::StepContext& ctx, const StepEnv& env) {
  auto build = LoadBuild(ctx);
  if (!build || core::IsFinal(build->state)) return Skipped();
  if (!Configured(env.connections.jenkins))
    return engine::Terminal(NotConfigured("jenkins").message);
  if (build->trigger_sent_at) return Recover(ctx, env, *build);
  if (!build->cancel_requested_by.empty()) {
    return EndBuild(
        ctx, *build, core::BuildEvent::kCancelled,
        "cancelled by " + build->cancel_requested_by + " before Jenkins was asked to build");
  }
  const core::App app = LoadApp(ctx, build->app_id);
  auto job = EnsureJob(env, app, build->job_path);
  if (!job.ok()) {
    if (job.error().code != core::Code::kTransient) {
      return EndBuild(ctx, *build, core::BuildEvent::kFailed, job.error().message);
    }
    boost::json::object scratch =
        ctx.scratch.is_object() ? ctx.scratch.as_object() : boost::json::object();
    return Outage(ctx, env, *build, std::move(scratch), job.error(), "preparing the Jenkins job");
  }
  const bool marked = store::InTx(*ctx.db, store::TxMode::kWrite, [&](store::Tx& tx) {
    return store::builds::MarkTriggerSent(tx, build->id, ctx.clock->Now(), job->last_build);
  });
  // Another run marked it first: the next run recovers rather than trigger.
  if (!marked)
    return engine::Transient("build " + std::to_string(build->id) +
                             " is being triggered by another run");
  engine::FailPoint("build.before_trigger");
  auto queue_id =
      env.connections.jenkins->TriggerBuild(build->job_path, BuildParameters(app.name, *build));
  engine::FailPoint("build.after_trigger");
  if (queue_id.ok()) return Queued(ctx, *build, *queue_id, job->created);
  // No answer (timeout, 5xx): Jenkins may have queued it. Recover on the next run.
  if (queue_id.error().code == core::Code::kTransient) {
    return engine::SleepUntil(ctx.clock->Now() + env.settings.poll_interval_ms,
                              {{"trigger_error", queue_id.error().message}});
  }
  return EndBuild(ctx, *build, core::BuildEvent::kFailed,
                  "Jenkins refused to build " + build->job_path + ": " + queue_id.error().message);
}

}  // namespace slipway::services::build_steps
