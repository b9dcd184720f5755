-- Connectors set by admins through the API (issue 14): they win over the
-- configuration file's `connectors:` section, which stays the bootstrap.
-- Times are milliseconds since the epoch.
CREATE TABLE connectors (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- jenkins | registry | apollo | consul | gitlab | tapd | dns (one row each)
  system TEXT NOT NULL UNIQUE,
  -- The settings that are not secret, as JSON (core/connectors/connector_settings).
  settings TEXT NOT NULL,
  -- The secret fields ({"token": "…"}, {"key_secret": "…"}) as JSON, sealed
  -- with the server's secret key (SecretBox); '' when there are none.
  secrets_sealed TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);

-- One row, counted up by every change of `connectors` in the same
-- transaction: replicas poll it to learn that their clients are stale.
CREATE TABLE connector_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO connector_generation (id, generation) VALUES (1, 0);
