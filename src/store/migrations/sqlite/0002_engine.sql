-- Durable workflow engine (src/engine/). Times are milliseconds since the
-- epoch; JSON is stored as text.
CREATE TABLE workflows (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  state TEXT NOT NULL,
  input TEXT NOT NULL,
  error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX workflows_subject ON workflows (kind, subject);

-- One row per step reached; a step keeps its row across retries and re-runs.
-- attempt grows on every claim and fences late commits of a lost lease.
CREATE TABLE workflow_steps (
  id INTEGER PRIMARY KEY,
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
-- Claiming scans due steps: pending by run_after, running by lease_until.
CREATE INDEX workflow_steps_due ON workflow_steps (state, run_after);
CREATE INDEX workflow_steps_lease ON workflow_steps (state, lease_until);

-- TEST-ONLY: written by the `sample` workflow kind (registered only when
-- SLIPWAY_TESTING=1) so crash tests can check that every step's commit
-- happened exactly once and that no step's work ran twice.
CREATE TABLE engine_sample_effect (
  workflow_id TEXT NOT NULL,
  step_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE engine_sample_execution (
  workflow_id TEXT NOT NULL,
  step_name TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  process TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
