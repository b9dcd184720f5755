-- Swimlanes (R-LANE-1..13). Times are milliseconds since the epoch. A
-- deleted lane keeps its row (state 'deleted') for the record; its name and
-- namespace are free again.
CREATE TABLE lanes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  -- Derived from the name (core/lane/lane_names): unique among live lanes,
  -- so two names mapping to one namespace cannot both exist.
  namespace TEXT NOT NULL,
  story_workspace TEXT NOT NULL,
  story_id TEXT NOT NULL,
  story_url TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL,
  -- JSON array of user names.
  members TEXT NOT NULL DEFAULT '[]',
  base_env_type TEXT NOT NULL,
  cluster_id BIGINT NOT NULL REFERENCES clusters(id),
  -- JSON: {"producers": [...], "consumers": [{"app","topic","group"}]}.
  coloring TEXT NOT NULL DEFAULT '{}',
  -- creating | active | failed | deleting | deleted (core/lane/lane.hpp)
  state TEXT NOT NULL,
  -- The secret token of the lane's GitLab push hooks, sealed (SecretBox).
  hook_token_sealed TEXT NOT NULL DEFAULT '',
  -- Where expiry notices go: {"type","url","secret"} sealed, or ''.
  notify_sealed TEXT NOT NULL DEFAULT '',
  workflow_id TEXT NOT NULL DEFAULT '',
  last_activity_at BIGINT NOT NULL,
  pending_deletion_at BIGINT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX lanes_live_namespace ON lanes(namespace) WHERE state <> 'deleted';
CREATE INDEX lanes_state ON lanes(state, id);

-- The applications of a lane, what they copy and what was last seen of them.
CREATE TABLE lane_apps (
  lane_id BIGINT NOT NULL REFERENCES lanes(id),
  app_id BIGINT NOT NULL REFERENCES apps(id),
  -- No foreign key: the base environment may be deleted under a lane; the
  -- lane then reports it instead of losing its record.
  base_env_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  -- JSON: {"replicas": n|null, "env": [{"name","value"}], "domains": [...]}.
  spec TEXT NOT NULL,
  branch_head TEXT NOT NULL DEFAULT '',
  last_build_id BIGINT NOT NULL DEFAULT 0,
  deployed_image TEXT NOT NULL DEFAULT '',
  pods_ready BIGINT NOT NULL DEFAULT 0,
  hook_id BIGINT NOT NULL DEFAULT 0,
  live_updated_at BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (lane_id, app_id)
);

-- What happened in a lane: pushes, builds and deploys (push-to-deploy
-- history), renewals and syncs.
CREATE TABLE lane_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  lane_id BIGINT NOT NULL REFERENCES lanes(id),
  app TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX lane_events_lane ON lane_events(lane_id, id);
