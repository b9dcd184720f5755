// Publishing a configuration draft: the backend first, then the record.
//
// The backend write and Slipway's record cannot share a transaction. The
// write comes first, so a record never claims a publish that did not
// happen. If the record then fails (the database is down), the value is
// live but unrecorded and the draft stays; publishing it again finds the
// live value equal to the draft and records the publish without writing
// again ("written": false), so nothing is lost and nothing written twice.
#include <boost/json.hpp>

#include "services/config/config_errors.hpp"
#include "services/config/config_service.hpp"
#include "services/platform/audit_log.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

Result<store::ConfigPublish> ConfigService::Publish(const RequestContext& ctx,
                                                    const std::string& env, const std::string& name,
                                                    const Parsed<PublishCommand>& command) {
  auto loaded = Load(ctx, env, name, true);
  if (!loaded.ok()) return loaded.error();
  if (!command.ok()) return command.error();
  const auto& comment = command->comment;
  if (!loaded->draft) return core::NotFound("there is no draft of " + name + " to publish");
  const auto& draft = *loaded->draft;
  auto files = Open(loaded->scope);
  if (!files.ok()) return files.error();
  if (auto ok = CheckContent(**files, name, draft.content); !ok.ok()) return ok.error();

  auto live = (*files)->Read(name);
  if (!live.ok()) return BackendError(**files, live.error());
  const bool same = live->exists && live->content == draft.content;
  if (live->version != draft.base_version) {
    // Already live: an earlier publish whose record was lost, or someone
    // published the same value. Record it; write nothing.
    if (same)
      return Record(ctx, loaded->scope, draft, **files, *live, live->version, false, comment);
    return LiveChanged(name, draft, *live);
  }
  if (same) {
    return core::Conflict(
        "nothing to publish: the draft of " + name + " equals the live value; discard it",
        {{"reason", "no_change"}});
  }
  auto version_after =
      (*files)->Write(name, draft.content, draft.base_version,
                      {ctx.caller.username, comment, ReleaseTitle(clock_.Now(), "-slipway")});
  if (!version_after.ok()) {
    const auto& error = version_after.error();
    if (error.code != core::Code::kConflict || error.details.contains("reason")) {
      return BackendError(**files, error);
    }
    // The conditional write found another version: say which.
    auto now = (*files)->Read(name);
    if (!now.ok()) return error;
    return LiveChanged(name, draft, *now);
  }
  return Record(ctx, loaded->scope, draft, **files, *live, *version_after, true, comment);
}

store::ConfigPublish ConfigService::NewRecord(const RequestContext& ctx, const Scope& scope,
                                              const ConfigFiles& files, const std::string& file,
                                              const std::string& comment, bool written) const {
  store::ConfigPublish p;
  p.env_id = scope.env.id;
  p.app_id = scope.app_id;
  p.file_name = file;
  p.format = std::string(core::ConfigFormatName(core::ConfigFormatOf(file)));
  p.backend = std::string(core::ConfigBackendName(files.backend()));
  p.location = files.Location(file);
  p.actor = ctx.caller.username;
  p.comment = comment;
  p.written = written;
  p.created_at = clock_.Now();
  return p;
}

Result<store::ConfigPublish> ConfigService::Record(const RequestContext& ctx, const Scope& scope,
                                                   const store::ConfigDraft& draft,
                                                   const ConfigFiles& files, const LiveFile& before,
                                                   std::int64_t version_after, bool written,
                                                   const std::string& comment) {
  auto p = NewRecord(ctx, scope, files, draft.file_name, comment, written);
  p.base_version = draft.base_version;
  p.version_after = version_after;
  p.content = draft.content;
  p.diff = boost::json::serialize(ConfigDiffJson(DiffOf(draft.file_name, draft, before)));
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<store::ConfigPublish> {
    p.id = store::config_files::InsertPublish(tx, p);
    // A draft edited since this publish began stays, based on the old live
    // version: publishing it will be refused until it is rebased.
    store::config_files::DeleteDraft(tx, scope.env.id, draft.file_name, draft.version);
    RecordAudit(tx, clock_, ctx, "config.publish", "environment", std::to_string(scope.env.id),
                (written ? "published " : "recorded the already live ") + draft.file_name + " to " +
                    p.backend + " " + p.location + " (version " + std::to_string(before.version) +
                    " → " + std::to_string(version_after) + ")");
    return p;
  });
}

}  // namespace slipway::services
