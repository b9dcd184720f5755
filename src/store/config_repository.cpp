#include "store/config_repository.hpp"

namespace slipway::store::config_files {

namespace {

constexpr const char* kDraftColumns =
    "SELECT id, env_id, file_name, content, base_version, base_content, created_by, updated_by, "
    "created_at, updated_at, version FROM config_drafts ";

constexpr const char* kPublishColumns =
    "SELECT id, env_id, app_id, file_name, format, backend, location, actor, comment, "
    "base_version, "
    "version_after, content, diff, written, created_at FROM config_publishes ";

ConfigDraft DraftFromRow(const Row& r) {
  ConfigDraft d;
  d.id = r.Int(0);
  d.env_id = r.Int(1);
  d.file_name = r.Text(2);
  d.content = r.Text(3);
  d.base_version = r.Int(4);
  d.base_content = r.Text(5);
  d.created_by = r.Text(6);
  d.updated_by = r.Text(7);
  d.created_at = r.Int(8);
  d.updated_at = r.Int(9);
  d.version = r.Int(10);
  return d;
}

ConfigPublish PublishFromRow(const Row& r) {
  ConfigPublish p;
  p.id = r.Int(0);
  p.env_id = r.Int(1);
  p.app_id = r.Int(2);
  p.file_name = r.Text(3);
  p.format = r.Text(4);
  p.backend = r.Text(5);
  p.location = r.Text(6);
  p.actor = r.Text(7);
  p.comment = r.Text(8);
  p.base_version = r.Int(9);
  p.version_after = r.Int(10);
  p.content = r.Text(11);
  p.diff = r.Text(12);
  p.written = r.Bool(13);
  p.created_at = r.Int(14);
  return p;
}

}  // namespace

std::optional<ConfigDraft> GetDraft(Tx& tx, std::int64_t env_id, const std::string& file_name) {
  auto r = tx.QueryOne(std::string(kDraftColumns) + "WHERE env_id = ? AND file_name = ?",
                       {env_id, file_name});
  if (!r) return std::nullopt;
  return DraftFromRow(*r);
}

std::vector<ConfigDraft> ListDrafts(Tx& tx, std::int64_t env_id) {
  std::vector<ConfigDraft> out;
  for (const auto& r :
       tx.Query(std::string(kDraftColumns) + "WHERE env_id = ? ORDER BY file_name", {env_id})) {
    out.push_back(DraftFromRow(r));
  }
  return out;
}

std::int64_t InsertDraft(Tx& tx, const ConfigDraft& d) {
  return tx
      .QueryOne(
          "INSERT INTO config_drafts (env_id, file_name, content, base_version, base_content, "
          "created_by, "
          "updated_by, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
          "RETURNING id",
          {d.env_id, d.file_name, d.content, d.base_version, d.base_content, d.created_by,
           d.updated_by, d.created_at, d.updated_at})
      ->Int(0);
}

bool UpdateDraft(Tx& tx, const ConfigDraft& d) {
  return tx.Exec(
             "UPDATE config_drafts SET content = ?, base_version = ?, base_content = ?, updated_by "
             "= ?, "
             "updated_at = ?, version = ? WHERE env_id = ? AND file_name = ? AND version = ?",
             {d.content, d.base_version, d.base_content, d.updated_by, d.updated_at, d.version,
              d.env_id, d.file_name, d.version - 1}) == 1;
}

std::int64_t DeleteDrafts(Tx& tx, std::int64_t env_id) {
  return tx.Exec("DELETE FROM config_drafts WHERE env_id = ?", {env_id});
}

bool DeleteDraft(Tx& tx, std::int64_t env_id, const std::string& file_name,
                 std::optional<std::int64_t> version) {
  if (version) {
    return tx.Exec("DELETE FROM config_drafts WHERE env_id = ? AND file_name = ? AND version = ?",
                   {env_id, file_name, *version}) == 1;
  }
  return tx.Exec("DELETE FROM config_drafts WHERE env_id = ? AND file_name = ?",
                 {env_id, file_name}) == 1;
}

std::int64_t InsertPublish(Tx& tx, const ConfigPublish& p) {
  return tx
      .QueryOne(
          "INSERT INTO config_publishes (env_id, app_id, file_name, format, backend, location, "
          "actor, comment, "
          "base_version, version_after, content, diff, written, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {p.env_id, p.app_id, p.file_name, p.format, p.backend, p.location, p.actor, p.comment,
           p.base_version, p.version_after, p.content, p.diff, std::int64_t{p.written ? 1 : 0},
           p.created_at})
      ->Int(0);
}

std::optional<ConfigPublish> GetPublish(Tx& tx, std::int64_t id) {
  auto r = tx.QueryOne(std::string(kPublishColumns) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return PublishFromRow(*r);
}

std::vector<ConfigPublish> ListPublishes(Tx& tx, const PublishQuery& q) {
  std::string sql = std::string(kPublishColumns) + "WHERE env_id = ?";
  Params params{q.env_id};
  if (!q.file_name.empty()) {
    sql += " AND file_name = ?";
    params.emplace_back(q.file_name);
  }
  if (q.before_id) {
    sql += " AND id < ?";
    params.emplace_back(*q.before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{q.limit} + 1);
  std::vector<ConfigPublish> out;
  for (const auto& r : tx.Query(sql, params)) out.push_back(PublishFromRow(r));
  return out;
}

}  // namespace slipway::store::config_files
