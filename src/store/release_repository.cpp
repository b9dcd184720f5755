#include "store/release_repository.hpp"

#include <boost/json.hpp>

#include "core/environments/env_spec_json.hpp"
#include "store/baseline_config_repository.hpp"

namespace slipway::store {

namespace {

constexpr const char* kSelect =
    "SELECT id, change_id, app_id, env_id, kind, rollback_of, strategy, state, image_before, "
    "digest_before, "
    "baseline_before, image, image_digest, spec, plan, auto_rollback, workflow_id, error, "
    "started_by, created_at, "
    "finished_at, updated_at, version FROM releases ";

core::Release FromRow(const Row& r) {
  core::Release x;
  x.id = r.Int(0);
  x.change_id = r.Int(1);
  x.app_id = r.Int(2);
  x.env_id = r.Int(3);
  x.kind = r.Text(4);
  if (!r.IsNull(5)) x.rollback_of = r.Int(5);
  x.strategy = core::ParseReleaseStrategy(r.Text(6)).value_or(core::ReleaseStrategy::kOneShot);
  x.state = core::ParseReleaseState(r.Text(7)).value_or(core::ReleaseState::kPending);
  x.image_before = r.Text(8);
  x.digest_before = r.Text(9);
  x.baseline_before = r.Int(10);
  x.image = r.Text(11);
  x.image_digest = r.Text(12);
  x.spec = r.Text(13);
  x.plan = r.Text(14);
  x.auto_rollback = r.Bool(15);
  x.workflow_id = r.Text(16);
  x.error = r.Text(17);
  x.started_by = r.Text(18);
  x.created_at = r.Int(19);
  if (!r.IsNull(20)) x.finished_at = r.Int(20);
  x.updated_at = r.Int(21);
  x.version = r.Int(22);
  return x;
}

Param Opt(const std::optional<std::int64_t>& v) { return v ? Param(*v) : Param(nullptr); }

core::Baseline BaselineFromRow(const Row& r) {
  core::Baseline b;
  b.id = r.Int(0);
  b.env_id = r.Int(1);
  b.version = r.Int(2);
  b.image = r.Text(3);
  b.image_digest = r.Text(4);
  auto spec = core::ParseEnvSpec(boost::json::parse(r.Text(5)).as_object());
  if (spec.ok()) b.spec = std::move(*spec);
  b.release_id = r.Int(6);
  b.created_by = r.Text(7);
  b.created_at = r.Int(8);
  b.config_recorded = r.Bool(9);
  return b;
}

constexpr const char* kBaselineSelect =
    "SELECT id, env_id, version, image, image_digest, spec, release_id, created_by, created_at, "
    "config_recorded "
    "FROM baselines ";

core::Baseline WithConfig(Tx& tx, core::Baseline b) {
  b.config = baseline_config::Files(tx, b.id);
  return b;
}

}  // namespace

namespace releases {

std::int64_t Insert(Tx& tx, const core::Release& x) {
  return tx
      .QueryOne(
          "INSERT INTO releases (change_id, app_id, env_id, kind, rollback_of, strategy, state, "
          "image_before, "
          "digest_before, baseline_before, image, image_digest, spec, plan, auto_rollback, "
          "workflow_id, error, "
          "started_by, created_at, finished_at, updated_at, version) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
          {x.change_id,
           x.app_id,
           x.env_id,
           x.kind,
           Opt(x.rollback_of),
           std::string(core::ReleaseStrategyName(x.strategy)),
           std::string(core::ReleaseStateName(x.state)),
           x.image_before,
           x.digest_before,
           x.baseline_before,
           x.image,
           x.image_digest,
           x.spec,
           x.plan,
           std::int64_t{x.auto_rollback},
           x.workflow_id.empty() ? Param(nullptr) : Param(x.workflow_id),
           x.error,
           x.started_by,
           x.created_at,
           Opt(x.finished_at),
           x.updated_at})
      ->Int(0);
}

std::optional<core::Release> Get(Tx& tx, std::int64_t id) {
  auto r = tx.QueryOne(std::string(kSelect) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return FromRow(*r);
}

std::optional<core::Release> ActiveOn(Tx& tx, std::int64_t env_id) {
  auto r = tx.QueryOne(
      std::string(kSelect) + "WHERE env_id = ? AND state IN ('pending', 'releasing', 'canary')",
      {env_id});
  if (!r) return std::nullopt;
  return FromRow(*r);
}

std::vector<core::Release> List(Tx& tx, const ReleaseQuery& q) {
  std::string sql = std::string(kSelect) + "WHERE 1 = 1";
  Params params;
  if (q.app_id) sql += " AND app_id = ?", params.push_back(*q.app_id);
  if (q.env_id) sql += " AND env_id = ?", params.push_back(*q.env_id);
  if (q.change_id) sql += " AND change_id = ?", params.push_back(*q.change_id);
  if (!q.state.empty()) sql += " AND state = ?", params.push_back(q.state);
  if (q.before_id) sql += " AND id < ?", params.push_back(*q.before_id);
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(std::int64_t{q.limit + 1});
  std::vector<core::Release> out;
  for (const auto& r : tx.Query(sql, params)) out.push_back(FromRow(r));
  return out;
}

std::optional<std::string> ReleasedImageDigest(Tx& tx, std::int64_t app_id,
                                               const std::string& image) {
  auto row = tx.QueryOne(
      "SELECT CASE WHEN image = ? THEN image_digest ELSE digest_before END FROM releases "
      "WHERE app_id = ? AND (image = ? OR image_before = ?) ORDER BY id DESC LIMIT 1",
      {image, app_id, image, image});
  if (!row) return std::nullopt;
  return row->Text(0);
}

bool Update(Tx& tx, const core::Release& x) {
  return tx.Exec(
             "UPDATE releases SET state = ?, image_before = ?, digest_before = ?, baseline_before "
             "= ?, image = ?, "
             "image_digest = ?, spec = ?, plan = ?, workflow_id = ?, error = ?, finished_at = ?, "
             "updated_at = ?, "
             "version = ? WHERE id = ? AND version = ?",
             {std::string(core::ReleaseStateName(x.state)), x.image_before, x.digest_before,
              x.baseline_before, x.image, x.image_digest, x.spec, x.plan,
              x.workflow_id.empty() ? Param(nullptr) : Param(x.workflow_id), x.error,
              Opt(x.finished_at), x.updated_at, x.version, x.id, x.version - 1}) == 1;
}

void PutSteps(Tx& tx, std::int64_t release_id, const std::vector<core::ReleaseStep>& steps) {
  tx.Exec("DELETE FROM release_steps WHERE release_id = ?", {release_id});
  for (const auto& s : steps) {
    tx.Exec(
        "INSERT INTO release_steps (release_id, idx, name, state, message, started_at, "
        "finished_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {release_id, std::int64_t{s.idx}, s.name, s.state, s.message, Opt(s.started_at),
         Opt(s.finished_at)});
  }
}

void UpdateStep(Tx& tx, std::int64_t release_id, const core::ReleaseStep& s) {
  tx.Exec(
      "UPDATE release_steps SET state = ?, message = ?, started_at = ?, finished_at = ? "
      "WHERE release_id = ? AND idx = ?",
      {s.state, s.message, Opt(s.started_at), Opt(s.finished_at), release_id, std::int64_t{s.idx}});
}

std::vector<core::ReleaseStep> Steps(Tx& tx, std::int64_t release_id) {
  std::vector<core::ReleaseStep> out;
  for (const auto& r :
       tx.Query("SELECT idx, name, state, message, started_at, finished_at FROM release_steps "
                "WHERE release_id = ? ORDER BY idx",
                {release_id})) {
    core::ReleaseStep s;
    s.idx = static_cast<int>(r.Int(0));
    s.name = r.Text(1);
    s.state = r.Text(2);
    s.message = r.Text(3);
    if (!r.IsNull(4)) s.started_at = r.Int(4);
    if (!r.IsNull(5)) s.finished_at = r.Int(5);
    out.push_back(std::move(s));
  }
  return out;
}

std::int64_t AddOperation(Tx& tx, const ReleaseOperation& op) {
  return tx
      .QueryOne(
          "INSERT INTO release_operations (release_id, kind, actor, detail, created_at) VALUES (?, "
          "?, ?, ?, ?) "
          "RETURNING id",
          {op.release_id, op.kind, op.actor, op.detail.empty() ? std::string("{}") : op.detail,
           op.created_at})
      ->Int(0);
}

std::vector<ReleaseOperation> Operations(Tx& tx, std::int64_t release_id) {
  std::vector<ReleaseOperation> out;
  for (const auto& r :
       tx.Query("SELECT id, release_id, kind, actor, detail, created_at FROM release_operations "
                "WHERE release_id = ? ORDER BY id",
                {release_id})) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5)});
  }
  return out;
}

}  // namespace releases

