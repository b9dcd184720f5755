#include "store/change_repository.hpp"

namespace slipway::store::changes {

namespace {

constexpr const char* kSelect =
    "SELECT id, app_id, env_id, type, state, title, description, build_id, image, image_digest, "
    "replicas, spec, "
    "needs_approval, release_id, created_by, created_at, updated_at, version, close_reason FROM "
    "changes ";

core::Change FromRow(const Row& r) {
  core::Change c;
  c.id = r.Int(0);
  c.app_id = r.Int(1);
  c.env_id = r.Int(2);
  c.type = core::ParseChangeType(r.Text(3)).value_or(core::ChangeType::kCode);
  c.state = core::ParseChangeState(r.Text(4)).value_or(core::ChangeState::kDeveloping);
  c.title = r.Text(5);
  c.description = r.Text(6);
  if (!r.IsNull(7)) c.build_id = r.Int(7);
  c.image = r.Text(8);
  c.image_digest = r.Text(9);
  if (!r.IsNull(10)) c.replicas = static_cast<int>(r.Int(10));
  c.spec = r.Text(11);
  c.needs_approval = r.Bool(12);
  if (!r.IsNull(13)) c.release_id = r.Int(13);
  c.created_by = r.Text(14);
  c.created_at = r.Int(15);
  c.updated_at = r.Int(16);
  c.version = r.Int(17);
  c.close_reason = r.Text(18);
  return c;
}

Param Opt(const std::optional<std::int64_t>& v) { return v ? Param(*v) : Param(nullptr); }
Param Opt(const std::optional<int>& v) { return v ? Param(std::int64_t{*v}) : Param(nullptr); }

}  // namespace

std::int64_t Insert(Tx& tx, const core::Change& c) {
  return tx
      .QueryOne(
          "INSERT INTO changes (app_id, env_id, type, state, title, description, build_id, image, "
          "image_digest, "
          "replicas, spec, needs_approval, release_id, close_reason, created_by, created_at, "
          "updated_at, version) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
          {c.app_id, c.env_id, std::string(core::ChangeTypeName(c.type)),
           std::string(core::ChangeStateName(c.state)), c.title, c.description, Opt(c.build_id),
           c.image, c.image_digest, Opt(c.replicas),
           c.spec.empty() ? Param(nullptr) : Param(c.spec), std::int64_t{c.needs_approval},
           Opt(c.release_id), c.close_reason, c.created_by, c.created_at, c.updated_at})
      ->Int(0);
}

std::optional<core::Change> Get(Tx& tx, std::int64_t id) {
  auto r = tx.QueryOne(std::string(kSelect) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return FromRow(*r);
}

std::vector<core::Change> List(Tx& tx, const ChangeQuery& q) {
  std::string sql = std::string(kSelect) + "WHERE 1 = 1";
  Params params;
  if (q.app_id) sql += " AND app_id = ?", params.push_back(*q.app_id);
  if (q.env_id) sql += " AND env_id = ?", params.push_back(*q.env_id);
  if (!q.state.empty()) sql += " AND state = ?", params.push_back(q.state);
  if (!q.type.empty()) sql += " AND type = ?", params.push_back(q.type);
  if (q.before_id) sql += " AND id < ?", params.push_back(*q.before_id);
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(std::int64_t{q.limit + 1});
  std::vector<core::Change> out;
  for (const auto& r : tx.Query(sql, params)) out.push_back(FromRow(r));
  return out;
}

std::vector<core::Change> UnreleasedWithDigest(Tx& tx, const std::string& digest) {
  std::vector<core::Change> out;
  for (const auto& r : tx.Query(
           std::string(kSelect) + "WHERE image_digest = ? AND state IN ('developing', 'approving', "
                                  "'pending_release', 'releasing') ORDER BY id",
           {digest})) {
    out.push_back(FromRow(r));
  }
  return out;
}

std::vector<core::Change> OpenOn(Tx& tx, std::int64_t env_id) {
  std::vector<core::Change> out;
  for (const auto& r :
       tx.Query(std::string(kSelect) +
                    "WHERE env_id = ? AND state IN ('developing', 'approving', 'pending_release') "
                    "ORDER BY id",
                {env_id})) {
    out.push_back(FromRow(r));
  }
  return out;
}

bool Update(Tx& tx, const core::Change& c) {
  return tx.Exec(
             "UPDATE changes SET state = ?, title = ?, description = ?, build_id = ?, image = ?, "
             "image_digest = ?, "
             "replicas = ?, spec = ?, needs_approval = ?, release_id = ?, close_reason = ?, "
             "updated_at = ?, version = ? "
             "WHERE id = ? AND version = ?",
             {std::string(core::ChangeStateName(c.state)), c.title, c.description, Opt(c.build_id),
              c.image, c.image_digest, Opt(c.replicas),
              c.spec.empty() ? Param(nullptr) : Param(c.spec), std::int64_t{c.needs_approval},
              Opt(c.release_id), c.close_reason, c.updated_at, c.version, c.id, c.version - 1}) ==
         1;
}

std::int64_t AddEvent(Tx& tx, const core::ChangeEventRecord& e) {
  return tx
      .QueryOne(
          "INSERT INTO change_events (change_id, kind, actor, comment, detail, created_at) VALUES "
          "(?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {e.change_id, e.kind, e.actor, e.comment, e.detail.empty() ? std::string("{}") : e.detail,
           e.created_at})
      ->Int(0);
}

std::vector<core::ChangeEventRecord> Events(Tx& tx, std::int64_t change_id) {
  std::vector<core::ChangeEventRecord> out;
  for (const auto& r :
       tx.Query("SELECT id, change_id, kind, actor, comment, detail, created_at FROM change_events "
                "WHERE change_id = ? ORDER BY id",
                {change_id})) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6)});
  }
  return out;
}

}  // namespace slipway::store::changes
