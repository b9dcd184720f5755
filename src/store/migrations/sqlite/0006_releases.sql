-- Changes, releases, their steps and operation records, and baselines
-- (R-CHG-1..4, R-REL-1..7). Times are milliseconds since the epoch; JSON is text.
CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
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
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX changes_app ON changes(app_id, id);
CREATE INDEX changes_env ON changes(env_id, id);
CREATE INDEX changes_state ON changes(state, id);

-- The change's history: submit, approve (with the comment), reject, close,
-- withdraw, release, rollback entries.
CREATE TABLE change_events (
  id INTEGER PRIMARY KEY,
  change_id BIGINT NOT NULL REFERENCES changes(id),
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL
);
CREATE INDEX change_events_change ON change_events(change_id, id);

CREATE TABLE releases (
  id INTEGER PRIMARY KEY,
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
-- At most one active release per environment, and a change released once.
CREATE UNIQUE INDEX releases_one_active ON releases(env_id) WHERE state IN ('pending', 'releasing', 'canary');
CREATE UNIQUE INDEX releases_once_per_change ON releases(change_id) WHERE kind = 'release';
CREATE INDEX releases_env ON releases(env_id, id);
CREATE INDEX releases_app ON releases(app_id, id);

-- Each step as people see it: name, state, times, message.
CREATE TABLE release_steps (
  release_id BIGINT NOT NULL REFERENCES releases(id),
  idx INTEGER NOT NULL,
  name TEXT NOT NULL,
  state TEXT NOT NULL,             -- pending | running | waiting | succeeded | failed | skipped
  message TEXT NOT NULL DEFAULT '',
  started_at BIGINT,
  finished_at BIGINT,
  PRIMARY KEY (release_id, idx)
);

CREATE TABLE release_operations (
  id INTEGER PRIMARY KEY,
  release_id BIGINT NOT NULL REFERENCES releases(id),
  kind TEXT NOT NULL,              -- start | promote | promote_all | abort | rollback
  actor TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL
);
CREATE INDEX release_operations_release ON release_operations(release_id, id);

CREATE TABLE baselines (
  id INTEGER PRIMARY KEY,
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
CREATE INDEX baselines_digest ON baselines(image_digest);

-- Per environment: strategy, canary plan, auto-rollback, approval.
ALTER TABLE environments ADD COLUMN release_policy TEXT NOT NULL DEFAULT '{}';

-- The engine's waits got deadlines (run_after of a waiting step); waits
-- recorded before that have none.
UPDATE workflow_steps SET run_after = 9223372036854775807 WHERE state = 'waiting';
