#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/apps/app.hpp"
#include "core/changes/change.hpp"
#include "core/changes/change_actions.hpp"
#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/environments/environment.hpp"
#include "services/changes/change_commands.hpp"
#include "services/notifications/notices.hpp"
#include "services/platform/context.hpp"
#include "services/platform/parsed.hpp"
#include "services/platform/settings.hpp"
#include "store/change_repository.hpp"
#include "store/database.hpp"

namespace slipway::services {

/// A change as one caller sees it.
struct ChangeView {
  core::Change change;
  std::string app;       ///< the application's name
  std::string env_type;  ///< of its environment; "" once the environment is gone
  std::vector<core::ChangeEventRecord> events;  ///< oldest first; only on a single change
  std::vector<std::string> actions;             ///< what this caller may do now
};

struct ChangeList {
  std::vector<ChangeView> items;
  std::optional<std::string> next_cursor;
};

/// The changes waiting for one caller's approval: the newest `limit` of them
/// and how many there are in all (the console's inbox and its count).
struct AwaitingChanges {
  std::vector<ChangeView> items;
  int total = 0;
};

/// A change the system makes (R-CHG-1): from the instance list (scale) or
/// the environment editor (env_resource).
struct SystemChange {
  core::ChangeType type = core::ChangeType::kScale;
  std::optional<int> replicas;  ///< scale: the new count, 1–24
  std::string spec;             ///< env_resource: the new resources (EnvSpec JSON object)
  std::string title;            ///< empty: made up from the content
  std::string description;
};

/// Changes (R-CHG-1..4): created by people (code) or by the system (scale,
/// env_resource), moved through the lifecycle table in core/change.hpp.
/// Every transition writes a change_events row and an audit record in the
/// transaction of the transition. `ref` is a change id. Thread-safe.
class ChangeService {
 public:
  ChangeService(store::Database& db, const core::Clock& clock, Notices& notices,
                ChangeSettings settings = {});

  /// A code change in `developing` (env_id, title, description?,
  /// build_id | image | tag). Admins and the application's owners and
  /// developers; the application must allow "change" (not empty, active,
  /// complete), else 409 naming why.
  core::Result<ChangeView> Create(const RequestContext& ctx, const std::string& app_ref,
                                  const Parsed<CreateChangeCommand>& command);
  /// With its history.
  core::Result<ChangeView> Get(const RequestContext& ctx, const std::string& ref);
  /// Newest first; `cursor` is a previous page's next_cursor.
  core::Result<ChangeList> List(const RequestContext& ctx, const std::string& app_ref,
                                store::ChangeQuery query, const std::string& cursor);
  /// Changes in `approving`, of every application, that the caller may
  /// approve now (their `actions` hold "approve": an admin or an approver
  /// member who still holds the approver role, not refused as the author,
  /// of an application that takes changes forward); newest first.
  core::Result<AwaitingChanges> AwaitingApproval(const RequestContext& ctx, int limit);
  /// Edits title, description, environment and image source; only while
  /// developing; `version` is required.
  core::Result<ChangeView> Edit(const RequestContext& ctx, const std::string& ref,
                                const Parsed<EditChangeCommand>& command);
  /// submit, approve, reject, close or withdraw (comment, required to
  /// reject; version optional). Submit goes to approving when the
  /// environment's policy asks for approval and then notifies the approvers.
  core::Result<ChangeView> Transition(const RequestContext& ctx, const std::string& ref,
                                      core::ChangeEvent event,
                                      const Parsed<ChangeTransitionCommand>& command);
  /// The same with a command built in process (the release work, tests).
  core::Result<ChangeView> Transition(const RequestContext& ctx, const std::string& ref,
                                      core::ChangeEvent event,
                                      const ChangeTransitionCommand& command);

  // For the release work, inside its own transactions.

  /// A scale or env_resource change of `env`, already in pending_release
  /// (the system submits it at once), with the environment's image.
  /// Forbidden unless the caller may change the application; conflict when
  /// the application is not pending_online/online.
  core::Result<core::Change> CreateSystemChange(store::Tx& tx, const RequestContext& ctx,
                                                const core::Environment& env,
                                                const SystemChange& input);
  /// Closes the open changes (developing, approving, pending_release) of an
  /// environment being deleted, each with the reason in its close_reason,
  /// history and audit; returns how many. Conflict when one changed meanwhile.
  core::Result<int> CloseForDeletedEnvironment(store::Tx& tx, const RequestContext& ctx,
                                               const core::Environment& env);
  /// Whether `change` may be released now: pending_release and never
  /// released. Conflict with its state and allowed actions otherwise.
  core::Status CheckReleasable(const core::Change& change) const;
  /// pending_release → releasing, tied to `release_id`. Conflict (with state
  /// and allowed actions) from any other state, or when the change already
  /// has a release (a change is released at most once).
  core::Status MarkReleasing(store::Tx& tx, std::int64_t change_id, std::int64_t release_id,
                             const std::string& actor = "system");
  /// releasing → released or failed: the release's end mirrored into its change.
  core::Status MarkFinished(store::Tx& tx, std::int64_t change_id, bool succeeded,
                            const std::string& actor = "system");
  /// A `rollback` entry in the change's history (R-REL-5), in any state.
  core::Status AddRollbackEntry(store::Tx& tx, std::int64_t change_id, const std::string& actor,
                                const boost::json::object& detail);

 private:
  struct Moved {
    core::ChangeState from;
    core::Change change;
  };
  /// Moves `change` by `event`, writes it (version-checked), its history
  /// entry and the audit record. Conflict when the table refuses or the row changed.
  core::Result<Moved> Apply(store::Tx& tx, const RequestContext& ctx, core::Change change,
                            core::ChangeEvent event, bool needs_approval,
                            const std::string& comment, const boost::json::object& detail);
  ChangeView View(store::Tx& tx, const RequestContext& ctx, core::Change change, bool with_events);
  /// True when the caller wrote `change` (created or edited it) and the
  /// self-approval policy refuses authors in this application and env type.
  bool IsRefusedAuthor(store::Tx& tx, const RequestContext& ctx, const core::App& app,
                       const core::Change& change, const std::string& env_type);
  /// The caller's actions on `change`, less approve where they wrote it.
  std::vector<std::string> ActionsOf(store::Tx& tx, const RequestContext& ctx, const core::App& app,
                                     const core::Change& change, core::ChangeRights rights,
                                     const std::string& env_type);
  void NotifyApprovers(store::Tx& tx, const core::App& app, const core::Change& change,
                       const std::string& by);

  store::Database& db_;
  const core::Clock& clock_;
  Notices& notices_;
  ChangeSettings settings_;
};

}  // namespace slipway::services
