#pragma once
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/apps/app.hpp"
#include "core/apps/app_actions.hpp"
#include "core/apps/app_lifecycle.hpp"
#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "services/apps/app_commands.hpp"
#include "services/platform/context.hpp"
#include "services/platform/parsed.hpp"
#include "store/app_repository.hpp"

namespace slipway::services {

/// An application as one caller sees it: data, members, what is missing,
/// and what this caller may do now.
struct AppView {
  core::App app;
  std::vector<store::Member> members;
  std::vector<std::string> missing_fields;
  core::AppActions actions;
};

struct AppList {
  std::vector<AppView> items;
  std::optional<std::string> next_cursor;
};

/// The application registry (R-APP-1..5). `ref` is an id or a name.
class AppService {
 public:
  AppService(store::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  core::Result<AppView> Register(const RequestContext& ctx, const RegisterAppCommand& command);
  core::Result<AppView> Get(const RequestContext& ctx, const std::string& ref);
  /// `cursor` is the opaque next_cursor of a previous page.
  core::Result<AppList> List(const RequestContext& ctx, store::AppQuery query,
                             const std::string& cursor);
  core::Result<AppView> Edit(const RequestContext& ctx, const std::string& ref,
                             const Parsed<EditAppCommand>& command);
  core::Result<AppView> CompleteDetails(const RequestContext& ctx, const std::string& ref,
                                        const Parsed<CompleteDetailsCommand>& command);
  /// approve / reject / resubmit / request_offline / confirm_offline / cancel_offline.
  core::Result<AppView> Transition(const RequestContext& ctx, const std::string& ref,
                                   core::AppEvent event,
                                   const Parsed<AppTransitionCommand>& command);
  /// Marks a pending application online; called by the release work inside
  /// its own transaction on the first successful release (one asked to go
  /// offline meanwhile returns online if the request is cancelled). No-op
  /// when online or on its way out; Conflict when the row changed under the
  /// caller's transaction.
  core::Status MarkOnline(store::Tx& tx, const RequestContext& ctx, std::int64_t app_id);

  /// Bumped after every committed change of applications or members, so that
  /// caches of rendered lists notice. Callers that change applications inside
  /// their own transaction (MarkOnline) call NoteChanged() after committing.
  const std::atomic<std::uint64_t>& generation() const { return generation_; }
  void NoteChanged() { ++generation_; }

  core::Result<std::vector<store::Member>> Members(const RequestContext& ctx,
                                                   const std::string& ref);
  core::Result<std::vector<store::Member>> PutMember(const RequestContext& ctx,
                                                     const std::string& ref,
                                                     const std::string& username,
                                                     const Parsed<PutMemberCommand>& command);
  core::Status RemoveMember(const RequestContext& ctx, const std::string& ref,
                            const std::string& username);

 private:
  /// Loads the app, checks the caller may do `action` (403), then the
  /// command's form (400) and its `version` (409), then the state (409), runs
  /// `change(tx, app, member)` (which checks the command against the app and
  /// returns a summary, "" when nothing changed) and writes app + audit in one
  /// transaction. Nothing changed: nothing is written and the version stays.
  template <class Command, class Change>
  core::Result<AppView> Mutate(const RequestContext& ctx, const std::string& ref,
                               const char* action, const Parsed<Command>& command, Change&& change);
  /// Makes exactly `names` the approver members; each must be a user who
  /// holds the approver or admin role and is not a member in another role.
  core::Status ReplaceApprovers(store::Tx& tx, std::int64_t app_id,
                                const std::vector<std::string>& names);
  /// Hands the application over: `username` becomes its only owner, the
  /// other owners stay as developers.
  core::Status HandOver(store::Tx& tx, const core::App& app, const std::string& username);
  AppView View(store::Tx& tx, const RequestContext& ctx, core::App app);

  /// Passes a mutation's result through, noting a change when it succeeded.
  template <class T>
  T Noted(T result) {
    if (result.ok()) NoteChanged();
    return result;
  }

  store::Database& db_;
  const core::Clock& clock_;
  std::atomic<std::uint64_t> generation_{0};
};

}  // namespace slipway::services
