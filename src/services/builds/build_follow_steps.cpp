// The build workflow after the trigger: queue item → build → console and
// result → image digest. Once Jenkins has the build, every failure to reach
// it (or the registry) is waited out for settings.outage_ms rather than
// ending the build at once: the build goes on in Jenkins meanwhile.
#include <algorithm>
#include <boost/json.hpp>
#include <tuple>
#include <utility>

#include "connectors/registry/image_reference.hpp"
#include "core/builds/build_console.hpp"
#include "services/builds/build_steps.hpp"
#include "store/build_repository.hpp"

namespace slipway::services::build_steps {

namespace {

using engine::StepOutcome;

boost::json::object ScratchOf(const engine::StepContext& ctx) {
  return ctx.scratch.is_object() ? ctx.scratch.as_object() : boost::json::object();
}

bool Flag(const boost::json::object& scratch, const char* name) {
  const auto* v = scratch.if_contains(name);
  return v && v->is_bool() && v->get_bool();
}

std::string CancelReason(const core::Build& build, const std::string& otherwise) {
  return build.cancel_requested_by.empty() ? otherwise
                                           : "cancelled by " + build.cancel_requested_by;
}

// Reads the console from where the stored log ends and stores what is new.
// Returns whether Jenkins will write more.
// Past builds.log_max_bytes the pieces are stored empty: the offsets go on,
// so the console is still followed to its end.
core::Result<bool> CopyConsole(const engine::StepContext& ctx, connectors::Jenkins& jenkins,
                               const core::Build& build, std::int64_t cap) {
  const auto [from, stored] = store::InTx(*ctx.db, store::TxMode::kRead, [&](store::Tx& tx) {
    return std::pair{store::builds::LogEnd(tx, build.id),
                     store::builds::StoredLogBytes(tx, build.id)};
  });
  auto chunk = jenkins.ReadConsole(build.job_path, *build.build_number, from);
  if (!chunk.ok()) return chunk.error();
  // While the build writes, a character cut in two is left for the next read.
  const std::size_t keep = chunk->more ? core::CompleteUtf8Prefix(chunk->text) : chunk->text.size();
  if (keep > 0) {
    const std::int64_t end =
        keep == chunk->text.size() ? chunk->next_start : from + static_cast<std::int64_t>(keep);
    const std::string text = core::CappedConsolePiece(
        stored, core::ConsoleText(std::string_view(chunk->text).substr(0, keep)), cap);
    try {
      store::InTx(*ctx.db, store::TxMode::kWrite,
                  [&](store::Tx& tx) { store::builds::AppendLog(tx, build.id, from, end, text); });
    } catch (const store::UniqueViolation&) {
      // A concurrent run stored the same piece: the log is as it should be.
    }
  }
  return chunk->more;
}

// The build has a result and its console is complete: record how it ended.
// The last bytes of the console Jenkins has, for the failure's reason when
// the stored log stopped at builds.log_max_bytes (errors come last).
constexpr std::int64_t kTailBytes = 64 * 1024;

StepOutcome Finished(const engine::StepContext& ctx, const StepEnv& env, const core::Build& build,
                     const connectors::JenkinsBuild& run) {
  auto [console, end, stored] = store::InTx(*ctx.db, store::TxMode::kRead, [&](store::Tx& tx) {
    auto log = store::builds::ReadLog(tx, build.id, 0);
    return std::tuple{std::move(log.text), log.end, store::builds::StoredLogBytes(tx, build.id)};
  });
  if (stored >= env.settings.log_max_bytes && run.result != "SUCCESS") {
    auto tail = env.connections.jenkins->ReadConsole(build.job_path, run.number,
                                                     std::max<std::int64_t>(0, end - kTailBytes));
    if (tail.ok()) console += "\n" + core::ConsoleText(tail->text);
  }
  const std::string result = *run.result;
  auto commit = core::FindReportedCommit(console, run.parameters);
  engine::CommitFn record = [id = build.id, result, commit, now = ctx.clock->Now()](store::Tx& tx) {
    store::builds::SetJenkinsResult(tx, id, result, now);
    if (commit) store::builds::SetCommit(tx, id, *commit, now);
  };
  if (result == "SUCCESS")
    return engine::Succeeded({{"result", result}}).WithCommit(std::move(record));
  if (result == "ABORTED") {
    return EndBuild(ctx, build, core::BuildEvent::kCancelled,
                    CancelReason(build, "aborted in Jenkins"), "", std::move(record));
  }
  // FAILURE, UNSTABLE, NOT_BUILT: the image (if pushed at all) is not to be trusted.
  const auto error = core::LastErrorLine(console);
  return EndBuild(ctx, build, core::BuildEvent::kFailed,
                  "Jenkins build #" + std::to_string(run.number) + " ended " + result +
                      (error ? ": " + *error : ""),
                  "", std::move(record));
}

}  // namespace

StepOutcome QueueStep(engine::StepContext& ctx, const StepEnv& env) {
  auto build = LoadBuild(ctx);
  // Adopted by the trigger step's recovery: already running.
  if (!build || core::IsFinal(build->state) || build->build_number) return Skipped();
  if (!build->queue_id)
    return engine::Terminal("build " + std::to_string(build->id) + " has no queue item");
  // The configuration may have changed since the build started.
  if (!Configured(env.connections.jenkins))
    return engine::Terminal(NotConfigured("jenkins").message);
  connectors::Jenkins& jenkins = *env.connections.jenkins;
  boost::json::object scratch = ScratchOf(ctx);
  auto item = jenkins.GetQueueItem(*build->queue_id);
  if (!item.ok() && item.error().code == core::Code::kNotFound) {
    // Jenkins forgets items some minutes after they leave (and on restart):
    // find the build by its parameters instead.
    auto found = FindTriggeredBuild(jenkins, *build);
    if (!found.ok()) return Outage(ctx, env, *build, std::move(scratch), found.error(), "Jenkins");
    if (*found) return Adopt(ctx, *build, **found, {{"queue_item_forgotten", true}});
    return EndBuild(ctx, *build, core::BuildEvent::kFailed,
                    "Jenkins forgot queue item " + std::to_string(*build->queue_id) +
                        " and has no build of " + build->image);
  }
  if (!item.ok()) return Outage(ctx, env, *build, std::move(scratch), item.error(), "Jenkins");
  if (item->build_number) return Adopt(ctx, *build, *item->build_number, {});
  if (item->cancelled) {
    return EndBuild(ctx, *build, core::BuildEvent::kCancelled,
                    CancelReason(*build, "the queue item was cancelled in Jenkins"));
  }
  if (!build->cancel_requested_by.empty() && !Flag(scratch, "cancel_sent")) {
    auto cancelled = jenkins.CancelQueueItem(*build->queue_id);
    // kNotFound / kConflict: it left the queue meanwhile; the next poll tells how.
    if (cancelled.ok() || cancelled.error().code != core::Code::kTransient)
      scratch["cancel_sent"] = true;
  }
  scratch["why"] = item->why;
  return PollAgain(ctx, env, std::move(scratch));
}

StepOutcome FollowStep(engine::StepContext& ctx, const StepEnv& env) {
  auto build = LoadBuild(ctx);
  if (!build || core::IsFinal(build->state)) return Skipped();
  if (!build->build_number)
    return engine::Terminal("build " + std::to_string(build->id) + " has no Jenkins build");
  // The configuration may have changed since the build started.
  if (!Configured(env.connections.jenkins))
    return engine::Terminal(NotConfigured("jenkins").message);
  connectors::Jenkins& jenkins = *env.connections.jenkins;
  boost::json::object scratch = ScratchOf(ctx);
  if (!build->cancel_requested_by.empty() && !Flag(scratch, "stop_sent")) {
    auto stopped = jenkins.StopBuild(build->job_path, *build->build_number);
    if (stopped.ok() || stopped.error().code != core::Code::kTransient) scratch["stop_sent"] = true;
  }
  auto more = CopyConsole(ctx, jenkins, *build, env.settings.log_max_bytes);
  if (!more.ok()) return Outage(ctx, env, *build, std::move(scratch), more.error(), "Jenkins");
  if (*more) return PollAgain(ctx, env, std::move(scratch));
  auto run = jenkins.GetBuild(build->job_path, *build->build_number);
  if (!run.ok()) return Outage(ctx, env, *build, std::move(scratch), run.error(), "Jenkins");
  if (!run->result) return PollAgain(ctx, env, std::move(scratch));
  return Finished(ctx, env, *build, *run);
}

StepOutcome DigestStep(engine::StepContext& ctx, const StepEnv& env) {
  auto build = LoadBuild(ctx);
  if (!build || core::IsFinal(build->state)) return Skipped();
  if (!Configured(env.connections.registry))
    return engine::Terminal(NotConfigured("registry").message);
  auto reference = connectors::registry::ParseImageReference(build->image);
  if (!reference.ok())
    return EndBuild(ctx, *build, core::BuildEvent::kFailed, reference.error().message);
  auto manifest = env.connections.registry->HeadManifest(reference->repository, reference->tag);
  if (manifest.ok())
    return EndBuild(ctx, *build, core::BuildEvent::kSucceeded, "", manifest->digest);
  if (manifest.error().code == core::Code::kNotFound) {
    return EndBuild(ctx, *build, core::BuildEvent::kFailed,
                    "the job succeeded but " + build->image +
                        " is not in the registry: " + manifest.error().message);
  }
  return Outage(ctx, env, *build, ScratchOf(ctx), manifest.error(), "the registry");
}

}  // namespace slipway::services::build_steps
