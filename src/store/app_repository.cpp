#include "store/app_repository.hpp"

#include <boost/json.hpp>

#include "core/apps/app_details_json.hpp"
#include "core/common/names.hpp"
#include "store/like_pattern.hpp"

namespace slipway::store::apps {

namespace {

constexpr const char* kColumns =
    "id, name, team, type, level, description, repo_url, status, status_reason, "
    "offline_from, details, created_at, updated_at, version";

core::App FromRow(const Row& r) {
  core::App a;
  a.id = r.Int(0);
  a.name = r.Text(1);
  a.team = r.Text(2);
  a.type = core::ParseAppType(r.Text(3)).value_or(core::AppType::kSelfDeveloped);
  a.level = core::ParseAppLevel(r.Text(4)).value_or(core::AppLevel::kNonCore);
  a.description = r.Text(5);
  a.repo_url = r.Text(6);
  a.status = core::ParseAppStatus(r.Text(7)).value_or(core::AppStatus::kUnderReview);
  a.status_reason = r.Text(8);
  a.offline_from = core::ParseAppStatus(r.Text(9));
  auto details = boost::json::parse(r.Text(10));
  (void)core::MergeDetails(a.details, details.as_object());
  a.created_at = r.Int(11);
  a.updated_at = r.Int(12);
  a.version = r.Int(13);
  return a;
}

Params Fields(const core::App& a) {
  return {a.name,
          a.team,
          std::string(core::AppTypeName(a.type)),
          std::string(core::AppLevelName(a.level)),
          a.description,
          a.repo_url,
          std::string(core::AppStatusName(a.status)),
          a.status_reason,
          a.offline_from ? std::string(core::AppStatusName(*a.offline_from)) : std::string(),
          boost::json::serialize(core::DetailsToJson(a.details)),
          a.created_at,
          a.updated_at};
}

// Owner and approvers are read from membership, the one record of who holds
// which role: `members` is sorted by name, so the owner is the first owner.
void FillFromMembers(core::App& app, const std::vector<Member>& members) {
  app.owner.clear();
  app.approvers.clear();
  for (const auto& m : members) {
    if (m.role == core::MemberRole::kOwner && app.owner.empty()) app.owner = m.username;
    if (m.role == core::MemberRole::kApprover) app.approvers.push_back(m.username);
  }
}

std::optional<core::App> WithMembers(Tx& tx, std::optional<core::App> app) {
  if (app) FillFromMembers(*app, Members(tx, app->id));
  return app;
}

// Sort columns are whitelisted: they are spliced into SQL.
std::string SortColumn(const std::string& sort) {
  if (sort == "created_at" || sort == "updated_at") return sort;
  return "name";
}

}  // namespace

std::int64_t Insert(Tx& tx, const core::App& app) {
  auto row = tx.QueryOne(
      "INSERT INTO apps (name, team, type, level, description, repo_url, status, "
      "status_reason, offline_from, details, created_at, updated_at, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
      Fields(app));
  return row->Int(0);
}

std::optional<core::App> Get(Tx& tx, std::int64_t id) {
  auto row = tx.QueryOne(std::string("SELECT ") + kColumns + " FROM apps WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return WithMembers(tx, FromRow(*row));
}

std::optional<core::App> GetByName(Tx& tx, const std::string& name) {
  auto row = tx.QueryOne(std::string("SELECT ") + kColumns + " FROM apps WHERE name = ?", {name});
  if (!row) return std::nullopt;
  return WithMembers(tx, FromRow(*row));
}

std::optional<core::App> GetByRef(Tx& tx, const std::string& ref) {
  if (auto id = core::ParseId(ref)) return Get(tx, *id);
  return GetByName(tx, ref);
}

bool Update(Tx& tx, const core::App& app) {
  auto params = Fields(app);
  params.push_back(app.version);
  params.push_back(app.id);
  params.push_back(app.version - 1);
  return tx.Exec(
             "UPDATE apps SET name = ?, team = ?, type = ?, level = ?, description = ?, "
             "repo_url = ?, status = ?, status_reason = ?, offline_from = ?, details = ?, "
             "created_at = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?",
             params) == 1;
}

std::string SortKey(const core::App& app, const std::string& sort) {
  auto column = SortColumn(sort);
  if (column == "created_at") return std::to_string(app.created_at);
  if (column == "updated_at") return std::to_string(app.updated_at);
  return app.name;
}

AppPage List(Tx& tx, const AppQuery& q) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM apps WHERE 1 = 1";
  Params params;
  auto equal = [&](const char* column, const std::string& value) {
    if (value.empty()) return;
    sql += std::string(" AND ") + column + " = ?";
    params.push_back(value);
  };
  equal("status", q.status);
  equal("type", q.type);
  equal("level", q.level);
  equal("team", q.team);
  if (!q.owner.empty()) {
    sql +=
        " AND id IN (SELECT app_id FROM app_members WHERE lower(username) = lower(?) AND role = "
        "'owner')";
    params.push_back(q.owner);
  }
  if (!q.member.empty()) {
    sql += " AND id IN (SELECT app_id FROM app_members WHERE lower(username) = lower(?))";
    params.push_back(q.member);
  }
  if (!q.text.empty()) {
    sql += " AND (LOWER(name) LIKE LOWER(?)" + std::string(kLikeEscape) +
           " OR LOWER(description) LIKE LOWER(?)" + std::string(kLikeEscape) + ")";
    std::string like = ContainsPattern(q.text);
    params.push_back(like);
    params.push_back(like);
  }
  const std::string column = SortColumn(q.sort);
  const bool numeric = column != "name";
  const char* cmp = q.descending ? "<" : ">";
  if (q.after) {
    // Keyset pagination: stable under concurrent inserts, cheap at any depth.
    sql += " AND (" + column + " " + cmp + " ? OR (" + column + " = ? AND id " + cmp + " ?))";
    Param key = numeric ? Param(std::int64_t(std::stoll(q.after->first))) : Param(q.after->first);
    params.push_back(key);
    params.push_back(key);
    params.push_back(q.after->second);
  }
  const char* dir = q.descending ? " DESC" : " ASC";
  sql += " ORDER BY " + column + dir + ", id" + dir + " LIMIT ?";
  params.push_back(std::int64_t(q.limit + 1));

  AppPage page;
  for (const auto& row : tx.Query(sql, params)) page.apps.push_back(FromRow(row));
  if (page.apps.empty()) return page;
  std::string ids;
  Params id_params;
  for (const auto& a : page.apps) {
    ids += ids.empty() ? "?" : ", ?";
    id_params.push_back(a.id);
  }
  for (const auto& row :
       tx.Query("SELECT app_id, username, role FROM app_members WHERE app_id IN (" + ids +
                    ") ORDER BY username",
                id_params)) {
    auto role = core::ParseMemberRole(row.Text(2));
    if (role) page.members[row.Int(0)].push_back({row.Text(1), *role});
  }
  for (auto& a : page.apps) FillFromMembers(a, page.members[a.id]);
  return page;
}

std::vector<Member> Members(Tx& tx, std::int64_t app_id) {
  std::vector<Member> out;
  for (const auto& row : tx.Query(
           "SELECT username, role FROM app_members WHERE app_id = ? ORDER BY username", {app_id})) {
    if (auto role = core::ParseMemberRole(row.Text(1))) out.push_back({row.Text(0), *role});
  }
  return out;
}

std::optional<core::MemberRole> MemberRoleOf(Tx& tx, std::int64_t app_id,
                                             const std::string& username) {
  auto row = tx.QueryOne("SELECT role FROM app_members WHERE app_id = ? AND username = ?",
                         {app_id, username});
  if (!row) return std::nullopt;
  return core::ParseMemberRole(row->Text(0));
}

void PutMember(Tx& tx, std::int64_t app_id, const std::string& username, core::MemberRole role) {
  std::string name(core::MemberRoleName(role));
  if (tx.Exec("UPDATE app_members SET role = ? WHERE app_id = ? AND username = ?",
              {name, app_id, username}) == 0) {
    tx.Exec("INSERT INTO app_members (app_id, username, role) VALUES (?, ?, ?)",
            {app_id, username, name});
  }
}

bool DeleteMember(Tx& tx, std::int64_t app_id, const std::string& username) {
  return tx.Exec("DELETE FROM app_members WHERE app_id = ? AND username = ?", {app_id, username}) ==
         1;
}

}  // namespace slipway::store::apps
