#include "store/audit_repository.hpp"

namespace slipway::store::audit {

void Insert(Tx& tx, const AuditRecord& r) {
  tx.Exec(
      "INSERT INTO audit (time, actor, action, object_type, object_id, summary, result, "
      "request_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {r.time, r.actor, r.action, r.object_type, r.object_id, r.summary, r.result, r.request_id});
}

std::vector<AuditRecord> List(Tx& tx, const AuditQuery& q) {
  std::string sql =
      "SELECT id, time, actor, action, object_type, object_id, summary, result, request_id "
      "FROM audit WHERE 1 = 1";
  Params params;
  auto equal = [&](const char* column, const std::string& value) {
    if (value.empty()) return;
    sql += std::string(" AND ") + column + " = ?";
    params.push_back(value);
  };
  equal("object_type", q.object_type);
  equal("object_id", q.object_id);
  equal("actor", q.actor);
  equal("action", q.action);
  if (q.member) {
    // An object's id is stored as text; each kind of object leads to its
    // application through its own table.
    const std::string member_apps = "SELECT app_id FROM app_members WHERE username = ?";
    auto of_app = [&](const char* types, const char* table) {
      return std::string("(object_type IN (") + types +
             ") AND object_id IN (SELECT CAST(id AS TEXT) FROM " + table + " WHERE app_id IN (" +
             member_apps + ")))";
    };
    sql +=
        " AND ((object_type = 'app' AND object_id IN (SELECT CAST(app_id AS TEXT) FROM app_members "
        "WHERE "
        "username = ?)) OR " +
        of_app("'build'", "builds") + " OR " + of_app("'change'", "changes") + " OR " +
        of_app("'env', 'environment'", "environments") + " OR " + of_app("'release'", "releases") +
        ")";
    for (int i = 0; i < 5; ++i) params.push_back(*q.member);
  }
  if (q.before_id) {
    sql += " AND id < ?";
    params.push_back(*q.before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(std::int64_t(q.limit + 1));
  std::vector<AuditRecord> out;
  for (const auto& r : tx.Query(sql, params)) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6),
                   r.Text(7), r.Text(8)});
  }
  return out;
}

}  // namespace slipway::store::audit
