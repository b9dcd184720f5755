#include "store/build_repository.hpp"

namespace slipway::store::builds {

namespace {

// The workflow's state joins every read: see EffectiveState.
constexpr const char* kSelect =
    "SELECT b.id, b.app_id, b.env_id, b.branch, b.image_tag, b.note, b.state, b.image, b.digest, "
    "b.commit_sha, b.job_path, b.queue_id, b.build_number, b.jenkins_result, b.reason, "
    "b.cancel_requested_by, b.trigger_sent_at, b.last_build_before, b.workflow_id, b.created_by, "
    "b.created_at, b.started_at, b.finished_at, b.updated_at, b.version, w.state, w.error, "
    "w.updated_at "
    "FROM builds b LEFT JOIN workflows w ON w.id = b.workflow_id ";

std::optional<std::int64_t> OptInt(const Row& r, std::size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return r.Int(i);
}

// A queued or running build whose workflow ended without ending it (its
// steps kept failing, or an admin cancelled the workflow) is failed: nothing
// follows it any more. Deriving it on read keeps one source of truth.
void EffectiveState(core::Build& b, const Row& r) {
  if (core::IsFinal(b.state) || r.IsNull(25)) return;
  const std::string& workflow_state = r.Text(25);
  if (workflow_state != "failed" && workflow_state != "cancelled") return;
  b.state = core::BuildState::kFailed;
  b.reason = "Slipway stopped following the build: " +
             (r.Text(26).empty() ? "its workflow was " + workflow_state : r.Text(26));
  b.finished_at = r.Int(27);
}

core::Build FromRow(const Row& r) {
  core::Build b;
  b.id = r.Int(0);
  b.app_id = r.Int(1);
  b.env_id = OptInt(r, 2);
  b.branch = r.Text(3);
  b.version = r.Text(4);
  b.note = r.Text(5);
  b.state = core::ParseBuildState(r.Text(6)).value_or(core::BuildState::kFailed);
  b.image = r.Text(7);
  b.digest = r.Text(8);
  b.commit = r.Text(9);
  b.job_path = r.Text(10);
  b.queue_id = OptInt(r, 11);
  b.build_number = OptInt(r, 12);
  b.jenkins_result = r.Text(13);
  b.reason = r.Text(14);
  b.cancel_requested_by = r.Text(15);
  b.trigger_sent_at = OptInt(r, 16);
  b.last_build_before = r.Int(17);
  b.workflow_id = r.Text(18);
  b.created_by = r.Text(19);
  b.created_at = r.Int(20);
  b.started_at = OptInt(r, 21);
  b.finished_at = OptInt(r, 22);
  b.updated_at = r.Int(23);
  b.row_version = r.Int(24);
  EffectiveState(b, r);
  return b;
}

Param OptParam(const std::optional<std::int64_t>& v) {
  if (!v) return nullptr;
  return *v;
}

std::string StateName(core::BuildState s) { return std::string(core::BuildStateName(s)); }

}  // namespace

std::int64_t Insert(Tx& tx, const core::Build& b) {
  return tx
      .QueryOne(
          "INSERT INTO builds (app_id, env_id, branch, image_tag, note, state, image, job_path, "
          "created_by, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "1) "
          "RETURNING id",
          {b.app_id, OptParam(b.env_id), b.branch, b.version, b.note, StateName(b.state), b.image,
           b.job_path, b.created_by, b.created_at, b.updated_at})
      ->Int(0);
}

std::optional<core::Build> Get(Tx& tx, std::int64_t id) {
  auto r = tx.QueryOne(std::string(kSelect) + "WHERE b.id = ?", {id});
  if (!r) return std::nullopt;
  return FromRow(*r);
}

std::optional<core::Build> WithVersion(Tx& tx, std::int64_t app_id, const std::string& version) {
  auto r = tx.QueryOne(std::string(kSelect) + "WHERE b.app_id = ? AND b.image_tag = ?",
                       {app_id, version});
  if (!r) return std::nullopt;
  return FromRow(*r);
}

std::vector<core::Build> List(Tx& tx, const BuildQuery& q) {
  std::string sql = std::string(kSelect) + "WHERE b.app_id = ?";
  Params params{q.app_id};
  if (q.state) {
    sql += " AND b.state = ?";
    params.push_back(StateName(*q.state));
  }
  if (q.before_id) {
    sql += " AND b.id < ?";
    params.push_back(*q.before_id);
  }
  sql += " ORDER BY b.id DESC LIMIT ?";
  params.push_back(std::int64_t{q.limit + 1});
  std::vector<core::Build> out;
  for (const auto& r : tx.Query(sql, params)) out.push_back(FromRow(r));
  return out;
}

std::optional<std::string> SucceededImageDigest(Tx& tx, std::int64_t app_id,
                                                const std::string& image) {
  auto row = tx.QueryOne(
      "SELECT digest FROM builds WHERE app_id = ? AND image = ? AND state = ? "
      "ORDER BY id DESC LIMIT 1",
      {app_id, image, StateName(core::BuildState::kSucceeded)});
  if (!row) return std::nullopt;
  return row->Text(0);
}

