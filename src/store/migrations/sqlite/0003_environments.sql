-- Clusters, environments and their operation records (R-ENV-1..7).
-- Times are milliseconds since the epoch; JSON is stored as text.
CREATE TABLE clusters (
  id INTEGER PRIMARY KEY,
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

CREATE TABLE environments (
  id INTEGER PRIMARY KEY,
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
  UNIQUE (app_id, env_type, cluster_id)
);
CREATE INDEX environments_cluster ON environments(cluster_id);

-- What was done to an environment outside changes: create, restart, delete.
CREATE TABLE env_operations (
  id INTEGER PRIMARY KEY,
  env_id BIGINT NOT NULL,
  app_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL
);
CREATE INDEX env_operations_env ON env_operations(env_id, id);
