// Storage contract: an id, once handed out, is never handed out again, in
// every table with an integer id and on both dialects. A deleted
// environment's id given to the next one brought along the deleted one's
// drafts, publishes, baselines, releases, open changes and audit trail.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

// Rows the inserted ones refer to, made once per test.
struct Parents {
  std::int64_t user = 0, app = 0, cluster = 0, env = 0, change = 0, release = 0, lane = 0;
  std::string workflow = "wf-parent";
};

struct TableCase {
  std::string table;
  std::string insert;  // ends in RETURNING id
  // The insert's parameters; `n` makes each row's unique columns unique.
  std::function<Params(const Parents& p, const std::string& n)> params;
};

std::vector<TableCase> Cases() {
  return {
      {"users",
       "INSERT INTO users (username, role, password_hash, created_at, updated_at) "
       "VALUES (?, 'viewer', 'x', 1, 1) RETURNING id",
       [](const Parents&, const std::string& n) { return Params{"user-" + n}; }},
      {"api_tokens",
       "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, 'ci', ?, 1) "
       "RETURNING id",
       [](const Parents& p, const std::string& n) {
         return Params{p.user, "hash-" + n};
       }},
      {"apps",
       "INSERT INTO apps (name, team, type, level, status, created_at, updated_at) "
       "VALUES (?, 'trade', 'self_developed', 'core', 'online', 1, 1) RETURNING id",
       [](const Parents&, const std::string& n) { return Params{"app-" + n}; }},
      {"audit",
       "INSERT INTO audit (time, actor, action, object_type, object_id, summary, result, "
       "request_id) "
       "VALUES (1, 'alice', 'x', 'env', ?, '', 'ok', 'r') RETURNING id",
       [](const Parents&, const std::string& n) { return Params{n}; }},
      {"workflow_steps",
       "INSERT INTO workflow_steps (workflow_id, idx, name, state, run_after) "
       "VALUES (?, ?, 'step', 'pending', 0) RETURNING id",
       [](const Parents& p, const std::string& n) {
         return Params{p.workflow, std::stoll(n)};
       }},
      {"clusters",
       "INSERT INTO clusters (name, connection, config_backend, created_at, updated_at) "
       "VALUES (?, 'sandbox', 'consul', 1, 1) RETURNING id",
       [](const Parents&, const std::string& n) { return Params{"cluster-" + n}; }},
      {"environments",
       "INSERT INTO environments (app_id, env_type, cluster_id, namespace, spec, created_by, "
       "created_at, "
       "updated_at) VALUES (?, ?, ?, 'ns', '{}', 'alice', 1, 1) RETURNING id",
       [](const Parents& p, const std::string& n) {
         return Params{p.app, "type-" + n, p.cluster};
       }},
      {"env_operations",
       "INSERT INTO env_operations (env_id, app_id, kind, actor, created_at) "
       "VALUES (?, ?, 'restart', 'alice', 1) RETURNING id",
       [](const Parents& p, const std::string&) {
         return Params{p.env, p.app};
       }},
      {"config_drafts",
       "INSERT INTO config_drafts (env_id, file_name, content, base_version, base_content, "
       "created_by, "
       "updated_by, created_at, updated_at) VALUES (?, ?, '', 0, '', 'alice', 'alice', 1, 1) "
       "RETURNING id",
       [](const Parents& p, const std::string& n) {
         return Params{p.env, "file-" + n};
       }},
      {"config_publishes",
       "INSERT INTO config_publishes (env_id, app_id, file_name, format, backend, location, actor, "
       "base_version, "
       "version_after, content, diff, written, created_at) "
       "VALUES (?, ?, 'a.properties', 'properties', 'consul', 'k', 'alice', 0, 1, '', '{}', 1, 1) "
       "RETURNING id",
       [](const Parents& p, const std::string&) {
         return Params{p.env, p.app};
       }},
      {"changes",
       "INSERT INTO changes (app_id, env_id, type, state, title, created_by, created_at, "
       "updated_at) "
       "VALUES (?, ?, 'code', 'developing', 't', 'alice', 1, 1) RETURNING id",
       [](const Parents& p, const std::string&) {
         return Params{p.app, p.env};
       }},
      {"change_events",
       "INSERT INTO change_events (change_id, kind, actor, created_at) VALUES (?, 'edit', 'alice', "
       "1) RETURNING id",
       [](const Parents& p, const std::string&) { return Params{p.change}; }},
      {"releases",
       "INSERT INTO releases (change_id, app_id, env_id, kind, strategy, state, image, spec, "
       "started_by, "
       "created_at, updated_at) VALUES (?, ?, ?, 'rollback', 'one_shot', 'failed', 'i', '{}', "
       "'alice', 1, 1) "
       "RETURNING id",
       [](const Parents& p, const std::string&) {
         return Params{p.change, p.app, p.env};
       }},
      {"release_operations",
       "INSERT INTO release_operations (release_id, kind, actor, created_at) VALUES (?, 'promote', "
       "'alice', 1) "
       "RETURNING id",
       [](const Parents& p, const std::string&) { return Params{p.release}; }},
      {"baselines",
       "INSERT INTO baselines (env_id, version, image, spec, created_by, created_at) "
       "VALUES (?, ?, 'i', '{}', 'alice', 1) RETURNING id",
       [](const Parents& p, const std::string& n) {
         return Params{p.env, std::stoll(n)};
       }},
      {"builds",
       "INSERT INTO builds (app_id, branch, image_tag, state, image, job_path, created_by, "
       "created_at, updated_at) "
       "VALUES (?, 'main', ?, 'queued', 'i', 'j', 'alice', 1, 1) RETURNING id",
       [](const Parents& p, const std::string& n) {
         return Params{p.app, "tag-" + n};
       }},
      {"notification_targets",
       "INSERT INTO notification_targets (scope, scope_key, name, type, url_sealed, url_shown, "
       "kinds, updated_by, "
       "created_at, updated_at) VALUES ('team', 'trade', ?, 'webhook', 's', 'u', '[]', 'alice', 1, "
       "1) RETURNING id",
       [](const Parents&, const std::string& n) { return Params{"target-" + n}; }},
      {"notification_deliveries",
       "INSERT INTO notification_deliveries (app_id, target_id, target_name, target_scope, "
       "target_key, kind, title, "
       "workflow_id, state, created_at, updated_at) "
       "VALUES (?, 1, 't', 'team', 'trade', 'k', 't', ?, 'pending', 1, 1) RETURNING id",
       [](const Parents& p, const std::string& n) {
         return Params{p.app, "wf-" + n};
       }},
      {"lanes",
       "INSERT INTO lanes (name, namespace, story_workspace, story_id, owner, base_env_type, "
       "cluster_id, state, "
       "last_activity_at, created_by, created_at, updated_at) "
       "VALUES (?, ?, 'w', 's', 'alice', 'qa', ?, 'active', 1, 'alice', 1, 1) RETURNING id",
       [](const Parents& p, const std::string& n) {
         return Params{"lane-" + n, "lane-" + n, p.cluster};
       }},
      {"connectors",
       "INSERT INTO connectors (system, settings, updated_by, updated_at) "
       "VALUES (?, '{}', 'root', 1) RETURNING id",
       [](const Parents&, const std::string& n) { return Params{"system-" + n}; }},
      {"lane_events",
       "INSERT INTO lane_events (lane_id, kind, created_at) VALUES (?, 'push', ?) RETURNING id",
       [](const Parents& p, const std::string& n) {
         return Params{p.lane, std::stoll(n)};
       }},
  };
}

