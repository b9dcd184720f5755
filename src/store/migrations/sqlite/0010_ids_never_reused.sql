-- Ids are never handed out again (issue 9): without AUTOINCREMENT SQLite
-- gives a new row the largest id + 1, so deleting the newest environment let
-- the next one take its id, and with it the deleted one's drafts, publishes,
-- baselines, releases, open changes and audit trail. Every table with an
-- integer id is rebuilt with AUTOINCREMENT, keeping its rows, indexes and
-- foreign keys (SQLite's documented procedure: the runner runs migrations
-- with foreign keys off and checks them all before committing). builds
-- already had it (0004). The tables are rebuilt as 0009 left them, so this
-- comes after it.
--
-- Also: changes.close_reason, and a change is "released once" by a release
-- that ran (has a workflow), so a release left behind without one by a
-- refused request no longer blocks its change.

CREATE TABLE users_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
INSERT INTO users_new (id, username, display_name, role, password_hash, disabled, created_at, updated_at, version)
  SELECT id, username, display_name, role, password_hash, disabled, created_at, updated_at, version FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));

CREATE TABLE api_tokens_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  last_used_at BIGINT,
  revoked_at BIGINT
);
INSERT INTO api_tokens_new (id, user_id, name, token_hash, created_at, expires_at, last_used_at, revoked_at)
  SELECT id, user_id, name, token_hash, created_at, expires_at, last_used_at, revoked_at FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_new RENAME TO api_tokens;
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE apps_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  team TEXT NOT NULL,
  type TEXT NOT NULL,
  level TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  repo_url TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  status_reason TEXT NOT NULL DEFAULT '',
  offline_from TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
INSERT INTO apps_new (id, name, team, type, level, description, repo_url, status, status_reason, offline_from, details, created_at, updated_at, version)
  SELECT id, name, team, type, level, description, repo_url, status, status_reason, offline_from, details, created_at, updated_at, version FROM apps;
DROP TABLE apps;
ALTER TABLE apps_new RENAME TO apps;
CREATE INDEX apps_status ON apps(status);
CREATE INDEX apps_team ON apps(team);
CREATE INDEX apps_created ON apps(created_at, id);
CREATE INDEX apps_updated ON apps(updated_at, id);

CREATE TABLE audit_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  summary TEXT NOT NULL,
  result TEXT NOT NULL,
  request_id TEXT NOT NULL
);
INSERT INTO audit_new (id, time, actor, action, object_type, object_id, summary, result, request_id)
  SELECT id, time, actor, action, object_type, object_id, summary, result, request_id FROM audit;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;
CREATE INDEX audit_object ON audit(object_type, object_id, id);
CREATE INDEX audit_actor ON audit(actor, id);

CREATE TABLE workflow_steps_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  workflow_id TEXT NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  name TEXT NOT NULL,
  state TEXT NOT NULL,
  attempt INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  run_after BIGINT NOT NULL,
  lease_owner TEXT,
  lease_until BIGINT,
  wait_signal TEXT,
  signal_payload TEXT,
  scratch TEXT NOT NULL DEFAULT 'null',
  output TEXT,
  error TEXT,
  started_at BIGINT,
  finished_at BIGINT,
  UNIQUE (workflow_id, idx)
);
INSERT INTO workflow_steps_new (id, workflow_id, idx, name, state, attempt, failures, run_after, lease_owner, lease_until, wait_signal, signal_payload, scratch, output, error, started_at, finished_at)
  SELECT id, workflow_id, idx, name, state, attempt, failures, run_after, lease_owner, lease_until, wait_signal, signal_payload, scratch, output, error, started_at, finished_at FROM workflow_steps;
DROP TABLE workflow_steps;
ALTER TABLE workflow_steps_new RENAME TO workflow_steps;
CREATE INDEX workflow_steps_due ON workflow_steps (state, run_after);
CREATE INDEX workflow_steps_lease ON workflow_steps (state, lease_until);

CREATE TABLE clusters_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  -- kubeconfig | in_cluster | sandbox (the in-process emulator of `serve`)
  connection TEXT NOT NULL,
  -- The kubeconfig, sealed with the server's secret key (libsodium secretbox).
  kubeconfig_sealed TEXT NOT NULL DEFAULT '',
  -- {"prod": "shop-prod", …}: the namespace each env type deploys into.
  namespaces TEXT NOT NULL DEFAULT '{}',
  registry TEXT NOT NULL DEFAULT '',
  config_backend TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
