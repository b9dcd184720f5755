// The finish step of a release: the configuration a rollback puts back
// (R-CFG-3), then the environment's config files read into the new baseline,
// committed with the release's completion.
//
// Restoring is a conditional write on the live version the rollback plan saw,
// so a file changed since is never overwritten (the release fails naming it).
// A step that runs again after a crash reads each file first: one already
// holding the baseline's content is not written again.
#include <boost/json.hpp>

#include "core/config/config_file.hpp"
#include "engine/fail_point.hpp"
#include "services/platform/crypto.hpp"
#include "services/releases/release_runner.hpp"
#include "store/baseline_config_repository.hpp"

namespace slipway::services {

namespace json = boost::json;
using engine::StepOutcome;
using ConfigRestoreDone = ReleaseRunner::ConfigRestoreDone;
using FinishedConfig = ReleaseRunner::FinishedConfig;

namespace {

std::int64_t ReleaseIdOf(const engine::StepContext& ctx) {
  return ctx.input.at("release_id").as_int64();
}

// The rollback's files, each with the baseline content it restores.
struct Restore {
  store::RollbackConfigFile file;
  std::optional<std::string> content;
};

std::vector<Restore> LoadRestores(store::Database& db, std::int64_t release_id) {
  return store::InTx(db, store::TxMode::kRead, [&](store::Tx& tx) {
    std::vector<Restore> out;
    for (auto& f : store::rollback_config::List(tx, release_id)) {
      Restore r{f, std::nullopt};
      for (auto& b : store::baseline_config::Files(tx, f.baseline_id)) {
        if (b.name == f.file_name) r.content = std::move(b.content);
      }
      out.push_back(std::move(r));
    }
    return out;
  });
}

core::Status RestoreConfig(const ReleaseRunner::Loaded& l, ConfigFiles& files,
                           const std::vector<Restore>& restores, FinishedConfig& out) {
  // Every file is checked before any is written: a file changed since the
  // plan stops the restore before it begins, not half-way.
  std::vector<LiveFile> live;
  for (const auto& r : restores) {
    auto now = files.Read(r.file.file_name);
    if (!now.ok()) return now.error();
    const bool in_place = now->exists && Sha256Hex(now->content) == r.file.target_hash;
    if (!in_place && now->version != r.file.expected_version) {
      return core::Conflict(
          r.file.file_name + " changed since the rollback plan (version " +
              std::to_string(r.file.expected_version) + " then, " + std::to_string(now->version) +
              " now); the image is rolled back, the configuration is not: look at the file and "
              "plan the rollback again",
          {{"file", r.file.file_name}});
    }
    if (!in_place && !r.content) {
      return core::Conflict("baseline content of " + r.file.file_name + " is gone",
                            {{"file", r.file.file_name}});
    }
    live.push_back(std::move(*now));
  }
  for (std::size_t i = 0; i < restores.size(); ++i) {
    auto file = restores[i].file;
    const auto& now = live[i];
    ConfigRestoreDone done{file, files.backend(), files.Location(file.file_name), now, false, ""};
    if (now.exists && Sha256Hex(now.content) == file.target_hash) {
      // Equal already: in place when the plan was made, or written by this step before a crash.
      done.file.outcome = now.version == file.expected_version ? "unchanged" : "restored";
      done.file.version_after = now.version;
    } else {
      PublishMeta meta{l.release.started_by,
                       "rollback " + std::to_string(l.release.id) + " (Slipway)",
                       "rollback-" + std::to_string(l.release.id)};
      auto version = files.Write(file.file_name, *restores[i].content, file.expected_version, meta);
      if (!version.ok()) return version.error();
      engine::FailPoint("release.after_config_write");
      done.file.outcome = "restored";
      done.file.version_after = *version;
      done.written = true;
      done.content = *restores[i].content;
    }
    out.restores.push_back(std::move(done));
  }
  return core::Ok{};
}

}  // namespace

StepOutcome ReleaseRunner::Finish(engine::StepContext& ctx) {
  auto l = Load(ReleaseIdOf(ctx));
  if (!l)
    return engine::Terminal("release " + std::to_string(ReleaseIdOf(ctx)) +
                            " or its environment is gone");
  watcher_->Stop(l->release.id);
  json::object scratch = ctx.scratch.is_object() ? ctx.scratch.as_object() : json::object{};
  FinishedConfig config;
  auto restores = LoadRestores(db_, l->release.id);
  auto files = config_.Open(l->app, l->env, l->cluster);
  if (!files.ok() && restores.empty() && files.error().code != core::Code::kTransient) {
    config.note =
        "configuration not recorded: " + files.error().message;  // no backend for this environment
  } else {
    auto done =
        files.ok() ? RestoreConfig(*l, **files, restores, config) : core::Status(files.error());
    if (done.ok()) {
      auto snapshot = config_.Snapshot(**files);
      if (snapshot.ok()) {
        config.recorded = true;
        config.files = std::move(*snapshot);
      } else {
        done = snapshot.error();
      }
    }
    if (!done.ok()) {
      const auto& error = done.error();
      if (error.code != core::Code::kTransient) return Abandon(*l, nullptr, error.message, false);
      if (auto retry = engine::RideOutOutage(settings_.outage(), clock_.Now(), scratch, error)) {
        return *std::move(retry);
      }
      // The image is in place: a restore that cannot be done fails the
      // release; a baseline that cannot read the files goes without them.
      if (!restores.empty()) {
        return Abandon(*l, nullptr, "the config backend kept failing: " + error.message, false);
      }
      config.note = "configuration not recorded: " + error.message;
    }
  }
  return engine::Succeeded().WithCommit([this, l = std::move(*l), config = std::move(config)](
                                            store::Tx& tx) { CommitCompleted(tx, l, config); });
}

}  // namespace slipway::services