std::vector<core::Build> WithDigest(Tx& tx, const std::string& digest) {
  std::vector<core::Build> out;
  for (const auto& r :
       tx.Query(std::string(kSelect) + "WHERE b.digest = ? ORDER BY b.id", {digest})) {
    out.push_back(FromRow(r));
  }
  return out;
}

bool SetWorkflow(Tx& tx, std::int64_t id, const std::string& workflow_id) {
  return tx.Exec("UPDATE builds SET workflow_id = ? WHERE id = ?", {workflow_id, id}) == 1;
}

bool MarkTriggerSent(Tx& tx, std::int64_t id, core::Millis at, std::int64_t last_build_before) {
  return tx.Exec(
             "UPDATE builds SET trigger_sent_at = ?, last_build_before = ?, updated_at = ?, "
             "version = version + 1 "
             "WHERE id = ? AND trigger_sent_at IS NULL",
             {at, last_build_before, at, id}) == 1;
}

void SetQueueId(Tx& tx, std::int64_t id, std::int64_t queue_id, core::Millis at) {
  tx.Exec("UPDATE builds SET queue_id = ?, updated_at = ?, version = version + 1 WHERE id = ?",
          {queue_id, at, id});
}

bool MarkStarted(Tx& tx, std::int64_t id, std::int64_t build_number, core::Millis at) {
  return tx.Exec(
             "UPDATE builds SET state = 'running', build_number = ?, started_at = ?, updated_at = "
             "?, "
             "version = version + 1 WHERE id = ? AND state = 'queued'",
             {build_number, at, at, id}) == 1;
}

void SetCommit(Tx& tx, std::int64_t id, const std::string& commit, core::Millis at) {
  tx.Exec("UPDATE builds SET commit_sha = ?, updated_at = ?, version = version + 1 WHERE id = ?",
          {commit, at, id});
}

void SetJenkinsResult(Tx& tx, std::int64_t id, const std::string& result, core::Millis at) {
  tx.Exec(
      "UPDATE builds SET jenkins_result = ?, updated_at = ?, version = version + 1 WHERE id = ?",
      {result, at, id});
}

bool End(Tx& tx, std::int64_t id, const Ending& e) {
  return tx.Exec(
             "UPDATE builds SET state = ?, reason = ?, digest = ?, finished_at = ?, updated_at = "
             "?, "
             "version = version + 1 WHERE id = ? AND state = ?",
             {StateName(e.to), e.reason, e.digest, e.at, e.at, id, StateName(e.from)}) == 1;
}

bool RequestCancel(Tx& tx, std::int64_t id, const std::string& by, core::Millis at) {
  return tx.Exec(
             "UPDATE builds SET cancel_requested_by = ?, updated_at = ?, version = version + 1 "
             "WHERE id = ? AND state IN ('queued', 'running') AND cancel_requested_by = ''",
             {by, at, id}) == 1;
}

bool Delete(Tx& tx, std::int64_t id) {
  tx.Exec("DELETE FROM build_logs WHERE build_id = ?", {id});
  return tx.Exec("DELETE FROM builds WHERE id = ?", {id}) == 1;
}

bool AppendLog(Tx& tx, std::int64_t id, std::int64_t start, std::int64_t end,
               const std::string& text) {
  if (end <= start || LogEnd(tx, id) != start) return false;
  tx.Exec("INSERT INTO build_logs (build_id, start_offset, end_offset, text) VALUES (?, ?, ?, ?)",
          {id, start, end, text});
  return true;
}

std::int64_t StoredLogBytes(Tx& tx, std::int64_t id) {
  // Bytes, not characters: SQLite's LENGTH counts characters of TEXT.
  const char* sql =
      tx.dialect() == Dialect::kPostgres
          ? "SELECT COALESCE(SUM(octet_length(text)), 0) FROM build_logs WHERE build_id = ?"
          : "SELECT COALESCE(SUM(LENGTH(CAST(text AS BLOB))), 0) FROM build_logs WHERE build_id = "
            "?";
  return tx.QueryOne(sql, {id})->Int(0);
}

std::int64_t LogEnd(Tx& tx, std::int64_t id) {
  return tx
      .QueryOne("SELECT COALESCE(MAX(end_offset), 0) FROM build_logs WHERE build_id = ?", {id})
      ->Int(0);
}

BuildLogPiece ReadLog(Tx& tx, std::int64_t id, std::int64_t from) {
  BuildLogPiece piece{"", from};
  for (const auto& r : tx.Query("SELECT text, end_offset FROM build_logs WHERE build_id = ? AND "
                                "start_offset >= ? ORDER BY start_offset",
                                {id, from})) {
    piece.text += r.Text(0);
    piece.end = r.Int(1);
  }
  return piece;
}

}  // namespace slipway::store::builds
