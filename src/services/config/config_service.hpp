#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/config/config_file.hpp"
#include "core/environments/environment.hpp"
#include "services/config/config_backend.hpp"
#include "services/config/config_commands.hpp"
#include "services/config/config_diff_view.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/context.hpp"
#include "services/platform/parsed.hpp"
#include "services/platform/settings.hpp"
#include "store/config_repository.hpp"
#include "store/database.hpp"

namespace slipway::services {

/// One file of an environment: its live value (if any) and its draft (if any).
struct ConfigFileView {
  std::int64_t env_id = 0;
  std::string name;
  core::ConfigFormat format = core::ConfigFormat::kText;
  core::ConfigBackend backend = core::ConfigBackend::kConsul;
  std::string location;
  LiveFile live;  ///< content empty in lists
  std::optional<store::ConfigDraft> draft;
};

struct ConfigHistory {
  std::vector<store::ConfigPublish> items;
  std::optional<std::int64_t> next_before;  ///< the cursor of the next page
};

/// Configuration files of environments (R-CFG-1..2). `env` is an
/// environment's numeric id; `name` a file name (core::CheckConfigFileName).
///
/// Live values are read from the environment's backend (Consul or Apollo:
/// the environment's config_backend, else its cluster's) on every call;
/// drafts and the publish history are Slipway's. Every signed-in user may
/// read; drafts and publishing need AppForWrite on the environment's
/// application. Changes are audited in the transaction that makes them.
class ConfigService {
 public:
  ConfigService(store::Database& db, const core::Clock& clock, const Connections& connections,
                ConfigFileSettings settings)
      : db_(db), clock_(clock), connections_(connections), settings_(std::move(settings)) {}

  /// The environment's files: every live file and every draft, by name.
  core::Result<std::vector<ConfigFileView>> List(const RequestContext& ctx, const std::string& env);
  /// One file's live value and draft; not_found when neither exists.
  core::Result<ConfigFileView> Get(const RequestContext& ctx, const std::string& env,
                                   const std::string& name);
  core::Result<store::ConfigDraft> GetDraft(const RequestContext& ctx, const std::string& env,
                                            const std::string& name);
  /// Creates the draft from the live value's version, or replaces its
  /// content; `version` (when given) must be the draft's current one (409
  /// otherwise); `rebase` takes the live version of now as the new base
  /// (after a 409 on publish).
  core::Result<store::ConfigDraft> SaveDraft(const RequestContext& ctx, const std::string& env,
                                             const std::string& name,
                                             const Parsed<SaveDraftCommand>& command);
  core::Status DiscardDraft(const RequestContext& ctx, const std::string& env,
                            const std::string& name);
  core::Result<ConfigDiff> Diff(const RequestContext& ctx, const std::string& env,
                                const std::string& name);
  /// Makes the draft live if the live version is still the draft's base,
  /// records the publish and removes the draft. conflict with details
  /// {reason: "live_changed", base_version, live_version, base_content,
  /// live_content} when someone changed the live value since.
  core::Result<store::ConfigPublish> Publish(const RequestContext& ctx, const std::string& env,
                                             const std::string& name,
                                             const Parsed<PublishCommand>& command);
  /// Deletes the live file (config_delete.cpp says what that means in each
  /// backend) if it is still at `command.version` when given, and records
  /// the deletion in the history (version_after 0, the content it had).
  /// not_found when nothing is live; conflict {reason: "live_changed",
  /// expected_version, live_version, live_exists, live_content} when the file
  /// changed since. The file's draft stays.
  core::Result<store::ConfigPublish> Delete(const RequestContext& ctx, const std::string& env,
                                            const std::string& name,
                                            const Parsed<DeleteFileCommand>& command);
  /// Publishes (and deletions) newest first; `file` "" for every file; `before` the cursor.
  core::Result<ConfigHistory> History(const RequestContext& ctx, const std::string& env,
                                      const std::string& file, int limit,
                                      std::optional<std::int64_t> before);
  core::Result<store::ConfigPublish> GetPublish(const RequestContext& ctx, const std::string& env,
                                                std::int64_t id);

 private:
  struct Scope {
    core::Environment env;
    std::int64_t app_id = 0;
    ConfigTarget target;
  };
  struct Loaded {
    Scope scope;
    std::optional<store::ConfigDraft> draft;
  };
  /// The environment, its target and (for writes) the permission check.
  core::Result<Scope> Resolve(store::Tx& tx, const RequestContext& ctx, const std::string& env,
                              bool write);
  /// The environment whose publishes are asked for: an existing one
  /// (Resolve), or a deleted one that has publishes (they stay readable
  /// under its id, which is never handed out again).
  core::Result<std::int64_t> HistoryOf(store::Tx& tx, const RequestContext& ctx,
                                       const std::string& env);
  /// Resolve, then the file name's check and its draft, in one read.
  core::Result<Loaded> Load(const RequestContext& ctx, const std::string& env,
                            const std::string& name, bool write);
  core::Result<std::unique_ptr<ConfigFiles>> Open(const Scope& scope) const;
  core::Status CheckContent(const ConfigFiles& files, const std::string& name,
                            const std::string& content) const;
  core::Result<store::ConfigDraft> WriteDraft(const RequestContext& ctx, const Scope& scope,
                                              const std::string& name, const std::string& content,
                                              std::optional<std::int64_t> version,
                                              const std::optional<LiveFile>& base);
  /// Records a publish whose value is live and removes the draft it came from
  /// (unless that draft was edited meanwhile).
  core::Result<store::ConfigPublish> Record(const RequestContext& ctx, const Scope& scope,
                                            const store::ConfigDraft& draft,
                                            const ConfigFiles& files, const LiveFile& before,
                                            std::int64_t version_after, bool written,
                                            const std::string& comment);

  /// The history record of a publish or deletion of `file`: who, where, when.
  store::ConfigPublish NewRecord(const RequestContext& ctx, const Scope& scope,
                                 const ConfigFiles& files, const std::string& file,
                                 const std::string& comment, bool written) const;
  /// Records a deletion of `before` (the file as it was live) and audits it.
  core::Result<store::ConfigPublish> RecordDeletion(const RequestContext& ctx, const Scope& scope,
                                                    const ConfigFiles& files,
                                                    const LiveFile& before, bool written,
                                                    const std::string& comment);

  store::Database& db_;
  const core::Clock& clock_;
  const Connections& connections_;
  ConfigFileSettings settings_;
};

}  // namespace slipway::services
