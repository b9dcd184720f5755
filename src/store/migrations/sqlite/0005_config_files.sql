-- Configuration files (R-CFG-1..2): drafts kept in Slipway until they are
-- published to the environment's config backend (Consul or Apollo), and the
-- record of every publish. The live files themselves stay in the backend.

-- One draft per file and environment, shared by the people who may edit it.
CREATE TABLE config_drafts (
  id INTEGER PRIMARY KEY,
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

-- Every publish; kept after the environment is gone (like env_operations).
CREATE TABLE config_publishes (
  id INTEGER PRIMARY KEY,
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
CREATE INDEX config_publishes_env ON config_publishes(env_id, id);