INSERT INTO clusters_new (id, name, description, connection, kubeconfig_sealed, namespaces, registry, config_backend, created_at, updated_at, version)
  SELECT id, name, description, connection, kubeconfig_sealed, namespaces, registry, config_backend, created_at, updated_at, version FROM clusters;
DROP TABLE clusters;
ALTER TABLE clusters_new RENAME TO clusters;

CREATE TABLE environments_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  app_id BIGINT NOT NULL REFERENCES apps(id),
  env_type TEXT NOT NULL,
  cluster_id BIGINT NOT NULL REFERENCES clusters(id),
  namespace TEXT NOT NULL,
  -- The resources (core::EnvSpec as JSON).
  spec TEXT NOT NULL,
  image TEXT NOT NULL DEFAULT '',
  image_digest TEXT NOT NULL DEFAULT '',
  -- '' = the cluster's backend; consul | apollo
  config_backend TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  release_policy TEXT NOT NULL DEFAULT '{}',
  UNIQUE (app_id, env_type, cluster_id)
);
INSERT INTO environments_new (id, app_id, env_type, cluster_id, namespace, spec, image, image_digest, config_backend, created_by, created_at, updated_at, version, release_policy)
  SELECT id, app_id, env_type, cluster_id, namespace, spec, image, image_digest, config_backend, created_by, created_at, updated_at, version, release_policy FROM environments;
DROP TABLE environments;
ALTER TABLE environments_new RENAME TO environments;
CREATE INDEX environments_cluster ON environments(cluster_id);

CREATE TABLE env_operations_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  env_id BIGINT NOT NULL,
  app_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL
);
INSERT INTO env_operations_new (id, env_id, app_id, kind, actor, detail, created_at)
  SELECT id, env_id, app_id, kind, actor, detail, created_at FROM env_operations;
DROP TABLE env_operations;
ALTER TABLE env_operations_new RENAME TO env_operations;
CREATE INDEX env_operations_env ON env_operations(env_id, id);

CREATE TABLE config_drafts_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- A draft means nothing without its environment: it goes with it.
  env_id BIGINT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  content TEXT NOT NULL,
  -- The live version the draft was taken from (Consul ModifyIndex, Apollo
  -- release id; 0 = the file did not exist), and the content it had then.
  -- Publishing refuses when the live version moved on since.
  base_version BIGINT NOT NULL,
  base_content TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (env_id, file_name)
);
INSERT INTO config_drafts_new (id, env_id, file_name, content, base_version, base_content, created_by, updated_by, created_at, updated_at, version)
  SELECT id, env_id, file_name, content, base_version, base_content, created_by, updated_by, created_at, updated_at, version FROM config_drafts;
DROP TABLE config_drafts;
ALTER TABLE config_drafts_new RENAME TO config_drafts;

CREATE TABLE config_publishes_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  env_id BIGINT NOT NULL,
  app_id BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  -- consul | apollo, and where: the Consul key or ENV/app/cluster/namespace.
  backend TEXT NOT NULL,
  location TEXT NOT NULL,
  actor TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  base_version BIGINT NOT NULL,
  -- The backend's version after the publish.
  version_after BIGINT NOT NULL,
  content TEXT NOT NULL,
  -- What changed against the live value (JSON: line or key diff).
  diff TEXT NOT NULL,
  -- 0 when the live value already equalled the draft and nothing was written
  -- (for instance a retry after the record of an earlier write was lost).
  written INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
INSERT INTO config_publishes_new (id, env_id, app_id, file_name, format, backend, location, actor, comment, base_version, version_after, content, diff, written, created_at)
  SELECT id, env_id, app_id, file_name, format, backend, location, actor, comment, base_version, version_after, content, diff, written, created_at FROM config_publishes;
DROP TABLE config_publishes;
ALTER TABLE config_publishes_new RENAME TO config_publishes;
CREATE INDEX config_publishes_env ON config_publishes(env_id, id);

