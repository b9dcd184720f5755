// Deleting a live configuration file: the backend first, then the record,
// for the reasons config_publish.cpp gives.
//
// What "deleted" means:
// - Consul: the key is gone (DELETE ?cas=<ModifyIndex>, so a value changed
//   since it was read is not deleted).
// - Apollo: the Open API cannot delete a namespace. The namespace's items
//   are deleted and it is released empty, titled "…-slipway-deleted";
//   applications reading it then get no keys (a non-default cluster's empty
//   release does not fall back to `default`). Slipway shows the file as not
//   existing (version 0), and publishing it again creates a new release.
//
// The deletion joins the file's history as a record with version_after 0
// holding the content the file had, so it can be seen and published again.
// The file's draft, if any, stays: it was taken from the deleted version, so
// publishing it is refused (409 live_changed) until it is rebased, which
// makes it the file's re-creation. Nobody's unpublished work is lost.
//
// If the record fails after the backend deleted the file, deleting again
// with the version the caller saw finds the file gone and its newest record
// at that version: the deletion is recorded then, without deleting again
// ("written": false).
#include <boost/json.hpp>

#include "services/config/config_errors.hpp"
#include "services/config/config_service.hpp"
#include "services/platform/audit_log.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

namespace {

core::Error DeleteRefused(const std::string& name, std::int64_t expected, const LiveFile& live) {
  return core::Conflict("the live value of " + name + " changed since you saw it (version " +
                            std::to_string(expected) + " → " + std::to_string(live.version) +
                            "); look at it again before deleting",
                        {{"reason", "live_changed"},
                         {"expected_version", expected},
                         {"live_version", live.version},
                         {"live_exists", live.exists},
                         {"live_content", live.content}});
}

}  // namespace

Result<store::ConfigPublish> ConfigService::Delete(const RequestContext& ctx,
                                                   const std::string& env, const std::string& name,
                                                   const Parsed<DeleteFileCommand>& command) {
  auto loaded = Load(ctx, env, name, true);
  if (!loaded.ok()) return loaded.error();
  if (!command.ok()) return command.error();
  auto files = Open(loaded->scope);
  if (!files.ok()) return files.error();
  auto live = (*files)->Read(name);
  if (!live.ok()) return BackendError(**files, live.error());

  if (!live->exists) {
    if (command->version) {
      // An earlier deletion at this version whose record was lost: record it now.
      auto last = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) {
        store::PublishQuery q;
        q.env_id = loaded->scope.env.id;
        q.file_name = name;
        q.limit = 1;
        return store::config_files::ListPublishes(tx, q);
      });
      if (!last.empty() && last.front().version_after == *command->version) {
        LiveFile before{name, true, *command->version, last.front().content};
        return RecordDeletion(ctx, loaded->scope, **files, before, false, command->comment);
      }
    }
    return core::NotFound("environment " + env + " has no live file " + name + " to delete");
  }
  if (command->version && *command->version != live->version) {
    return DeleteRefused(name, *command->version, *live);
  }
  auto deleted = (*files)->Delete(name, live->version,
                                  {ctx.caller.username, command->comment,
                                   ReleaseTitle(clock_.Now(), kApolloDeletionTitleSuffix)});
  if (!deleted.ok()) {
    const auto& error = deleted.error();
    if (error.code != core::Code::kConflict || error.details.contains("reason")) {
      return BackendError(**files, error);
    }
    // The conditional delete found another version: say which.
    auto now = (*files)->Read(name);
    if (!now.ok()) return error;
    return DeleteRefused(name, live->version, *now);
  }
  return RecordDeletion(ctx, loaded->scope, **files, *live, true, command->comment);
}

Result<store::ConfigPublish> ConfigService::RecordDeletion(const RequestContext& ctx,
                                                           const Scope& scope,
                                                           const ConfigFiles& files,
                                                           const LiveFile& before, bool written,
                                                           const std::string& comment) {
  auto p = NewRecord(ctx, scope, files, before.name, comment, written);
  p.base_version = before.version;
  p.version_after = 0;  // the file no longer exists
  p.content = before.content;
  p.diff = boost::json::serialize(ConfigDiffJson(DeletionDiff(before)));
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<store::ConfigPublish> {
    p.id = store::config_files::InsertPublish(tx, p);
    const bool draft = store::config_files::GetDraft(tx, scope.env.id, before.name).has_value();
    RecordAudit(tx, clock_, ctx, "config.delete", "environment", std::to_string(scope.env.id),
                (written ? "deleted " : "recorded the already done deletion of ") + before.name +
                    " from " + p.backend + " " + p.location + " (version " +
                    std::to_string(before.version) + ", " + std::to_string(before.content.size()) +
                    " bytes" + (draft ? "; its draft stays" : "") + ")");
    return p;
  });
}

}  // namespace slipway::services
