#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/apps/app.hpp"
#include "core/identity/roles.hpp"
#include "store/database.hpp"

namespace slipway::store {

struct Member {
  std::string username;
  core::MemberRole role;
};

/// Filters and order of an application list. Empty strings mean "any".
struct AppQuery {
  std::string status, type, level, team, owner, member;
  std::string text;           ///< substring of the name or description
  std::string sort = "name";  ///< name|created_at|updated_at
  bool descending = false;
  int limit = 50;
  /// Keyset cursor: the sort key and id of the last row of the previous page.
  std::optional<std::pair<std::string, std::int64_t>> after;
};

/// Applications and their members. All functions run inside the caller's transaction.
namespace apps {

/// Inserts `app` (id, version, owner and approvers ignored: they are
/// members) and returns its id; UniqueViolation on a duplicate name.
std::int64_t Insert(Tx& tx, const core::App& app);
std::optional<core::App> Get(Tx& tx, std::int64_t id);
std::optional<core::App> GetByName(Tx& tx, const std::string& name);
/// By numeric id or by name (API paths accept either).
std::optional<core::App> GetByRef(Tx& tx, const std::string& ref);
/// Writes every field but owner and approvers (members) if the stored
/// version is `app.version - 1`; false when stale.
bool Update(Tx& tx, const core::App& app);
/// One page of applications with their members. Up to `limit + 1` apps are
/// returned, so the caller knows whether another page follows.
struct AppPage {
  std::vector<core::App> apps;
  std::map<std::int64_t, std::vector<Member>> members;
};
AppPage List(Tx& tx, const AppQuery& query);
/// The sort key of an app for `sort` (the cursor value).
std::string SortKey(const core::App& app, const std::string& sort);

std::vector<Member> Members(Tx& tx, std::int64_t app_id);
std::optional<core::MemberRole> MemberRoleOf(Tx& tx, std::int64_t app_id,
                                             const std::string& username);
void PutMember(Tx& tx, std::int64_t app_id, const std::string& username, core::MemberRole role);
bool DeleteMember(Tx& tx, std::int64_t app_id, const std::string& username);

}  // namespace apps
}  // namespace slipway::store