class IdsNeverReused : public ::testing::TestWithParam<TableCase> {
 protected:
  void SetUp() override {
    parents_ = InTx(*db_, TxMode::kWrite, [](Tx& tx) {
      Parents p;
      auto id = [&](std::string_view sql, const Params& params = {}) {
        return tx.QueryOne(sql, params)->Int(0);
      };
      p.user =
          id("INSERT INTO users (username, role, password_hash, created_at, updated_at) "
             "VALUES ('alice', 'developer', 'x', 1, 1) RETURNING id");
      p.app =
          id("INSERT INTO apps (name, team, type, level, status, created_at, updated_at) "
             "VALUES ('shop', 'trade', 'self_developed', 'core', 'online', 1, 1) RETURNING id");
      p.cluster =
          id("INSERT INTO clusters (name, connection, config_backend, created_at, updated_at) "
             "VALUES ('east', 'sandbox', 'consul', 1, 1) RETURNING id");
      p.env =
          id("INSERT INTO environments (app_id, env_type, cluster_id, namespace, spec, created_by, "
             "created_at, "
             "updated_at) VALUES (?, 'prod', ?, 'ns', '{}', 'alice', 1, 1) RETURNING id",
             {p.app, p.cluster});
      p.change =
          id("INSERT INTO changes (app_id, env_id, type, state, title, created_by, created_at, "
             "updated_at) "
             "VALUES (?, ?, 'code', 'released', 't', 'alice', 1, 1) RETURNING id",
             {p.app, p.env});
      p.release =
          id("INSERT INTO releases (change_id, app_id, env_id, kind, strategy, state, image, spec, "
             "started_by, created_at, updated_at) "
             "VALUES (?, ?, ?, 'release', 'one_shot', 'completed', 'i', '{}', 'alice', 1, 1) "
             "RETURNING id",
             {p.change, p.app, p.env});
      p.lane =
          id("INSERT INTO lanes (name, namespace, story_workspace, story_id, owner, base_env_type, "
             "cluster_id, "
             "state, last_activity_at, created_by, created_at, updated_at) "
             "VALUES ('parent', 'parent', 'w', 's', 'alice', 'qa', ?, 'active', 1, 'alice', 1, 1) "
             "RETURNING id",
             {p.cluster});
      tx.Exec(
          "INSERT INTO workflows (id, kind, subject, state, input, created_at, updated_at) "
          "VALUES (?, 'release', 's', 'running', '{}', 1, 1)",
          {p.workflow});
      return p;
    });
  }

  std::int64_t Insert(const std::string& n) {
    const auto& c = GetParam();
    return InTx(*db_, TxMode::kWrite,
                [&](Tx& tx) { return tx.QueryOne(c.insert, c.params(parents_, n))->Int(0); });
  }

  testing::TestDatabase db_ = testing::OpenTestDatabase();
  Parents parents_;
};

TEST_P(IdsNeverReused, DeletingTheNewestRowDoesNotFreeItsId) {
  const auto& table = GetParam().table;
  Insert("1");
  const auto newest = Insert("2");
  InTx(*db_, TxMode::kWrite,
       [&](Tx& tx) { tx.Exec("DELETE FROM " + table + " WHERE id = ?", {newest}); });
  EXPECT_GT(Insert("3"), newest) << table << " handed out the id of a deleted row again";
}

INSTANTIATE_TEST_SUITE_P(EveryTable, IdsNeverReused, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<TableCase>& info) {
                           return info.param.table;
                         });

}  // namespace
}  // namespace slipway::store