namespace baselines {

std::int64_t Append(Tx& tx, core::Baseline b) {
  auto latest = tx.QueryOne("SELECT MAX(version) FROM baselines WHERE env_id = ?", {b.env_id});
  b.version = (latest && !latest->IsNull(0) ? latest->Int(0) : 0) + 1;
  const auto id =
      tx.QueryOne(
            "INSERT INTO baselines (env_id, version, image, image_digest, spec, release_id, "
            "created_by, created_at, config_recorded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
            "id",
            {b.env_id, b.version, b.image, b.image_digest,
             boost::json::serialize(core::EnvSpecToJson(b.spec)), b.release_id, b.created_by,
             b.created_at, std::int64_t{b.config_recorded}})
          ->Int(0);
  baseline_config::PutFiles(tx, id, b.config);
  return b.version;
}

std::optional<core::Baseline> Latest(Tx& tx, std::int64_t env_id) {
  auto r = tx.QueryOne(
      std::string(kBaselineSelect) + "WHERE env_id = ? ORDER BY version DESC LIMIT 1", {env_id});
  if (!r) return std::nullopt;
  return WithConfig(tx, BaselineFromRow(*r));
}

std::optional<core::Baseline> Get(Tx& tx, std::int64_t env_id, std::int64_t version) {
  auto r = tx.QueryOne(std::string(kBaselineSelect) + "WHERE env_id = ? AND version = ?",
                       {env_id, version});
  if (!r) return std::nullopt;
  return WithConfig(tx, BaselineFromRow(*r));
}

std::vector<core::Baseline> List(Tx& tx, std::int64_t env_id) {
  std::vector<core::Baseline> out;
  for (const auto& r : tx.Query(
           std::string(kBaselineSelect) + "WHERE env_id = ? ORDER BY version DESC", {env_id})) {
    out.push_back(BaselineFromRow(r));
  }
  return out;
}

std::vector<core::Baseline> WithDigest(Tx& tx, const std::string& digest) {
  std::vector<core::Baseline> out;
  for (const auto& r :
       tx.Query(std::string(kBaselineSelect) + "WHERE image_digest = ? ORDER BY id", {digest})) {
    out.push_back(BaselineFromRow(r));
  }
  return out;
}

}  // namespace baselines
}  // namespace slipway::store