CREATE TABLE changes_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  app_id BIGINT NOT NULL REFERENCES apps(id),
  env_id BIGINT NOT NULL,
  type TEXT NOT NULL,              -- code | scale | env_resource
  state TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  build_id BIGINT,                 -- code: the build released
  image TEXT NOT NULL DEFAULT '',  -- code: the image (a build's address, or a vendor image)
  image_digest TEXT NOT NULL DEFAULT '',
  replicas INTEGER,                -- scale: the new count
  spec TEXT,                       -- env_resource: the new resources (EnvSpec JSON)
  needs_approval INTEGER NOT NULL DEFAULT 0,
  release_id BIGINT,               -- the release that executed it (at most one)
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  -- closed: the closer's comment, or what the system did ("environment 7 (prod) was deleted by bob")
  close_reason TEXT NOT NULL DEFAULT ''
);
INSERT INTO changes_new (id, app_id, env_id, type, state, title, description, build_id, image, image_digest, replicas, spec, needs_approval, release_id, created_by, created_at, updated_at, version)
  SELECT id, app_id, env_id, type, state, title, description, build_id, image, image_digest, replicas, spec, needs_approval, release_id, created_by, created_at, updated_at, version FROM changes;
DROP TABLE changes;
ALTER TABLE changes_new RENAME TO changes;
CREATE INDEX changes_app ON changes(app_id, id);
CREATE INDEX changes_env ON changes(env_id, id);
CREATE INDEX changes_state ON changes(state, id);

CREATE TABLE change_events_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  change_id BIGINT NOT NULL REFERENCES changes(id),
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL
);
INSERT INTO change_events_new (id, change_id, kind, actor, comment, detail, created_at)
  SELECT id, change_id, kind, actor, comment, detail, created_at FROM change_events;
DROP TABLE change_events;
ALTER TABLE change_events_new RENAME TO change_events;
CREATE INDEX change_events_change ON change_events(change_id, id);

CREATE TABLE releases_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  change_id BIGINT NOT NULL REFERENCES changes(id),
  app_id BIGINT NOT NULL,
  env_id BIGINT NOT NULL,
  kind TEXT NOT NULL,              -- release | rollback
  rollback_of BIGINT,              -- rollback: the release rolled back
  strategy TEXT NOT NULL,          -- one_shot | canary
  state TEXT NOT NULL,
  -- What ran before (R-REL-2) and what it releases.
  image_before TEXT NOT NULL DEFAULT '',
  digest_before TEXT NOT NULL DEFAULT '',
  baseline_before BIGINT NOT NULL DEFAULT 0,
  image TEXT NOT NULL,
  image_digest TEXT NOT NULL DEFAULT '',
  spec TEXT NOT NULL,              -- the resources it applies (EnvSpec JSON)
  plan TEXT NOT NULL DEFAULT '[]', -- canary: the steps' replica counts
  auto_rollback INTEGER NOT NULL DEFAULT 0,
  workflow_id TEXT,
  error TEXT NOT NULL DEFAULT '',
  started_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  finished_at BIGINT,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
INSERT INTO releases_new (id, change_id, app_id, env_id, kind, rollback_of, strategy, state, image_before, digest_before, baseline_before, image, image_digest, spec, plan, auto_rollback, workflow_id, error, started_by, created_at, finished_at, updated_at, version)
  SELECT id, change_id, app_id, env_id, kind, rollback_of, strategy, state, image_before, digest_before, baseline_before, image, image_digest, spec, plan, auto_rollback, workflow_id, error, started_by, created_at, finished_at, updated_at, version FROM releases;
DROP TABLE releases;
ALTER TABLE releases_new RENAME TO releases;
CREATE UNIQUE INDEX releases_one_active ON releases(env_id) WHERE state IN ('pending', 'releasing', 'canary');
CREATE UNIQUE INDEX releases_once_per_change ON releases(change_id) WHERE kind = 'release' AND workflow_id IS NOT NULL;
CREATE INDEX releases_env ON releases(env_id, id);
CREATE INDEX releases_app ON releases(app_id, id);

CREATE TABLE release_operations_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  release_id BIGINT NOT NULL REFERENCES releases(id),
  kind TEXT NOT NULL,              -- start | promote | promote_all | abort | rollback
  actor TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL
);
INSERT INTO release_operations_new (id, release_id, kind, actor, detail, created_at)
  SELECT id, release_id, kind, actor, detail, created_at FROM release_operations;
DROP TABLE release_operations;
ALTER TABLE release_operations_new RENAME TO release_operations;
CREATE INDEX release_operations_release ON release_operations(release_id, id);

