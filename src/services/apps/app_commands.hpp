#pragma once
// What callers ask of the application registry, checked for form at the
// HTTP edge (http/handlers/app_input.cpp); the service checks them against
// the application (its type, state, members) and the users.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/apps/app.hpp"
#include "core/apps/app_details_json.hpp"
#include "core/identity/roles.hpp"

namespace slipway::services {

struct RegisterAppCommand {
  std::string name;  ///< a DNS label, not an id
  std::string team;
  std::optional<std::string> owner;  ///< a well-formed user name; default: the caller
  core::AppType type = core::AppType::kSelfDeveloped;
  core::AppLevel level = core::AppLevel::kNonCore;
  std::string description;
  std::string repo_url;  ///< checked against the type by the service
};

/// Basic information; only the fields given change.
struct EditAppCommand {
  std::int64_t version = 0;
  std::optional<std::string> team;  ///< not empty
  std::optional<core::AppLevel> level;
  std::optional<std::string> description;
  std::optional<std::string> repo_url;
  std::optional<std::string> owner;  ///< hands the application over
};

struct CompleteDetailsCommand {
  std::int64_t version = 0;
  core::AppDetailsPatch details;
  std::optional<std::vector<std::string>> approvers;  ///< user names; replaces the approver members
};

/// approve / reject / resubmit / request_offline / confirm_offline / cancel_offline.
struct AppTransitionCommand {
  std::optional<std::int64_t> version;
  /// An approval's comment, a rejection's or an offline request's reason.
  std::optional<std::string> note;
};

struct PutMemberCommand {
  core::MemberRole role = core::MemberRole::kDeveloper;
};

}  // namespace slipway::services
