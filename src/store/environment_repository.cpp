#include "store/environment_repository.hpp"

#include <boost/json.hpp>

#include "core/environments/env_spec_json.hpp"

namespace slipway::store::environments {

namespace {

constexpr const char* kSelect =
    "SELECT id, app_id, env_type, cluster_id, namespace, spec, image, image_digest, "
    "config_backend, "
    "created_by, created_at, updated_at, version, release_policy FROM environments ";

core::Environment FromRow(const Row& r) {
  core::Environment e;
  e.id = r.Int(0);
  e.app_id = r.Int(1);
  e.env_type = r.Text(2);
  e.cluster_id = r.Int(3);
  e.namespace_name = r.Text(4);
  // Stored specs were validated when written; a row that no longer parses
  // (a hand edit) keeps the defaults rather than failing every read.
  auto spec = core::ParseEnvSpec(boost::json::parse(r.Text(5)).as_object());
  if (spec.ok()) e.spec = std::move(*spec);
  e.image = r.Text(6);
  e.image_digest = r.Text(7);
  e.config_backend = core::ParseConfigBackend(r.Text(8));
  e.created_by = r.Text(9);
  e.created_at = r.Int(10);
  e.updated_at = r.Int(11);
  e.version = r.Int(12);
  auto policy = core::ParseReleasePolicy(boost::json::parse(r.Text(13)).as_object());
  if (policy.ok()) e.release_policy = std::move(*policy);
  return e;
}

std::string Backend(const core::Environment& e) {
  return e.config_backend ? std::string(core::ConfigBackendName(*e.config_backend)) : std::string();
}

}  // namespace

std::int64_t Insert(Tx& tx, const core::Environment& e) {
  return tx
      .QueryOne(
          "INSERT INTO environments (app_id, env_type, cluster_id, namespace, spec, image, "
          "image_digest, "
          "config_backend, created_by, created_at, updated_at, version, release_policy) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id",
          {e.app_id, e.env_type, e.cluster_id, e.namespace_name,
           boost::json::serialize(core::EnvSpecToJson(e.spec)), e.image, e.image_digest, Backend(e),
           e.created_by, e.created_at, e.updated_at,
           boost::json::serialize(core::ReleasePolicyToJson(e.release_policy))})
      ->Int(0);
}

std::optional<core::Environment> Get(Tx& tx, std::int64_t id) {
  auto r = tx.QueryOne(std::string(kSelect) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return FromRow(*r);
}

std::vector<core::Environment> ListByApp(Tx& tx, std::int64_t app_id) {
  std::vector<core::Environment> out;
  for (const auto& r : tx.Query(
           std::string(kSelect) + "WHERE app_id = ? ORDER BY env_type, cluster_id", {app_id})) {
    out.push_back(FromRow(r));
  }
  return out;
}

std::vector<core::Environment> ListByEnvType(Tx& tx, const std::string& env_type) {
  std::vector<core::Environment> out;
  for (const auto& r :
       tx.Query(std::string(kSelect) + "WHERE env_type = ? ORDER BY id", {env_type})) {
    out.push_back(FromRow(r));
  }
  return out;
}

std::int64_t CountOnCluster(Tx& tx, std::int64_t cluster_id) {
  return tx.QueryOne("SELECT COUNT(*) FROM environments WHERE cluster_id = ?", {cluster_id})
      ->Int(0);
}

std::vector<core::Environment> RunningDigest(Tx& tx, const std::string& digest) {
  std::vector<core::Environment> out;
  for (const auto& r :
       tx.Query(std::string(kSelect) + "WHERE image_digest = ? ORDER BY id", {digest})) {
    out.push_back(FromRow(r));
  }
  return out;
}

bool Update(Tx& tx, const core::Environment& e) {
  return tx.Exec(
             "UPDATE environments SET spec = ?, image = ?, image_digest = ?, config_backend = ?, "
             "release_policy = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?",
             {boost::json::serialize(core::EnvSpecToJson(e.spec)), e.image, e.image_digest,
              Backend(e), boost::json::serialize(core::ReleasePolicyToJson(e.release_policy)),
              e.updated_at, e.version, e.id, e.version - 1}) == 1;
}

bool Delete(Tx& tx, std::int64_t id) {
  return tx.Exec("DELETE FROM environments WHERE id = ?", {id}) == 1;
}

std::int64_t AddOperation(Tx& tx, const EnvOperation& op) {
  return tx
      .QueryOne(
          "INSERT INTO env_operations (env_id, app_id, kind, actor, detail, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
          {op.env_id, op.app_id, op.kind, op.actor,
           op.detail.empty() ? std::string("{}") : op.detail, op.created_at})
      ->Int(0);
}

void DeleteOperations(Tx& tx, std::int64_t env_id) {
  tx.Exec("DELETE FROM env_operations WHERE env_id = ?", {env_id});
}

std::vector<EnvOperation> Operations(Tx& tx, std::int64_t env_id, int limit) {
  std::vector<EnvOperation> out;
  for (const auto& r :
       tx.Query("SELECT id, env_id, app_id, kind, actor, detail, created_at FROM env_operations "
                "WHERE env_id = ? ORDER BY id DESC LIMIT ?",
                {env_id, std::int64_t{limit}})) {
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6)});
  }
  return out;
}

}  // namespace slipway::store::environments
