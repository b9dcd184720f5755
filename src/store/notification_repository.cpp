#include "store/notification_repository.hpp"

#include <boost/json.hpp>

namespace slipway::store::notifications {

namespace {

constexpr const char* kTargetSelect =
    "SELECT id, scope, scope_key, name, type, url_sealed, url_shown, secret_sealed, kinds, "
    "updated_by, "
    "created_at, updated_at FROM notification_targets ";

std::string KindsJson(const std::vector<std::string>& kinds) {
  boost::json::array out;
  for (const auto& k : kinds) out.emplace_back(k);
  return boost::json::serialize(out);
}

std::vector<std::string> KindsFrom(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto parsed = boost::json::parse(text, ec);
  if (ec || !parsed.is_array()) return out;  // written by KindsJson: only a hand edit gets here
  for (const auto& k : parsed.as_array()) {
    if (k.is_string()) out.emplace_back(k.as_string());
  }
  return out;
}

NotificationTarget TargetFrom(const Row& r) {
  NotificationTarget t;
  t.id = r.Int(0);
  t.scope = r.Text(1);
  t.scope_key = r.Text(2);
  t.name = r.Text(3);
  t.type = r.Text(4);
  t.url_sealed = r.Text(5);
  t.url_shown = r.Text(6);
  t.secret_sealed = r.Text(7);
  t.kinds = KindsFrom(r.Text(8));
  t.updated_by = r.Text(9);
  t.created_at = r.Int(10);
  t.updated_at = r.Int(11);
  return t;
}

// The workflow's state decides for deliveries still pending: a failed or
// cancelled workflow will not try again.
constexpr const char* kDeliverySelect =
    "SELECT d.id, d.app_id, d.target_id, d.target_name, d.target_scope, d.target_key, d.kind, "
    "d.title, "
    "d.workflow_id, d.state, d.error, d.attempts, d.created_at, d.updated_at, w.state, w.error "
    "FROM notification_deliveries d LEFT JOIN workflows w ON w.id = d.workflow_id ";

NotificationDelivery DeliveryFrom(const Row& r) {
  NotificationDelivery d;
  d.id = r.Int(0);
  d.app_id = r.Int(1);
  d.target_id = r.Int(2);
  d.target_name = r.Text(3);
  d.target_scope = r.Text(4);
  d.target_key = r.Text(5);
  d.kind = r.Text(6);
  d.title = r.Text(7);
  d.workflow_id = r.Text(8);
  d.state = r.Text(9);
  d.error = r.Text(10);
  d.attempts = static_cast<int>(r.Int(11));
  d.created_at = r.Int(12);
  d.updated_at = r.Int(13);
  const auto& workflow_state = r.Text(14);
  if (d.state == "pending" && (workflow_state == "failed" || workflow_state == "cancelled")) {
    d.state = "failed";
    if (!r.IsNull(15) && !r.Text(15).empty()) d.error = r.Text(15);
  }
  return d;
}

}  // namespace

std::vector<NotificationTarget> Targets(Tx& tx, const std::string& scope,
                                        const std::string& scope_key) {
  std::vector<NotificationTarget> out;
  for (const auto& r :
       tx.Query(std::string(kTargetSelect) + "WHERE scope = ? AND scope_key = ? ORDER BY name",
                {scope, scope_key})) {
    out.push_back(TargetFrom(r));
  }
  return out;
}

std::optional<NotificationTarget> Target(Tx& tx, std::int64_t id) {
  auto r = tx.QueryOne(std::string(kTargetSelect) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return TargetFrom(*r);
}

std::int64_t InsertTarget(Tx& tx, const NotificationTarget& t) {
  return tx
      .QueryOne(
          "INSERT INTO notification_targets (scope, scope_key, name, type, url_sealed, url_shown, "
          "secret_sealed, "
          "kinds, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {t.scope, t.scope_key, t.name, t.type, t.url_sealed, t.url_shown, t.secret_sealed,
           KindsJson(t.kinds), t.updated_by, t.created_at, t.updated_at})
      ->Int(0);
}

void UpdateTarget(Tx& tx, const NotificationTarget& t) {
  tx.Exec(
      "UPDATE notification_targets SET name = ?, type = ?, url_sealed = ?, url_shown = ?, "
      "secret_sealed = ?, "
      "kinds = ?, updated_by = ?, updated_at = ? WHERE id = ?",
      {t.name, t.type, t.url_sealed, t.url_shown, t.secret_sealed, KindsJson(t.kinds), t.updated_by,
       t.updated_at, t.id});
}

void DeleteTarget(Tx& tx, std::int64_t id) {
  tx.Exec("DELETE FROM notification_targets WHERE id = ?", {id});
}

std::int64_t InsertDelivery(Tx& tx, const NotificationDelivery& d) {
  return tx
      .QueryOne(
          "INSERT INTO notification_deliveries (app_id, target_id, target_name, target_scope, "
          "target_key, kind, "
          "title, workflow_id, state, error, attempts, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {d.app_id, d.target_id, d.target_name, d.target_scope, d.target_key, d.kind, d.title,
           d.workflow_id, d.state, d.error, std::int64_t{d.attempts}, d.created_at, d.updated_at})
      ->Int(0);
}

bool RecordAttempt(Tx& tx, const std::string& workflow_id, const std::string& state,
                   const std::string& error, core::Millis at) {
  return tx.Exec(
             "UPDATE notification_deliveries SET state = ?, error = ?, attempts = attempts + 1, "
             "updated_at = ? "
             "WHERE workflow_id = ?",
             {state, error, at, workflow_id}) == 1;
}

std::optional<NotificationDelivery> DeliveryOf(Tx& tx, const std::string& workflow_id) {
  auto r = tx.QueryOne(std::string(kDeliverySelect) + "WHERE d.workflow_id = ?", {workflow_id});
  if (!r) return std::nullopt;
  return DeliveryFrom(*r);
}

std::vector<NotificationDelivery> DeliveriesOfApp(Tx& tx, std::int64_t app_id, int limit) {
  std::vector<NotificationDelivery> out;
  for (const auto& r :
       tx.Query(std::string(kDeliverySelect) + "WHERE d.app_id = ? ORDER BY d.id DESC LIMIT ?",
                {app_id, std::int64_t{limit}})) {
    out.push_back(DeliveryFrom(r));
  }
  return out;
}

std::vector<NotificationDelivery> DeliveriesOfScope(Tx& tx, const std::string& scope,
                                                    const std::string& scope_key, int limit) {
  std::vector<NotificationDelivery> out;
  for (const auto& r :
       tx.Query(std::string(kDeliverySelect) +
                    "WHERE d.target_scope = ? AND d.target_key = ? ORDER BY d.id DESC LIMIT ?",
                {scope, scope_key, std::int64_t{limit}})) {
    out.push_back(DeliveryFrom(r));
  }
  return out;
}

}  // namespace slipway::store::notifications