CREATE TABLE baselines_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  env_id BIGINT NOT NULL,
  version BIGINT NOT NULL,
  image TEXT NOT NULL,
  image_digest TEXT NOT NULL DEFAULT '',
  spec TEXT NOT NULL,
  release_id BIGINT NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (env_id, version)
);
INSERT INTO baselines_new (id, env_id, version, image, image_digest, spec, release_id, created_by, created_at)
  SELECT id, env_id, version, image, image_digest, spec, release_id, created_by, created_at FROM baselines;
DROP TABLE baselines;
ALTER TABLE baselines_new RENAME TO baselines;
CREATE INDEX baselines_digest ON baselines(image_digest);

CREATE TABLE notification_targets_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scope TEXT NOT NULL,             -- app | team
  scope_key TEXT NOT NULL,         -- the application's id, or the team's name
  name TEXT NOT NULL,
  type TEXT NOT NULL,              -- dingtalk | webhook
  -- The URL carries credentials (DingTalk's access_token): sealed like the
  -- secret, and shown only with its query values and long path segments masked.
  url_sealed TEXT NOT NULL,
  url_shown TEXT NOT NULL,
  secret_sealed TEXT NOT NULL DEFAULT '',
  kinds TEXT NOT NULL,             -- JSON array of notice kinds
  updated_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (scope, scope_key, name)
);
INSERT INTO notification_targets_new (id, scope, scope_key, name, type, url_sealed, url_shown, secret_sealed, kinds, updated_by, created_at, updated_at)
  SELECT id, scope, scope_key, name, type, url_sealed, url_shown, secret_sealed, kinds, updated_by, created_at, updated_at FROM notification_targets;
DROP TABLE notification_targets;
ALTER TABLE notification_targets_new RENAME TO notification_targets;

CREATE TABLE notification_deliveries_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  app_id BIGINT NOT NULL,
  target_id BIGINT NOT NULL,
  target_name TEXT NOT NULL,
  target_scope TEXT NOT NULL,     -- app | team, and the scope's key as above
  target_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  workflow_id TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL,             -- pending | delivered | failed
  error TEXT NOT NULL DEFAULT '',  -- the last failure
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
INSERT INTO notification_deliveries_new (id, app_id, target_id, target_name, target_scope, target_key, kind, title, workflow_id, state, error, attempts, created_at, updated_at)
  SELECT id, app_id, target_id, target_name, target_scope, target_key, kind, title, workflow_id, state, error, attempts, created_at, updated_at FROM notification_deliveries;
DROP TABLE notification_deliveries;
ALTER TABLE notification_deliveries_new RENAME TO notification_deliveries;
CREATE INDEX notification_deliveries_app ON notification_deliveries(app_id, id);
CREATE INDEX notification_deliveries_scope ON notification_deliveries(target_scope, target_key, id);

-- Rows deleted before this migration (environments, clusters, notification
-- targets: the only ones Slipway deletes) may still be named elsewhere: an
-- environment by its operations, publishes, changes, releases, baselines,
-- builds and successful audit records, a cluster by its audit records, a
-- removed target by its deliveries. Their sequences start past those too.
INSERT INTO sqlite_sequence (name, seq)
  SELECT name, 0 FROM (SELECT 'environments' AS name UNION ALL SELECT 'clusters' UNION ALL SELECT 'notification_targets')
  WHERE name NOT IN (SELECT name FROM sqlite_sequence);
UPDATE sqlite_sequence SET seq = max(seq,
  coalesce((SELECT max(env_id) FROM env_operations), 0),
  coalesce((SELECT max(env_id) FROM config_publishes), 0),
  coalesce((SELECT max(env_id) FROM changes), 0),
  coalesce((SELECT max(env_id) FROM releases), 0),
  coalesce((SELECT max(env_id) FROM baselines), 0),
  coalesce((SELECT max(env_id) FROM builds), 0),
  coalesce((SELECT max(CAST(object_id AS INTEGER)) FROM audit
            WHERE object_type IN ('env', 'environment') AND result = 'ok'), 0))
WHERE name = 'environments';
UPDATE sqlite_sequence SET seq = max(seq,
  coalesce((SELECT max(CAST(object_id AS INTEGER)) FROM audit WHERE object_type = 'cluster' AND result = 'ok'), 0))
WHERE name = 'clusters';
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(target_id) FROM notification_deliveries), 0))
WHERE name = 'notification_targets';
